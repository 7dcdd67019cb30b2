"""The checks that need no build. The strict build runs them in the same pass
(the sitekit plugin), so `make check` and `make build` report the same.

Each check is a function ``check(docs_dir: Path) -> list[Problem]``. Add a new
check by writing it in its own module in this package and listing it in
``CHECKS`` below. Every check has a fixture under tests/ that must fail it.
Front matter, links, the menu and the shortcodes are checked by the build itself,
images and embedded scripts on each rendered page (checks/content.py), and LIX on
what the reader sees (checks/readability.py), all from the sitekit plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import program
from ..problems import Problem
from . import abbreviations, overdue, personal_data, rendered, spelling, unfinished

Check = Callable[[Path], list[Problem]]

CHECKS: list[Check] = [
    personal_data.check, overdue.check, unfinished.check, abbreviations.check, program.typed_times,
]


def run_all(docs_dir: Path, prose: dict[str, str] | None = None, memo: dict[str, bool] | None = None) -> list[Problem]:
    """Every check; ``prose`` (page -> the text readers get, sitekit.prose) adds what the data files
    put on the pages: personal data, spelling, abbreviations and unfinished text at the data file's line.
    ``memo``: Hunspell's answers, kept between builds."""
    prose = prose or {}
    return ([problem for check in CHECKS for problem in check(docs_dir)] + rendered.personal_data(docs_dir, prose)
            + rendered.unfinished_and_abbreviations(docs_dir, prose)
            + spelling.check(docs_dir, rendered.words(docs_dir, prose), memo))
