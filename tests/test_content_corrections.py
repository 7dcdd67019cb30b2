"""Regression tests for the corrections of the content reviews, asserted on the
built HTML: the wrong statement is gone and the right one is there, with its
source on the page.

First review (issue 9, section 1): the front page, the guidance pages, the
decision guide and the data they render (contacts, glossary).
Second review (issue 21, sections 4 and 5): each point wherever it occurs, in
the guidance, the training pages, the self-checks, the data files and English;
and no marker or placeholder on a guidance, training or About page.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from test_memo_coverage import sections

from conftest import html_pages
from sitekit import glossary
from sitekit.mdtext import mask_code

MARKER = "Skal verificeres"
GUIDE = "vejledning/skal-jeg-kontakte-vink"


def text_of(site: Path, page: str) -> str:
    return " ".join(sections(site, page))


def sources_of(site: Path, page: str) -> str:
    """The page's generated "Kilder" list: its text and its link addresses."""
    raw = _built(site, page).read_text(encoding="utf-8")
    m = re.search(r'<h2\b[^>]*\bid="kilder".*?</article>', raw, re.S)
    assert m, f"{page} has no sources list"
    hrefs = " ".join(re.findall(r'href="([^"]+)"', m.group(0)))
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", m.group(0))).split()) + " " + hrefs


def _built(site: Path, page: str) -> Path:
    stem = page[: -len(".md")]
    if stem == "index":
        return site / "index.html"
    if stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def abbr_title(site: Path, page: str, abbreviation: str) -> str:
    raw = _built(site, page).read_text(encoding="utf-8")
    m = re.search(rf'<abbr title="([^"]*)">{re.escape(abbreviation)}</abbr>', raw)
    assert m, f"no tooltip for {abbreviation} on {page}"
    return htmllib.unescape(m.group(1))


def glossary_definition(term: str) -> str:
    return next(e.definition for e in glossary.load() if e.term == term)


def scope_pages(site: Path) -> list[str]:
    """The Markdown names of the built pages this test file covers. The Kilder
    page lists source titles, not statements, and is left out."""
    pages = []
    for rel in html_pages(site):
        if rel == "index.html":
            pages.append("index.md")
        elif rel.startswith("vejledning/") and rel.endswith("/index.html"):
            pages.append(rel[: -len("/index.html")] + ("/index.md" if rel.count("/") == 1 or
                                                       rel == f"{GUIDE}/index.html" else ".md"))
    return [p for p in pages if p != "vejledning/kilder.md"]


def test_scope_is_the_guidance(built_site: Path):
    pages = scope_pages(built_site)
    assert "index.md" in pages and "vejledning/index.md" in pages
    assert "vejledning/hvem-goer-hvad.md" in pages and f"{GUIDE}/index.md" in pages
    assert f"{GUIDE}/barn-eller-ung.md" in pages
    for page in pages:
        assert _built(built_site, page).is_file(), page


# --- BIF ---------------------------------------------------------------------------------

def test_bif_is_written_out_without_a_marker(built_site: Path):
    text = text_of(built_site, "vejledning/hvem-goer-hvad.md")
    assert "Beskæftigelses- og Integrationsforvaltningen (BIF)" in text
    assert "siger ikke, hvad forkortelsen BIF" not in text
    assert "BIF. [Skal verificeres]" not in text
    title = abbr_title(built_site, "vejledning/hvem-goer-hvad.md", "BIF")
    assert title.startswith("Beskæftigelses- og Integrationsforvaltningen")
    assert "Sandsynligvis" not in title and MARKER.lower() not in title.lower()
    assert "vink.kk.dk" in sources_of(built_site, "vejledning/hvem-goer-hvad.md")


# --- børnefaglig undersøgelse and the 24 hours ----------------------------------------------

