"""`make check` (python -m sitekit check) is the strict build with every check.

Each mistake in a small docs folder fails it with a Danish message that names
the file and line and says what to do, never a traceback; a correct page
passes; time alone never fails it (an overdue review is a warning). "Today" is
passed in with --dato, so no test depends on the real date.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from sitekit.build import build_site

CHECKS = FIXTURES / "checks"
TODAY = "2026-11-26"


def run_check(docs_dir, today: str = TODAY, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    return subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(docs_dir),
                           "--dato", today, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def mx(name: str) -> str:
    """Where a mistake's page lies in the one site that holds them all (see ``all_mistakes``)."""
    return f"docs/vejledning/{name}.md"


def assert_fails_with(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    for text in expected:
        assert text in out, f"{text!r} not in:\n{out}"
    assert "Sådan retter du det:" in out
    assert "Traceback" not in out and "WARNING" not in out, out
    assert out.rstrip().splitlines()[-1].endswith("Kør make review for sider, der snart skal gennemgås.")
    return out


FENCED = """
````markdown
Sådan skriver du en kodeblok:

```text
ZQXW er en forkortelse, [[kontakt vnik]], TODO, radikalisreing
```
````

~~~
[[findes-ikke]] XYZW
~~~
"""


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One check over the correct fixture with a second correct page (kode.md) that shows code in
    fences of every kind: nothing in it is prose."""
    site = tmp_path_factory.mktemp("clean")
    shutil.copytree(CHECKS / "ok" / "docs", site / "docs")
    (site / "docs" / "kode.md").write_text(page("Kode", FENCED), encoding="utf-8")
    (site / "mkdocs.yml").write_text("nav:\n  - Forside: index.md\n  - Kode: kode.md\n", encoding="utf-8")
    return run_check(site / "docs")


def test_correct_page_passes_with_one_summary_line(clean: subprocess.CompletedProcess[str]):
    assert clean.returncode == 0, clean.stdout + clean.stderr
    lines = clean.stdout.strip().splitlines()
    assert lines[-1] == "Ingen fejl fundet. Kør make review for sider, der snart skal gennemgås."
    # Placeholders are for `make review`: at most one line here.
    assert sum("pladsholdere" in line for line in lines) <= 1 and "Mangler stadig" not in clean.stdout


def test_code_examples_and_case_numbers_are_not_mistakes(clean: subprocess.CompletedProcess[str]):
    """The correct fixture shows <script> in a code block and a case number: no alarm."""
    text = (CHECKS / "ok" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<script>" in text and "2015-0014696" in text
    assert clean.returncode == 0, clean.stdout


def test_code_in_any_fence_is_never_prose(clean: subprocess.CompletedProcess[str]):
    """A ```` fence holding ``` lines: no abbreviation, shortcode, TODO or spelling alarm."""
    from sitekit.lix import analyse

    assert analyse(page("Kode", FENCED)) == analyse(page("Kode"))
    assert clean.returncode == 0, clean.stdout


@pytest.mark.parametrize("name, expected", [
    ("invalid-yaml", [f"{mx('invalid-yaml')}:2: Front matter er ikke gyldig YAML"]),
    ("impossible-date", [f"{mx('impossible-date')}:5: En dato findes ikke i kalenderen"]),
    ("missing-metadata", [f"{mx('missing-metadata')}:1: Feltet 'owner' mangler.",
                          f"{mx('missing-metadata')}:1: Feltet 'sources' mangler."]),
    ("wrong-metadata", [
        f"{mx('wrong-metadata')}:4: 'owner: ukendt-enhed' findes ikke i kontaktfilen",
        f"{mx('wrong-metadata')}:5: 'last_reviewed' er ikke en rigtig dato: '26-11-2026'",
        f"{mx('wrong-metadata')}:6: 'review_months: 36' er uden for det tilladte: 1 til 24 måneder.",
        f"{mx('wrong-metadata')}:9: Ukendt målgruppe 'borgere'",
        f"{mx('wrong-metadata')}:11: Kilde nr. 1 mangler både 'url' og 'ref'.",
        f"{mx('wrong-metadata')}:15: Kilde nr. 2: 'date' ligger i fremtiden (2099-01-01)",
        f"{mx('wrong-metadata')}:16: Ukendt felt 'lst_reviewed' i metadata.",
        "Mente du 'last_reviewed'?",
    ]),
    ("future-date", [f"{mx('future-date')}:5: 'last_reviewed' ligger i fremtiden (2099-01-01)"]),
    ("missing-alt", [f"{mx('missing-alt')}:18: Billedet har ingen alternativ tekst.",
                     f"{mx('missing-alt')}:22: Billedet har ingen alternativ tekst."]),
    ("cpr", [f"{mx('cpr')}:16: Her står noget, der ligner et CPR-nummer.",
             f"{mx('cpr')}:18: Her står noget, der ligner et CPR-nummer."]),
    ("email-phone", [f"{mx('email-phone')}:16: E-mailadressen 'sagsbehandler@example.dk' står direkte i teksten.",
                     f"{mx('email-phone')}:18: Telefonnummeret '33 66 33 66' står direkte i teksten."]),
    ("embeds", [f"{mx('embeds')}:16: Siden indeholder et <script>-tag.",
                f"{mx('embeds')}:18: Siden indeholder et <iframe>-tag.",
                f"{mx('embeds')}:20: <img> henter 'https://cdn.example.org/billede.png' fra et andet site.",
                f"{mx('embeds')}:22: <link> henter 'https://fonts.example.org/a.css' fra et andet site."]),
    ("misspelling", [f"{mx('misspelling')}:16: Ukendt ord: 'radikalisreing'. Mente du: radikalisering"]),
    ("hard-to-read", [f"{mx('hard-to-read')}: Teksten er svær at læse: LIX 98 (højst 40)."]),
    ("undefined-abbreviation", [f"{mx('undefined-abbreviation')}:19: Forkortelsen 'KFS' er ikke forklaret"]),
])
def test_mistake_fails_with_file_and_line(all_mistakes: subprocess.CompletedProcess[str], name: str,
                                          expected: list[str]):
    out = assert_fails_with(all_mistakes, *expected)
    assert f"{mx(name)}:" in out


# A correct page without images (so it can lie in any folder), to append a mistake to.
PAGE = (CHECKS / "ok" / "docs" / "index.md").read_text(encoding="utf-8").split("\n# Forside")[0] + """
# {title}

Du kan læse om radikalisering her. Siden er kort, men den er en rigtig side med kilder og en ansvarlig.
Teksten er lang nok til, at værktøjet kan finde den i filen. Derfor står der lidt mere her end på andre sider.
"""
HARD = ("Sagsbehandlerens organisatoriske forankring nødvendiggør tværfaglig koordinering, "
        "dokumentationsmæssig konsolidering og ledelsesmæssig opfølgning vedrørende bekymringshenvendelser, ") * 6
GUIDE_BROKEN = (FIXTURES / "sites" / "guide-broken" / "docs" / "_data" / "beslutningsguide.yml").read_text("utf-8")
GUIDE_SIDE_MISTAKE = GUIDE_BROKEN.replace("til: findes-ikke", "til: svar-ja").replace("review_months: 24",
                                                                                     "review_months: 36")
# The project's glossary with one term explained a second time on its last line.
GLOSSARY = (ROOT / "docs" / "_snippets" / "ordliste.md").read_text(encoding="utf-8")
# Mistakes only the build sees, each at the end of a correct page of its own (docs/vejledning/<name>.md).
BUILD_MISTAKES = {
    "kontakt-id": ("Kontakt", "Ring til [[kontakt vnik telefon]]."),
    "shortcode": ("Koder", "[[kontkat vink]]"),
    "link": ("Links", "Læs [mere](findes-ikke.md) og [afsnittet](anden.md#hvornaar)."),
    # The procedure's steps, rendered by an earlier hook, add lines above the mistake.
    "efter-trin": ("Trin", "[[første-skridt]]\n\n[[kontkat vink]]"),
    # This site has no docs/_data/selvtjek.yml: the marker would stay an invisible comment.
    "selvtjek": ("Selvtjek", "<!-- selvtjek: modul-1 -->"),
}
# A page shorter than the text the hooks add at its end.
SHORT = PAGE.split("\n# {title}")[0] + "\n# Kort side\n\nRing til [[kontkat vink]].\n"
UNFINISHED = ("{stand_in}\n\nHer mangler et afsnit. TODO: skriv det.\n\n"
              "```text\nTODO i en kodeblok er et eksempel\n```\n\n`FIXME` i kode er også et eksempel.")


def page(title: str, text: str = "") -> str:
    return PAGE.format(title=title) + (f"\n{text}\n" if text else "")


def appended(extra: int = 0) -> int:
    """The line of a mistake appended to a correct page (after one blank line), plus ``extra`` lines."""
    return len(page("x").splitlines()) + 2 + extra


@pytest.fixture(scope="module")
def all_mistakes(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One check over one site that holds every mistake that does not stop the build, each on a
    guidance page of its own (docs/vejledning/<mistake>.md): the fixture pages under
    tests/fixtures/checks/, the mistakes in BUILD_MISTAKES, an unfinished page, a glossary with a
    term defined twice, and a decision guide whose generated answer is hard to read. One build for
    all of them, one test per mistake."""
    from sitekit.checks.unfinished import STAND_INS

    docs = tmp_path_factory.mktemp("mistakes") / "docs"
    shutil.copytree(CHECKS / "ok" / "docs", docs)
    (docs / "vejledning").mkdir()
    shutil.copy(CHECKS / "ok" / "docs" / "billede.png", docs / "vejledning" / "billede.png")
    for fixture in sorted(CHECKS.iterdir()):
        if fixture.name not in ("ok", "not-in-nav", "overdue"):
            shutil.copy(fixture / "docs" / "index.md", docs / "vejledning" / f"{fixture.name}.md")
    extra = {**BUILD_MISTAKES, "ufaerdig": ("Ny side", UNFINISHED.format(stand_in=STAND_INS[0]))}
    for name, (title, text) in extra.items():
        (docs / "vejledning" / f"{name}.md").write_text(page(title, text), encoding="utf-8")
    (docs / "vejledning" / "kort.md").write_text(SHORT, encoding="utf-8")
    (docs / "vejledning" / "anden.md").write_text(page("Anden side", "## Hvornår må du dele?"), encoding="utf-8")
    (docs / "_snippets").mkdir()
    (docs / "_snippets" / "ordliste.md").write_text(GLOSSARY + "*[VINK]: Igen\n", encoding="utf-8")
    guide = GUIDE_BROKEN.replace("til: findes-ikke", "til: svar-nej") + (
        f"  svar-nej:\n    svar: Det er ikke en test\n    tekst: {HARD.strip(', ')}.\n    hvad_sker_der_nu: Intet.\n")
    (docs / "_data").mkdir()
    (docs / "_data" / "beslutningsguide.yml").write_text(guide, encoding="utf-8")
    (docs / "vejledning" / "skal-jeg-kontakte-vink").mkdir()
    (docs / "vejledning" / "skal-jeg-kontakte-vink" / "index.md").write_text(page("Skal jeg kontakte VINK?"),
                                                                           encoding="utf-8")
    return run_check(docs)


@pytest.fixture(scope="module")
def menu_mistakes(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One check over the fixture whose menu misses a page and names one that does not exist, with a
    decision guide whose shared page metadata ('side') has a mistake."""
    site = tmp_path_factory.mktemp("menu") / "not-in-nav"
    shutil.copytree(CHECKS / "not-in-nav", site)
    (site / "docs" / "_data").mkdir()
    (site / "docs" / "_data" / "beslutningsguide.yml").write_text(GUIDE_SIDE_MISTAKE, encoding="utf-8")
    return run_check(site / "docs")


def test_pages_missing_from_the_menu_and_menu_lines_without_a_file(menu_mistakes: subprocess.CompletedProcess[str]):
    assert_fails_with(menu_mistakes, "not-in-nav/docs/glemt.md:1: Siden er ikke med i menuen (nav i mkdocs.yml).",
                      "not-in-nav/mkdocs.yml:3: Menuen (nav) nævner 'findes-ikke.md'")
    # Pages listed under not_in_nav need no menu line.
    assert "indgang/trin.md" not in menu_mistakes.stdout


def test_lix_is_measured_on_generated_pages_too(all_mistakes: subprocess.CompletedProcess[str]):
    """The decision guide's pages exist only in the build; their text is held to the limit as well."""
    out = assert_fails_with(all_mistakes, "vejledning/skal-jeg-kontakte-vink/svar-nej.md: Teksten er svær at læse",
                            "ret teksten dér")
    assert "svar-ja.md: Teksten" not in out


# --- mistakes only the build sees fail `make check` with the build's own message ---------------

def test_mistyped_contact_id_names_the_line_and_the_right_id(all_mistakes: subprocess.CompletedProcess[str]):
    assert_fails_with(all_mistakes, f"{mx('kontakt-id')}:{appended()}: [[kontakt vnik telefon]]: "
                      "Kontakten 'vnik'", "Mente du 'vink'?")


def test_unknown_shortcode_names_its_line(all_mistakes: subprocess.CompletedProcess[str]):
    assert_fails_with(all_mistakes, f"{mx('shortcode')}:{appended()}: Koden [[kontkat vink]] findes ikke.")


def test_the_line_is_right_on_a_short_page_and_below_rendered_steps(all_mistakes: subprocess.CompletedProcess[str]):
    short = len(SHORT.splitlines())
    assert_fails_with(all_mistakes, f"{mx('kort')}:{short}: Koden [[kontkat vink]] findes ikke.",
                      f"{mx('efter-trin')}:{appended(2)}: Koden [[kontkat vink]] findes ikke.")


def test_a_self_check_without_its_data_file_names_the_marker_and_the_file(all_mistakes):
    assert_fails_with(all_mistakes, f"{mx('selvtjek')}:{appended()}: Siden bruger <!-- selvtjek: modul-1 -->, "
                      "men datafilen docs/_data/selvtjek.yml findes ikke.", "git restore docs/_data/selvtjek.yml")


def test_glossary_term_defined_twice(all_mistakes: subprocess.CompletedProcess[str]):
    line = len(GLOSSARY.splitlines()) + 1
    assert_fails_with(all_mistakes, f"_snippets/ordliste.md:{line}: 'VINK' er forklaret to gange i ordlisten")


def test_decision_guide_step_pointing_nowhere(unreadable: subprocess.CompletedProcess[str]):
    assert_fails_with(unreadable, "ok/docs/_data/beslutningsguide.yml:18: Valget 'Nej' i 'foerste' "
                      "peger på 'findes-ikke', som ikke findes.")


def test_decision_guide_page_metadata_is_checked_in_the_guides_file(menu_mistakes: subprocess.CompletedProcess[str]):
    """The guide's pages exist only in the build: a mistake in their shared metadata ('side') is
    reported on its line in beslutningsguide.yml, not on a page the editor cannot open."""
    out = assert_fails_with(menu_mistakes, "not-in-nav/docs/_data/beslutningsguide.yml:6: Under 'side': "
                            "'review_months: 36' er uden for det tilladte: 1 til 24 måneder.")
    assert "skal-jeg-kontakte-vink/foerste.md" not in out


def test_broken_link_and_anchor_list_what_exists(all_mistakes: subprocess.CompletedProcess[str]):
    link = f"{mx('link')}:{appended()}"
    out = assert_fails_with(all_mistakes,
                            f"{link}: Linket 'findes-ikke.md' peger på en fil, der ikke findes.",
                            f"{link}: Linket 'anden.md#hvornaar' peger på afsnittet '#hvornaar' på siden "
                            "'vejledning/anden.md', men det afsnit findes ikke.",
                            "Siden har disse afsnit: #anden-side, #hvornår-må-du-dele")
    # Once: lychee over the built page finds the same anchor, without a line.
    assert out.count("afsnittet '#hvornaar'") == 1, out


def test_unfinished_page_cannot_be_published(all_mistakes: subprocess.CompletedProcess[str]):
    path = mx("ufaerdig")
    out = assert_fails_with(all_mistakes, f"{path}:{appended()}: Siden er ikke færdig: skabelonens tekst",
                            f"{path}:{appended(2)}: Siden er ikke færdig: 'TODO' står i teksten.")
    assert "FIXME" not in out and out.count("'TODO' står i teksten") == 1
    assert "Forkortelsen 'TODO'" not in out  # one mistake, one message


@pytest.fixture(scope="module")
def unreadable(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One check over the correct fixture with two files that cannot be read, its menu (a line
    indented one space too little) and its contacts file, and a decision guide whose step points
    nowhere (its steps are checked without the contacts)."""
    site = tmp_path_factory.mktemp("unreadable") / "ok"
    shutil.copytree(CHECKS / "ok", site)
    (site / "mkdocs.yml").write_text("nav:\n  - Forside: index.md\n - Anden: anden.md\n", encoding="utf-8")
    (site / "docs" / "_data").mkdir()
    (site / "docs" / "_data" / "kontakter.yml").write_text(
        "kontakter:\n  redaktionen:\n    navn: Redaktionen\n   beskrivelse: [forkert\n", encoding="utf-8")
    (site / "docs" / "_data" / "beslutningsguide.yml").write_text(GUIDE_BROKEN, encoding="utf-8")
    # Pages that use the contacts: an owner, a contact code, and the review report (make review's page).
    (site / "docs" / "kontakt.md").write_text(page("Kontakt", "Ring til [[kontakt vink]]."), encoding="utf-8")
    (site / "docs" / "redaktoerer").mkdir()
    (site / "docs" / "redaktoerer" / "gennemgang.md").write_text(page("Gennemgang"), encoding="utf-8")
    return run_check(site / "docs")


def test_a_page_saved_in_another_character_set_names_the_line_and_how_to_save_it(tmp_path: Path):
    """Saved as Windows-1252 (as an older editor may do): no tool can read it, so the check stops there."""
    docs = tmp_path / "docs"
    shutil.copytree(CHECKS / "ok" / "docs", docs)
    (docs / "kode.md").write_bytes(page("Kode", "Skal jeg kontakte VINK? Ja, hvis du er bekymret.").encode("cp1252"))
    line = next(n for n, text in enumerate(page("Kode").splitlines(), 1) if not text.isascii())
    assert_fails_with(run_check(docs), f"docs/kode.md:{line}: Filen er ikke gemt som UTF-8", "Gem filen igen")


def test_menu_line_indented_wrongly_in_fixture_menu(unreadable: subprocess.CompletedProcess[str]):
    out = assert_fails_with(unreadable, "ok/mkdocs.yml:3: Filen er ikke gyldig YAML", "Tjek indrykningen")
    assert "yaml." not in out


def test_menu_line_indented_wrongly_in_mkdocs_yml(tmp_path: Path):
    """The real configuration with one menu line indented 4 spaces instead of 6."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    broken = text.replace("      - vejledning/vink.md", "    - vejledning/vink.md")
    assert broken != text
    config = tmp_path / "mkdocs.yml"
    config.write_text(broken, encoding="utf-8")
    shutil.copy2(ROOT / "mkdocs-base.yml", tmp_path / "mkdocs-base.yml")
    line = broken.splitlines().index("    - vejledning/vink.md") + 1
    result = build_site(tmp_path / "site", config=config)
    assert_fails_with(result, f"mkdocs.yml:{line}: Filen er ikke gyldig YAML", "Tjek indrykningen")


def test_yaml_error_in_a_data_file(unreadable: subprocess.CompletedProcess[str]):
    assert_fails_with(unreadable, "docs/_data/kontakter.yml:4: Kontaktfilen er ikke gyldig YAML")


def test_an_unreadable_contacts_file_is_one_mistake_not_one_per_page(unreadable: subprocess.CompletedProcess[str]):
    """The pages that use a contact are not blamed for the file, and the review report does not crash."""
    out = assert_fails_with(unreadable, "Kontaktfilen er ikke gyldig YAML")
    assert out.count("Kontaktfilen er ikke gyldig YAML") == 1, out
    assert "findes ikke i kontaktfilen" not in out and "Kontakten 'vink'" not in out, out


# --- time does not break the build ----------------------------------------------------------

def test_overdue_review_is_a_warning_not_an_error(tmp_path: Path):
    """Two pages due for review one day apart, checked on the later day: the page due the day before
    is a warning, the page due today is not (yet)."""
    docs = tmp_path / "docs"
    shutil.copytree(CHECKS / "overdue" / "docs", docs)
    text = (docs / "index.md").read_text(encoding="utf-8")
    assert "last_reviewed: 2020-01-15\nreview_months: 12\n" in text  # due 2021-01-15
    (docs / "i-dag.md").write_text(text.replace("2020-01-15", "2020-01-16").replace("# Forside", "# I dag"),
                                   encoding="utf-8")
    result = run_check(docs, today="2021-01-16")
    assert result.returncode == 0, result.stdout
    assert "docs/index.md:5: Advarsel: Siden skulle have været gennemgået senest 15. januar 2021." in result.stdout
    assert result.stdout.count("Advarsel") == 1 and "i-dag.md" not in result.stdout, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("Ingen fejl fundet. 1 advarsel.")


# The real docs with the clock years ahead (no errors, every page a warning): `make check DATO=2099-06-01`
# in tests/test_newpage.py (test_make_new_page_then_text_then_make_check_from_a_clean_copy), which builds
# the real site anyway.


def test_make_prints_no_english_error_line(tmp_path: Path):
    """The Makefile's way to fail quietly: no 'make: *** ... Error 1', and a non-zero exit."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    quiet = next(line for line in makefile.splitlines() if line.startswith("QUIET_FAIL ="))
    (tmp_path / "Makefile").write_text(f"SHELL := /bin/bash\n{quiet}\nfail:\n\t@echo 1 fejl; false $(QUIET_FAIL)\n"
                                       "\t@echo efter\n")
    # As in a terminal: make honours Ctrl-C (SIGINT), even when this test runs in the background.
    result = subprocess.run(["make", "fail"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert result.returncode != 0
    assert result.stdout == "1 fejl\n" and "make:" not in result.stderr and "Error" not in result.stderr


@pytest.mark.parametrize("target, variables, expected", [
    ("review", ["EJER=findes-ikke"], "'findes-ikke' findes ikke i docs/_data/kontakter.yml"),
    ("new-page", ["TITEL=Ny side", "AFSNIT=forkert"], "Siden blev ikke oprettet: Ukendt afsnit 'forkert'"),
    ("new-page", ["TITEL=Ny side", "EJER=findes-ikke"], "Siden blev ikke oprettet: 'findes-ikke' findes ikke"),
    ("publish", ["VERSION=2027 1", "GAELDENDE_FRA=2027-01-01"], "Udgavenummeret '2027 1' kan ikke bruges"),
])
def test_a_wrong_value_on_the_command_line_is_one_danish_message(target: str, variables: list[str], expected: str):
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), target, *variables],
                            capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "make:" not in result.stderr and "Error" not in result.stderr, result.stderr


def test_a_glossary_line_without_its_colon_is_one_mistake_at_that_line(tmp_path: Path):
    """Not an unexplained abbreviation on every page that uses it."""
    docs = tmp_path / "docs"
    shutil.copytree(CHECKS / "ok" / "docs", docs)
    (docs / "_snippets").mkdir()
    broken = GLOSSARY.replace("*[VINK]: ", "*[VINK] ", 1).replace("\nunderretning: ", "\nunderretning ", 1)
    assert broken.count("\n") == GLOSSARY.count("\n") and broken != GLOSSARY
    (docs / "_snippets" / "ordliste.md").write_text(broken, encoding="utf-8")
    (docs / "vink.md").write_text(page("Om VINK", "VINK hjælper dig. Spørg VINK."), encoding="utf-8")
    lines = broken.splitlines()
    vink = next(i for i, line in enumerate(lines, 1) if line.startswith("*[VINK] "))
    term = next(i for i, line in enumerate(lines, 1) if line.startswith("underretning "))
    out = assert_fails_with(run_check(docs), f"_snippets/ordliste.md:{vink}: Linjen mangler et kolon efter [VINK].",
                            f"_snippets/ordliste.md:{term}: Linjen i blokken med begreber mangler et kolon")
    assert "ikke forklaret i ordlisten" not in out
    assert out.rstrip().splitlines()[-1].startswith("2 fejl i 1 fil.")


def test_committing_the_english_page_without_translating_it_does_not_count(tmp_path: Path):
    """A translation says which Danish text it translates (translated_from); saving or committing the
    English file alone leaves it behind, and the reason names dates in words, not a commit."""
    from sitekit import translations

    def commit(message: str, day: str) -> None:
        env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="T",
                   GIT_COMMITTER_EMAIL="t@example.invalid", GIT_AUTHOR_DATE=f"{day}T10:00:00+01:00",
                   GIT_COMMITTER_DATE=f"{day}T10:00:00+01:00")
        for args in (["add", "-A"], ["commit", "-qm", message]):
            subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    def write(name: str, translated: str, body: str) -> None:
        head = f"---\ntitle: Side\nlast_reviewed: 2026-01-01\n{translated}---\n\n"
        (docs / name).write_text(head + body + "\n", encoding="utf-8")

    docs = tmp_path / "docs"
    docs.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("side.md", "", "Dansk tekst.")
    commit("Danish", "2026-01-01")
    write("side.en.md", "translated_from: 2026-01-01\n", "English text.")
    commit("English", "2026-01-02")
    assert translations.status(docs, core=()).behind == []
    write("side.md", "", "Rettet dansk tekst.")
    commit("Danish fix", "2026-01-05")
    # The English file is committed again, with a change but without a new translated_from.
    write("side.en.md", "translated_from: 2026-01-01\n", "English text, one typo fixed.")
    commit("English typo", "2026-01-06")
    [behind] = translations.status(docs, core=()).behind
    assert behind.reason.startswith("Den danske side er ændret 5. januar 2026, men oversættelsen er af den "
                                    "danske tekst fra 1. januar 2026")
    assert not re.search(r"\b[0-9a-f]{7,40}\b", behind.reason)
    # Translated: the new date clears it.
    write("side.en.md", "translated_from: 2026-01-05\n", "Corrected English text.")
    commit("English translated", "2026-01-06")
    assert translations.status(docs, core=()).behind == []


# --- the decision guide and the self-checks: each mistake on its line in the data file -------------

GUIDE_MISTAKES = """start: foerste
side: {owner: redaktionen, last_reviewed: 2026-11-01, review_months: 24, audience: [alle],
       sources: [{title: Testkilde, ref: Test}]}
trin:
  foerste:
    spoergsmaal: Er det en test?
    valg:
      - tekst: Yes
        til: svar-ja
      - tekst: No
        til: svar-ja
  svar-ja:
    svar: Det er en test
    tekst: Godt.
    hvad_sker_nu: Intet.
"""
SELF_CHECK_MISTAKES = """modul-a:
  - spørgsmål: Hvad gør du først?
    svar:
      - tekst: Jeg ringer 112.
        rigtig: true
      - Jeg taler med min leder.
    forklaring: Fordi.
modul-b:
  - spørgsmål: Hvad gør du først?
    svar:
      - tekst: Jeg ringer 112.
        rigtigt: ja
      - Jeg taler med min leder.
    forklaring: Fordi.
modul-c:
  - spørgsmål: Hvad gør du først?
    svar:
      - tekst: Jeg ringer 112.
        rigtigt: true
      - tekst: Jeg taler med min leder.
        rigtigt: true
    forklaring: Fordi.
Modul D:
  - spørgsmål: Hvad?
    svar: [a, b]
    forklaring: Fordi.
"""
PROCEDURE_MISTAKES = """titel: De første skridt
figurtekst: Trinnene som tegning.
trin:
  - id: akut-fare
    hvis: Er nogen i fare lige nu?
    goer: Ring 112.
  - id: leder
    goor: Tal med din leder.
"""
PROGRAM_MISTAKES = """moduler:
  modul-1:
    titel: Modul 1
    side: index.md
    målgruppe: alle
    minutter: 10
    plan:
      - titel: Velkomst
        minuter: 10
formater: {}
"""
GUIDE, SETS = "docs/_data/beslutningsguide.yml", "docs/_data/selvtjek.yml"
STEPS, PROGRAM = "docs/_data/foerste-skridt.yml", "docs/_data/program.yml"


@pytest.fixture(scope="module")
def data_mistakes(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One check over a site whose data files (decision guide, self-checks, a procedure, the training
    programme) hold one mistake of each kind."""
    docs = tmp_path_factory.mktemp("data") / "docs"
    shutil.copytree(CHECKS / "ok" / "docs", docs)
    (docs / "_data").mkdir()
    (docs / "_data" / "beslutningsguide.yml").write_text(GUIDE_MISTAKES, encoding="utf-8")
    (docs / "_data" / "selvtjek.yml").write_text(SELF_CHECK_MISTAKES, encoding="utf-8")
    (docs / "_data" / "foerste-skridt.yml").write_text(PROCEDURE_MISTAKES, encoding="utf-8")
    (docs / "_data" / "program.yml").write_text(PROGRAM_MISTAKES, encoding="utf-8")
    return run_check(docs)


@pytest.mark.parametrize("expected", [
    # yes/no without quotes is read as true/false, not as the answer's text
    f"{GUIDE}:10: Valg nr. 2 i 'foerste': Feltet 'tekst' skal være tekst, men er 'False'. Sæt anførselstegn",
    # a misspelt key in a step
    f"{GUIDE}:15: Trinnet 'svar-ja': ukendt felt 'hvad_sker_nu'. Brug svar, tekst, hvad_sker_der_nu. "
    "Mente du 'hvad_sker_der_nu'?",
    f"{GUIDE}:12: Svaret 'svar-ja' mangler 'hvad_sker_der_nu'.",
    # a misspelt key in a self-check answer
    f"{SETS}:5: Selvtjekket 'modul-a', spørgsmål 1: ukendt felt 'rigtig'. Brug tekst, rigtigt, hvorfor. "
    "Mente du 'rigtigt'?",
    # a value that is not true or false
    f"{SETS}:12: Selvtjekket 'modul-b', spørgsmål 1: Feltet 'rigtigt' skal være true eller false, men er 'ja'.",
    # two right answers: on the line of the answers
    f"{SETS}:17: Selvtjekket 'modul-c', spørgsmål 1: præcis ét svar skal have 'rigtigt: true' (fandt 2).",
    # a set id that a marker cannot name
    f"{SETS}:23: Sættet 'Modul D' skal være en liste med spørgsmål, og id'et må kun have små bogstaver",
    # a phone number written in a procedure's step instead of a contact shortcode
    f"{STEPS}:4: Trin 1: skriv ikke numre i trinnet. Brug [[kontakt ID telefon]]",
    f"{STEPS}:8: Trin 2: ukendt felt 'goor'. Brug id, goer, hvis, tekst, akut, noegleord. Mente du 'goer'?",
    # a misspelt key in the training programme
    f"{PROGRAM}:9: modulet 'modul-1': ukendt felt 'minuter'. Brug titel, minutter, form, case, eller, grupper, "
    "plenum, modul, afsnit, udskriv, dele, sig, spørg, gør, vis. Mente du 'minutter'?",
])
def test_data_file_mistakes_name_their_line(data_mistakes: subprocess.CompletedProcess[str],
                                                       expected: str):
    assert_fails_with(data_mistakes, expected)


def test_cpr_and_misspelling_in_a_data_file_fail_make_check_at_its_line(tmp_path: Path):
    """Text from a data file is checked as readers get it (the rendered page), and reported at the
    data file's own line: a CPR number, a misspelled word, an unexplained abbreviation and a TODO in the
    decision guide's questions. A small site with the real data files (the real site is built once per run,
    by the shared fixture): the guide's pages are made from the data wherever they are."""
    docs = tmp_path / "docs"
    shutil.copytree(CHECKS / "ok" / "docs", docs)
    (docs / "_data").mkdir()
    for name in ("beslutningsguide.yml", "kontakter.yml", "foerste-skridt.yml", "efter-vink.yml", "ordliste-stavning.txt"):
        shutil.copy2(ROOT / "docs" / "_data" / name, docs / "_data" / name)
    shutil.copytree(ROOT / "docs" / "vejledning" / "skal-jeg-kontakte-vink", docs / "vejledning" / "skal-jeg-kontakte-vink",
                    ignore=shutil.ignore_patterns("*.en.md"))
    guide = docs / "_data" / "beslutningsguide.yml"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("    spoergsmaal: Er nogen i fare lige nu?", "    spoergsmaal: Er nogen i fare lige nu, fx 010190-1234?")
    text = text.replace("      - tekst: Nej, ingen er i fare lige nu", "      - tekst: Nej, ingen er i fare lige nuu QZX TODO")
    guide.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    cpr = next(n for n, line in enumerate(lines, start=1) if "010190-1234" in line)
    word = next(n for n, line in enumerate(lines, start=1) if "nuu" in line)
    result = build_site(tmp_path / "site", docs_dir=docs, today=TODAY, env={"SITEKIT_SPELLING": "kraev"})
    assert result.returncode != 0, result.stdout
    rows = result.stdout.splitlines()
    assert any(f"beslutningsguide.yml:{cpr}: Her står noget, der ligner et CPR-nummer" in row for row in rows), result.stdout
    assert any(f"beslutningsguide.yml:{word}: Ukendt ord: 'nuu'" in row for row in rows), result.stdout
    assert any(f"beslutningsguide.yml:{word}: Forkortelsen 'QZX' er ikke forklaret" in row for row in rows), result.stdout
    assert any(f"beslutningsguide.yml:{word}: Teksten er ikke færdig: 'TODO'" in row for row in rows), result.stdout
