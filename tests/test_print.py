"""Printing a training module (print.css), checked in Chromium with print
media emulated: no navigation, header or footer; both tabs under their labels;
answers and other <details> open; external links followed by their address;
a new page before each h2; "participant only" leaves the trainer tabs out."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MODULE = "kompetenceforloeb/modul-4-hjemvendte-samarbejde/"


@pytest.fixture
def printed(page, site_url):
    page.goto(site_url + MODULE)
    page.emulate_media(media="print")
    return page


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


def test_print_opens_every_answer(printed):
    answers = printed.locator(".selvtjek__hvorfor")
    assert answers.count() == 3
    for i in range(answers.count()):
        assert answers.nth(i).is_visible()


def test_print_breaks_page_before_sections_and_shows_link_addresses(printed):
    assert _style(printed, "h2#hvem-samarbejder-om-radikalisering", "break-before") == "page"
    link = 'a[href^="http"]'
    assert printed.locator(f".md-content {link}").count() >= 1
    after = _style(printed, f".md-content {link}", "content", "::after")
    assert "attr(href)" in after or "http" in after, after


def test_participant_only_print_leaves_out_trainer_tabs(printed):
    printed.evaluate("document.documentElement.classList.add('kf-kun-deltager')")
    blocks = printed.locator(".tabbed-set").first.locator(".tabbed-block")
    assert blocks.nth(0).is_visible()
    assert not blocks.nth(1).is_visible()


def test_print_buttons_call_window_print(page, site_url):
    page.goto(site_url + MODULE)
    page.evaluate("() => { window.__printed = []; window.print = () => window.__printed.push("
                  "document.documentElement.classList.contains('kf-kun-deltager')); }")
    page.locator(".kf-udskriv").click()
    page.locator(".kf-udskriv-deltager").click()
    assert page.evaluate("window.__printed") == [False, True]
