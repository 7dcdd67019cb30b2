"""The one schema for page front matter: a pydantic model, with Danish messages for editors.

Every page under docs/ (except folders starting with "_") carries:

    title, description, owner, last_reviewed, review_months, audience, sources

``validate_page`` returns a Problem per mistake, each with the file, the line
(through the YAML node map of sitekit.pages) and what to do. The build hook
(the sitekit plugin) calls it, so `make check` and the build agree.
The JSON Schema of the model is published for editors' editors:
``python -m sitekit schema`` writes docs/_data/metadata.schema.json.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .contacts import contacts_file_for, load_contacts
from .pages import FrontMatterError, Page, parse_page, wrong, yaml_line
from .paths import DATA
from .problems import Problem

CHECK = "metadata"
SCHEMA_FILE = DATA / "metadata.schema.json"
AUDIENCES = ("alle", "medarbejdere", "ledere", "undervisere", "redaktører")
DESCRIPTION_MAX = 160
REQUIRED_KEYS = ("title", "description", "owner", "last_reviewed", "review_months", "audience", "sources")

_FIELD_HELP = {
    "title": "Skriv sidens titel, fx 'title: Hvad er radikalisering?'. "
             "Sæt anførselstegn om titlen, hvis den indeholder kolon.",
    "description": "Skriv én kort sætning om siden (højst 160 tegn). Den vises i søgeresultater.",
    "owner": "Skriv id'et på den ansvarlige enhed fra docs/_data/kontakter.yml, fx 'owner: redaktionen'.",
    "last_reviewed": "Skriv datoen for seneste gennemgang som ÅÅÅÅ-MM-DD, fx 'last_reviewed: 2026-11-26'.",
    "review_months": "Skriv antal måneder til næste gennemgang som et helt tal fra 1 til 24, fx 'review_months: 12'.",
    "audience": "Skriv en liste med målgrupper. Brug: " + ", ".join(AUDIENCES) + ".",
    "sources": "Skriv en liste med mindst én kilde. Hver kilde har 'title' og enten 'url' eller 'ref'.",
    "translated_from": "Kun på en oversættelse: datoen for den danske tekst, du har oversat, som ÅÅÅÅ-MM-DD. "
                       "Er den danske side ændret senere, halter oversættelsen.",
}


def _not_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "not a date")
    return value


def _not_future(value: dt.date, info: ValidationInfo) -> dt.date:
    if info.context and value > info.context["today"]:
        raise PydanticCustomError("future_date", "in the future")
    return value


# The docstrings of the two models are the descriptions editors see in the JSON Schema: Danish.
class Source(BaseModel):
    """En kilde til siden: en titel og en webadresse (url) eller en henvisning (ref)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    title: str = Field(min_length=1, description="Kildens titel.")
    url: str | None = Field(None, pattern=r"^https?://\S+$", description="Webadresse med https://.")
    ref: str | None = Field(None, min_length=1, description="Henvisning, fx et sagsnummer.")
    publisher: str | None = Field(None, min_length=1, description="Hvem har udgivet kilden.")
    date: dt.date | None = Field(None, description="Kildens dato, ÅÅÅÅ-MM-DD.")

    _date = field_validator("date", mode="before")(_not_datetime)
    _past = field_validator("date")(_not_future)

    @model_validator(mode="after")
    def _url_or_ref(self) -> Source:
        if not self.url and not self.ref:
            raise PydanticCustomError("url_or_ref", "url or ref")
        return self