def test_four_months_is_not_new_and_24_hours_is_paragraphs_136_137(built_site: Path):
    text = text_of(built_site, "vejledning/boern-og-unge.md")
    assert "Kommunen vurderer underretningen (Barnets lov § 18)" not in text
    assert "inden for 24 timer. Det står i Barnets lov §§ 136–137" in text
    assert "Screening: Kommunen vurderer, om barnet kan have brug for støtte (Barnets lov § 18)" in text
    assert "Notatet nævner ingen frist" not in text
    assert "Fire måneder (serviceloven § 50)" in text and "Fristen er ikke ny" in text
    assert "Barnets lov" in sources_of(built_site, "vejledning/boern-og-unge.md")
    answer = text_of(built_site, f"{GUIDE}/barn-eller-ung.md")
    assert "inden for 24 timer (Barnets lov §§ 136–137)" in answer
    assert "Fristen på fire måneder fandtes også dengang" in answer
    definition = glossary_definition("børnefaglig undersøgelse")
    assert "Fristen er ikke ny" in definition and "serviceloven § 50" in definition


# --- returnees -----------------------------------------------------------------------------

def test_returnees_could_be_prosecuted_in_2015_and_2016_added_the_travel_ban(built_site: Path):
    page = "vejledning/beredskab-for-hjemvendte.md"
    text = text_of(built_site, page)
    for wrong in ("I dag kan en hjemvendt også møde en straffesag",
                  "Er borgeren rejst ud efter 2016, kan det føre til en straffesag",
                  "I 2015 byggede beredskabet kun på frivillig støtte"):
        assert wrong not in text
    for right in ("også i 2015 få en straffesag efter straffelovens regler om terror, fx § 114 e",
                  "Fra den 30. september 2016:", "Idlib og Dayr Az Zawr", "fængsel i op til 8 år",
                  "forbud mod at rejse ind i visse konfliktområder og højere straffe",
                  "bekendtgørelse nr. 708 af 6. juli 2019"):
        assert right in text, right
    assert "§ 114 j" in sources_of(built_site, page)


# --- DKA and DKS ---------------------------------------------------------------------------

def test_dks_is_dated_not_stated_as_today(built_site: Path):
    undated = re.compile(r"I dag hedder (den|enheden) (Den Kriminalpræventive Sektion|DKS)", re.I)
    for page in scope_pages(built_site):
        assert not undated.search(text_of(built_site, page)), page
    for page in ("vejledning/beredskab-for-hjemvendte.md", "vejledning/hvem-goer-hvad.md"):
        text = text_of(built_site, page)
        assert "I senere kilder fra 2016 hedder den Den Kriminalpræventive Sektion (DKS)" in text, page
        assert "Den Kriminalpræventive Afdeling (DKA)" in text, page
    assert "senere kilder (fra 2016)" in abbr_title(built_site, "vejledning/hvem-goer-hvad.md", "DKA")
    assert "senere kilder (fra 2016)" in glossary_definition("DKS")


# --- retsplejeloven § 115 --------------------------------------------------------------------

def test_paragraph_115_only_within_the_cooperation(built_site: Path):
    worried = text_of(built_site, "vejledning/naar-du-er-bekymret.md")
    assert "må I dele oplysninger om en borger, når det er nødvendigt" not in worried
    for page in ("vejledning/naar-du-er-bekymret.md", "vejledning/hvem-goer-hvad.md"):
        text = text_of(built_site, page)
        assert "den juridiske afdeling" in text, page
        assert "Reglen giver ikke lov til at dele med nogen uden for samarbejdet" in text, page
        assert "som samarbejdet drejer sig om" in text, page
        assert "§ 115" in sources_of(built_site, page), page
    who = text_of(built_site, "vejledning/hvem-goer-hvad.md")
    assert "tal med din leder eller med VINK, før du deler" not in who


# --- issue 21, section 5: corrections of the second content review ---------------------------

def reader_text(site: Path, rel: str) -> str:
    """The visible text of one built page (a path relative to the site's root)."""
    raw = (site / rel).read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", raw, flags=re.S)
    text = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return re.sub(r" ([,.;:!?)])", r"\1", text)


