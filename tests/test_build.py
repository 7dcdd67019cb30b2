"""The strict build: the real site passes, and each kind of mistake in a small
fixture site fails it with a Danish message that names the file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from sitekit.build import build_site

SITES = FIXTURES / "sites"


def _build_fixture(name: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return build_site(tmp_path / "site", docs_dir=SITES / name / "docs")


def test_real_site_builds_strictly(built_site: Path):
    assert (built_site / "index.html").is_file()
    assert "Siden findes ikke" in (built_site / "404.html").read_text(encoding="utf-8")
    assert (built_site / "search" / "search_index.json").is_file()


def test_correct_fixture_site_builds(tmp_path: Path):
    result = _build_fixture("ok", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "anden" / "index.html").is_file()


MISTAKES = [
    ("broken-link", "findes-ikke.md"),
    ("broken-anchor", "intet-afsnit"),
    ("foreign-script", "cdn.example.org"),
]


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One run of the command editors and CI run (python -m sitekit build) over the correct fixture
    site with each fixture mistake on a page of its own (<mistake>.md, with the correct front matter)."""
    top = tmp_path_factory.mktemp("build")
    docs = top / "docs"
    shutil.copytree(SITES / "ok" / "docs", docs)
    front_matter = (SITES / "ok" / "docs" / "index.md").read_text(encoding="utf-8").split("\n# ")[0]
    for name, _ in MISTAKES:
        body = (SITES / name / "docs" / "index.md").read_text(encoding="utf-8")
        (docs / f"{name}.md").write_text(front_matter + "\n" + body, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "sitekit", "build", "--site-dir", str(top / "site"),
                           "--docs-dir", str(docs)], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("name, expected", MISTAKES)
def test_mistake_fails_the_build_command_in_danish(name: str, expected: str, failed_build):
    """The build exits 1, with one summary line, and names each mistake's page."""
    out = failed_build.stdout + failed_build.stderr
    assert failed_build.returncode == 1, out
    assert any(f"/{name}.md:" in row and expected in row for row in out.splitlines()), out
    assert "Sådan retter du det:" in out, out
    assert "WARNING" not in out and "Traceback" not in out
    assert failed_build.stdout.count(" fejl i ") == 1


def test_nothing_named_site_py_shadows_the_standard_library():
    assert not (ROOT / "scripts" / "site.py").exists()
    assert not list((ROOT / "scripts").glob("site.py*"))


def test_every_page_has_accessibility_statement_link(built_site: Path):
    for page in built_site.rglob("*.html"):
        if "assets" in page.parts:
            continue
        # English pages (/en/) name the Danish statement in English.
        link = ("Tilgængelighedserklæring</span>)</a>" if page.relative_to(built_site).parts[0] == "en"
                else "Tilgængelighedserklæring</a>")
        assert link in page.read_text(encoding="utf-8"), page


def test_no_generator_link_and_no_google_fonts(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html
    assert "Made with" not in html
    assert '<html lang="da"' in html
