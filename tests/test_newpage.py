"""`make new-page` (python -m sitekit new-page): the page it writes is added to
the menu and passes `make check`; a mistake is refused with a Danish message,
without touching an existing file. The whole path through `make`, in a fresh
clone, as a user who is not root, is tested in test_fresh_clone.py."""

from __future__ import annotations

import re
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
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Forside: index.md\n  - Vejledning:\n", encoding="utf-8")
    return tmp_path / "docs"


def test_a_new_page_is_added_to_the_menu_and_passes_the_checks(tmp_path):
    docs = site(tmp_path)
    result = new_page(docs, "--title", "Hvad gør du, når en kollega er bekymret?", "--section", "vejledning")
    assert result.returncode == 0, result.stdout + result.stderr
    path = docs / "vejledning" / "hvad-goer-du-naar-en-kollega-er-bekymret.md"
    assert "Oprettet: " in result.stdout and path.name in result.stdout
    page = parse_page(path)
    assert page.meta["title"] == "Hvad gør du, når en kollega er bekymret?"
    assert str(page.meta["last_reviewed"]) == TODAY
    assert page.meta["owner"] == "redaktionen"
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert config == ("nav:\n  - Forside: index.md\n  - Vejledning:\n"
                      "      - vejledning/hvad-goer-du-naar-en-kollega-er-bekymret.md\n")
    assert "Tilføjet i menuen: " in result.stdout and "mkdocs.yml:4:" in result.stdout
    # A second new page, left as the template wrote it: one check run shows both.
    draft = new_page(docs, "--title", "Kladde", "--section", "vejledning")
    assert draft.returncode == 0, draft.stdout + draft.stderr
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n# ")
    head = re.sub(r"^description: .*$", 'description: "Råd, når en kollega er bekymret."', head, count=1, flags=re.M)
    path.write_text(head + "\n# Hvad gør du, når en kollega er bekymret?\n\nDu kan få råd hos din leder.\n",
                    encoding="utf-8")
    checked = run_check(docs)
    out = checked.stdout + checked.stderr
    # The template's stand-in text is not a finished page: the editor writes the text.
    assert checked.returncode == 1 and "vejledning/kladde.md:" in out and "Siden er ikke færdig" in out, out
    # The page with its text written passes: every mistake found is the draft's.
    problems = [line for line in out.splitlines() if line and not line.startswith((" ", "Bemærk:"))][:-1]
    assert problems and all("vejledning/kladde.md:" in line for line in problems), out
    assert out.rstrip().splitlines()[-1].split(". ")[0].endswith("fejl i 1 fil"), out


def test_piped_answers_are_refused_with_a_hint(tmp_path):
    docs = site(tmp_path)
    result = subprocess.run([sys.executable, "-m", "sitekit", "new-page", "--docs-dir", str(docs)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            input="Min side\nvejledning\nredaktionen\n")
    assert result.returncode == 2
    assert "kan ikke læse svar, der sendes ind med en pipe" in result.stderr
    assert 'make new-page TITEL="Sidens titel" AFSNIT=vejledning EJER=redaktionen' in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((docs / "vejledning").glob("*.md")) or not (docs / "vejledning" / "min-side.md").exists()
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").count("\n") == 3


def test_a_menu_that_cannot_be_read_leaves_everything_untouched(tmp_path):
    docs = site(tmp_path)
    broken = "nav:\n  - Forside: index.md\n  - Vejledning:\n      - a.md\n    - b.md\n"
    (tmp_path / "mkdocs.yml").write_text(broken, encoding="utf-8")
    result = new_page(docs, "--title", "Ny side", "--section", "vejledning")
    assert result.returncode == 1
    assert "Siden blev ikke oprettet: mkdocs.yml:5: Filen er ikke gyldig YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == broken
    assert not (docs / "vejledning" / "ny-side.md").exists()


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


def test_the_placeholder_description_fails_the_check_until_it_is_replaced(tmp_path):
    docs = site(tmp_path)
    assert new_page(docs, "--title", "Hvem ringer du til?", "--section", "vejledning").returncode == 0
    path = docs / "vejledning" / "hvem-ringer-du-til.md"
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n# ")
    path.write_text(head + "\n# Hvem ringer du til?\n\nRing til din leder, når du er bekymret for en borger.\n",
                    encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("description:"))
    result = run_check(docs)
    assert result.returncode == 1, result.stdout
    assert (f"vejledning/hvem-ringer-du-til.md:{line}: Siden er ikke færdig: beskrivelsen er stadig skabelonens."
            in result.stdout), result.stdout
    path.write_text(re.sub(r"^description: .*$", 'description: "Hvem du ringer til, når du er bekymret."',
                           path.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    result = run_check(docs)
    assert result.returncode == 0, result.stdout
