"""One shape for every mistake the build finds, and one Danish list of them.

The plugin (sitekit.plugin) collects its problems in a list on itself. The build
command (sitekit.build) and the preview attach a ``Collector`` to MkDocs' logger
for MkDocs' own English warnings (links, anchors, the menu), and ``combine``
turns those into Danish problems beside the plugin's, so `make check` and
`make build` print one list and one summary line.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .paths import CONFIG, DOCS, rel

ERROR, WARNING = "fejl", "advarsel"


def restore_hint(path: Path | str) -> str:
    """What to do about a data file that is gone."""
    return f"Hent den sidste gemte udgave tilbage med git restore {rel(Path(path))}, eller opret filen igen."


# The plugin's logger: what it logs is already in its list of problems.
LOGGER = "mkdocs.plugins.sitekit"


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in one file: where it is, what is wrong and what to do (Danish sentences)."""

    file: str
    line: int | None
    check: str
    message: str
    hint: str = ""
    level: str = ERROR

    @classmethod
    def at(cls, path: Path | str, line: int | None, check: str, message: str, hint: str = "",
           level: str = ERROR) -> Problem:
        return cls(rel(Path(path)) if str(path) else "", line, check, message, hint, level)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file or "MkDocs"

    def format(self) -> str:
        prefix = "Advarsel: " if self.level == WARNING else ""
        text = f"{self.location()}: {prefix}{self.message}"
        if self.hint:
            text += f"\n    Sådan retter du det: {self.hint}"
        return text


class DataError(ValueError):
    """A data file (or a page's marker naming it) with mistakes: a Danish message, and each of the
    data file's mistakes as a Problem (file, line, what to do)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []

    @classmethod
    def of(cls, problems: list[Problem]) -> DataError:
        return cls(" ".join(p.format() for p in problems), problems)


# --- MkDocs' own warnings, in Danish ----------------------------------------------------------


@dataclass
class Where:
    """What a Danish translation of MkDocs' warnings needs: where the docs and the menu live, and
    the anchors of every page (for "the page has these sections"; the plugin fills them)."""

    docs_dir: Path = DOCS
    config: Path = CONFIG
    anchors: dict = dataclasses.field(default_factory=dict)

_LINK = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:an? )?(?:[\w ]+ )?link '(?P<target>[^']+)'(?P<rest>.*)",
                   re.S)
_MEAN = re.compile(r"Did you mean '([^']+)'\?")
_ANCHOR = re.compile(r"(?:the doc '(?P<doc>[^']+)' does not contain an anchor|there is no such anchor)")
_NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not")
_OMITTED = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
LINK_HINT = "Link til .md-filen med en relativ sti, fx ../vejledning/vink.md (stien er relativ til filen selv)."


def line_of(path: Path, needle: str) -> int | None:
    """The first line of a file that holds ``needle`` (None when none does, or the file is unreadable)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, start=1) if needle and needle in line), None)


def _link_problem(m: re.Match, where: Where) -> Problem:
    source, target, rest = where.docs_dir / m["file"], m["target"], m["rest"]
    line = line_of(source, target)
    mean = _MEAN.search(rest)
    also = f" Mente du '{mean.group(1)}'?" if mean else ""
    if a := _ANCHOR.search(rest):
        doc = a["doc"] or m["file"]
        fragment = target.split("#", 1)[1]
        anchors = sorted(where.anchors.get(doc, ()))
        shown = ", ".join("#" + x for x in anchors) if anchors else "ingen"
        return Problem.at(source, line, "links",
                          f"Linket '{target}' peger på afsnittet '#{fragment}' på siden '{doc}', "
                          "men det afsnit findes ikke.",
                          f"Siden har disse afsnit: {shown}. Ret delen efter #, så den svarer til et af dem "
                          "(æ, ø og å bliver stående i afsnittets navn), eller fjern delen efter #.")
    if "absolute link" in rest or "absolute" in m.group(0).split("link")[0]:
        return Problem.at(source, line, "links", f"Linket '{target}' er en absolut adresse (det starter med /).",
                          LINK_HINT)
    if "unrecognized" in m.group(0):
        return Problem.at(source, line, "links", f"Linket '{target}' peger ikke på en side eller fil, MkDocs kender.",
                          LINK_HINT + also)
    return Problem.at(source, line, "links", f"Linket '{target}' peger på en fil, der ikke findes.",
                      "Ret stien, så den peger på en fil, der findes, eller fjern linket. " + LINK_HINT + also)


