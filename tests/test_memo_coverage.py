"""Every statement of the January 2015 memo can be found on the built site.

The memo (Socialforvaltningen to Socialudvalget, 15 January 2015, Sagsnr.
2015-0014696) is the starting point of the guidance. Each substantive
statement in it is listed below with the page that covers it and one or more
Danish phrases that must appear in that page's visible text. Statements that
changed after 2015 must also be shown as "then" and "now" on their page.

The rule for "then and now" (simple on purpose, so editors can follow it):
the part of the page between the nearest headings around the phrase (any
heading level) must contain the year "2015" and the words "i dag". Writing
"I 2015: … I dag: …", or a table with the columns "Sådan var det i januar
2015" and "Sådan er det i dag", under the same heading satisfies it.

If you reword a page and a phrase below no longer matches, keep the memo's
statement on the page and update the phrase here; do not drop the statement.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Statement:
    id: str
    page: str                  # the Markdown source under docs/
    phrases: tuple[str, ...]   # each must appear in the page's visible text
    changed: bool = False      # changed since 2015: needs "2015" and "i dag" near it


MEMO = [
    # Introduction
    Statement("memo-is-the-basis", "index.md",
              ("notat til Socialudvalget fra januar 2015",)),
    Statement("definition-of-radicalisation", "vejledning/hvad-er-radikalisering.md",
              ("udemokratiske, ulovlige eller voldelige midler", "politiske eller ideologiske mål"),
              changed=True),

    # What Copenhagen Municipality does: VINK
    Statement("vink-since-2010", "vejledning/vink.md", ("Siden 2010",), changed=True),
    Statement("vink-prevents-radicalisation", "vejledning/vink.md",
              ("enhed, der forebygger radikalisering og ekstremisme",)),
    Statement("vink-dialogue-and-inclusion", "vejledning/vink.md",
              ("Dialog med og inklusion af unge",), changed=True),
    Statement("vink-in-employment-and-integration-administration", "vejledning/vink.md",
              ("Beskæftigelses- og Integrationsforvaltningen",), changed=True),
    Statement("vink-advice-sparring-training-for-staff", "vejledning/vink.md",
              ("Råd, sparring og kurser",)),
    Statement("vink-strengthens-staff-dialogue-and-methods", "vejledning/vink.md",
              ("tale med dine kolleger om bekymringen", "finde de rigtige metoder")),
    Statement("vink-mentor-home-visits-family-advice", "vejledning/vink.md",
              ("mentor, hjemmebesøg og råd til den unge og familien",)),

    # What Copenhagen Municipality does: the returnee readiness
    Statement("readiness-established-2013", "vejledning/beredskab-for-hjemvendte.md",
              ("Københavns Kommune oprettede det i 2013",)),
    Statement("readiness-at-pets-request", "vejledning/beredskab-for-hjemvendte.md",
              ("fordi PET bad om det", "kunne være blevet radikaliseret")),
    Statement("readiness-term-of-the-time", "vejledning/beredskab-for-hjemvendte.md",
              ("hjemvendte syrienskrigere",), changed=True),
    Statement("readiness-anchored-in-ssp", "vejledning/beredskab-for-hjemvendte.md",
              ("forankret i SSP København",)),
    Statement("readiness-ssp-vink-dka", "vejledning/beredskab-for-hjemvendte.md",
              ("Den Kriminalpræventive Afdeling (DKA)", "Den Kriminalpræventive Sektion (DKS)"),
              changed=True),
    Statement("readiness-under-and-over-18-in-syria", "vejledning/beredskab-for-hjemvendte.md",
              ("har været i Syrien", "er under eller over 18 år")),
    Statement("readiness-voluntary-resocialisation", "vejledning/beredskab-for-hjemvendte.md",
              ("frivilligt kontakter kommunen", "resocialisering"), changed=True),
    Statement("readiness-bridges-to-existing-offers", "vejledning/beredskab-for-hjemvendte.md",
              ("hurtigt bro til de tilbud", "enkeltsagsbehandling")),

    # What Socialforvaltningen does
    Statement("staff-can-ask-vink-for-advice", "vejledning/vink.md",
              ("kan du få råd og sparring hos VINK", "råd til den unge og til familien")),
    Statement("duty-to-qualify-the-concern", "vejledning/naar-du-er-bekymret.md",
              ("kvalificere bekymringen", "har en forpligtelse til det")),
    Statement("extreme-views-as-welfare-concern", "vejledning/boern-og-unge.md",
              ("Ekstreme holdninger kan være et tegn på, at barnet ikke trives",)),
    Statement("child-investigation-then-and-now", "vejledning/boern-og-unge.md",
              ("Børnefaglig undersøgelse", "Serviceloven § 50", "Barnets lov § 20"), changed=True),
    Statement("support-measures-if-warranted", "vejledning/boern-og-unge.md",
              ("kan kommunen sætte støtte i gang",)),
    Statement("socialforvaltningen-active-in-readiness", "vejledning/hvem-goer-hvad.md",
              ("aktiv part i beredskabet under SSP", "skal koordineres")),
    Statement("socialforvaltningen-in-vink-follow-group", "vejledning/hvem-goer-hvad.md",
              ("VINK's følgegruppe",)),
    Statement("socialforvaltningen-develops-vink-ssp-dka", "vejledning/hvem-goer-hvad.md",
              ("samarbejde mellem VINK, SSP og politiets kriminalpræventive enhed", "hed dengang DKA"),
              changed=True),
    Statement("socialforvaltningen-shapes-readiness-through-ssp", "vejledning/hvem-goer-hvad.md",
              ("Gennem SSP var Socialforvaltningen også med til at forme beredskabet",)),

    # What we will work on
    Statement("wants-to-get-wiser", "vejledning/det-arbejder-vi-videre-med.md",
              ("blive klogere på radikalisering",)),
    Statement("no-clear-risk-profile", "vejledning/det-arbejder-vi-videre-med.md",
              ("ikke kunne tegne et klart billede af, hvem der er i risiko",
               "Ingen profil og ingen tjekliste"), changed=True),
    Statement("keep-practice-current", "vejledning/det-arbejder-vi-videre-med.md",
              ("holde sin praksis ajour",), changed=True),
    Statement("update-staff-with-vink", "vejledning/det-arbejder-vi-videre-med.md",
              ("fortsætte samarbejdet med VINK", "kompetenceforløbet"), changed=True),
    Statement("follow-outside-initiatives-with-vink", "vejledning/det-arbejder-vi-videre-med.md",
              ("nye tiltag og ny viden udefra",), changed=True),
    Statement("action-plan-september-2014", "vejledning/handlingsplan.md",
              ("Planen fra september 2014", "Planen fra oktober 2016"), changed=True),
    Statement("action-plan-psp-upskilling", "vejledning/handlingsplan.md",
              ("samarbejdet mellem politi, socialforvaltning og psykiatri",
               "Fagfolk i PSP skulle lære mere om radikalisering")),
    Statement("action-plan-crime-prevention-mental-illness", "vejledning/handlingsplan.md",
              ("forebygger kriminalitet blandt borgere med psykiske vanskeligheder",)),
    Statement("ankestyrelsen-study-contribution", "vejledning/det-arbejder-vi-videre-med.md",
              ("hjalp Ankestyrelsen med en undersøgelse i udvalgte kommuner",
               "MetroXpress", "20. januar 2015", "15. juli 2015"), changed=True),
    Statement("ankestyrelsen-study-subject", "vejledning/det-arbejder-vi-videre-med.md",
              ("social børnesag", "rejst til væbnede konflikter i udlandet")),
    Statement("ankestyrelsen-study-purpose", "vejledning/det-arbejder-vi-videre-med.md",
              ("finde og hjælpe børn og unge i risiko",)),
    Statement("inspiration-from-other-municipalities", "vejledning/det-arbejder-vi-videre-med.md",
              ("sparring og inspiration hos andre kommuner", "forebyggelse og rådgivning")),
    Statement("aarhus-experience", "vejledning/det-arbejder-vi-videre-med.md",
              ("Aarhus Kommune havde mange erfaringer", "Aarhus-modellen"), changed=True),
]

DOCS = Path(__file__).resolve().parents[1] / "docs"
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_SOURCES_HEADING = re.compile(r"<h2\b[^>]*\bid=\"kilder\"")
_HEADING = re.compile(r"(?=<h[1-6][\s>])")
_NOW = re.compile(r"\bi dag\b", re.I)
_THEN = re.compile(r"\b2015\b")


def _text(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    # Inline elements join their neighbours ("<abbr>VINK</abbr>s" is "VINKs");
    # any other tag separates words.
    fragment = re.sub(r"</?(?:a|abbr|em|strong|code|span|sup|sub|b|i)\b[^>]*>", "", fragment)
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    text = re.sub(r"\s+([.,:;!?)])", r"\1", re.sub(r"\s+", " ", text))
    return text.strip()


def _built_html(site: Path, page: str) -> Path:
    stem = page[: -len(".md")]
    candidates = ([site / "index.html"] if stem == "index" else
                  [site / (stem[: -len("index")] + "index.html")] if stem.endswith("/index") else
                  [site / stem / "index.html", site / (stem + ".html")])
    for path in candidates:
        if path.is_file():
            return path
    raise AssertionError(f"{page} was not built (looked for {', '.join(map(str, candidates))})")


def split_sections(raw_html: str) -> list[str]:
    """The visible text of a page's content, one string per heading-bounded part.

    The generated "Kilder" list is left out: a source title must not count as
    the page covering a statement.
    """
    found = _ARTICLE.search(raw_html)
    assert found, "no <article> in the built HTML"
    content = found.group(1)
    cut = _SOURCES_HEADING.search(content)
    if cut:
        content = content[: cut.start()]
    return [text for text in map(_text, _HEADING.split(content)) if text]


def sections(site: Path, page: str) -> list[str]:
    return split_sections(_built_html(site, page).read_text(encoding="utf-8"))


def shows_then_and_now(parts: list[str], phrase: str) -> bool:
    """True when a part holding the phrase also holds "2015" and "i dag"."""
    return any(_THEN.search(p) and _NOW.search(p) for p in parts if _contains(p, phrase))


def _contains(text: str, phrase: str) -> bool:
    return phrase.casefold() in text.casefold()


@pytest.mark.parametrize("statement", MEMO, ids=lambda s: s.id)
def test_memo_statement_is_on_its_page(built_site: Path, statement: Statement):
    text = " ".join(sections(built_site, statement.page))
    missing = [p for p in statement.phrases if not _contains(text, p)]
    assert not missing, (
        f"Notatets udsagn '{statement.id}' mangler på {statement.page}: "
        f"teksten {missing} står ikke på siden."
    )


@pytest.mark.parametrize("statement", [s for s in MEMO if s.changed], ids=lambda s: s.id)
def test_changed_statement_shows_then_and_now(built_site: Path, statement: Statement):
    parts = sections(built_site, statement.page)
    wrong = [p for p in statement.phrases if not shows_then_and_now(parts, p)]
    assert not wrong, (
        f"{statement.page}: {wrong} har ændret sig siden 2015. Skriv under samme overskrift "
        "både, hvad der gjaldt i 2015, og hvad der gælder i dag (fx 'I 2015: … I dag: …')."
    )


def test_the_list_is_complete_and_well_formed():
    ids = [s.id for s in MEMO]
    assert len(ids) == len(set(ids)), "duplicate statement ids"
    # The memo has about thirty substantive statements; a much shorter list has lost some.
    assert 25 <= len(MEMO) <= 45
    for s in MEMO:
        assert (DOCS / s.page).is_file(), f"{s.id}: {s.page} does not exist"
        assert s.phrases and all(p.strip() for p in s.phrases), s.id
    # Each of the memo's three parts and the readiness are covered.
    prefixes = {"vink-", "readiness-", "socialforvaltningen-", "action-plan-", "ankestyrelsen-"}
    assert all(any(i.startswith(p) for i in ids) for p in prefixes)
    assert sum(s.changed for s in MEMO) >= 10


def test_then_and_now_rule_can_fail():
    # "Then" under one heading and "now" under another is not enough; the sources
    # list at the end never counts.
    page = ("<html><article><h1>T</h1><h2 id=\"a\">A</h2><p>I 2015: <abbr title=\"x\">DKA</abbr>.</p>"
            "<h2>B</h2><p>I dag: DKS.</p><h3>C</h3><p>I 2015 hed den DKA. I dag DKS.</p>"
            "<h2 id=\"kilder\">Kilder</h2><p>DKA 2015 i dag</p></article></html>")
    parts = split_sections(page)
    assert parts == ["T", "A I 2015: DKA.", "B I dag: DKS.", "C I 2015 hed den DKA. I dag DKS."]
    assert not shows_then_and_now(parts[:3], "DKA")
    assert shows_then_and_now(parts, "DKA")
