"""Printing a training module (print.css), checked in Chromium with print
media emulated: no navigation, header or footer; both tabs under their labels;
self-check answers left out (the answer key is its own page); links followed by
their address; a new page only before a case; the participant handout as a
real PDF: at most 6 A4 pages, 11 pt body text, no trainer text."""

from __future__ import annotations

import pytest

from conftest import _local_page

pytestmark = pytest.mark.browser

MODULE = "kompetenceforloeb/modul-4-hjemvendte-samarbejde/"


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """The module, loaded once and shown as printed, for the tests that only look at it."""
    for page in _local_page(browser):
        page.goto(site_url + MODULE)
        page.emulate_media(media="print")
        yield page


@pytest.fixture(scope="module")
def print_tab(browser):
    """One tab in print media for the pages that are only opened and printed."""
    for page in _local_page(browser):
        page.emulate_media(media="print")
        yield page


@pytest.fixture
def participant_only(printed):
    """The printed module as the participants' handout ("Udskriv deltagerversion")."""
    printed.evaluate("document.documentElement.classList.add('kf-kun-deltager')")
    yield printed
    printed.evaluate("document.documentElement.classList.remove('kf-kun-deltager')")


def _style(page, selector: str, prop: str, pseudo: str | None = None) -> str:
    return page.evaluate(
        "([s, p, ps]) => getComputedStyle(document.querySelector(s), ps).getPropertyValue(p)",
        [selector, prop, pseudo])


def test_screen_shows_navigation_as_usual(page, site_url):
    page.goto(site_url + MODULE)
    assert page.locator(".md-header").is_visible()
    assert not page.locator(".selvtjek__hvorfor").first.is_visible()


def test_print_hides_navigation_header_footer_and_buttons(printed):
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".kf-vaerktoej", ".selvtjek__tjek"):
        assert not printed.locator(selector).first.is_visible(), selector
    assert printed.locator("h1").is_visible()


def test_print_shows_both_tabs_with_their_labels(printed):
    blocks = printed.locator(".tabbed-set").first.locator(".tabbed-block")
    assert blocks.nth(0).is_visible() and blocks.nth(1).is_visible()
    assert not printed.locator(".tabbed-labels").first.is_visible()
    first = ".tabbed-set .tabbed-block:nth-child(1)"
    second = ".tabbed-set .tabbed-block:nth-child(2)"
    assert _style(printed, first, "content", "::before") == '"Deltager"'
    assert _style(printed, second, "content", "::before") == '"Underviser"'


def test_print_leaves_answers_out_and_breaks_only_before_cases(printed):
    answers = printed.locator(".selvtjek__hvorfor")
    assert answers.count() >= 3
    for i in range(answers.count()):
        assert not answers.nth(i).is_visible()
    assert _style(printed, "h2#hvem-samarbejder-om-radikalisering", "break-before") != "page"
    assert _style(printed, "h2#case-4", "break-before") == "page"
    link = 'a[href^="http"]'
    assert printed.locator(f".md-content {link}").count() >= 1
    after = _style(printed, f".md-content {link}", "content", "::after")
    assert "attr(href)" in after or "http" in after, after
    # Internal links print with the site's public address.
    internal = _style(printed, ".md-content a[data-adresse]", "content", "::after")
    assert "/vejledning/" in internal and internal.count("http") == 1, internal


def test_participant_handout_pdf(participant_only):
    import re
    printed = participant_only
    size = printed.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content__inner > h1 + p')).fontSize)")
    assert size >= 11 * 96 / 72 - 0.01                  # 11 pt in CSS pixels
    text = printed.evaluate("document.querySelector('.md-content').innerText")
    assert "Pointer, du skal have frem" not in text and "Rigtigt svar" not in text
    assert "Noter:" in _style(printed, "h2#case-4 + .tabbed-set .tabbed-block:nth-child(1)", "content", "::after")
    pdf = printed.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= pages <= 6, pages


def test_answer_key_is_its_own_page(print_tab, site_url):
    page = print_tab
    page.goto(site_url + "kompetenceforloeb/svarark/")
    assert page.locator(".selvtjek-svar li").count() >= 12
    assert "Også i 2015 kunne hjemvendte" in page.locator(".selvtjek-svar").inner_text()


@pytest.mark.parametrize("path", ["evaluering", "deltagerliste", "forberedelse", "svaere-droeftelser",
                                  "drejeark-tre-timer"])
def test_templates_print_cleanly(print_tab, site_url, path):
    import re
    page = print_tab
    page.goto(site_url + f"kompetenceforloeb/{path}/")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 9 * 96 / 72 - 0.01
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf(format="A4")))
    assert 1 <= pages <= 3, pages


def test_participant_only_print_leaves_out_trainer_tabs(participant_only):
    blocks = participant_only.locator(".tabbed-set").first.locator(".tabbed-block")
    assert blocks.nth(0).is_visible()
    assert not blocks.nth(1).is_visible()


