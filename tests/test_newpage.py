"""`make new-page` (scripts/site.py new-page): the page it writes passes
`make check` once the editor adds the nav line it prints, and a mistake is
refused with a Danish message, without touching an existing file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from test_checks import TODAY, run_check

from conftest import FIXTURES, ROOT
from sitekit.pages import parse_page


def new_page(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", "new-page", "--docs-dir", str(docs), "--dato", TODAY,
                           *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def site(tmp_path: Path) -> Path:
    """The passing fixture site, with a Vejledning section in its nav."""
    shutil.copytree(FIXTURES / "checks" / "ok" / "docs", tmp_path / "docs")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Forside: index.md\n  - Vejledning:\n      - index.md\n",
                                         encoding="utf-8")
    return tmp_path / "docs"


def test_a_new_page_passes_the_checks_once_it_is_in_the_menu(tmp_path):
    docs = site(tmp_path)
    result = new_page(docs, "--title", "Hvad gør du, når en kollega er bekymret?", "--section", "vejledning")
    assert result.returncode == 0, result.stdout + result.stderr
    path = docs / "vejledning" / "hvad-goer-du-naar-en-kollega-er-bekymret.md"
    assert "Oprettet: " in result.stdout and path.name in result.stdout
    page = parse_page(path)
    assert page.meta["title"] == "Hvad gør du, når en kollega er bekymret?"
    assert str(page.meta["last_reviewed"]) == TODAY
    assert page.meta["owner"] == "redaktionen"

    # Not in the menu yet: the check says so.
    before = run_check(docs)
    assert before.returncode == 1
    assert "vejledning/hvad-goer-du-naar-en-kollega-er-bekymret.md" in before.stdout + before.stderr

    # The editor adds the printed line under "Vejledning", as the command says.
    nav_line = result.stdout.strip().splitlines()[-2]
    assert nav_line == "      - vejledning/hvad-goer-du-naar-en-kollega-er-bekymret.md"
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + nav_line + "\n", encoding="utf-8")
    # The template's stand-in text is not a finished page.
    unfinished = run_check(docs)
    assert unfinished.returncode == 1 and "Siden er ikke færdig" in unfinished.stdout, unfinished.stdout
    # The editor writes the text.
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1].split("\n\n", 1)[0]
    path.write_text(text.split("\n---\n", 1)[0] + "\n---\n" + body + "\n\nDu kan få råd hos din leder.\n",
                    encoding="utf-8")
    after = run_check(docs)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "Ingen fejl fundet." in after.stdout


def test_an_existing_page_is_never_overwritten(tmp_path):
    docs = site(tmp_path)
    args = ("--title", "Kontakt", "--section", "vejledning")
    assert new_page(docs, *args).returncode == 0
    path = docs / "vejledning" / "kontakt.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nRedaktørens tekst.\n", encoding="utf-8")
    again = new_page(docs, *args)
    assert again.returncode == 1
    assert "Siden blev ikke oprettet: Filen vejledning/kontakt.md findes allerede." in again.stderr
    assert path.read_text(encoding="utf-8").endswith("Redaktørens tekst.\n")


def test_an_unknown_owner_or_section_is_refused_in_danish(tmp_path):
    docs = site(tmp_path)
    owner = new_page(docs, "--title", "Ny side", "--section", "vejledning", "--owner", "ukendt")
    assert owner.returncode == 1
    assert "'ukendt' findes ikke i docs/_data/kontakter.yml. Vælg et af:" in owner.stderr
    section = new_page(docs, "--title", "Ny side", "--section", "andet")
    assert section.returncode == 1
    assert "Ukendt afsnit 'andet'. Vælg et af: vejledning, kompetenceforloeb, redaktoerer, om." in section.stderr
    assert not list(docs.rglob("ny-side.md"))
