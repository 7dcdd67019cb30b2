"""The glossary (docs/_snippets/ordliste.md) is well formed: a line without its colon is one mistake
at that line. Whether every abbreviation readers get is explained is checked on the rendered pages
(checks/rendered.py)."""

from __future__ import annotations

from pathlib import Path

from .. import glossary
from ..paths import data_file
from ..problems import Problem


def check(docs_dir: Path) -> list[Problem]:
    path = data_file(docs_dir, "_snippets/ordliste.md")
    if not path.is_file():
        return []  # the glossary hook reports the missing file; not every abbreviation on top of it
    return [Problem.at(path, line, "ordliste", message,
                       "Skriv forkortelser som *[FORKORTELSE]: forklaring, med kolon efter ]. "
                       "Begreber i blokken nederst skrives som ord: forklaring.")
            for line, _, message in glossary.mistakes(path)]
