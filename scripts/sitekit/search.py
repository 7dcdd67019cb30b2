"""Data for the Danish search (docs/assets/javascripts/search-da.js).

One data file that editors keep, docs/_data/synonymer.yml, holds groups of
words that mean the same to a reader ("fremmedkriger", "hjemvendt") and the
common words that must not outrank a topic. The abbreviations of the
glossary (docs/_snippets/ordliste.md) are added as groups of their own
("PET" and "Politiets Efterretningstjeneste"), so an abbreviation is
explained once. The build writes it all in front of the search worker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationError

from . import glossary
from .pages import DataModel, load_data
from .paths import DATA
from .problems import DataError

SYNONYM_FILE = DATA / "synonymer.yml"
HINT = "Ret filen. Afsnittene står forklaret øverst i den."
# A long form is the part of a glossary definition before its explanation.
_LONG_FORM_END = re.compile(r"\s+[–-]\s+|\.\s|\.$|\(")
_MAX_LONG_FORM_WORDS = 7


class SearchDataError(DataError):
    """The synonym file is not as the editor guide describes it."""


Word = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
                 StringConstraints(strip_whitespace=True, min_length=1)]


class SearchData(DataModel):
    """Søgningens synonymer: grupper af ord, der betyder det samme, og almindelige ord."""

    groups: list[Annotated[list[Word], Field(min_length=2)]] = Field([], alias="grupper")
    common: list[Annotated[Word, AfterValidator(str.lower)]] = Field([], alias="almindelige_ord")

    def as_script(self) -> str:
        """The data as the first line of the search worker."""
        data = {"groups": self.groups, "common": self.common}
        return "self.SITEKIT_SEARCH = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def _message(loc: tuple) -> str:
    if loc[0] == "grupper" and len(loc) > 1:
        return f"gruppe nr. {loc[1] + 1} skal være en liste med mindst to ord, fx [hjemvendt, fremmedkriger]."
    if loc[0] == "almindelige_ord":
        return "'almindelige_ord' skal være en liste med ét ord pr. linje."
    if loc[0] == "grupper":
        return "'grupper' skal være en liste af grupper, fx [hjemvendt, fremmedkriger]."
    return f"ukendt afsnit '{loc[0]}'. Brug kun 'grupper' og 'almindelige_ord'." if loc else \
        "filen skal have afsnittene 'grupper' og 'almindelige_ord'."


def validate(data: Any) -> list[tuple[tuple, str]]:
    try:
        SearchData.model_validate(data or {})
    except ValidationError as exc:
        return [(e["loc"][:2], _message(e["loc"])) for e in exc.errors()]
    return []


def load_synonyms(path: Path = SYNONYM_FILE) -> SearchData:
    """The groups and common words of the synonym file; a mistake raises
    SearchDataError with the file, the line and what to do, in Danish."""
    if not Path(path).is_file():
        return SearchData()
    return SearchData.model_validate(load_data(path, validate, SearchDataError, "søgning", HINT)[0] or {})


def long_form(definition: str) -> str | None:
    """The long form of an abbreviation from its glossary definition, or None
    when the definition is unsure or is an explanation rather than a name."""
    if "skal verificeres" in definition.lower() or definition.lower().startswith("sandsynligvis"):
        return None
    head = _LONG_FORM_END.split(definition, maxsplit=1)[0].strip().rstrip(",")
    if not head or len(head.split()) > _MAX_LONG_FORM_WORDS:
        return None
    return head


def abbreviation_groups(entries: list[glossary.Entry]) -> list[list[str]]:
    pairs = [(entry.term, long_form(entry.definition)) for entry in entries if entry.abbreviation]
    return [[term, long] for term, long in pairs if long and long.lower() != term.lower()]


def search_data(synonym_file: Path = SYNONYM_FILE,
                glossary_file: Path = glossary.GLOSSARY_FILE) -> SearchData:
    """Everything the Danish search needs from the editors' files."""
    data = load_synonyms(synonym_file)
    if Path(glossary_file).is_file():
        data.groups = data.groups + abbreviation_groups(glossary.load(glossary_file))
    return data
