"""Review dates, "Senest ændret" from git, the review report, the "Kilder"
section and the overdue warning: in built HTML and in a real browser."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, StaticServer, axe_violations
from sitekit.build import build_site
from sitekit.reviews import danish_date, find_markers, git_dates, review_of

PAGEMETA = FIXTURES / "pagemeta" / "docs"
EDIT_URI = "https://github.com/eksempel/radikalisering/edit/main/docs/"


# --- dates ----------------------------------------------------------------------

def test_danish_dates_without_locale():
    assert danish_date(dt.date(2026, 11, 26)) == "26. november 2026"
    assert danish_date(dt.date(2027, 5, 1)) == "1. maj 2027"


@pytest.mark.parametrize("start, months, due", [
    ((2026, 11, 26), 12, (2027, 11, 26)),
    ((2026, 1, 31), 1, (2026, 2, 28)),
    ((2027, 12, 31), 2, (2028, 2, 29)),
    ((2026, 11, 26), 24, (2028, 11, 26)),
])
def test_next_review_date(start, months, due):
    assert review_of({"last_reviewed": dt.date(*start), "review_months": months}, dt.date(*start)).due == dt.date(*due)


# --- git ------------------------------------------------------------------------

def _git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_last_changed_from_one_git_log_in_copenhagen_time(tmp_path):
    repo = tmp_path / "repo"
    docs = repo / "docs"
    (docs / "a").mkdir(parents=True)
    _git(repo, "init", "-q")
    (docs / "a" / "side.md").write_text("1", encoding="utf-8")
    (docs / "anden.md").write_text("1", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one", date="2026-03-01T12:00:00+00:00")
    (docs / "a" / "side.md").write_text("2", encoding="utf-8")
    _git(repo, "commit", "-qam", "two", date="2026-06-30T23:30:00+00:00")  # 1 July in Copenhagen
    (docs / "ny.md").write_text("ny", encoding="utf-8")

    dates = git_dates(docs)
    assert dates.text_for("a/side.md") == "1. juli 2026"
    assert dates.text_for("anden.md") == "1. marts 2026"
    assert dates.text_for("ny.md") == "ikke gemt endnu"

    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True,
                   capture_output=True)
    assert git_dates(shallow / "docs").shallow
    assert git_dates(shallow / "docs").text_for("anden.md") is None  # never a wrong date

    assert git_dates(tmp_path / "ikke-git").text_for("x.md") is None


# --- the review report command --------------------------------------------------------

def _review(*args: str, docs: Path = PAGEMETA) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", "review", "--docs-dir", str(docs), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_review_command_sorted_by_due_date_with_danish_fields():
    result = _review("--dato", "2026-11-26", "--bredde", "200")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Gennemgang pr. 26. november 2026\n")
    lines = [ln for ln in result.stdout.splitlines() if "docs/" in ln and "enest" in ln]
    assert lines[0] == "  OVERSKREDET, senest 15. januar 2021: docs/gammel.md (ansvarlig: vink)"
    dates = [re.search(r"senest (\d+\. \w+ \d{4})", ln, re.I).group(1) for ln in lines]
    assert len(dates) == 4 and all(not ln.startswith("  OVERSKREDET") for ln in lines[1:])
    assert "Kontaktoplysninger, der mangler" in result.stdout
    assert re.search(r"docs/_data/kontakter.yml:\d+: [\w-]+ mangler (telefon|e-mail)", result.stdout)
    assert "email" not in result.stdout and "aabningstider" not in result.stdout  # field names in Danish
    assert "tests/fixtures/pagemeta/docs/gammel.md:22: Denne oplysning er ikke kontrolleret.\n" in result.stdout


def test_review_command_does_not_depend_on_today():
    later = _review("--dato", "2028-06-01", "--bredde", "200").stdout
    assert "OVERSKREDET, senest 1. november 2027: docs/index.md" in later


def test_review_lines_wrap_at_spaces_to_the_width():
    result = _review("--dato", "2026-11-26", "--bredde", "50")
    assert result.returncode == 0
    assert all(len(ln) <= 50 for ln in result.stdout.splitlines() if " " in ln.strip()), result.stdout
    words = set(_review("--dato", "2026-11-26", "--bredde", "500").stdout.split())
    assert set(result.stdout.split()) == words  # never a word cut in two


def test_review_for_one_owner(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PAGEMETA, docs)
    page = docs / "om" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("owner: vink", "owner: redaktionen"), encoding="utf-8")
    mine = _review("--dato", "2026-11-26", "--ejer", "vink", "--bredde", "200", docs=docs)
    assert mine.returncode == 0, mine.stderr
    assert "Gennemgang for VINK / Team Forebyggelse af Ekstremisme pr. 26. november 2026" in mine.stdout
    assert "docs/gammel.md" in mine.stdout and "docs/om/index.md" not in mine.stdout
    assert "Kontaktoplysninger, der mangler" not in mine.stdout
    unknown = _review("--ejer", "ukendt", docs=docs)
    assert unknown.returncode == 2 and "'ukendt' findes ikke i docs/_data/kontakter.yml" in unknown.stderr


def test_a_marked_claim_and_the_box_that_explains_it_are_one_item(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "side.md").write_text(
        "# Side\n\nNCFE åbnede i\n2017. **[Skal verificeres]**\n\n"
        '!!! warning "Skal verificeres"\n    Kilderne er ikke enige om datoen.\n\n'
        "- BIF. **[Skal verificeres]**\n\n"
        '!!! warning "Skal verificeres"\n    Vi ved ikke, hvad BIF står for.\n\n'
        'Noten: påstanden er markeret "Skal verificeres". Sig det.\n', encoding="utf-8")
    found = [(m.line, m.claim) for m in find_markers(docs)]
    assert found == [(4, "NCFE åbnede i 2017. Kilderne er ikke enige om datoen."),
                     (9, "BIF. Vi ved ikke, hvad BIF står for.")]


def test_markers_in_data_and_snippet_files_are_listed_but_comments_are_not(tmp_path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_snippets").mkdir()
    (docs / "side.md").write_text("# Side\n\nEn påstand. **[Skal verificeres]**\n", encoding="utf-8")
    (docs / "_data" / "kontakter.yml").write_text(
        "# skal_verificeres: forklaring i en kommentar\nkontakter:\n  x:\n    navn: X\n"
        "    skal_verificeres: Navnet er ikke bekræftet.\n", encoding="utf-8")
    (docs / "_snippets" / "ordliste.md").write_text("*[ABC]: Noget. Skal verificeres\n", encoding="utf-8")
    found = {(Path(m.file).name, m.line, m.is_page) for m in find_markers(docs)}
    assert found == {("side.md", 3, True), ("kontakter.yml", 5, False), ("ordliste.md", 1, False)}


# --- built HTML --------------------------------------------------------------------

@pytest.fixture(scope="module")
def pagemeta_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pagemeta") / "site"
    result = build_site(site, docs_dir=PAGEMETA, today="2026-11-26", env={"EDIT_URI": EDIT_URI})
    assert result.returncode == 0, result.stdout + result.stderr
    # The fixture docs have no assets of their own: add the real stylesheets and
    # scripts (page-meta.css, review-date.js) so the browser sees the real page.
    shutil.copytree(ROOT / "docs" / "assets", site / "assets", dirs_exist_ok=True)
    return site


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_review_line_owner_and_last_change_in_html(pagemeta_site):
    html = (pagemeta_site / "index.html").read_text(encoding="utf-8")
    assert ("Sidst gennemgået 1. november 2026 · Næste gennemgang senest 1. november 2027 · "
            "Ansvarlig: VINK / Team Forebyggelse af Ekstremisme") in _text(html)
    assert '<time datetime="2027-11-01">' in html
    assert re.search(r"Senest ændret: \d{1,2}\. [a-zæøå]+ \d{4}", _text(html))


def test_sources_rendered_under_kilder(pagemeta_site):
    html = (pagemeta_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 [^>]*id="kilder"[^>]*>Kilder', html)
    kilder = _text(html[html.index('id="kilder"'):])
    assert ("Notat til Socialudvalget: Orientering om håndtering af radikalisering. "
            "Socialforvaltningen, Københavns Kommune. 15. januar 2015. Sagsnr. 2015-0014696.") in kilder
    assert '<a href="https://stopekstremisme.dk/ekstremisme">Stop ekstremisme – om ekstremisme</a>' in html


def test_overdue_warning_decided_at_build_time(pagemeta_site):
    old = (pagemeta_site / "gammel" / "index.html").read_text(encoding="utf-8")
    current = (pagemeta_site / "index.html").read_text(encoding="utf-8")
    warning = re.compile(r'<div class="admonition danger page-meta-overdue" data-review-due="([\d-]+)"( hidden)?>')
    assert warning.search(old).groups() == ("2021-01-15", None)
    assert "Siden skulle have været gennemgået senest 15. januar 2021" in old
    assert warning.search(current).groups() == ("2027-11-01", " hidden")


def test_edit_button_links_to_the_page_source(pagemeta_site):
    html = (pagemeta_site / "gammel" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{EDIT_URI}gammel.md" title="Redigér denne side"' in html


def test_real_site_has_review_line_and_sources_on_every_page(built_site):
    for page in built_site.rglob("*.html"):
        rel = page.relative_to(built_site).as_posix()
        if rel.startswith("assets/") or rel.endswith("404.html"):
            continue
        html = page.read_text(encoding="utf-8")
        if rel.startswith("en/"):  # the English edition: the same box and sources in English
            assert "Next review due by" in html and 'id="sources"' in html, rel
            continue
        assert "Næste gennemgang senest" in html, rel
        assert 'id="kilder"' in html, rel


def test_real_site_sources_overview_and_review_report(built_site):
    sources = _text((built_site / "vejledning" / "kilder" / "index.html").read_text(encoding="utf-8"))
    assert "Bruges på:" in sources and "Notat til Socialudvalget" in sources
    report = (built_site / "redaktoerer" / "gennemgang" / "index.html").read_text(encoding="utf-8")
    assert "Næste gennemgang senest" in report and "Hvilke kontaktoplysninger mangler?" in report
    assert "Udfyldes af redaktøren" in report


def test_real_site_edit_link_comes_from_the_site_settings(built_site):
    """The published edition's "edit this page" link is made from sitet.yml (tests/publishing.py's
    settings: organisation "eksempel", repository "radikalisering")."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/eksempel/radikalisering/edit/main/docs/index.md"' in html
    assert "UDFYLDES" not in html


