"""The glossary: one snippet file (docs/_snippets/ordliste.md), two kinds of entry.

* Abbreviations, as ``*[VINK]: forklaring`` lines. pymdownx.snippets appends the
  file to every page, and Python-Markdown's abbr extension then gives every
  "VINK" on every page an ``<abbr title="...">``.
* Terms that are not abbreviations (radikalisering, underretning …), as
  ``ord: forklaring`` lines inside an HTML comment that starts with
  ``<!-- begreber``. They are shown only on the Ordliste page; the glossary hook
  removes the comment from every other page's HTML.

The Ordliste page shows both with the shortcode ``[[ordliste]]``: one
alphabetical definition list with an anchor per term (ordliste.md#vink).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import SNIPPETS
from .shortcodes import Shortcode, ShortcodeError

GLOSSARY_FILE = SNIPPETS / "ordliste.md"


def glossary_file(lang: str = "da") -> Path:
    """The glossary of a language: ordliste.md (Danish) or ordliste.<lang>.md beside it."""
    return GLOSSARY_FILE if lang == "da" else GLOSSARY_FILE.with_name(f"ordliste.{lang}.md")

_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*(.*?)\s*$")
_TERMS_START = re.compile(r"^\s*<!--\s*begreber\b", re.IGNORECASE)
_TERM = re.compile(r"^\s*([^:#][^:]*?)\s*:\s+(.+?)\s*$")
# The comments of the snippet file, removed from every page's HTML.
SNIPPET_COMMENTS = re.compile(r"<!--\s*(?:Ordlisten|begreber)\b.*?-->\n?", re.S | re.IGNORECASE)

# Uppercase words that are not abbreviations to explain (why, per word).
NOT_ABBREVIATIONS = {
    "AA",            # WCAG's conformance level "A/AA", part of the name, not an abbreviation
    "FORKORTELSE",   # the placeholder word in the editor guide's example "*[FORKORTELSE]: …"
    "ID",            # the placeholder in the shortcode examples [[kontakt ID FELT]]
    "FELT",          # likewise
    "ÅÅÅÅ", "MM", "DD",  # the date format ÅÅÅÅ-MM-DD in the editor guide
}
# An abbreviation: 2+ capital letters (digits allowed inside), e.g. "VINK"; in "SSP-samarbejdet"
# and "WAS-Tool" the capitals before the hyphen count. See is_defined for "WAS" → "WAS-Tool".
_UPPER = re.compile(r"(?<![\w])([A-ZÆØÅ][A-ZÆØÅ0-9]*[A-ZÆØÅ])(?![\w])")


@dataclass(frozen=True)
class Entry:
    term: str
    definition: str
    line: int
    abbreviation: bool

    @property
    def anchor(self) -> str:
        return slug(self.term)


def slug(term: str) -> str:
    text = term.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def sort_key(term: str) -> str:
    """Danish alphabetical order: æ, ø, å after z."""
    return term.lower().translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def _parse(path: Path) -> tuple[list[Entry], list[tuple[int, str, str]]]:
    """The entries, and the lines that are no entry, comment or blank line (see ``mistakes``)."""
    entries: list[Entry] = []
    found: list[tuple[int, str, str]] = []
    if not Path(path).is_file():
        return entries, found
    comment = in_terms = False
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if comment or in_terms:
            closes = "-->" in line
            body = line.split("-->")[0]
            if in_terms and (m := _TERM.match(body)):
                entries.append(Entry(m.group(1), m.group(2), number, False))
            elif in_terms and body.strip():
                found.append((number, "", f"Linjen i blokken med begreber mangler et kolon: '{body.strip()[:40]}'. "
                                          "Skriv den som ord: forklaring."))
            comment, in_terms = comment and not closes, in_terms and not closes
        elif _TERMS_START.match(line):
            in_terms = "-->" not in line
        elif line.lstrip().startswith("<!--"):
            comment = "-->" not in line
        elif m := _ABBR.match(line):
            entries.append(Entry(m.group(1).strip(), m.group(2), number, True))
        elif line.strip():
            token = re.match(r"^\*\[([^\]]+)\]", line.strip())
            found.append((number, token.group(1) if token else "",
                          f"Linjen mangler et kolon efter [{token.group(1)}]." if token else
                          f"Linjen er ikke en forkortelse: '{line.strip()[:40]}'."))
    return entries, found


def load(path: Path = GLOSSARY_FILE) -> list[Entry]:
    """The glossary's entries; none when the file is missing (the glossary hook reports that)."""
    return _parse(path)[0]


def mistakes(path: Path = GLOSSARY_FILE) -> list[tuple[int, str, str]]:
    """(line, abbreviation or '', Danish message) for each line that is not an entry, a
    comment or blank: a missing colon leaves a line out of the glossary without a word."""
    return _parse(path)[1]


def duplicates(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Pairs (first, again) of terms defined more than once (case-insensitive)."""
    first: dict[str, Entry] = {}
    return [(first[e.term.lower()], e) for e in entries if first.setdefault(e.term.lower(), e) is not e]


def render(entries: list[Entry]) -> str:
    """Every term, alphabetically, as a Markdown definition list with an anchor per term."""
    return "\n".join(f"{e.term} {{ #{e.anchor} }}\n:   {e.definition}\n"
                     for e in sorted(entries, key=lambda e: sort_key(e.term))).rstrip()


def shortcode(code: Shortcode, ctx) -> str:
    """[[ordliste]] (shortcodes.KNOWN): the whole glossary of the page's language."""
    if code.args or not code.block:
        raise ShortcodeError("Skriv [[ordliste]] alene på sin egen linje. Den viser hele ordlisten.")
    return render(ctx.glossary)


def abbreviations_in(text: str) -> set[str]:
    """Uppercase tokens of 2+ letters in a piece of prose."""
    return {m.group(1) for m in _UPPER.finditer(text)}


def is_defined(token: str, entries: list[Entry]) -> bool:
    """True if the glossary explains the token ("WAS" is explained by "WAS-Tool")."""
    return any(e.abbreviation and (e.term == token or e.term.startswith(token + "-")) for e in entries)