def reader_pages(site: Path) -> list[str]:
    """Every built page a reader or participant sees (Danish and English), not the editors' guide."""
    return [rel for rel in html_pages(site) if "redaktoerer/" not in rel and rel != "404.html"]


JM_GUIDE = ("Vejledning om udveksling af personoplysninger som led i indsatsen mod radikalisering og "
            "ekstremisme – med særligt fokus på infohusene")
NO_NAME_TO_VINK = re.compile(r"ikke (lov|grundlag) til at give VINK|not allow you to give VINK|"
                             r"ikke lov til at give VINK|give VINK brorens navn", re.I)


def test_vink_may_hear_a_named_concern_and_the_infohus_rests_on_paragraph_115(built_site: Path):
    wrong = {rel: m.group(0) for rel in reader_pages(built_site)
             if (m := NO_NAME_TO_VINK.search(reader_text(built_site, rel)))}
    assert wrong == {}
    for page in ("vejledning/dele-oplysninger.md", "vejledning/naar-du-er-bekymret.md",
                 "vejledning/hvem-goer-hvad.md", "kompetenceforloeb/modul-4-hjemvendte-samarbejde.md"):
        text = text_of(built_site, page)
        assert "fortælle VINK om en bekymring for en borger med navn" in text, page
        assert "uden navn" in text, page
        assert "Koordineringsenhed" in text and "§ 115" in text, page
        assert JM_GUIDE in text, page
        assert JM_GUIDE in sources_of(built_site, page), page
    sharing = text_of(built_site, "vejledning/dele-oplysninger.md")
    assert "at dele oplysninger til en efterforskning af en forbrydelse" in sharing
    assert "at dele oplysninger med nogen uden for samarbejdet" in sharing
    for rel in ("en/vejledning/naar-du-er-bekymret/index.html", "en/vejledning/hvem-goer-hvad/index.html"):
        text = reader_text(built_site, rel)
        assert "You may raise a concern about a named citizen with VINK" in text, rel
        assert "without a name" in text and "infohusene" in text, rel


KSP_DA = ("I 2015: KSP var samarbejdet om dømte, der blev løsladt fra fængsel. I dag: Fra den 1. marts 2016 "
          "dækker KSP også personer, der bliver løsladt fra varetægt, og som vurderes at være radikaliseret.")


def test_ksp_has_one_wording_then_and_now(built_site: Path):
    for page in ("vejledning/hvem-goer-hvad.md", "vejledning/dele-oplysninger.md",
                 "kompetenceforloeb/modul-4-hjemvendte-samarbejde.md"):
        text = text_of(built_site, page)
        assert KSP_DA in text, page
        assert "som Kriminalforsorgen havde kontakt med" not in text, page
        assert "L 78" in sources_of(built_site, page), page
    english = reader_text(built_site, "en/vejledning/hvem-goer-hvad/index.html")
    assert "In 2015: KSP was the cooperation about convicted persons released from prison." in english
    assert "the Prison and Probation Service was in contact with" not in english


MONTH_AT_LINE_START = re.compile(r"^\s*\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|"
                                 r"oktober|november|december) \d{4}", re.M)


def test_no_wrapped_line_starts_with_a_date_that_github_shows_as_a_list():
    """Prose only: a line in a code block is never a list, in GitHub's preview or on the site."""
    docs = Path(__file__).resolve().parents[1] / "docs"
    prose = {p: mask_code(p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))}
    bad = [f"{p.relative_to(docs)}:{text[:m.start()].count(chr(10)) + 1}"
           for p, text in prose.items() for m in MONTH_AT_LINE_START.finditer(text)]
    assert bad == []


# --- the definition -------------------------------------------------------------------------