# --- in the browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def pagemeta_url(pagemeta_site):
    with StaticServer(pagemeta_site) as server:
        yield server.url


@pytest.mark.parametrize("now, visible", [
    ("2027-10-31T12:00:00", False),
    ("2027-11-01T23:00:00", False),  # the due date itself is still in time
    ("2027-11-02T08:00:00", True),
    ("2028-06-01T08:00:00", True),
])
def test_warning_appears_when_due_date_passes_after_the_build(page, pagemeta_url, now, visible):
    page.clock.install(time=dt.datetime.fromisoformat(now))
    page.goto(pagemeta_url)
    warning = page.locator(".page-meta-overdue")
    assert warning.is_visible() is visible
    if visible:
        assert "Siden er ikke gennemgået til tiden" in warning.inner_text()


def test_overdue_warning_shows_without_javascript(no_js_page, pagemeta_url):
    no_js_page.goto(pagemeta_url + "gammel/")
    assert no_js_page.locator(".page-meta-overdue").is_visible()
    no_js_page.goto(pagemeta_url)
    assert not no_js_page.locator(".page-meta-overdue").is_visible()


def test_edit_button_is_there(page, pagemeta_url):
    page.goto(pagemeta_url)
    button = page.get_by_role("link", name="Redigér denne side")
    assert button.is_visible()
    assert button.get_attribute("href") == EDIT_URI + "index.md"


def test_visible_warning_and_metadata_box_have_no_axe_violations(page, pagemeta_url):
    """The real pages are never overdue today, so test_every_page.py does not see
    the warning: check it here, shown, with axe."""
    page.goto(pagemeta_url + "gammel/")
    assert page.locator(".page-meta-overdue").is_visible()
    assert page.locator(".page-meta").is_visible()
    assert axe_violations(page) == []
