"""The checks that need no build. The strict build runs them in the same pass
(the sitekit plugin), so `make check` and `make build` report the same.

Each check is a function ``check(docs_dir: Path) -> list[Problem]``. Add a new
check by writing it in its own module in this package and listing it in
``CHECKS`` below. Every check has a fixture under tests/ that must fail it.
Front matter, links, the menu and the shortcodes are checked by the build itself,
images and embedded scripts on each rendered page (checks/content.py), and LIX,
personal data, spelling, abbreviations and unfinished text on what the reader sees
(checks/readability.py, checks/rendered.py), all from the sitekit plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import program
from ..contacts import unknown_contact_values
from ..problems import Problem
from . import abbreviations, overdue, rendered, unfinished

Check = Callable[[Path], list[Problem]]

CHECKS: list[Check] = [
    unknown_contact_values, overdue.check, unfinished.check, abbreviations.check, program.typed_times,
]


def run_all(docs_dir: Path, prose: dict[str, str] | None = None, memo: dict[str, bool] | None = None) -> list[Problem]:
    """Every check; ``prose`` (page -> the text readers get, sitekit.prose) is checked by checks/rendered.py.
    ``memo``: Hunspell's answers, kept between builds."""
    return [problem for check in CHECKS for problem in check(docs_dir)] + rendered.problems(docs_dir, prose or {}, memo)