def test_definitions_are_attributed_not_blended(built_site: Path):
    text = text_of(built_site, "vejledning/hvad-er-radikalisering.md")
    assert "En person begynder at synes, at vold eller andre ulovlige midler er i orden" not in text
    assert "Notatet fra 2015: Radikalisering sker, når en person mere og mere accepterer udemokratiske" in text
    assert "Myndighederne siden 2016: Radikalisering er en kortere eller længere proces" in text
    assert "PET (Politiets Efterretningstjeneste) i dag:" in text
    question = text_of(built_site, f"{GUIDE}/hvad-bekymrer-dig.md")
    assert "accepterer vold eller andre ulovlige midler for at nå et politisk, religiøst" not in question
    assert "Siden 2016 forklarer myndighederne radikalisering sådan" in question
    assert "stopekstremisme.dk" in sources_of(built_site, f"{GUIDE}/hvad-bekymrer-dig.md")


# --- "Det arbejder vi videre med" -------------------------------------------------------------

def test_five_aims_and_no_claim_that_vink_made_the_course(built_site: Path):
    text = text_of(built_site, "vejledning/det-arbejder-vi-videre-med.md")
    assert "Det var seks ting" not in text and "Notatet nævner fem ting" in text
    assert "Blive klogere på, hvem der er i risiko Der findes" not in text
    assert "Det var ikke et mål i sig selv" in text
    assert "vores kilder siger ikke, at VINK har lavet det" in text
    assert "Kompetenceforløbet på dette site." not in text


# --- action plans and the MetroXpress date -----------------------------------------------------

def test_twelve_and_nineteen_initiatives_and_the_latest_plan(built_site: Path):
    parts = sections(built_site, "vejledning/handlingsplan.md")
    text = " ".join(parts)
    assert "Planen fra september 2014 havde 12 initiativer" in text
    assert "Aftalen om penge fra januar 2015 talte 19 initiativer" in text
    table = next(p for p in parts if p.startswith("Før og nu"))
    assert "Ministeriet kalder den den seneste nationale plan" in table and MARKER not in table
    assert '"den seneste nationale handlingsplan"' in text
    assert "NCFE åbnede den 1. april 2017" in text
    assert "Nogle siger 1. januar" not in text


def test_memo_citing_a_later_article_is_pointed_out(built_site: Path):
    text = text_of(built_site, "vejledning/det-arbejder-vi-videre-med.md")
    assert "MetroXpress fra den 20. januar 2015" in text
    assert "notatet er dateret den 15. januar 2015. De to datoer passer ikke sammen" in text


# --- the 2015 commitment to qualify a concern ------------------------------------------------------

def test_the_2015_commitment_is_labelled_not_a_legal_duty(built_site: Path):
    text = text_of(built_site, "vejledning/naar-du-er-bekymret.md")
    assert "Forvaltningen har forpligtet sig til det. Notatet" not in text
    assert "I 2015 skrev forvaltningen, at den havde en forpligtelse til det. For voksne var det forvaltningens " \
           "eget løfte, ikke en pligt i loven" in text
    assert "ikke en pligt i loven" in glossary_definition("kvalificere bekymringen")


NOT_A_DUTY = re.compile(r"[^.|]*(ikke en pligt i loven|not a duty in law)[^.|]*")


def test_not_a_duty_in_law_is_for_adults_and_the_duties_for_children_are_named(built_site: Path):
    pages = {"vejledning/naar-du-er-bekymret.md": text_of(built_site, "vejledning/naar-du-er-bekymret.md"),
             "kompetenceforloeb/modul-2-bekymring.md": text_of(built_site, "kompetenceforloeb/modul-2-bekymring.md"),
             "en": reader_text(built_site, "en/vejledning/naar-du-er-bekymret/index.html"),
             "glossary": glossary_definition("kvalificere bekymringen")}
    for name, text in pages.items():
        found = NOT_A_DUTY.findall(text)
        assert found, name
        for m in NOT_A_DUTY.finditer(text):
            assert re.search(r"[Ff]or (voksne|adults)", m.group(0)), (name, m.group(0))
        assert "136–137" in text and "§ 20" in text or "§§ 20" in text, name


