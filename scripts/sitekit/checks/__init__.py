"""The editor checks run by `make check` (``scripts/site.py check``).

Each check is a function ``check(docs_dir: Path) -> list[Problem]``. Add a new
check by writing it in its own module in this package and listing it in
``CHECKS`` below. Every check has a fixture under tests/ that must fail it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..problems import Problem
from . import front_matter
from . import links
from . import abbreviations, embeds, images, navigation, overdue, personal_data, readability, spelling

Check = Callable[[Path], list[Problem]]

# (name shown to editors, function)
CHECKS: list[tuple[str, Check]] = [
    ("front matter", front_matter.check),
    ("links", links.check),
    ("navigation", navigation.check),
    ("billeder", images.check),
    ("indlejret indhold", embeds.check),
    ("persondata", personal_data.check),
    ("gennemgang", overdue.check),
    ("stavning", spelling.check),
    ("forkortelser", abbreviations.check),
    ("læsbarhed", readability.check),
]


def run_all(docs_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    for _name, check in CHECKS:
        problems.extend(check(docs_dir))
    return problems
