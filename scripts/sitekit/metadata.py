"""The one schema for page front matter, with Danish messages for editors.

Every page under docs/ (except folders starting with "_") carries:

    title, description, owner, last_reviewed, review_months, audience, sources

``validate_page`` returns a Problem per mistake, each with the file, the line
of the key and what to do. The checks (`make check`) and the build hook
(overrides/hooks/page_meta.py) both call it, so an editor gets the same
message in both places.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml

from .contacts import ContactsError, contacts_file_for, load_contacts
from .pages import FrontMatterError, Page, parse_page, split_front_matter
from .problems import Problem

CHECK = "metadata"

REQUIRED_KEYS = ("title", "description", "owner", "last_reviewed", "review_months", "audience", "sources")
# Keys Material for MkDocs understands; allowed, never required. A key outside
# both lists is most often a typo ("last_reviwed"), so it is an error.
OPTIONAL_KEYS = ("hide", "search", "status", "subtitle", "icon", "template", "tags")
AUDIENCES = ("alle", "medarbejdere", "ledere", "undervisere", "redaktører")
REVIEW_MONTHS_MIN, REVIEW_MONTHS_MAX = 1, 24
DESCRIPTION_MAX = 160
SOURCE_KEYS = ("title", "url", "ref", "publisher", "date")

_FIELD_HELP = {
    "title": "Skriv sidens titel, fx 'title: Hvad er radikalisering?'. "
             "Sæt anførselstegn om titlen, hvis den indeholder kolon.",
    "description": "Skriv én kort sætning om siden (højst 160 tegn). Den vises i søgeresultater.",
    "owner": "Skriv id'et på den ansvarlige enhed fra docs/_data/kontakter.yml, fx 'owner: redaktionen'.",
    "last_reviewed": "Skriv datoen for seneste gennemgang som ÅÅÅÅ-MM-DD, fx 'last_reviewed: 2026-11-26'.",
    "review_months": "Skriv antal måneder til næste gennemgang som et helt tal fra "
                     f"{REVIEW_MONTHS_MIN} til {REVIEW_MONTHS_MAX}, fx 'review_months: 12'.",
    "audience": "Skriv en liste med målgrupper. Brug: " + ", ".join(AUDIENCES) + ".",
    "sources": "Skriv en liste med mindst én kilde. Hver kilde har 'title' og enten 'url' eller 'ref'.",
}


def contacts_for(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """The contacts a docs folder uses: its own _data/kontakter.yml, else the project's."""
    return load_contacts(contacts_file_for(docs_dir))


def _node_lines(text: str) -> dict[tuple, int]:
    """1-based file line of each value in the front matter, keyed by its path, e.g.
    ("sources", 0, "url"). Empty when the front matter cannot be read."""
    try:
        raw, _, _ = split_front_matter(text)
        node = yaml.compose(raw, Loader=yaml.SafeLoader) if raw else None
    except (FrontMatterError, yaml.YAMLError):
        return {}
    lines: dict[tuple, int] = {}

    def walk(n: yaml.Node, key: tuple) -> None:
        lines[key] = n.start_mark.line + 2
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(v, key + (str(k.value),))
                # Point at the key's line: "url:" rather than a folded value below it.
                lines[key + (str(k.value),)] = k.start_mark.line + 2
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, key + (i,))

    if node is not None:
        walk(node, ())
    return lines


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _date_problem(value: Any, name: str, today: dt.date) -> str | None:
    """Danish description of what is wrong with a date value, or None."""
    if not _is_date(value):
        return (f"'{name}' er ikke en rigtig dato: '{value}'. Skriv datoen som ÅÅÅÅ-MM-DD uden "
                "anførselstegn og uden klokkeslæt, fx 2026-11-26.")
    if value > today:
        return (f"'{name}' ligger i fremtiden ({value.isoformat()}). "
                "En dato for noget, der er sket, kan ikke ligge efter i dag.")
    return None