def test_print_buttons_call_window_print(page, site_url):
    page.goto(site_url + MODULE)
    page.evaluate("() => { window.__printed = []; window.print = () => window.__printed.push("
                  "document.documentElement.classList.contains('kf-kun-deltager')); }")
    page.locator(".kf-udskriv").click()
    page.locator(".kf-udskriv-deltager").click()
    assert page.evaluate("window.__printed") == [False, True]


@pytest.mark.parametrize("fid", ["tre-timer", "en-time", "heldag"])
def test_run_sheet_prints_short_and_recomputes_times(page, site_url, fid):
    """A timetable prints on one page; the 3-hour sheet is a script (say, ask, do per row): at most three."""
    import re
    page.goto(site_url + f"kompetenceforloeb/drejeark-{fid}/")
    first = page.locator(".kf-kl").first
    assert first.inner_text() == "09.00"
    page.locator(".kf-starttid").fill("12:30")
    assert first.inner_text() == "12.30"
    assert page.locator(".kf-drejeark__slut .kf-kl").inner_text() != "12.30"
    page.emulate_media(media="print")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf(format="A4")))
    assert pages == 1 or (fid == "tre-timer" and pages <= 3), pages


def html_unescape(text: str) -> str:
    import html
    return html.unescape(text)


def _pdf_pages(page) -> int:
    import re
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf(format="A4")))


@pytest.mark.parametrize("path", ["deltagerliste", "evaluering"])
def test_attendance_list_and_evaluation_print_on_one_a4_page(print_tab, site_url, path):
    page = print_tab
    page.set_viewport_size({"width": 703, "height": 1000})     # A4's width inside the margins, at 96 dpi
    page.goto(site_url + f"kompetenceforloeb/{path}/")
    assert _pdf_pages(page) == 1
    if path == "deltagerliste":
        heads = page.locator(".kf-deltagerliste th").all_inner_texts()
        assert heads[1:4] == ["Navn", "Enhed", "Underskrift"]
        cm = page.evaluate("[...document.querySelectorAll('.kf-deltagerliste th')].map("
                           "th => th.getBoundingClientRect().width / 96 * 2.54)")
        assert cm[1] >= 5 and cm[2] >= 3.5 and cm[3] >= 3.5, cm
        rows = page.evaluate("[...document.querySelectorAll('.kf-deltagerliste tbody tr')].map("
                             "tr => tr.getBoundingClientRect().height / 96 * 25.4)")
        assert len(rows) >= 20 and min(rows) >= 7.5, rows            # mm: room to write by hand
    else:
        assert page.locator("h2.page-sources").is_visible()        # the sources on the same page


@pytest.mark.parametrize("fid", ["tre-timer", "en-time", "heldag"])
def test_every_format_has_a_print_pack_with_page_numbers_and_the_action_card(print_tab, site_url, built_site, fid):
    import re

    from sitekit import program
    from sitekit.paths import DOCS

    fmt = program.load().formats[fid]
    html = (built_site / "kompetenceforloeb" / f"udskriv-{fid}" / "index.html").read_text(encoding="utf-8")
    sheet = (built_site / "kompetenceforloeb" / f"drejeark-{fid}" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="\.\./udskriv-{fid}/"[^>]*>Udskriv alt på én gang</a>', sheet)
    cases = [(what, n) for what, n, where in program.print_items(fmt) if "#" in where]
    for number, (what, n) in enumerate(cases, start=2):
        assert f'<strong>{n} ×</strong> {what}, side {number} i "Udskriv alt"' in html_unescape(sheet), what
        assert re.search(rf"<td>{re.escape(what)}</td>\s*<td>{n}</td>\s*<td>Side {number} i denne pakke",
                         html), what
    assert f"<td>{fmt.participants}</td>" in html.split("Handlekort", 1)[1].split("</tr>", 1)[0]
    if (DOCS / program.ACTION_CARD).is_file():
        assert '<a href="../../vejledning/handlekort/"' in html.split("Handlekort", 1)[1].split("</tr>", 1)[0]
    page = print_tab
    page.set_viewport_size({"width": 703, "height": 1000})
    page.goto(site_url + f"kompetenceforloeb/udskriv-{fid}/")
    assert page.locator(".kf-kort").count() == len(cases) >= 1
    assert _pdf_pages(page) == 1 + len(cases)                       # the list, then one card per page
    if fid == "tre-timer":
        assert page.locator("h1").inner_text() == "Udskriv alt til 3-timers-forløbet"



@pytest.mark.parametrize("module", ["modul-1-forstaa-radikalisering", "modul-2-bekymring",
                                    "modul-3-boern-unge-familier"])
def test_every_participant_handout_stays_at_most_six_pages(print_tab, site_url, module):
    """More cases per module (module 1 has four) must not make a longer handout; the model answers the
    trainer shows on screen are not in it."""
    page = print_tab
    page.goto(site_url + f"kompetenceforloeb/{module}/")
    page.evaluate("document.documentElement.classList.add('kf-kun-deltager')")
    if module == "modul-2-bekymring":
        assert not page.locator("details.example").is_visible()
    assert 1 <= _pdf_pages(page) <= 6