def translate(text: str, where: Where | None = None) -> list[Problem]:
    """MkDocs' English warning as Danish problems (the text itself when we do not know it)."""
    where = where or Where()
    if m := _LINK.search(text):
        return [_link_problem(m, where)]
    if m := _NAV_MISSING.search(text):
        return [Problem.at(where.config, line_of(where.config, m["target"]), "menu",
                           f"Menuen (nav) nævner '{m['target']}', men filen findes ikke i docs/.",
                           "Ret stavningen af filnavnet i menuen, eller fjern linjen.")]
    if text.startswith("Config value 'nav'"):
        return [Problem.at(where.config, None, "menu", "Menuen (nav) kan ikke læses: " + text.split(": ", 1)[1],
                           "Et afsnit i menuen skal have mindst én side under sig, og linjerne under et afsnit "
                           "skal være rykket lige langt ind (6 mellemrum foran '- ').")]
    if text.startswith(_OMITTED):
        return [Problem.at(where.docs_dir / uri.strip(" -"), 1, "menu",
                           "Siden er ikke med i menuen (nav i mkdocs.yml).",
                           f"Tilføj linjen '      - {uri.strip(' -')}' under det rigtige afsnit i menuen. "
                           "Skal siden kun nås fra andre sider, så tilføj den under not_in_nav.")
                for uri in text.splitlines()[1:] if uri.strip(" -")]
    return [Problem("", None, "mkdocs", text.strip(),
                    "Læs beskeden: den nævner filen. Kan du ikke rette fejlen, så spørg en udvikler.")]


_SECTION = re.compile(r"afsnittet '#[^']*'")


def _same_link(known: Problem, new: Problem) -> bool:
    """lychee over the built HTML finds a Markdown link MkDocs reported already: on the same line,
    or (an anchor, whose built address is not in the Markdown) the same missing section."""
    if (known.check, known.file) != ("links", new.file):
        return False
    if new.line is not None:
        return known.line == new.line
    section = _SECTION.search(new.message)
    return bool(section) and section.group(0) in known.message


class Collector(logging.Handler):
    """Keeps MkDocs' own warnings during one build (the plugin keeps its problems itself). The preview
    also keeps and prints every warning and error as it is logged while it builds (``active``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.records: list[str] = []
        self.active = False

    def emit(self, record: logging.LogRecord) -> None:
        if record.name != LOGGER:
            self.messages.append(record.getMessage())
        if self.active and not record.name.startswith("mkdocs.livereload"):
            self.records.append(record.getMessage())
            print(f"  {record.getMessage()}", file=sys.stderr, flush=True)


def combine(messages: list[str], found: list[Problem], where: Where | None = None) -> list[Problem]:
    """MkDocs' warnings in Danish, then the plugin's problems without a link MkDocs reported already."""
    out = [p for text in messages for p in translate(text, where)]
    for problem in found:
        if not (problem.check == "links" and any(_same_link(p, problem) for p in out)):
            out.append(problem)
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def _unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (the English build runs some checks again), errors first, by file and line."""
    return sorted(set(problems), key=lambda p: (p.level != ERROR, p.file, p.line or 0, p.message))


def as_json(problems: list[Problem]) -> str:
    """The list `summary` prints, for machines (the pull request's summary): errors and warnings."""
    unique = [dataclasses.asdict(p) for p in _unique(problems)]
    return json.dumps({"problems": [p for p in unique if p["level"] == ERROR],
                       "warnings": [p for p in unique if p["level"] != ERROR]}, ensure_ascii=False, indent=1)


def summary(problems: list[Problem], notes: str = "") -> str:
    """All problems (errors first, by file and line), then one Danish summary line."""
    unique = _unique(problems)
    errors = [p for p in unique if p.level == ERROR]
    warnings = len(unique) - len(errors)
    lines = [p.format() for p in unique]
    if errors:
        files = len({p.file for p in errors})
        last = f"{len(errors)} fejl i {files} {'fil' if files == 1 else 'filer'}."
    else:
        last = "Ingen fejl fundet."
    if warnings:
        last += f" {warnings} {'advarsel' if warnings == 1 else 'advarsler'}."
    last += " Kør make review for sider, der snart skal gennemgås."
    return "\n".join(lines + ([""] if lines else []) + ([notes] if notes else []) + [last])