def validate_page(page: Page, contacts: dict[str, dict[str, Any]], today: dt.date,
                  text: str | None = None) -> list[Problem]:
    """Every schema mistake in one parsed page (``text``: the page's text, if not on disk)."""
    meta, path = page.meta, page.path
    problems: list[Problem] = []
    lines = _node_lines(text if text is not None else Path(path).read_text(encoding="utf-8"))

    def add(line: int | None, message: str, hint: str) -> None:
        problems.append(Problem.at(path, line, CHECK, message, hint))

    def at(*key) -> int | None:
        return lines.get(tuple(key)) or page.line_of(str(key[0])) or 1

    if not meta:
        add(1, "Siden mangler metadata (front matter) øverst.",
            "Start filen med en linje med '---', felterne " + ", ".join(REQUIRED_KEYS)
            + " og endnu en linje med '---'. Kopiér fra en anden side, eller lav siden med `make new-page`.")
        return problems

    for key in REQUIRED_KEYS:
        if key not in meta or meta[key] is None or meta[key] == "" or meta[key] == []:
            word = "mangler" if key not in meta else "er tom"
            add(page.line_of(key) or 1, f"Feltet '{key}' {word}.", _FIELD_HELP[key])
    for key in meta:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            guess = difflib.get_close_matches(str(key), REQUIRED_KEYS + OPTIONAL_KEYS, n=1)
            hint = (f"Mente du '{guess[0]}'? Ret stavningen." if guess
                    else "Slet feltet, eller bed en udvikler om at tilføje det i scripts/sitekit/metadata.py.")
            add(page.line_of(str(key)), f"Ukendt felt '{key}' i metadata.", hint)

    for key in ("title", "description"):
        value = meta.get(key)
        if value not in (None, "") and not isinstance(value, str):
            add(at(key), f"Feltet '{key}' skal være tekst, men er '{value}'.",
                "Sæt anførselstegn om teksten, fx title: \"Kontakt: VINK\".")
    desc = meta.get("description")
    if isinstance(desc, str) and len(desc) > DESCRIPTION_MAX:
        add(at("description"), f"Beskrivelsen er {len(desc)} tegn lang. Den må højst være {DESCRIPTION_MAX} tegn.",
            "Skriv en kortere sætning. Søgemaskiner skærer resten af.")

    owner = meta.get("owner")
    if owner not in (None, ""):
        if not isinstance(owner, str) or owner not in contacts:
            known = ", ".join(sorted(contacts))
            add(at("owner"), f"'owner: {owner}' findes ikke i kontaktfilen docs/_data/kontakter.yml.",
                f"Brug et af disse id'er: {known}. Mangler enheden, så tilføj den i kontaktfilen først.")

    reviewed = meta.get("last_reviewed")
    if reviewed not in (None, ""):
        msg = _date_problem(reviewed, "last_reviewed", today)
        if msg:
            add(at("last_reviewed"), msg, _FIELD_HELP["last_reviewed"])

    months = meta.get("review_months")
    if months not in (None, ""):
        if isinstance(months, bool) or not isinstance(months, int):
            add(at("review_months"), f"'review_months' skal være et helt tal, men er '{months}'.",
                _FIELD_HELP["review_months"])
        elif not REVIEW_MONTHS_MIN <= months <= REVIEW_MONTHS_MAX:
            add(at("review_months"),
                f"'review_months: {months}' er uden for det tilladte: "
                f"{REVIEW_MONTHS_MIN} til {REVIEW_MONTHS_MAX} måneder.",
                "Vælg et tal fra 1 til 24. En side skal gennemgås mindst hvert andet år.")

    audience = meta.get("audience")
    if audience not in (None, "", []):
        if not isinstance(audience, list):
            add(at("audience"), "'audience' skal være en liste, også når der kun er én målgruppe.",
                "Skriv hver målgruppe på sin egen linje med '  - ' foran, fx '  - medarbejdere'.")
        else:
            for i, value in enumerate(audience):
                if value not in AUDIENCES:
                    add(at("audience", i), f"Ukendt målgruppe '{value}' i 'audience'.", _FIELD_HELP["audience"])

    sources = meta.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            add(at("sources"), "'sources' skal være en liste med kilder.", _FIELD_HELP["sources"])
        else:
            for i, source in enumerate(sources):
                problems.extend(_validate_source(page, i, source, at, today))
    return problems


