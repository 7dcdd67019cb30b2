"""Contacts: one data file, shortcodes that render it, and placeholders readers never see.

The real data file and small fixture sites are both checked; the shortcodes are
checked in the built HTML, not by calling the renderer alone.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from sitekit import contacts
from sitekit.build import build_site
from sitekit.pages import iter_page_paths, parse_page

SITES = FIXTURES / "sites"
DOCS = ROOT / "docs"
REQUIRED_IDS = ("redaktionen", "vink", "ssp-koebenhavn", "dks", "hotline", "cde", "pet", "politi", "politi-114",
                "underretning", "doegnvagt", "bcbu-amager", "bcbu-broenshoej-husum-vanloese", "bcbu-city-oesterbro",
                "bcbu-noerrebro-bispebjerg", "bcbu-valby-vesterbro-kgs-enghave")
# The public numbers in ../shared/facts.md ("Added after the second content review"), and the police's.
REAL_NUMBERS = {"politi": "112", "politi-114": "114", "vink": "40 20 71 98", "hotline": "41 74 90 90",
                "doegnvagt": "33 17 33 33", "bcbu-amager": "33 17 23 37",
                "bcbu-broenshoej-husum-vanloese": "33 17 47 10", "bcbu-city-oesterbro": "33 17 49 20",
                "bcbu-noerrebro-bispebjerg": "33 17 40 15", "bcbu-valby-vesterbro-kgs-enghave": "33 17 55 04"}


def _article(html: str) -> str:
    m = re.search(r"<article.*?</article>", html, re.S)
    assert m, "no <article> in page"
    return m.group(0)


# --- the data file ------------------------------------------------------------------

def test_real_contacts_file_is_valid_and_has_every_contact():
    data = contacts.load_contacts()
    assert contacts.validate() == []
    for cid in REQUIRED_IDS:
        assert cid in data, cid
        assert data[cid].get("beskrivelse"), cid


def test_a_missing_contacts_file_is_a_danish_mistake_that_says_how_to_get_it_back(tmp_path: Path):
    missing = tmp_path / "kontakter.yml"
    [problem] = contacts.validate(missing)
    assert "Kontaktfilen findes ikke" in problem.message and "git restore" in problem.hint


def test_an_unreadable_translation_of_the_contacts_file_is_a_mistake_on_its_line(tmp_path: Path):
    (tmp_path / "kontakter.yml").write_text((DOCS / "_data" / "kontakter.yml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    (tmp_path / "kontakter.en.yml").write_text("kontakter:\n  vink:\n    navn: VINK\n   enhed: [x\n",
                                               encoding="utf-8")
    [problem] = contacts.validate(tmp_path / "kontakter.yml")
    assert (Path(problem.file).name, problem.line) == ("kontakter.en.yml", 4)
    assert "Oversættelsen af kontaktfilen er ikke gyldig YAML" in problem.message
    # Meanwhile the English pages show the Danish texts instead of stopping the build.
    assert contacts.localized({"vink": {"navn": "VINK"}}, tmp_path / "kontakter.en.yml") == {"vink": {"navn": "VINK"}}


def test_make_review_with_an_unreadable_contacts_file_names_its_line_in_danish(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_data" / "kontakter.yml").write_text("kontakter:\n  vink:\n    navn: VINK\n   enhed: [x\n",
                                                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sitekit", "review", "--docs-dir", str(docs)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "kontakter.yml:4: Kontaktfilen er ikke gyldig YAML" in result.stderr


def test_every_page_owner_exists_in_contacts():
    data = contacts.load_contacts()
    owners = {}
    for path in iter_page_paths(DOCS):
        owner = parse_page(path).meta.get("owner")
        owners[path.relative_to(DOCS).as_posix()] = owner
    missing = {page: owner for page, owner in owners.items() if owner not in data}
    assert len(owners) > 10
    assert missing == {}


def test_only_the_checked_public_numbers_are_in_the_data_each_with_source_and_date():
    """Every phone number is one of the checked public numbers; every contact with a known
    number, e-mail, address or opening hours names its source address and the date it was checked."""
    data = contacts.load_contacts()
    phones = {cid: e["telefon"] for cid, e in data.items() if "telefon" in e and not contacts.is_placeholder(e["telefon"])}
    assert phones == REAL_NUMBERS
    for cid, entry in data.items():
        if any(f in entry and not contacts.is_placeholder(entry[f]) for f in contacts.SOURCED_FIELDS):
            assert str(entry.get("kilde", "")).startswith("https://"), cid
            assert isinstance(entry.get("tjekket"), dt.date), cid
    assert data["vink"]["aabningstider"] == "Hverdage kl. 9–15"
    assert data["hotline"]["aabningstider"] == "Alle dage kl. 8–22"
    # Both names, the naming question said once.
    assert "Team Forebyggelse af Ekstremisme" in data["vink"]["navn"] and "VINK" in data["vink"]["navn"]
    assert data["vink"]["beskrivelse"].count("ikke bekræftet") == 1


def test_a_source_date_that_is_not_a_date_is_a_mistake_on_its_line(tmp_path: Path):
    path = tmp_path / "kontakter.yml"
    path.write_text("kontakter:\n  a:\n    navn: A\n    beskrivelse: B.\n    telefon: '114'\n"
                    "    kilde: https://politi.dk\n    tjekket: i går\n", encoding="utf-8")
    [problem] = contacts.validate(path)
    assert problem.line == 7 and "'tjekket'" in problem.message and "ÅÅÅÅ-MM-DD" in problem.hint


def test_a_number_without_source_and_date_is_listed_for_the_editors(tmp_path: Path):
    path = tmp_path / "kontakter.yml"
    path.write_text("kontakter:\n  a:\n    navn: A\n    beskrivelse: B.\n    telefon: '114'\n", encoding="utf-8")
    assert contacts.validate(path) == []
    assert {(p.contact_id, p.field, p.line) for p in contacts.placeholders(path)} == {("a", "kilde", 2),
                                                                                     ("a", "tjekket", 2)}


def test_web_addresses_are_only_the_known_ones():
    allowed = {"https://vink.kk.dk", "https://stopekstremisme.dk", "https://www.pet.dk", contacts.PLACEHOLDER,
               "https://kk.dk/bekymret-et-barn-eller-en-ung-professionelle"}
    webs = {e["web"] for e in contacts.load_contacts().values() if "web" in e}
    assert webs <= allowed, webs - allowed


def test_placeholders_are_listed_with_their_lines_in_the_real_file():
    lines = contacts.CONTACTS_FILE.read_text(encoding="utf-8").splitlines()
    found = contacts.placeholders()
    assert len(found) >= 10
    for p in found:
        assert lines[p.line - 1].strip() == f"{p.field}: {contacts.PLACEHOLDER}", p
    assert ("vink", "email") in {(p.contact_id, p.field) for p in found}


def test_placeholders_are_listed_with_their_lines_in_a_fixture():
    path = SITES / "contacts" / "docs" / "_data" / "kontakter.yml"
    found = {(p.contact_id, p.field, p.line) for p in contacts.placeholders(path)}
    assert found == {("redaktionen", "email", 6), ("testenhed", "telefon", 11)}


def test_unknown_contact_values_finds_numbers_and_addresses_not_in_the_data():
    docs = FIXTURES / "contact-values" / "docs"
    problems = contacts.unknown_contact_values(docs)
    found = {(p.file.rsplit("/", 1)[-1], p.line, p.message.split("'")[1]) for p in problems}
    assert found == {
        ("side.md", 7, "12 34 56 78"),
        ("side.md", 7, "+45 1234 5678"),
        ("side.md", 7, "navn@example.org"),
    }
    assert all("docs/_data/kontakter.yml" in p.hint for p in problems)


def test_real_pages_write_no_contact_details_outside_the_data():
    assert contacts.unknown_contact_values(DOCS) == []


# --- the shortcodes in a built site ---------------------------------------------------

@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    """The contacts fixture site (its own data file, with two placeholders), built by the strict build
    that `make check` runs (one pipeline)."""
    site = tmp_path_factory.mktemp("contacts-site")
    return site, build_site(site, docs_dir=SITES / "contacts" / "docs", today="2026-11-26")


@pytest.fixture(scope="module")
def fixture_site(fixture_build) -> Path:
    site, result = fixture_build
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_make_check_counts_missing_contact_details_in_one_line_without_failing(fixture_build):
    _, result = fixture_build
    assert result.returncode == 0, result.stdout + result.stderr
    notes = [line for line in result.stdout.splitlines() if "pladsholdere" in line]
    assert len(notes) == 1 and "make review" in notes[0], result.stdout
    assert "2 oplysninger" in notes[0] and "Mangler stadig:" not in result.stdout, result.stdout


def test_fixture_shortcodes_render_cards_fields_and_placeholders(fixture_site: Path):
    html = _article((fixture_site / "index.html").read_text(encoding="utf-8"))
    # An unknown field in a sentence: the contact's name stands in; the placeholder never shows.
    assert "Ring til <strong>Testenheden</strong> i dag." in html
    assert contacts.PLACEHOLDER not in html and "Telefon" not in html
    # The card: title, description, fields; the web address as a link.
    assert '<div class="admonition kontakt">' in html
    assert '<p class="admonition-title">Testenheden</p>' in html
    assert "Kontakt testenheden, når du tester." in html
    assert '<a href="https://vink.kk.dk">vink.kk.dk</a>' in html
    # A card inside an admonition is still a card.
    assert html.count('<div class="admonition kontakt">') == 2
    # Inside a sentence the card becomes the name (no Kontakt page in this site).
    assert "Se også <strong>Testenheden</strong> og" in html
    # Shortcodes in code are shown as code.
    assert "<code>[[kontakt vises-som-kode]]</code>" in html
    assert "[[kontakt" not in html.replace("<code>[[kontakt vises-som-kode]]</code>", "")


def test_unknown_contact_or_field_fails_the_build_with_a_danish_message(tmp_path: Path):
    result = build_site(tmp_path / "site", docs_dir=SITES / "contact-unknown" / "docs")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "index.md:16: [[kontakt findes-ikke]]: Kontakten 'findes-ikke' findes ikke" in out, out
    assert "tilføj kontakten i filen" in out
    assert "index.md:18: [[kontakt testenhed fax]]: Feltet 'fax'" in out
    # Reported once, by the contacts hook, not again as an unknown shortcode.
    assert out.count("[[kontakt findes-ikke]]") == 1


def test_real_site_renders_contacts(built_site: Path):
    kontakt = _article((built_site / "vejledning" / "kontakt" / "index.html").read_text(encoding="utf-8"))
    # Every contact has its own heading with the id as anchor, acute danger first.
    positions = []
    for cid in contacts.load_contacts():
        m = re.search(rf'<h3 id="{re.escape(cid)}">', kontakt)
        assert m, cid
        positions.append((cid, m.start()))
    assert min(positions, key=lambda p: p[1])[0] == "politi"
    # Unknown fields are left out; every real number is a tel: link, with its source and date.
    assert contacts.PLACEHOLDER not in kontakt and 'class="udfyldes"' not in kontakt
    for number in REAL_NUMBERS.values():
        assert f'<a href="tel:{number.replace(" ", "")}">{number}</a>' in kontakt, number
    assert '<a href="https://kk.dk/ekstremisme">kk.dk/ekstremisme</a>, tjekket 7. december 2026' in kontakt
    assert "[[" not in kontakt


@pytest.mark.browser
def test_a_real_number_is_a_tel_link_in_the_browser(page, site_url):
    page.goto(site_url + "vejledning/kontakt/")
    link = page.locator("#vink ~ dl a[href^='tel:']").first
    assert link.is_visible() and link.inner_text() == "40 20 71 98"
    assert page.get_by_text(contacts.PLACEHOLDER).count() == 0


def test_mistakes_in_the_contacts_file_name_their_lines(tmp_path: Path):
    path = tmp_path / "kontakter.yml"
    path.write_text("kontakter:\n  vink:\n    navn: VINK\n    beskrivelse: Råd.\n    fax: 1\n"
                    "  ssp:\n    navn: SSP\n    gruppe: andre\n", encoding="utf-8")
    found = {(p.line, p.message) for p in contacts.validate(path)}
    assert found == {(5, "Kontakten 'vink' har et ukendt felt 'fax'."),
                     (6, "Kontakten 'ssp' mangler feltet 'beskrivelse'."),
                     (8, "Kontakten 'ssp' har den ukendte gruppe 'andre'.")}
