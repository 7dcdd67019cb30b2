"""`make check` (scripts/site.py check): each mistake in a small fixture docs
folder (tests/fixtures/checks/<mistake>/docs) fails with a Danish message that
names the file and line; a correct page passes; the real docs pass in seconds."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, ROOT

CHECKS = FIXTURES / "checks"
# Pin "today" so the fixtures' dates mean the same thing every year.
TODAY = "2026-11-26"


def run_check(docs_dir, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SITEKIT_TODAY=today)
    return subprocess.run([sys.executable, "scripts/site.py", "check", "--docs-dir", str(docs_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def fx(name: str, page: str = "index.md") -> str:
    return f"tests/fixtures/checks/{name}/docs/{page}"


def test_correct_page_passes():
    result = run_check(CHECKS / "ok" / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ingen fejl fundet." in result.stdout


@pytest.mark.parametrize("name, expected", [
    ("invalid-yaml", [f"{fx('invalid-yaml')}:2: Front matter er ikke gyldig YAML"]),
    ("impossible-date", [f"{fx('impossible-date')}:5: En dato findes ikke i kalenderen"]),
    ("missing-metadata", [f"{fx('missing-metadata')}:1: Feltet 'owner' mangler.",
                          f"{fx('missing-metadata')}:1: Feltet 'sources' mangler."]),
    ("wrong-metadata", [
        f"{fx('wrong-metadata')}:4: 'owner: ukendt-enhed' findes ikke i kontaktfilen",
        f"{fx('wrong-metadata')}:5: 'last_reviewed' er ikke en rigtig dato: '26-11-2026'",
        f"{fx('wrong-metadata')}:6: 'review_months: 36' er uden for det tilladte: 1 til 24 måneder.",
        f"{fx('wrong-metadata')}:9: Ukendt målgruppe 'borgere'",
        f"{fx('wrong-metadata')}:11: Kilde nr. 1 mangler både 'url' og 'ref'.",
        f"{fx('wrong-metadata')}:15: Kilde nr. 2: 'date' ligger i fremtiden (2099-01-01)",
        f"{fx('wrong-metadata')}:16: Ukendt felt 'lst_reviewed' i metadata.",
        "Mente du 'last_reviewed'?",
    ]),
    ("future-date", [f"{fx('future-date')}:5: 'last_reviewed' ligger i fremtiden (2099-01-01)"]),
    ("missing-alt", [f"{fx('missing-alt')}:18: Billedet har ingen alternativ tekst.",
                     f"{fx('missing-alt')}:22: <img> mangler attributten alt"]),
    ("cpr", [f"{fx('cpr')}:16: Her står noget, der ligner et CPR-nummer.",
             f"{fx('cpr')}:18: Her står noget, der ligner et CPR-nummer."]),
    ("email-phone", [f"{fx('email-phone')}:16: E-mailadressen 'sagsbehandler@example.dk' står direkte i teksten.",
                     f"{fx('email-phone')}:18: Telefonnummeret '33 66 33 66' står direkte i teksten."]),
    ("embeds", [f"{fx('embeds')}:16: Siden indeholder et <script>-tag.",
                f"{fx('embeds')}:18: Siden indeholder et <iframe>-tag.",
                f"{fx('embeds')}:20: Billedet hentes fra et andet site: https://cdn.example.org/billede.png",
                f"{fx('embeds')}:22: <link> henter 'https://fonts.example.org/a.css' fra et andet site."]),
    ("not-in-nav", [f"{fx('not-in-nav', 'glemt.md')}:1: Siden er ikke med i menuen (nav i mkdocs.yml).",
                    "tests/fixtures/checks/not-in-nav/mkdocs.yml:3: Menuen (nav) nævner 'findes-ikke.md'"]),
    ("overdue", [f"{fx('overdue')}:5: Siden skulle have været gennemgået senest 15. januar 2021."]),
    ("misspelling", [f"{fx('misspelling')}:16: Ukendt ord: 'radikalisreing'. Mente du: radikalisering"]),
    ("hard-to-read", [f"{fx('hard-to-read')}: Teksten er svær at læse: LIX 126 (højst 40)."]),
    ("undefined-abbreviation", [f"{fx('undefined-abbreviation')}:19: Forkortelsen 'KFS' er ikke forklaret"]),
])
def test_mistake_fails_with_file_and_line(name: str, expected: list[str]):
    result = run_check(CHECKS / name / "docs")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    for text in expected:
        assert text in out, f"{text!r} not in:\n{out}"
    # Every message tells the editor what to do.
    assert "Sådan retter du det:" in out
    assert "Traceback" not in out


def test_not_in_nav_honours_not_in_nav_patterns():
    out = run_check(CHECKS / "not-in-nav" / "docs").stdout
    assert "indgang/trin.md" not in out


def test_code_examples_and_references_are_not_mistakes():
    """The correct fixture shows <script> in a code block and a case number: no alarm."""
    text = (CHECKS / "ok" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<script>" in text and "2015-0014696" in text
    assert run_check(CHECKS / "ok" / "docs").returncode == 0


def test_overdue_depends_on_today():
    assert run_check(CHECKS / "overdue" / "docs", today="2021-01-15").returncode == 0
    assert run_check(CHECKS / "overdue" / "docs", today="2021-01-16").returncode == 1


def test_real_docs_pass_in_seconds():
    start = time.monotonic()
    result = subprocess.run([sys.executable, "scripts/site.py", "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert elapsed < 30, f"make check took {elapsed:.1f} s"