# --- the hotline -------------------------------------------------------------------------------------

NOT_CONFIRMED = re.compile(r"ved ikke, om hotlinen|om den (stadig )?findes i dag|"
                           r"whether the hotline still exists|whether it exists today", re.I)


def test_the_hotline_runs_today_on_every_page_that_mentions_it(built_site: Path):
    mentioning, wrong = [], {}
    for rel in reader_pages(built_site):
        text = reader_text(built_site, rel)
        if "hotline" not in text.lower():
            continue
        mentioning.append(rel)
        if m := NOT_CONFIRMED.search(text):
            wrong[rel] = m.group(0)
    assert wrong == {}
    assert len(mentioning) >= 6
    for page in ("vejledning/vink.md", "vejledning/hvem-goer-hvad.md", "vejledning/beredskab-for-hjemvendte.md",
                 "vejledning/paaroerende.md"):
        text = text_of(built_site, page)
        assert "åbnede den 1. februar 2016" in text or "1. februar 2016 åbnede" in text, page
        assert '"Hotline mod radikalisering", og den kører stadig' in text, page
        assert "Du kan ringe anonymt" in text and "Koordineringsenheden" in text, page
        assert "Her kan du henvende dig" in sources_of(built_site, page), page
    assert "Hotline mod radikalisering" in text_of(built_site, "kompetenceforloeb/modul-4-hjemvendte-samarbejde.md")
    english = reader_text(built_site, "en/vejledning/hvem-goer-hvad/index.html")
    assert "and it still runs" in english


# --- nothing unfinished in front of readers (issue 21, section 4) ------------------------------------

UNFINISHED = re.compile(r"skal verificeres|to be verified|udfyldes af redaktøren|to be filled in", re.I)


def without_contact_data(raw: str) -> str:
    """A page's HTML without the contact cards and contact fields: those come from the
    contacts file, which has its own check. What is left is the page's own text."""
    raw = re.sub(r'<span class="udfyldes">.*?</span>(</span>)?', " ", raw, flags=re.S)
    while (start := raw.find('<div class="admonition kontakt"')) != -1:
        depth, i = 0, start
        for m in re.finditer(r"<(/?)div\b", raw[start:]):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                i = start + m.end()
                break
        raw = raw[:start] + raw[raw.index(">", i) + 1:]
    return raw


def test_unfinished_rule_can_fail():
    page = '<p>Ok</p><div class="admonition kontakt"><div>Skal verificeres</div></div><p>x</p>'
    assert not UNFINISHED.search(without_contact_data(page))
    assert UNFINISHED.search(without_contact_data(page + "<p>Det er ikke tjekket. [Skal verificeres]</p>"))


def test_no_marker_or_placeholder_on_a_guidance_or_training_page(built_site: Path):
    """The guidance, the training and the About pages, Danish and English; the front page and
    the contacts page are generated from the contacts file and checked with it."""
    bad = {}
    for rel in reader_pages(built_site):
        if rel in ("index.html", "en/index.html") or "/kontakt/" in rel or "handlekort" in rel:
            continue
        raw = without_contact_data((built_site / rel).read_text(encoding="utf-8"))
        raw = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", raw, flags=re.S)
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", raw))
        if m := UNFINISHED.search(text):
            bad[rel] = text[max(m.start() - 60, 0):m.end()].strip()
    assert bad == {}


# --- threats at work -------------------------------------------------------------------------------

