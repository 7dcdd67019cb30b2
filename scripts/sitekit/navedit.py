"""Add a page to the menu (`nav:`) of a MkDocs configuration file as text.

The file is edited line by line, never loaded and dumped again, so its
comments, quoting and indentation stay as the editor or developer wrote them.
It works on any YAML file whose ``nav:`` is a top-level key in block style:
today's mkdocs.yml, or a small menu file that INHERITs a base configuration.

A section is found by the folder of the pages it lists ("vejledning/…"), then
by its title ("Vejledning"). A new entry goes after the section's last line,
indented like its siblings. The result is parsed again before it is written:
if it does not read back with the new page in the menu, nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class NavEditError(ValueError):
    """A Danish message for the editor; the file was not changed."""


class TolerantLoader(yaml.SafeLoader):
    """Reads unknown tags (mkdocs.yml's !ENV, !!python/name:…) as None."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

_NAV_KEY = re.compile(r"^nav:\s*(#.*)?$")
_ITEM = re.compile(r"^(?P<indent> *)- +(?P<rest>.*?)\s*$")


@dataclass
class _Line:
    number: int          # 0-based index in the file
    indent: int
    text: str
    is_item: bool


def nav_files(nav: Any) -> Iterator[str]:
    """Every page named in a nav tree."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_files(value)


def yaml_error(path: Path) -> tuple[int | None, str] | None:
    """(line, Danish message) when a YAML file cannot be read, else None."""
    try:
        yaml.load(Path(path).read_text(encoding="utf-8"), Loader=TolerantLoader)  # noqa: S506 - safe subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return (mark.line + 1 if mark else None,
                "Filen kan ikke læses. Ofte er en linje rykket forkert ind: i menuen (nav) skal "
                "en linje stå lige så langt inde som linjerne over og under den, fx seks mellemrum før "
                "'- vejledning/side.md'. Brug mellemrum, ikke tabulatorer.")
    return None


def _load(text: str, path: Path) -> dict:
    try:
        data = yaml.load(text, Loader=TolerantLoader)  # noqa: S506 - a safe subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise NavEditError(f"{where}: Filen kan ikke læses som YAML, så menuen blev ikke ændret. "
                           "Kør `make check` for at se fejlen, og ret den først.") from exc
    return data if isinstance(data, dict) else {}


def _nav_block(lines: list[str], path: Path) -> tuple[int, int]:
    """(first line after 'nav:', end) of the top-level nav block."""
    start = next((i for i, line in enumerate(lines) if _NAV_KEY.match(line)), None)
    if start is None:
        if any(line.startswith("nav:") for line in lines):
            raise NavEditError(f"{path.name}: Menuen (nav) er skrevet på én linje. Skriv den som en liste "
                               "med én side pr. linje, så kan siden tilføjes.")
        raise NavEditError(f"{path.name}: Filen har ingen menu (nav:).")
    end = start + 1
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "#", "-")):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            end = i + 1
    return start + 1, end


def _items(lines: list[str], start: int, end: int) -> list[_Line]:
    out = []
    for i in range(start, end):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _ITEM.match(line)
        indent = len(line) - len(line.lstrip(" "))
        out.append(_Line(i, indent, m.group("rest") if m else line.strip(), bool(m)))
    return out


def _parse_item(rest: str) -> Any:
    """One nav item read as YAML: a path, {title: path} or {title: None} for a section."""
    try:
        return yaml.load(rest, Loader=TolerantLoader)  # noqa: S506 - a safe subclass
    except yaml.YAMLError:
        return None


def _entry_path(rest: str) -> str:
    """'vejledning/x.md' or 'Titel: vejledning/x.md' -> 'vejledning/x.md'; '' otherwise."""
    value = _parse_item(rest)
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))
    return value if isinstance(value, str) else ""


def _section_title(rest: str) -> str | None:
    """'Vejledning:' -> 'Vejledning'; None for a page."""
    value = _parse_item(rest)
    if isinstance(value, dict) and len(value) == 1 and next(iter(value.values())) is None:
        return str(next(iter(value)))
    return None


def add_page(config: Path, uri: str, section_title: str, folder: str) -> int:
    """Add ``uri`` to the section of ``folder`` (or titled ``section_title``) in
    the nav of ``config``. Returns the 1-based line of the entry. An entry that
    is already there is left alone."""
    config = Path(config)
    original = config.read_text(encoding="utf-8")
    if uri in set(nav_files(_load(original, config).get("nav"))):
        for i, line in enumerate(original.splitlines()):
            if uri in line:
                return i + 1
    lines = original.splitlines()
    start, end = _nav_block(lines, config)
    items = _items(lines, start, end)
    if not items:
        raise NavEditError(f"{config.name}: Menuen (nav) er tom.")

    # Candidate sections: items ending in ':' with children below them.
    sections = []
    for pos, item in enumerate(items):
        title = _section_title(item.text) if item.is_item else None
        if title is None:
            continue
        children = []
        for other in items[pos + 1:]:
            if other.indent <= item.indent:
                break
            children.append(other)
        sections.append((item, title, children))

    def by_folder(entry: tuple) -> bool:
        _item, _title, children = entry
        direct = [c for c in children if c.is_item and c.indent == children[0].indent] if children else []
        return any(_entry_path(c.text).startswith(folder + "/") for c in direct)

    match = next((s for s in sections if by_folder(s)), None) \
        or next((s for s in sections if s[1] == section_title), None)

    if match is None:
        # A new section at the end of the menu, indented like the top level.
        top = items[0].indent
        child = top + 4
        new = [f"{' ' * top}- {section_title}:", f"{' ' * child}- {uri}"]
        insert_at = items[-1].number + 1
        entry_line = insert_at + 2
    else:
        item, _title, children = match
        child = children[0].indent if children else item.indent + 4
        insert_at = (children[-1].number if children else item.number) + 1
        new = [f"{' ' * child}- {uri}"]
        entry_line = insert_at + 1

    result = lines[:insert_at] + new + lines[insert_at:]
    text = "\n".join(result) + ("\n" if original.endswith("\n") or not original else "")
    if uri not in set(nav_files(_load(text, config).get("nav"))):
        raise NavEditError(f"{config.name}: Siden kunne ikke tilføjes menuen automatisk. Tilføj linjen "
                           f"'{' ' * child}- {uri}' under \"{section_title}\" i nav.")
    config.write_text(text, encoding="utf-8")
    return entry_line
