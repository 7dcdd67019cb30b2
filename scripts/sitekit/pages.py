"""Read Markdown pages and their YAML front matter, and YAML data files, keeping line numbers.

A data file (docs/_data/*.yml) is read with ``load_data``: its pydantic model's mistakes are
reported at their line through the line map ``read_yaml`` returns, in Danish.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarbool import ScalarBoolean

from .paths import DOCS
from .problems import DataError, Problem


class YamlError(ValueError):
    """YAML that cannot be read; the message is Danish, ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


class FrontMatterError(YamlError):
    """The front matter is not valid YAML, or not a mapping."""


@dataclass
class Page:
    path: Path
    meta: dict[str, Any]
    body: str
    # 1-based line in the file where the body starts (after the front matter).
    body_line: int = 1
    # 1-based file line of each front matter value by its path, e.g. ("sources", 0, "url");
    # a mapping's value points at its key's line ("url:" rather than a folded value below it).
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        return self.lines.get((key,))


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, 1-based line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    raise FrontMatterError("Front matter starter med '---', men slutter aldrig med '---'.", 1)


def parse_page(path: Path, text: str | None = None) -> Page:
    """Parse one page. Raises FrontMatterError with a line number on bad YAML.

    ``text`` is given for pages that exist only in the build (made by a hook).
    A file on disk is parsed once per version (the checks of one build share it).
    """
    if text is None:
        # Keyed by the absolute path (no symlinks resolved: that costs a system call per folder).
        return _parse_file(os.path.abspath(path), os.stat(path).st_mtime_ns, Path(path))
    return _parse(path, text)


# Room for every page of a big site: a scan of more pages than the cache holds would read each again.
@functools.lru_cache(maxsize=8192)
def _parse_file(absolute: str, mtime_ns: int, path: Path) -> Page:
    return _parse(path, path.read_text(encoding="utf-8"))


def yaml_reader() -> YAML:
    """The one YAML reader: ruamel.yaml's round-trip loader, which knows the line of every key and
    item and keeps unknown tags (mkdocs.yml's !ENV). YAML 1.1, as MkDocs and PyYAML read it:
    yes/no are true/false."""
    reader = YAML(typ="rt")
    reader.version = (1, 1)
    return reader


def _parse(path: Path, text: str) -> Page:
    raw, body, body_line = split_front_matter(text)
    if raw is None:
        return Page(Path(path), {}, body, 1)
    meta, lines = read_yaml(raw, 2, "Front matter", FrontMatterError)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("Front matter skal være en liste af 'nøgle: værdi'-linjer.", 2)
    return Page(Path(path), meta, body, body_line, lines)


# What to check when a YAML file cannot be read (most often the indentation).
YAML_HINT = ("Tjek indrykningen på linjen og linjen over den: linjer på samme niveau (fx punkter i menuen under nav) "
             "skal have præcis samme antal mellemrum foran. Brug mellemrum, ikke tabulator, og sæt anførselstegn om "
             "tekst med kolon.")


def invalid_yaml(name: str, exc: Exception | str) -> tuple[str, int | None]:
    """The one Danish wording of a YAML mistake, "<name> er ikke gyldig YAML: <what the parser found>.",
    and its 1-based line (from the parser's mark) when known."""
    mark = getattr(exc, "problem_mark", None)
    return f"{name} er ikke gyldig YAML: {getattr(exc, 'problem', None) or exc}.", mark.line + 1 if mark else None


def read_yaml(text: str, first: int = 1, name: str = "Filen",
              error: type[YamlError] = YamlError) -> tuple[Any, dict[tuple, int]]:
    """YAML text as (data, line map: the file line of each value by its path, see ``_plain``). ``first``
    is the file line of the text's first line. Raises ``error`` ("<name> er ikke gyldig YAML …") with the line of the mistake."""
    try:
        data, lines = _read(text, first)
    except YAMLError as exc:
        message, line = invalid_yaml(name, exc)
        raise error(message, line + first - 1 if line else None) from exc
    except ValueError as exc:
        # A date that is not in the calendar (2026-02-30).
        bad = next((n for n, line in enumerate(text.splitlines(), start=first) for d in _DATE.findall(line)
                    if not real_date(d)), None)
        raise error("En dato findes ikke i kalenderen, fx 30. februar. Skriv en rigtig dato som ÅÅÅÅ-MM-DD.", bad) from exc
    return copy.deepcopy(data), dict(lines)


# ruamel.yaml reads in pure Python: a text read before (the contacts, by several checks; a page the
# preview builds again) is not parsed again. Callers get their own copy.
@functools.lru_cache(maxsize=1024)
def _read(text: str, first: int) -> tuple[Any, dict[tuple, int]]:
    lines: dict[tuple, int] = {}
    return _plain(yaml_reader().load(text), (), lines, first), lines