class FrontMatter(BaseModel):
    """Metadata øverst på hver side, mellem de to linjer med '---'."""

    model_config = ConfigDict(extra="forbid", strict=True, title="Metadata øverst på en side")
    title: str = Field(min_length=1, description=_FIELD_HELP["title"])
    description: str = Field(min_length=1, max_length=DESCRIPTION_MAX, description=_FIELD_HELP["description"])
    owner: str = Field(min_length=1, description=_FIELD_HELP["owner"])
    last_reviewed: dt.date = Field(description=_FIELD_HELP["last_reviewed"])
    review_months: int = Field(ge=1, le=24, description=_FIELD_HELP["review_months"])
    audience: list[Literal[AUDIENCES]] = Field(min_length=1, description=_FIELD_HELP["audience"])  # type: ignore[valid-type]
    sources: list[Source] = Field(min_length=1, description=_FIELD_HELP["sources"])
    translated_from: dt.date | None = Field(None, description=_FIELD_HELP["translated_from"])
    # Keys Material for MkDocs understands: allowed, never required.
    hide: list[str] | None = None
    search: dict[str, Any] | None = None
    status: str | None = None
    subtitle: str | None = None
    icon: str | None = None
    template: str | None = None
    tags: list[str] | None = None

    _date = field_validator("last_reviewed", "translated_from", mode="before")(_not_datetime)
    _past = field_validator("last_reviewed", "translated_from")(_not_future)

    @field_validator("owner")
    @classmethod
    def _known_owner(cls, value: str, info: ValidationInfo) -> str:
        # None: the contacts file cannot be read (reported on its own), so no owner is judged.
        if info.context and info.context["contacts"] is not None and value not in info.context["contacts"]:
            raise PydanticCustomError("unknown_owner", "unknown owner")
        return value


def schemas() -> dict[Path, str]:
    """Every published JSON Schema by its file: the front matter's and the data files' (an editor's
    editor completes the keys and marks a misspelt one; see .devcontainer/devcontainer.json).
    pydantic names the keys by their aliases (the keys editors write)."""
    from . import decision_guide, procedure, program, selfcheck

    found = {SCHEMA_FILE: FrontMatter.model_json_schema(),
             DATA / "beslutningsguide.schema.json": decision_guide.Guide.model_json_schema(),
             DATA / "selvtjek.schema.json": selfcheck.SETS.json_schema(),  # a TypeAdapter, not a model
             DATA / "program.schema.json": program.Program.model_json_schema(),
             DATA / "procedure.schema.json": procedure.Procedure.model_json_schema()}
    return {path: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for path, schema in found.items()}


