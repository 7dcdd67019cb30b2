"""Ready for staff on day one (issue 21): the front page's first screen says whom to call, and the
action card (Handlekort) is made from the data and prints on one A4 page.

Measured in Chromium on the real built site, at a phone's and a laptop's window size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import axe_violations
from sitekit import actioncard, contacts, procedure

PHONE = {"width": 360, "height": 640}
LAPTOP = {"width": 1366, "height": 768}
# Every real number in the data, as a tel: target ("40207198").
REAL_TEL = {re.sub(r"\D", "", str(e["telefon"])) for e in contacts.load_contacts().values()
            if "telefon" in e and not contacts.is_placeholder(e["telefon"])}
# What a reader must see, in this order: the danger box, whom to call, the way in by situation, the guide.
IN_ORDER = [".forside-fare", "a[href='tel:40207198']", "a[href='tel:41749090']", "a[href='tel:33173333']",
            "a[href$='vejledning/boern-og-unge/']", "a[href$='vejledning/paaroerende/']",
            "a[href$='vejledning/din-sikkerhed/']", "a[href$='vejledning/dele-oplysninger/']",
            "a[href$='vejledning/kontakt/']", "a[href$='vejledning/skal-jeg-kontakte-vink/']"]


def _within(box: dict | None, size: dict) -> bool:
    return bool(box) and box["y"] >= 0 and box["x"] >= 0 and box["y"] + box["height"] <= size["height"] \
        and box["x"] + box["width"] <= size["width"]


@pytest.mark.parametrize("path", ["", "en/"])
@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["360x640", "1366x768"])
def test_danger_box_and_a_real_number_are_on_the_first_screen(browser, site_url, size, path):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        danger = page.locator("article .admonition.danger.forside-fare")
        assert "112" in danger.inner_text() and "114" in danger.inner_text()
        assert _within(danger.bounding_box(), size), (danger.bounding_box(), size)
        # The danger box is the first thing under the title: nothing the reader cannot act on before it.
        assert page.evaluate("""() => { let e = document.querySelector('article h1').nextElementSibling;
                                 while (e && e.hidden) e = e.nextElementSibling;
                                 return e.classList.contains('forside-fare'); }""")
        on_screen = [link.get_attribute("href") for link in page.locator("article a[href^='tel:']").all()
                     if _within(link.bounding_box(), size)]
        real = [href for href in on_screen if href.removeprefix("tel:") in REAL_TEL]
        assert real, on_screen
        # Beyond the police: at least one number for advice is on the laptop's first screen.
        if size == LAPTOP:
            assert {"tel:40207198", "tel:41749090"} <= set(on_screen), on_screen
    finally:
        context.close()


def test_front_page_reads_danger_then_numbers_then_situations_then_guide(page, site_url):
    page.goto(site_url)
    tops = []
    for selector in IN_ORDER:
        link = page.locator(f"article {selector}").first
        assert link.count() == 1, selector
        tops.append((link.bounding_box()["y"], selector))
    assert [s for _, s in sorted(tops, key=lambda t: t[0])] == IN_ORDER
    # The action card is linked from the front page and the training overview.
    assert page.locator("article a[href$='vejledning/handlekort/']").count() >= 1
    page.goto(site_url + "kompetenceforloeb/")
    assert page.locator("article a[href$='vejledning/handlekort/']").count() == 1


# --- the action card --------------------------------------------------------------

def test_action_card_is_made_from_the_data(built_site: Path):
    html = (built_site / "vejledning" / "handlekort" / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<div class="handlekort">.*?</div>\s*<h2 id="tegn"', html, re.S).group(0)
    data = contacts.load_contacts()
    steps = procedure.load("første-skridt").steps
    items = re.findall(r"<li>(.*?)</li>", re.search(r"<ol>.*?</ol>", card, re.S).group(0), re.S)
    assert len(items) == len(steps)
    for item, step in zip(items, steps, strict=True):
        text = re.sub(r"<[^>]+>", "", item)
        assert (step.condition or procedure.plain(step.action, data)) in text, (text, step.id)
    # Every known number, as a tel: link; never a placeholder.
    for cid in actioncard.phone_contacts(data):
        number = str(data[cid]["telefon"])
        assert f'<a href="tel:{re.sub(r"[^0-9+]", "", number)}">{number}</a>' in card, cid
    assert contacts.PLACEHOLDER not in html
    # The five Borgercentre share their hours: said once.
    assert card.count(data["bcbu-amager"]["aabningstider"]) == 1
    assert "Tegn er en hjælp, aldrig en tjekliste." in html
    assert 'href="../naar-du-er-bekymret/"' in html


def test_action_card_groups_a_run_of_shared_hours_once():
    data = {"a": {"navn": "A", "telefon": "112", "gruppe": "akut"},
            "b": {"navn": "B", "telefon": "11 11 11 11", "aabningstider": "Hverdage", "gruppe": "boern"},
            "c": {"navn": "C", "telefon": "22 22 22 22", "aabningstider": "Hverdage", "gruppe": "boern"},
            "d": {"navn": "D", "telefon": contacts.PLACEHOLDER, "gruppe": "raad"}}
    assert actioncard.phone_contacts(data) == ["a", "b", "c"]
    card = actioncard.render(procedure.load("første-skridt"), data)
    assert card.count("Hverdage") == 1 and "- Åbent: Hverdage." in card
    assert '    - **B:** <a href="tel:11111111">11 11 11 11</a>' in card and "**D:**" not in card


def test_action_card_prints_on_exactly_one_a4_page(page, site_url):
    page.goto(site_url + "vejledning/handlekort/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1


@pytest.mark.parametrize("path", ["vejledning/handlekort/", "en/vejledning/handlekort/", ""])
def test_action_card_and_front_page_read_well_at_360_px(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    try:
        page.goto(site_url + path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        assert axe_violations(page) == []
    finally:
        context.close()
