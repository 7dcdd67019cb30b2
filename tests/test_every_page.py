"""Every built page, opened in Chromium: no request to another host, zero axe
violations (on a desktop screen and on a phone), Danish language, no console
errors. Each page is loaded once and checked at both widths (colour contrast
at phone width on the section start pages: see ``visits``). The pages are
split in two halves, so that two test workers (pytest-xdist) share them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import axe_violations, html_pages, resize

pytestmark = pytest.mark.browser


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 720}
HALVES = 2


def danish_pages(site_dir: Path) -> list[str]:
    # English pages (/en/): tests/test_english.py checks a sample of them, so
    # this suite does not grow by half with the English edition.
    return [p for p in html_pages(site_dir) if not p.startswith("en/")]


@dataclass
class Visit:
    page: str
    foreign_requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    phone_violations: list[str] = field(default_factory=list)
    lang: str | None = None
    console_errors: list[str] = field(default_factory=list)
    labels_with_aria_label: list[str] = field(default_factory=list)


# Each half runs in one test process (tests/conftest.py, _work_unit).
@pytest.fixture(scope="session", params=range(HALVES), ids=lambda half: f"half-{half + 1}")
def visits(request, browser, built_site: Path, site_url: str) -> list[Visit]:
    own_host = urlsplit(site_url).netloc
    context = browser.new_context(viewport=DESKTOP)
    # One tab for every page, as a reader clicks from page to page (a new tab per page costs a
    # new renderer process each time); what it sees is filed under the page it is on.
    page = context.new_page()
    results: list[Visit] = []

    def seen(request):
        # Noted here; the test browser lets no request leave 127.0.0.x (CHROMIUM_ARGS in conftest.py).
        if not request.url.startswith(("data:", "blob:")) and urlsplit(request.url).netloc != own_host:
            results[-1].foreign_requests.append(request.url)

    page.on("request", seen)
    page.on("console", lambda m: m.type == "error" and results[-1].console_errors.append(m.text))
    page.on("pageerror", lambda e: results[-1].console_errors.append(str(e)))
    for rel in danish_pages(built_site)[request.param::HALVES]:
        visit = Visit(rel)
        results.append(visit)
        page.set_viewport_size(DESKTOP)
        page.goto(site_url + rel, wait_until="load")
        visit.lang = page.get_attribute("html", "lang")
        visit.violations = axe_violations(page)  # axe-core, put in once per page: it serves both widths
        # On a phone, Material's stylesheet shows other parts (the sub-menus, sideways-scrolling
        # tables). Its script starts only at the reader's first interaction, so resizing the
        # loaded page gives what a phone shows.
        resize(page, PHONE)
        # Colour contrast: Material's stylesheet changes the layout on a phone, not the colours, so the
        # same text has the same colours at both widths. It is checked at phone width on the start
        # page of each section (and 404), the other rules on every page.
        visit.phone_violations = axe_violations(page, contrast=rel.count("/") <= 1)
        # A <label> may not carry aria-label (Lighthouse: aria-prohibited-attr).
        visit.labels_with_aria_label = page.eval_on_selector_all(
            "label[aria-label]", "els => els.map(e => e.outerHTML.slice(0, 120))")
    context.close()
    return results


def _failures(visits: list[Visit], attr: str) -> dict[str, list[str]]:
    return {v.page: getattr(v, attr) for v in visits if getattr(v, attr)}


def test_every_page_was_visited(visits, built_site):
    pages = danish_pages(built_site)
    # The skeleton's sections and the Danish 404 page are among them.
    for expected in ("index.html", "404.html", "om/tilgaengelighed/index.html"):
        assert expected in pages, expected
    assert len(pages) >= 10
    # The halves together are every page, each visited once.
    half = pages.index(visits[0].page)
    assert [v.page for v in visits] == pages[half::HALVES]


def test_no_requests_to_other_hosts(visits):
    assert _failures(visits, "foreign_requests") == {}


def test_zero_axe_violations(visits):
    assert _failures(visits, "violations") == {}


def test_zero_axe_violations_on_a_phone(visits):
    assert _failures(visits, "phone_violations") == {}


def test_every_page_is_danish(visits):
    wrong = {v.page: v.lang for v in visits if v.lang != "da"}
    assert wrong == {}


def test_no_console_errors(visits):
    assert _failures(visits, "console_errors") == {}


def test_no_label_carries_an_aria_label(visits):
    assert _failures(visits, "labels_with_aria_label") == {}