_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def real_date(text: str) -> bool:
    try:
        return bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def _plain(value: Any, key: tuple, lines: dict[tuple, int], first: int) -> Any:
    """ruamel's values as plain Python ones (dict, list, str, int, bool …); the line of each value by its
    path, e.g. ("sources", 0, "url"), in ``lines``: a mapping's value points at its key's line."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            lines[key + (str(k),)] = value.lc.key(k)[0] + first if hasattr(value, "lc") else first
            out[k] = _plain(v, key + (str(k),), lines, first)
        return out
    if isinstance(value, list):
        for i in range(len(value)):
            lines[key + (i,)] = value.lc.item(i)[0] + first if hasattr(value, "lc") else first
        return [_plain(v, key + (i,), lines, first) for i, v in enumerate(value)]
    if isinstance(value, ScalarBoolean):  # an int in ruamel
        return bool(value)
    for kind in (str, int, float):
        if isinstance(value, kind) and type(value) not in (kind, bool):
            return kind(value)
    return value


def yaml_line(lines: dict[tuple, int], loc: tuple, default: int | None = None) -> int | None:
    """The line of the value at ``loc`` (a pydantic error location) in a YAML node map, else of its
    nearest parent that has one."""
    return next((lines[loc[:i]] for i in range(len(loc), 0, -1) if loc[:i] in lines), default)


# --- data files ------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[Text, AfterValidator(lambda v: " ".join(v.split()))]  # one line: white space folded


class DataModel(BaseModel):
    # A data file's record: an unknown key is a mistake; the keys editors write are the aliases.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# What a pydantic error type says about a value, in Danish: one table for every data file and the front
# matter ("Feltet 'x' …"). Rules of the site's own (the times in the programme, one right answer …) have
# their own error types and sentences in their modules.
WRONG = {
    "missing": "mangler.", "string_too_short": "er tom.", "too_short": "er tom.",
    "string_type": "skal være tekst, men er '{value}'. Sæt anførselstegn om teksten: ja, nej, yes og no uden "
                   "anførselstegn læses som sand/falsk.",
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), "skal være et helt tal, men er '{value}'."),
    **dict.fromkeys(("bool_type", "bool_parsing"), "skal være true eller false, men er '{value}'."),
    "list_type": "skal være en liste med én værdi pr. linje ('  - …').",
    "string_pattern_mismatch": "må kun have små bogstaver a-z, tal og bindestreg.",
}


def wrong(key: Any, kind: str, value: Any = None) -> str:
    """"Feltet '<key>' <what is wrong>." for a pydantic error type (WRONG)."""
    return f"Feltet '{key}' " + WRONG.get(kind, "har en forkert værdi: '{value}'.").format(value=value)


def unknown_key(key: Any, allowed: Iterable[str]) -> str:
    """'ukendt felt …' with the keys to use, and the one the editor probably meant."""
    allowed = list(allowed)
    guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.75)
    return f"ukendt felt '{key}'. Brug {', '.join(allowed)}." + (f" Mente du '{guess[0]}'?" if guess else "")


def load_data(path: Path, validate: Callable[[Any], list[tuple[tuple, str]]], error: type[DataError], check: str,
              hint: str) -> tuple[Any, dict[tuple, int]]:
    """A data file and its node map, when ``validate`` finds no mistake ((location, Danish sentence)
    each); else ``error`` with each mistake at its line."""
    try:
        data, lines = read_yaml(Path(path).read_text(encoding="utf-8"))
    except YamlError as exc:
        raise error.of([Problem.at(path, exc.line, check, str(exc), hint)]) from exc
    if found := validate(data):
        raise error.of([Problem.at(path, yaml_line(lines, loc, 1), check, message, hint) for loc, message in found])
    return data, lines


def is_translation(path: Path | str) -> bool:
    """True for a translated page (``page.en.md``): the Danish checks (spelling,
    LIX, the Danish menu) do not apply to it; sitekit.translations follows it."""
    return bool(re.match(r"^.+\.[a-z]{2}\.md$", Path(path).name))


# The files editors write: pages, data files, word lists.
TEXT_FILES = (".md", ".yml", ".yaml", ".txt")


def not_utf8(docs_dir: Path = DOCS) -> list[Problem]:
    """The text files under docs_dir that are not saved as UTF-8, at the line of the first odd byte."""
    found = []
    for path in sorted(Path(docs_dir).rglob("*")):
        if path.suffix not in TEXT_FILES or not path.is_file():
            continue
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            found.append(Problem.at(
                path, data.count(b"\n", 0, exc.start) + 1, "tegnsæt",
                "Filen er ikke gemt som UTF-8, så den kan ikke læses. Ofte er æ, ø eller å gemt med et andet "
                "tegnsæt.", "Gem filen igen med tegnsættet UTF-8 (i VS Code: klik på tegnsættet nederst til "
                "højre, og vælg 'Gem med tegnsæt' og så UTF-8). Tjek bagefter, at æ, ø og å ser rigtige ud."))
    return found


def iter_page_paths(docs_dir: Path = DOCS) -> Iterator[Path]:
    """Every Markdown page under docs_dir, skipping data and snippet folders (``_name``)."""
    return (path for path in sorted(Path(docs_dir).rglob("*.md"))
            if not any(part.startswith(("_", ".")) for part in path.relative_to(docs_dir).parts))


def iter_page_bodies(docs_dir: Path = DOCS) -> Iterator[tuple[Path, str, int]]:
    """(path, body, 1-based line where the body starts) for every page whose
    front matter can be read; the front matter check reports the others."""
    for path in iter_page_paths(docs_dir):
        try:
            page = parse_page(path)
        except FrontMatterError:
            continue
        yield path, page.body, page.body_line
