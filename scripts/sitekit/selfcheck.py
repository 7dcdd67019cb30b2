"""Self-checks (selvtjek) for the training modules, from docs/_data/selvtjek.yml
(its fields: the file's header and docs/_data/selvtjek.schema.json).

The sitekit plugin replaces ``<!-- selvtjek: modul-1 -->``
with HTML that works without JavaScript (a "Se svaret" <details> per question),
with it (docs/assets/javascripts/selfcheck.js: "Tjek svar", feedback in an
aria-live region), and keeps the answers out of search (``data-search-exclude``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, TypeAdapter, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from . import render
from .pages import DataModel, Text, load_data, unknown_key, wrong
from .paths import DATA
from .problems import DataError

DATA_FILE = DATA / "selvtjek.yml"
MARKER = re.compile(r"^<!--\s*selvtjek:\s*(?P<id>[a-z0-9-]+)\s*-->\s*$", re.M)
# The answer key of every set, for the trainer's page.
KEY_MARKER = re.compile(r"^<!--\s*selvtjek-svar\s*-->\s*$", re.M)
_LETTERS = "abcdefgh"
CHECK = "selvtjek"
HINT = "Ret spørgsmålet i docs/_data/selvtjek.yml. Felterne står forklaret øverst i filen."


class SelfCheckError(DataError):
    """The data file or a marker is wrong."""


# The models' docstrings are the descriptions editors see in the JSON Schema (docs/_data/*.schema.json): Danish.

class Option(DataModel):
    """Et svar: tekst, evt. rigtigt: true (præcis ét svar pr. spørgsmål) og hvorfor."""

    text: Text = Field(alias="tekst")
    right: bool = Field(False, alias="rigtigt")
    why: Annotated[str, StringConstraints(strip_whitespace=True)] = Field("", alias="hvorfor")


class Link(DataModel):
    """Et link under "Læs mere": tekst og side (stien under docs/)."""

    text: Text = Field(alias="tekst")
    page: Text = Field(alias="side")


class Question(DataModel):
    """Et spørgsmål i et selvtjek: spørgsmål, 2 til 8 svar, forklaring og evt. læs_mere."""

    text: Text = Field(alias="spørgsmål")
    # An answer may be just its text: "- Jeg ringer 112."
    answers: list[Annotated[Option, BeforeValidator(lambda a: {"tekst": a} if isinstance(a, str) else a,
                                                    json_schema_input_type=Option | str)]] = Field(
        alias="svar", min_length=2, max_length=len(_LETTERS))
    explanation: Text = Field(alias="forklaring")
    read_more: list[Link] = Field([], alias="læs_mere")

    @model_validator(mode="after")
    def _one_right(self) -> Question:
        if (found := sum(a.right for a in self.answers)) != 1:
            raise PydanticCustomError("one_right", "{found}", {"found": found})
        return self

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(a.text for a in self.answers)

    @property
    def why(self) -> tuple[str, ...]:
        return tuple(a.why for a in self.answers)

    @property
    def correct(self) -> int:
        return next(i for i, a in enumerate(self.answers) if a.right)


# The set ids are what a marker names: <!-- selvtjek: modul-1 -->.
SETS = TypeAdapter(dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")],
                        Annotated[list[Question], Field(min_length=1)]])


def _message(loc: tuple, kind: str, value: Any, ctx: dict) -> str:
    """A Danish sentence for one pydantic error at ``loc``: (set, question, field, answer, field)."""
    if not loc:
        return "Filen skal have ét afsnit pr. sæt, fx 'modul-1:', med en liste af spørgsmål under."
    if len(loc) == 1 or loc[1] == "[key]":
        return (f"Sættet '{loc[0]}' skal være en liste med spørgsmål, og id'et må kun have små bogstaver, "
                "tal og bindestreg (det står i markøren <!-- selvtjek: modul-1 -->).")
    where = f"Selvtjekket '{loc[0]}', spørgsmål {loc[1] + 1}"
    key = loc[-1]
    if kind == "one_right":
        return f"{where}: præcis ét svar skal have 'rigtigt: true' (fandt {ctx['found']})."
    if kind == "extra_forbidden":
        model = {"svar": Option, "læs_mere": Link}.get(loc[2], Question) if len(loc) > 3 else Question
        return f"{where}: " + unknown_key(key, [f.alias for f in model.model_fields.values()])
    if len(loc) == 2:
        return f"{where}: skal have felterne spørgsmål, svar og forklaring."
    if key == "rigtigt":
        return f"{where}: " + wrong(key, "bool_type", value)
    if loc[2] == "svar" and len(loc) == 3:
        return f"{where}: 'svar' skal være en liste med 2 til {len(_LETTERS)} svar."
    if loc[2] == "svar":
        return f"{where}: svar nr. {loc[3] + 1} skal have en 'tekst'."
    if loc[2] == "læs_mere":
        return f"{where}: hvert link i 'læs_mere' skal have 'tekst' og 'side'."
    return f"{where}: " + wrong(key, kind, value)


def validate(data: Any) -> list[tuple[tuple, str]]:
    """Every mistake in the self-checks' data: (location in the file, Danish sentence)."""
    try:
        SETS.validate_python(data or {})
    except ValidationError as exc:
        # Two right answers: on the line of the answers.
        return [(e["loc"] + (("svar",) if e["type"] == "one_right" else ()),
                 _message(e["loc"], e["type"], e.get("input"), e.get("ctx") or {})) for e in exc.errors()]
    return []


def load(path: Path = DATA_FILE) -> dict[str, list[Question]]:
    """All question sets in the data file, by id (e.g. "modul-1"). Raises SelfCheckError with
    every mistake at its line."""
    return SETS.validate_python(load_data(path, validate, SelfCheckError, CHECK, HINT)[0] or {})


def render_markers(markdown: str, sets: dict[str, list[Question]], page_src: str,
                   link: Callable[[str], str]) -> str:
    """Replace every ``<!-- selvtjek: id -->`` marker with its set of questions, and ``<!-- selvtjek-svar -->``
    with the answer key for trainers (every set, question, right answer and why); an unknown id is an error.
    ``link`` turns a page path (relative to docs/) into a URL relative to the current page, or raises SelfCheckError."""

    def replace(match: re.Match[str]) -> str:
        set_id = match.group("id")
        if set_id not in sets:
            known = ", ".join(sorted(sets)) or "ingen"
            raise SelfCheckError(f"{page_src}: selvtjek '{set_id}' findes ikke i {DATA_FILE.name} "
                                 f"(kendte: {known}).")
        return "\n" + render("selvtjek.html", set_id=set_id, questions=sets[set_id], link=link, letters=_LETTERS).rstrip() + "\n"

    markdown = KEY_MARKER.sub(lambda m: "\n" + render("selvtjek-svar.html", sets=sets).rstrip() + "\n", markdown)
    return MARKER.sub(replace, markdown)
