"""Add a page to the menu (`nav:`) of a MkDocs configuration file, and read such a file.

ruamel.yaml reads the file with the line and column of every menu item (``read_menu``; it also
keeps unknown tags such as mkdocs.yml's !ENV). The new entry is then written as one line of text
after its section's last line, indented like its siblings, so the file's comments, quoting and
indentation stay byte for byte as the editor or developer wrote them. It works on any YAML file
whose ``nav:`` is a top-level key in block style: today's mkdocs.yml, or a small menu file that
INHERITs a base configuration.

A section is found by the folder of the pages it lists ("vejledning/…"), then by its title
("Vejledning"). The result is read again before it is written: if it does not read back with the
new page in the menu, nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from .pages import invalid_yaml, yaml_reader


class NavEditError(ValueError):
    """A Danish message for the editor; the file was not changed."""


def read_menu(text: str) -> Any:
    """A MkDocs configuration file's data, with line numbers (``.lc``); raises ruamel's YAMLError."""
    return yaml_reader().load(text)


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
        read_menu(Path(path).read_text(encoding="utf-8"))
    except YAMLError as exc:
        message, line = invalid_yaml("Filen", exc)
        return line, message
    return None


def _load(text: str, path: Path) -> dict:
    try:
        data = read_menu(text)
    except YAMLError as exc:
        message, line = invalid_yaml("Filen", exc)
        raise NavEditError(f"{path.name}{f':{line}' if line else ''}: {message} Menuen blev ikke ændret. "
                           "Kør `make check` for at se fejlen, og ret den først.") from exc
    return data if isinstance(data, dict) else {}


def _last_line(seq: list) -> int:
    """The 0-based line of the last item under a menu list, sub-lists included."""
    last = seq.lc.item(len(seq) - 1)[0]
    item = seq[-1]
    if isinstance(item, dict) and len(item) == 1 and isinstance(value := next(iter(item.values())), list) and value:
        last = max(last, _last_line(value))
    return last


def _sections(seq: list) -> Iterator[tuple[str, list, int]]:
    """(title, items, 0-based line of the title) of every section in the menu, in the file's order
    (a title with nothing under it yet has no items)."""
    for i, item in enumerate(seq):
        if isinstance(item, dict) and len(item) == 1:
            title, value = next(iter(item.items()))
            if value is None or (isinstance(value, list) and value):
                yield str(title), value or [], seq.lc.item(i)[0]
                yield from _sections(value or [])


def add_page(config: Path, uri: str, section_title: str, folder: str) -> int:
    """Add ``uri`` to the section of ``folder`` (or titled ``section_title``) in
    the nav of ``config``. Returns the 1-based line of the entry. An entry that
    is already there is left alone."""
    config = Path(config)
    original = config.read_text(encoding="utf-8")
    nav = _load(original, config).get("nav")
    if uri in set(nav_files(nav)):
        return next(i for i, line in enumerate(original.splitlines(), start=1) if uri in line)
    if nav is None:
        raise NavEditError(f"{config.name}: Filen har ingen menu (nav:).")
    if not isinstance(nav, list) or nav.fa.flow_style():
        raise NavEditError(f"{config.name}: Menuen (nav) er skrevet på én linje. Skriv den som en liste "
                           "med én side pr. linje, så kan siden tilføjes.")
    if not nav:
        raise NavEditError(f"{config.name}: Menuen (nav) er tom.")
    lines = original.splitlines()

    def indent(line: int) -> int:  # the column of the line's first character (a list item's "-")
        return len(lines[line]) - len(lines[line].lstrip(" "))

    def by_folder(section: tuple[str, list, int]) -> bool:
        return any(p.startswith(folder + "/") for p in (i if isinstance(i, str) else next(iter(i.values()), "")
                                                        for i in section[1]) if isinstance(p, str))

    sections = list(_sections(nav))
    match = next((s for s in sections if by_folder(s)), None) or next((s for s in sections if s[0] == section_title), None)
    if match is None:  # a new section at the end of the menu
        top = indent(nav.lc.item(0)[0])
        child, at = top + 4, _last_line(nav) + 1
        new = [f"{' ' * top}- {section_title}:", f"{' ' * child}- {uri}"]
    else:
        child, at = ((indent(match[1].lc.item(0)[0]), _last_line(match[1]) + 1) if match[1] else
                     (indent(match[2]) + 4, match[2] + 1))
        new = [f"{' ' * child}- {uri}"]
    text = "\n".join(lines[:at] + new + lines[at:]) + ("\n" if original.endswith("\n") or not original else "")
    if uri not in set(nav_files(_load(text, config).get("nav"))):
        raise NavEditError(f"{config.name}: Siden kunne ikke tilføjes menuen automatisk. Tilføj linjen "
                           f"'{' ' * child}- {uri}' under \"{section_title}\" i nav.")
    config.write_text(text, encoding="utf-8")
    return at + len(new)
