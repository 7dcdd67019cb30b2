"""The strict build: the real site passes, and each kind of mistake in a small
fixture site fails it with a message that names the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from sitekit.build import build_site

SITES = FIXTURES / "sites"


def _build_fixture(name: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return build_site(tmp_path / "site", docs_dir=SITES / name / "docs", auto_nav=True)


def test_real_site_builds_strictly(built_site: Path):
    assert (built_site / "index.html").is_file()
    assert "Siden findes ikke" in (built_site / "404.html").read_text(encoding="utf-8")
    assert (built_site / "search" / "search_index.json").is_file()


def test_correct_fixture_site_builds(tmp_path: Path):
    result = _build_fixture("ok", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "anden" / "index.html").is_file()


@pytest.mark.parametrize("name, expected", [
    ("broken-link", "findes-ikke.md"),
    ("broken-anchor", "intet-afsnit"),
    ("foreign-script", "cdn.example.org"),
])
def test_mistake_fails_the_build(name: str, expected: str, tmp_path: Path):
    result = _build_fixture(name, tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "WARNING" in out and expected in out and "index.md" in out, out


def test_make_build_command_fails_on_a_warning(tmp_path: Path):
    """The command editors and CI run (scripts/site.py build) exits non-zero on a warning."""
    result = subprocess.run([sys.executable, "scripts/site.py", "build", "--site-dir", str(tmp_path / "s")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = subprocess.run(
        [sys.executable, "-c",
         "import sys; sys.path.insert(0, 'scripts'); from sitekit.build import build_site; "
         f"r = build_site({str(tmp_path / 'b')!r}, docs_dir={str(SITES / 'broken-link' / 'docs')!r}, auto_nav=True); "
         "sys.exit(r.returncode)"],
        cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0


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
