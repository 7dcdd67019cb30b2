"""What a hurried reader relies on, in a real browser: the keyboard, Danish
search and a layout that works on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_first_tab_reaches_skip_link_which_moves_to_content(page, site_url):
    page.goto(site_url + "vejledning/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Gå til indholdet"
    page.keyboard.press("Enter")
    assert page.url.endswith("#" + page.evaluate("document.querySelector('h1').id")) or "#" in page.url


def test_keyboard_focus_is_visible(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_danish_search_finds_pages(page, site_url):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # Wait until the search index has loaded, or the query may go unanswered.
    expect(page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord", timeout=10_000)
    box.press_sequentially("tilgængelighed")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    assert "tilg" in results.first.inner_text().lower()


def test_no_sideways_scrolling_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in ("", "vejledning/", "om/tilgaengelighed/"):
            page.goto(site_url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path or 'forsiden'} er {overflow}px for bred på en telefon"
    finally:
        context.close()


def test_browser_itself_refuses_resources_from_other_hosts(browser, site_url):
    """The Content-Security-Policy blocks a foreign image even if one slipped
    into a page: the browser never asks the other host."""
    context = browser.new_context()
    asked = []
    context.route("**/*", lambda r: (asked.append(r.request.url), r.abort())
                  if "example.org" in r.request.url else r.continue_())
    page = context.new_page()
    try:
        page.goto(site_url + "vejledning/")
        violated = page.evaluate("""() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation", e => resolve(e.violatedDirective));
            const img = document.createElement("img");
            img.src = "https://example.org/pixel.png";
            img.alt = "";
            document.body.appendChild(img);
            setTimeout(() => resolve(null), 3000);
        })""")
        assert violated == "img-src"
        assert asked == []
    finally:
        context.close()