def contacts_for(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """The contacts a docs folder uses: its own _data/kontakter.yml, else the project's."""
    return load_contacts(contacts_file_for(docs_dir))


def _date_text(name: str, value: Any, kind: str) -> str:
    if kind == "future_date":
        return (f"'{name}' ligger i fremtiden ({value.isoformat()}). "
                "En dato for noget, der er sket, kan ikke ligge efter i dag.")
    return (f"'{name}' er ikke en rigtig dato: '{value}'. Skriv datoen som ÅÅÅÅ-MM-DD uden "
            "anførselstegn og uden klokkeslæt, fx 2026-11-26.")


def _source_message(n: int, field: str | None, kind: str, value: Any) -> tuple[str, str]:
    if field is None and kind == "url_or_ref":
        return (f"Kilde nr. {n} mangler både 'url' og 'ref'.",
                "Skriv adressen i 'url' (https://…) eller en henvisning i 'ref', fx 'ref: Sagsnr. 2015-0014696'.")
    if field is None:
        return f"Kilde nr. {n} under 'sources' skal have felter som 'title:' og 'url:'.", _FIELD_HELP["sources"]
    if kind == "extra_forbidden":
        return (f"Kilde nr. {n} har et ukendt felt '{field}'.",
                "En kilde kan have: " + ", ".join(Source.model_fields) + ".")
    if field == "title":
        return (f"Kilde nr. {n} mangler en titel ('title').",
                "Skriv kildens titel, fx '  - title: Stop ekstremisme – om ekstremisme'.")
    if field == "url":
        return (f"Kilde nr. {n} har en adresse, der ikke er en webadresse: '{value}'.",
                "Skriv hele adressen med https:// foran. Er kilden ikke på nettet, så brug 'ref' i stedet.")
    if field == "date":
        return f"Kilde nr. {n}: {_date_text('date', value, kind)}", "Skriv kildens dato som ÅÅÅÅ-MM-DD, fx 2015-01-15."
    return f"Kilde nr. {n}: " + wrong(field, kind, value), "Sæt anførselstegn om teksten."


def _message(loc: tuple, kind: str, value: Any, contacts: dict) -> tuple[str, str]:
    """Danish (message, what to do) for one pydantic error at ``loc``."""
    key = str(loc[0])
    # A required key left out or empty (None, '' or []): one sentence, whatever the key's type.
    if len(loc) == 1 and key in REQUIRED_KEYS and (kind == "missing" or value in (None, "", [])):
        return wrong(key, kind if kind == "missing" else "too_short"), _FIELD_HELP[key]
    if key == "sources" and len(loc) > 1:
        return _source_message(loc[1] + 1, str(loc[2]) if len(loc) > 2 else None, kind, value)
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(key, list(FrontMatter.model_fields), n=1)
        return (f"Ukendt felt '{key}' i metadata.", f"Mente du '{guess[0]}'? Ret stavningen." if guess
                else "Slet feltet, eller bed en udvikler om at tilføje det i scripts/sitekit/metadata.py.")
    if key in ("title", "description") and kind == "string_type":
        return wrong(key, kind, value), "Sæt anførselstegn om teksten, fx title: \"Kontakt: VINK\"."
    if key == "description":
        return (f"Beskrivelsen er {len(value)} tegn lang. Den må højst være {DESCRIPTION_MAX} tegn.",
                "Skriv en kortere sætning. Søgemaskiner skærer resten af.")
    if key == "owner":
        return (f"'owner: {value}' findes ikke i kontaktfilen docs/_data/kontakter.yml.",
                f"Brug et af disse id'er: {', '.join(sorted(contacts))}. "
                "Mangler enheden, så tilføj den i kontaktfilen først.")
    if key == "last_reviewed":
        return _date_text(key, value, kind), _FIELD_HELP[key]
    if key == "review_months" and kind in ("greater_than_equal", "less_than_equal"):
        return (f"'review_months: {value}' er uden for det tilladte: 1 til 24 måneder.",
                "Vælg et tal fra 1 til 24. En side skal gennemgås mindst hvert andet år.")
    if key == "review_months":
        return wrong(key, "int_type", value), _FIELD_HELP[key]
    if key == "audience" and len(loc) > 1:
        return f"Ukendt målgruppe '{value}' i 'audience'.", _FIELD_HELP[key]
    if key == "audience":
        return ("'audience' skal være en liste, også når der kun er én målgruppe.",
                "Skriv hver målgruppe på sin egen linje med '  - ' foran, fx '  - medarbejdere'.")
    if key == "sources":
        return "'sources' skal være en liste med kilder.", _FIELD_HELP["sources"]
    return wrong(key, kind, value), "Se 'Metadata øverst på siden' under For redaktører."


def validate_page(page: Page, contacts: dict[str, dict[str, Any]], today: dt.date) -> list[Problem]:
    """Every schema mistake in one parsed page, each on its line."""
    meta, problems = page.meta, []

    def add(loc: tuple, message: str, hint: str) -> None:
        problems.append(Problem.at(page.path, yaml_line(page.lines, loc, 1), CHECK, message, hint))

    if not meta:
        add((), "Siden mangler metadata (front matter) øverst.",
            "Start filen med en linje med '---', felterne " + ", ".join(REQUIRED_KEYS)
            + " og endnu en linje med '---'. Kopiér fra en anden side, eller lav siden med `make new-page`.")
        return problems
    try:
        FrontMatter.model_validate(meta, context={"contacts": contacts, "today": today})
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            add(loc, *_message(loc, error["type"], error.get("input"), contacts))
    return problems


def validate_file(path: Path, contacts: dict[str, dict[str, Any]], today: dt.date,
                  text: str | None = None) -> list[Problem]:
    """Parse and validate one page file; invalid YAML is reported with its line."""
    try:
        page = parse_page(path, text)
    except FrontMatterError as exc:
        hint = ("Ret datoen, fx til 2026-02-28." if str(exc).startswith("En dato findes ikke") else
                "Ret linjerne mellem de to '---' øverst i filen. Brug formen 'nøgle: værdi', "
                "og sæt anførselstegn om tekst, der indeholder kolon.")
        return [Problem.at(path, exc.line, CHECK, str(exc), hint)]
    return validate_page(page, contacts, today)