def test_a_threat_at_work_gets_the_same_answer_in_the_training_as_in_din_sikkerhed(built_site: Path):
    safety = text_of(built_site, "vejledning/din-sikkerhed.md")
    assert "Straffeloven § 119 beskytter offentligt ansatte" in safety
    assert "fortæl din leder det, og anmeld truslen til politiet på 114" in safety
    assert "§ 119" in sources_of(built_site, "vejledning/din-sikkerhed.md")
    for page in ("kompetenceforloeb/modul-2-bekymring.md", "kompetenceforloeb/svaere-droeftelser.md"):
        text = text_of(built_site, page)
        assert "straffeloven § 119 beskytter offentligt ansatte" in text, page
        assert "anmelde" in text and "truslen til politiet på 114" in text, page
        assert "Er nogen i akut fare: 112" in text or "Er der akut fare, ringer man 112" in text, page
        assert "Tyder noget på, at en forbrydelse bliver planlagt, men uden akut fare" not in text, page
        assert "§ 119" in sources_of(built_site, page), page
        raw = _built(built_site, page).read_text(encoding="utf-8")
        assert re.search(r'href="[./]*vejledning/din-sikkerhed/"', raw), page


# --- anger at the authorities is not a sign; no claim about a left-wing case ------------------------

def test_anger_at_the_authorities_is_not_a_sign(built_site: Path):
    for page in ("kompetenceforloeb/modul-2-bekymring.md", "kompetenceforloeb/svaere-droeftelser.md",
                 "kompetenceforloeb/modul-1-forstaa-radikalisering.md", "vejledning/hvad-er-radikalisering.md",
                 "vejledning/former-for-ekstremisme.md"):
        text = text_of(built_site, page)
        assert "Vrede mod myndighederne (antimyndighedsekstremisme)" not in text, page
        assert "vrede mod myndighederne og radikalisering på nettet" not in text, page
        assert "legitimerer vold eller anden kriminalitet mod staten" in text, page
    for rel in reader_pages(built_site):
        assert "(vrede mod myndighederne)" not in reader_text(built_site, rel), rel
    assert "legitimising violence or other crime against the state" in reader_text(
        built_site, "en/vejledning/hvad-er-radikalisering/index.html")


def test_no_claim_that_the_cases_cover_left_wing_extremism(built_site: Path):
    text = text_of(built_site, "kompetenceforloeb/svaere-droeftelser.md")
    assert "Casene i forløbet dækker dem" not in text
    assert "venstreekstremisme" in text


# --- the 2016 national plan: its real nine areas -------------------------------------------------

NINE_AREAS = ["En mere samlet forebyggelse, der bygger på viden", "En stærkere indsats i politikredse og kommuner",
              "Et modspil til ekstremistisk propaganda og radikalisering på nettet",
              "En hård linje over for fremmedkrigere", "En målrettet indsats i kriminelle miljøer",
              "Radikalisering i fængslerne", "Dagtilbud, skoler og ungdomsuddannelser",
              "Lokalsamfund, der tager aktivt del", "Det internationale arbejde"]


def test_the_2016_plan_has_its_real_nine_areas(built_site: Path):
    raw = _built(built_site, "vejledning/handlingsplan.md").read_text(encoding="utf-8")
    lists = [[" ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", li)).split())
              for li in re.findall(r"<li>(.*?)</li>", ol, re.S)] for ol in re.findall(r"<ol>(.*?)</ol>", raw, re.S)]
    areas = next(items for items in lists if len(items) == 9)
    assert all(area.startswith(expected) for area, expected in zip(areas, NINE_AREAS, strict=True)), areas
    text = text_of(built_site, "vejledning/handlingsplan.md")
    for wrong in ("Et fælles redskab til at vurdere en bekymring.", "Korps af mentorer og forældrecoaches."):
        assert wrong not in text


# --- § 114 j: 8 years is today's maximum ------------------------------------------------------------


def test_the_travel_ban_penalty_is_shown_then_and_now(built_site: Path):
    for rel in reader_pages(built_site):
        text = reader_text(built_site, rel)
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text):
            if re.search(r"(?<!1)8 (år|years)\b", sentence) and "§ 114 j" in text:
                assert "I dag" in sentence or "Today" in sentence or "today" in sentence, (rel, sentence)
    page = "vejledning/beredskab-for-hjemvendte.md"
    text = text_of(built_site, page)
    assert "I 2016: Strafferammen var lavere end i dag. I dag: Straffen er bøde eller fængsel i op til 8 år" in text
    assert "LBK nr. 434 af 25/04/2024" in sources_of(built_site, page)
    assert "In 2016: the maximum penalty was lower than today. Today: the penalty is a fine or prison for up to 8 years" \
        in reader_text(built_site, "en/vejledning/beredskab-for-hjemvendte/index.html")
    assert "I dag er straffen bøde eller fængsel i op til 8 år" in text_of(
        built_site, "kompetenceforloeb/modul-4-hjemvendte-samarbejde.md")