def _validate_source(page: Page, i: int, source: Any, at, today: dt.date) -> list[Problem]:
    out: list[Problem] = []
    n = i + 1

    def add(line: int | None, message: str, hint: str) -> None:
        out.append(Problem.at(page.path, line, CHECK, message, hint))

    if not isinstance(source, dict):
        add(at("sources", i), f"Kilde nr. {n} under 'sources' skal have felter som 'title:' og 'url:'.",
            _FIELD_HELP["sources"])
        return out
    title = source.get("title")
    if not isinstance(title, str) or not title.strip():
        add(at("sources", i), f"Kilde nr. {n} mangler en titel ('title').",
            "Skriv kildens titel, fx '  - title: Stop ekstremisme – om ekstremisme'.")
    url, ref = source.get("url"), source.get("ref")
    if not url and not ref:
        add(at("sources", i), f"Kilde nr. {n} mangler både 'url' og 'ref'.",
            "Skriv adressen i 'url' (https://…) eller en henvisning i 'ref', fx 'ref: Sagsnr. 2015-0014696'.")
    if url and not (isinstance(url, str) and url.startswith(("https://", "http://")) and " " not in url):
        add(at("sources", i, "url"), f"Kilde nr. {n} har en adresse, der ikke er en webadresse: '{url}'.",
            "Skriv hele adressen med https:// foran. Er kilden ikke på nettet, så brug 'ref' i stedet.")
    for key in ("ref", "publisher"):
        value = source.get(key)
        if value is not None and not (isinstance(value, str) and value.strip()):
            add(at("sources", i, key), f"Kilde nr. {n}: '{key}' skal være tekst.",
                "Sæt anførselstegn om teksten.")
    if "date" in source:
        msg = _date_problem(source["date"], "date", today)
        if msg:
            add(at("sources", i, "date"), f"Kilde nr. {n}: {msg}", "Skriv kildens dato som ÅÅÅÅ-MM-DD, fx 2015-01-15.")
    for key in source:
        if key not in SOURCE_KEYS:
            add(at("sources", i, str(key)), f"Kilde nr. {n} har et ukendt felt '{key}'.",
                "En kilde kan have: " + ", ".join(SOURCE_KEYS) + ".")
    return out


def validate_file(path: Path, contacts: dict[str, dict[str, Any]], today: dt.date,
                  text: str | None = None) -> list[Problem]:
    """Parse and validate one page file; invalid YAML is reported with its line."""
    try:
        page = parse_page(path, text)
    except FrontMatterError as exc:
        if str(exc).startswith("En dato findes ikke"):
            return [Problem.at(path, exc.line, CHECK, str(exc), "Ret datoen, fx til 2026-02-28.")]
        return [Problem.at(
            path, exc.line, CHECK, str(exc),
            "Ret linjerne mellem de to '---' øverst i filen. Brug formen 'nøgle: værdi', "
            "og sæt anførselstegn om tekst, der indeholder kolon.")]
    return validate_page(page, contacts, today, text)


def validate_docs(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every page's front matter under docs_dir."""
    from .pages import iter_page_paths

    today = today or dt.date.today()
    try:
        contacts = contacts_for(docs_dir)
    except ContactsError as exc:
        return [Problem.at(Path(docs_dir) / "_data" / "kontakter.yml", exc.line, CHECK, str(exc),
                           "Ret kontaktfilen, så den er gyldig YAML med nøglen 'kontakter'.")]
    problems: list[Problem] = []
    for path in iter_page_paths(docs_dir):
        problems.extend(validate_file(path, contacts, today))
    return problems
