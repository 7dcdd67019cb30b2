"""What readers get: the prose of the rendered pages (sitekit.prose) is checked too, so text that
comes from a data file is. A finding is reported at the data file's own line."""

from __future__ import annotations

from pathlib import Path

from .. import glossary
from ..paths import data_file
from ..problems import Problem
from ..spelling import _WORD, prose
from .personal_data import _CPR, cpr_problems, plausible_cpr
from .unfinished import LEFTOVER

# The data files whose text the build puts on pages (the Danish ones; translations are not spelled).
DATA_FILES = ("beslutningsguide.yml", "selvtjek.yml", "program.yml", "foerste-skridt.yml", "efter-vink.yml",
              "kontakter.yml")


def _data_lines(docs_dir: Path) -> dict[Path, list[str]]:
    files = (Path(docs_dir) / "_data" / name for name in DATA_FILES)
    return {p: p.read_text(encoding="utf-8").splitlines() for p in files if p.is_file()}


def _value(line: str) -> str:
    """A YAML line's text a reader may see: the value after 'key:', or a continued text, as prose
    (no comments, ids, file paths, addresses, link targets or shortcodes)."""
    stripped = line.strip().removeprefix("- ")
    if stripped.startswith("#") or (stripped.endswith(":") and " " not in stripped):
        return ""
    key, sep, value = stripped.partition(": ")
    text = value if sep and " " not in key else stripped
    return prose(" ".join(t for t in text.split() if "/" not in t and not t.endswith(".md")))


def personal_data(docs_dir: Path, prose: dict[str, str]) -> list[Problem]:
    """A CPR number on a rendered page that a data file put there, at the data file's line."""
    numbers = {m.group(0) for text in prose.values() for m in _CPR.finditer(text) if plausible_cpr(*m.groups()[:3])}
    found = []
    for path, lines in _data_lines(docs_dir).items():
        found += [p for p in cpr_problems(path, "\n".join(lines))
                  if any(n in lines[p.line - 1] for n in numbers)]
    return found


def words(docs_dir: Path, prose: dict[str, str]) -> dict[Path, list[tuple[int, str]]]:
    """(line, word) in each data file, for the words that reach a rendered Danish page."""
    seen = {w for text in prose.values() for w in _WORD.findall(text)}
    return {path: [(n, w) for n, line in enumerate(lines, start=1) for w in _WORD.findall(_value(line)) if w in seen]
            for path, lines in _data_lines(docs_dir).items()}


def unfinished_and_abbreviations(docs_dir: Path, prose: dict[str, str]) -> list[Problem]:
    """TODO/XXX/FIXME and abbreviations the glossary does not explain, in data-file text that reaches a
    rendered page, at the data file's line."""
    seen = " ".join(prose.values())
    path = data_file(docs_dir, "_snippets/ordliste.md")
    entries = glossary.load(path) if path.is_file() else None
    found = []
    for file, lines in _data_lines(docs_dir).items():
        for n, line in enumerate(lines, start=1):
            text = _value(line)
            for token in sorted(glossary.abbreviations_in(text) - glossary.NOT_ABBREVIATIONS):
                if token not in seen:
                    continue
                if LEFTOVER.fullmatch(token):
                    found.append(Problem.at(file, n, "ufærdig side", f"Teksten er ikke færdig: '{token}' står i den.",
                                            "Gør det færdigt, der mangler, og slet markeringen."))
                elif entries is not None and not glossary.is_defined(token, entries):
                    found.append(Problem.at(file, n, "forkortelser", f"Forkortelsen '{token}' er ikke forklaret i ordlisten.",
                                            f"Tilføj en linje i docs/_snippets/ordliste.md: *[{token}]: forklaring på dansk."))
    return found
