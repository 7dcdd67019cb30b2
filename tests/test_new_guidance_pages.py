"""The guidance pages added after the first content review (issue 9, section 3):
each is built, in the navigation, sourced, shows then and now where the facts
changed, and says only what the sources say (the rest is said plainly, with whom to ask)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_content_corrections import sources_of, text_of
from test_memo_coverage import sections, shows_then_and_now

from conftest import ROOT
from sitekit.pages import parse_page

NEW_PAGES = {
    "vejledning/efter-vink.md": ["hver 14. dag", "Hver part tjekker sine egne oplysninger om borgeren",
                                 "Beskæftigelses- og Integrationsforvaltningen (BIF)", "Kriminalforsorgen",
                                 "Hvad får borgeren at vide?"],
    "vejledning/dele-oplysninger.md": ["Du må gerne fortælle VINK om en bekymring for en borger med navn",
                                       "Barnets lov § 133", "særlige kategorier", "den juridiske afdeling"],
    "vejledning/beredskabsplan.md": ["Barnets lov § 15, stk. 3", "mindst hvert fjerde år", "ekstremisme",
                                     "serviceloven § 12 b", "gratis", "en kontaktperson eller en mentor"],
    "vejledning/former-for-ekstremisme.md": ["militant islamisme", "højreekstremisme", "venstreekstremisme",
                                             "antimyndighedsekstremisme", "på nettet", "bander",
                                             "aldrig en tjekliste"],
    "vejledning/paaroerende.md": ["en coach til pårørende", "Henvis forælderen eller den pårørende til VINK",
                                  "åbnede en national hotline"],
    "vejledning/din-sikkerhed.md": ["Ring 112", "Vent ikke på din leder"],
}
# Where a fact changed since 2015, the page shows both (phrase -> page).
THEN_AND_NOW = [
    ("vejledning/beredskabsplan.md", "Siden den 1. januar 2016 skal kommunen tilbyde rådgivning"),
    ("vejledning/dele-oplysninger.md", "1. marts 2016"),
    ("vejledning/dele-oplysninger.md", "serviceloven § 153"),
    ("vejledning/efter-vink.md", "hver 14. dag"),
    ("vejledning/former-for-ekstremisme.md", "flere former side om side"),
    ("vejledning/paaroerende.md", "coaches til pårørende"),
]


def _nav() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"^\s+- (vejledning/[\w/-]+\.md)$", text, re.M)


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_is_in_the_navigation_with_front_matter_and_sources(page: str):
    assert page in _nav()
    meta = parse_page(ROOT / "docs" / page).meta
    assert meta["owner"] and meta["last_reviewed"] and meta["description"]
    assert len(meta["sources"]) >= 2


@pytest.mark.parametrize("page, phrases", NEW_PAGES.items())
def test_new_page_says_what_it_must(built_site: Path, page: str, phrases: list[str]):
    text = text_of(built_site, page)
    missing = [p for p in phrases if p not in text]
    assert missing == [], page
    assert sources_of(built_site, page).startswith("Kilder")


@pytest.mark.parametrize("page, phrase", THEN_AND_NOW)
def test_new_page_shows_then_and_now(built_site: Path, page: str, phrase: str):
    assert shows_then_and_now(sections(built_site, page), phrase), (page, phrase)


def test_readiness_plan_link_unknown_is_said_plainly(built_site: Path):
    # Issue 21: no placeholder in front of readers; the page says whom to ask.
    raw = (built_site / "vejledning" / "beredskabsplan" / "index.html").read_text(encoding="utf-8")
    assert "Københavns plan finder du her" not in raw
    assert "Spørg din leder eller VINK, hvor du finder den" in text_of(built_site, "vejledning/beredskabsplan.md")
    # Then (before Barnets lov, 1 January 2024) and now, under the same heading.
    part = next(p for p in sections(built_site, "vejledning/beredskabsplan.md") if "§ 19, stk. 4" in p)
    assert "Før Barnets lov kom den 1. januar 2024" in part and "I dag står det i Barnets lov § 15, stk. 2" in part


def test_unknowns_are_said_not_invented(built_site: Path):
    # What the sources do not say is said plainly, without a marker (issue 21), with whom to ask.
    for page, phrase in [("vejledning/efter-vink.md", "Vores kilder siger ikke mere om, hvad borgeren får at vide"),
                         ("vejledning/beredskabsplan.md", "Vores kilder siger ikke, hvem i København"),
                         ("vejledning/former-for-ekstremisme.md", "Vores kilder siger ikke mere om, hvordan det sker"),
                         ("vejledning/dele-oplysninger.md", "Vores kilder siger ikke mere. Spørg din leder"),
                         ("vejledning/din-sikkerhed.md", "Vores kilder om radikalisering siger ikke mere")]:
        part = next(p for p in sections(built_site, page) if phrase in p)
        assert "Spørg" in part, (page, phrase)  # no marker: test_content_corrections checks the pages


def test_own_safety_page_has_the_police_card_in_its_danger_box(built_site: Path):
    raw = (built_site / "vejledning" / "din-sikkerhed" / "index.html").read_text(encoding="utf-8")
    danger = re.search(r'<div class="admonition danger">(.*?)<h2', raw, re.S)
    assert danger and "Politiet – akut fare" in danger.group(1) and 'href="tel:112"' in danger.group(1)
    assert 'href="tel:114"' in raw


def test_police_114_is_in_the_contacts_data_with_its_source():
    data = yaml.safe_load((ROOT / "docs" / "_data" / "kontakter.yml").read_text(encoding="utf-8"))["kontakter"]
    assert data["politi-114"]["telefon"] == "114"
    assert "ikke er akut" in data["politi-114"]["beskrivelse"]
