"""Front matter must be valid YAML (the schema itself is checked elsewhere)."""

from __future__ import annotations

from pathlib import Path

from ..pages import FrontMatterError, iter_page_paths, parse_page
from ..problems import Problem


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path in iter_page_paths(docs_dir):
        try:
            parse_page(path)
        except FrontMatterError as exc:
            problems.append(Problem.at(
                path, exc.line, "front matter", str(exc),
                "Ret linjerne mellem de to '---' øverst i filen. Brug formen 'nøgle: værdi', "
                "og sæt anførselstegn om tekst, der indeholder kolon.",
            ))
    return problems