# --- returnees: the 2013 unit in the past tense, today's route ---------------------------------------

def test_the_readiness_unit_is_history_and_the_first_steps_replace_ssp_or_vink(built_site: Path):
    for rel in reader_pages(built_site):
        text = reader_text(built_site, rel)
        assert "Kontakt SSP København eller VINK" not in text, rel
        assert "Contact SSP København or VINK" not in text, rel
        assert "SSP København set up" not in text, rel
    page = "vejledning/beredskab-for-hjemvendte.md"
    text = text_of(built_site, page)
    for wrong in ("Beredskabet er forankret i SSP København", "Har ansvaret for beredskabet",
                  "Den hjemvendte tager selv kontakt", "SSP København og VINK hjælper dig"):
        assert wrong not in text, wrong
    for right in ("Hvad var beredskabet?", "Beredskabet var forankret i SSP København",
                  "Vi har ingen nyere kilde, der siger, at det findes i dag",
                  "I dag hjælper VINK (Team Forebyggelse af Ekstremisme) og Koordineringsenheden dig",
                  "hjemvendte og deres familier"):
        assert right in text, right
    assert "vink.kk.dk/indhold/om-vink" in sources_of(built_site, page)
    raw = _built(built_site, page).read_text(encoding="utf-8")
    section = raw[raw.index('id="hvad-gør-du-hvis-du-møder-en-hjemvendt"'):]
    assert "procedure-foerste-skridt" in section[:3000]
    english = reader_text(built_site, "en/vejledning/beredskab-for-hjemvendte/index.html")
    assert "What was the readiness unit?" in english and "The unit was anchored in SSP København" in english
    module = text_of(built_site, "kompetenceforloeb/modul-4-hjemvendte-samarbejde.md")
    assert "Vejen går gennem VINK (Team Forebyggelse af Ekstremisme) og Koordineringsenheden" in module


# --- Barnets lov § 15: stk. 2 (abuse) and stk. 3 (extremism) -------------------------------------------

def test_the_abuse_plan_pairs_with_stk_2_and_extremism_is_stk_3(built_site: Path):
    page = "vejledning/beredskabsplan.md"
    text = text_of(built_site, page)
    assert "I dag: Barnets lov § 15, stk. 3 kræver en plan" not in text
    assert "serviceloven § 19, stk. 4. I dag står det i Barnets lov § 15, stk. 2" in text
    assert "Kravet står i Barnets lov § 15, stk. 3" in text
    assert "Vores kilder siger ikke, hvornår kravet kom ind i loven" in text
    assert "§ 15, stk. 2 og 3" in sources_of(built_site, page)


# --- online radicalisation: guidance and training say the same, no more than the sources --------------

ONLINE = ("Regeringens planer fra 2014 og 2016 nævner begge radikalisering på nettet. VINK taler i dag med unge om "
          "det. Vores kilder siger ikke mere om, hvordan det sker, fx på sociale medier eller i spil, eller hvor unge "
          "de er.")


def test_online_radicalisation_is_said_the_same_way_in_guidance_and_training(built_site: Path):
    for page in ("vejledning/former-for-ekstremisme.md", "kompetenceforloeb/modul-1-forstaa-radikalisering.md"):
        text = text_of(built_site, page)
        assert ONLINE in text, page
        assert "handlingsplan" in sources_of(built_site, page), page
    for page in ("kompetenceforloeb/modul-1-forstaa-radikalisering.md", "kompetenceforloeb/modul-3-boern-unge-familier.md"):
        text = text_of(built_site, page)
        for claim in ("chat i computerspil", "unge teenagere kan blive trukket ind", "den kan ramme unge teenagere"):
            assert claim not in text, (page, claim)


