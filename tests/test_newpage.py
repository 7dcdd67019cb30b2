"""`make new-page` (python -m sitekit new-page): the page it writes is added to
the menu and passes `make check`; a mistake is refused with a Danish message,
without touching an existing file. The whole path through `make`, from a clean
copy of the repository, as a user who is not root, is tested at the end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from test_checks import TODAY, run_check

from conftest import FIXTURES, ROOT, clean_copy
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


# --- the whole local path through make, from a clean copy, not as root ------------

def test_make_new_page_then_text_then_make_check_from_a_clean_copy():
    """An editor's path: `make new-page` with arguments (no questions, stdin
    closed), the page and its menu line are there, the editor writes real text,
    and `make check` passes, even with the clock years ahead. The copy uses this
    checkout's installed .venv."""
    from test_fresh_clone import EDITOR, PLAIN_PATH, _editor

    prefix, user_env, uid = _editor()
    top = Path(tempfile.mkdtemp(prefix="ny-side-", dir="/tmp"))  # pytest's tmp is root's only
    try:
        _editor_path(top, prefix, user_env, uid, EDITOR, PLAIN_PATH)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _editor_path(top: Path, prefix: list[str], user_env: dict, uid: int | None, editor: str, plain_path: str) -> None:
    repo = top / "repo"
    (repo / "requirements.txt").parent.mkdir(parents=True, exist_ok=True)
    (repo / ".venv").symlink_to((ROOT / ".venv").resolve())
    clean_copy(repo, "Ren kopi", untracked=True)
    os.utime(repo / "requirements.txt", (0, 0))  # the shared .venv is up to date: make installs nothing
    if uid is not None:
        os.chmod(top, 0o755)
        subprocess.run(["chown", "-R", f"{editor}:", str(repo)], check=True)
    env = {"PATH": plain_path, "LANG": "C.UTF-8", **user_env}

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(prefix + ["make", *args], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=300, stdin=subprocess.DEVNULL)

    created = make("new-page", "TITEL=Hvornår skal du tale med din leder?", "AFSNIT=vejledning",
                   "EJER=redaktionen", f"DATO={TODAY}")
    assert created.returncode == 0, created.stdout + created.stderr
    page = repo / "docs" / "vejledning" / "hvornaar-skal-du-tale-med-din-leder.md"
    assert page.is_file()
    menu = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - vejledning/hvornaar-skal-du-tale-med-din-leder.md\n  - Kompetenceforløb:" in menu
    diff = subprocess.run(prefix + ["git", "diff", "--numstat", "mkdocs.yml"], cwd=repo, env=env,
                          capture_output=True, text=True, check=True).stdout
    assert diff.split()[:2] == ["1", "0"], diff  # one line added, nothing else touched
    # The developers' configuration is not touched: the menu is the editors' own file.
    base = subprocess.run(prefix + ["git", "diff", "--numstat", "mkdocs-base.yml"], cwd=repo, env=env,
                          capture_output=True, text=True, check=True).stdout
    assert base == "", base

    text = page.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n# ")
    page.write_text(head + "\n# Hvornår skal du tale med din leder?\n\n"
                    "Tal med din leder, når du er bekymret for en borger.\n\n"
                    "Du skal ikke vente, til du er helt sikker. Din leder hjælper dig med at se på sagen.\n",
                    encoding="utf-8")
    # make check with the clock years ahead (this is also the check that time alone never fails the
    # real docs): no errors, and every page, the new one too, is only a warning that it is overdue.
    checked = make("check", "DATO=2099-06-01")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    overdue = [line for line in checked.stdout.splitlines() if "Advarsel: Siden skulle have været gennemgået" in line]
    assert len(overdue) >= 20, checked.stdout
    assert any(line.startswith(f"docs/vejledning/{page.name}:") for line in overdue), checked.stdout
    assert "Ingen fejl fundet." in checked.stdout.splitlines()[-1], checked.stdout
