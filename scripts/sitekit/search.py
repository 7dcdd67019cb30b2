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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import glossary
from .paths import DATA, rel

SYNONYM_FILE = DATA / "synonymer.yml"
# A long form is the part of a glossary definition before its explanation.
_LONG_FORM_END = re.compile(r"\s+[–-]\s+|\.\s|\.$|\(")
_MAX_LONG_FORM_WORDS = 7


class SearchDataError(ValueError):
    """The synonym file is not as the editor guide describes it."""


@dataclass
class SearchData:
    groups: list[list[str]] = field(default_factory=list)
    common: list[str] = field(default_factory=list)

    def as_script(self) -> str:
        """The data as the first line of the search worker."""
        data = {"groups": self.groups, "common": self.common}
        return "self.SITEKIT_SEARCH = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def _line(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 0


def load_synonyms(path: Path = SYNONYM_FILE) -> SearchData:
    """The groups and common words of the synonym file; a mistake raises
    SearchDataError with the file, the line and what to do, in Danish."""
    path = Path(path)
    if not path.is_file():
        return SearchData()
    text = path.read_text(encoding="utf-8")
    where = rel(path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise SearchDataError(f"{where}{line}: filen kan ikke læses som YAML ({exc}). "
                              "Tjek indrykning og kolon.") from exc
    if not isinstance(data, dict):
        raise SearchDataError(f"{where}: filen skal have afsnittene 'grupper' og 'almindelige_ord'.")
    unknown = sorted(set(data) - {"grupper", "almindelige_ord"})
    if unknown:
        raise SearchDataError(f"{where}:{_line(text, unknown[0] + ':')}: ukendt afsnit '{unknown[0]}'. "
                              "Brug kun 'grupper' og 'almindelige_ord'.")
    groups = []
    for number, group in enumerate(data.get("grupper") or [], start=1):
        if not isinstance(group, list) or len(group) < 2 or not all(
                isinstance(w, (str, int)) and str(w).strip() for w in group):
            needle = str(group[0]) if isinstance(group, list) and group else str(group)
            raise SearchDataError(
                f"{where}:{_line(text, needle)}: gruppe nr. {number} skal være en liste med mindst to ord, "
                "fx [hjemvendt, fremmedkriger].")
        groups.append([str(w).strip() for w in group])
    common = data.get("almindelige_ord") or []
    if not isinstance(common, list) or not all(isinstance(w, str) and w.strip() for w in common):
        raise SearchDataError(f"{where}:{_line(text, 'almindelige_ord')}: 'almindelige_ord' skal være "
                              "en liste med ét ord pr. linje.")
    return SearchData(groups=groups, common=[w.strip().lower() for w in common])


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
    groups = []
    for entry in entries:
        if not entry.abbreviation:
            continue
        long = long_form(entry.definition)
        if long and long.lower() != entry.term.lower():
            groups.append([entry.term, long])
    return groups


def search_data(synonym_file: Path = SYNONYM_FILE,
                glossary_file: Path = glossary.GLOSSARY_FILE) -> SearchData:
    """Everything the Danish search needs from the editors' files."""
    data = load_synonyms(synonym_file)
    if Path(glossary_file).is_file():
        data.groups = data.groups + abbreviation_groups(glossary.load(glossary_file))
    return data