# --- "tre ud af fire": one in four had none described, so it feeds no profile --------------------------

def test_three_in_four_comes_with_one_in_four_and_no_profile(built_site: Path):
    found = []
    for rel in reader_pages(built_site):
        text = reader_text(built_site, rel)
        for m in re.finditer(r"Tre ud af fire|Three in four", text):
            found.append(rel)
            near = text[m.start():m.start() + 400]
            if m.group(0) == "Tre ud af fire":
                assert "en ud af fire stod der ingen sociale problemer i sagen" in near, rel
                assert "ikke en profil" in near, rel
            else:
                assert "one in four, the case file described no social problems" in near and "not a profile" in near, rel
    assert len(set(found)) >= 5


# --- the smaller first-steps drifts --------------------------------------------------------------------

def _in_order(text: str, *phrases: str) -> bool:
    positions = [text.find(p) for p in phrases]
    return -1 not in positions and positions == sorted(positions)


def test_the_first_steps_have_one_order_everywhere(built_site: Path):
    for rel in reader_pages(built_site):
        assert "ellers leder og VINK" not in reader_text(built_site, rel), rel
    module = text_of(built_site, "kompetenceforloeb/modul-2-bekymring.md")
    assert "underretning for børn, så altid leder og VINK, og skriv ned samme dag" in module
    boards = [rel for rel in reader_pages(built_site)
              if "Hvad gør du først? 112 ved akut fare, 114 hvis" in reader_text(built_site, rel)]
    assert boards
    for rel in boards:
        assert "114 hvis en forbrydelse kan være planlagt, underretning for børn, så altid leder og VINK, og skriv " \
               "ned samme dag" in reader_text(built_site, rel), rel
    cases = text_of(built_site, "kompetenceforloeb/cases.md")
    assert _in_order(cases, "ring 112 ved akut fare", "114, hvis noget tyder på", "om du skal underrette",
                     "Tal så med din leder, og få råd hos VINK", "Skriv ned samme dag")
    children = next(p for p in sections(built_site, "vejledning/boern-og-unge.md")
                    if p.startswith("Hvordan underretter du?"))
    assert _in_order(children, "ring 112 først", "Send underretningen til kommunen",
                     "Tal med din leder, og få råd hos VINK", "Skriv ned, hvad du har set, hørt og gjort")
    header = (Path(__file__).resolve().parents[1] / "docs/_data/selvtjek.yml").read_text(encoding="utf-8")
    header = header[:header.index("\nmodul-1:")]
    assert "ellers leder og VINK" not in header and "skriv ned samme dag" in header


# --- English says what the Danish says -----------------------------------------------------------------

def _steps(site: Path, rel: str) -> int:
    raw = (site / rel).read_text(encoding="utf-8")
    m = re.search(r'<ol id="efter-vink-diagram-1-tekst"[^>]*>(.*?)</ol>', raw, re.S)
    assert m, rel
    return len(re.findall(r"<li\b", m.group(1)))


def test_english_says_what_the_danish_says(built_site: Path):
    assert _steps(built_site, "en/vejledning/efter-vink/index.html") == \
        _steps(built_site, "vejledning/efter-vink/index.html") == 6
    children = reader_text(built_site, "en/vejledning/boern-og-unge/index.html")
    assert "changed the rules on notification in 2024" not in children
    for rel in reader_pages(built_site):
        text = reader_text(built_site, rel)
        assert "a way of dressing" not in text, rel
        assert "SSP København set up" not in text, rel
    assert "an appearance is not a sign in itself" in reader_text(
        built_site, "en/vejledning/skal-jeg-kontakte-vink/hvad-bekymrer-dig/index.html")
