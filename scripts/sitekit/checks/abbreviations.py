"""Every abbreviation on a page is explained in the glossary
(docs/_snippets/ordliste.md), so every reader gets its tooltip.

The scan is sitekit.glossary's (code, URLs and front matter are left out); the
test suite also scans the prose in the data files.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import glossary
from ..mdtext import line_at, mask_code
from ..pages import split_front_matter
from ..paths import data_file
from ..problems import Problem
from .unfinished import LEFTOVER


def _first_line(path: Path, token: str) -> int | None:
    _, body, body_line = split_front_matter(path.read_text(encoding="utf-8"))
    masked = mask_code(body)
    m = re.search(rf"(?<!\w){re.escape(token)}(?!\w)", masked)
    return body_line + line_at(masked, m.start()) - 1 if m else None


def check(docs_dir: Path) -> list[Problem]:
    path = data_file(docs_dir, "_snippets/ordliste.md")
    if not path.is_file():
        return []  # the glossary hook reports the missing file; not every abbreviation on top of it
    entries = glossary.load(path)
    # A line without its colon is one mistake at that line, not one on every page using the word.
    broken = glossary.mistakes(path)
    problems = [Problem.at(path, line, "ordliste", message,
                           "Skriv forkortelser som *[FORKORTELSE]: forklaring, med kolon efter ]. "
                           "Begreber i blokken nederst skrives som ord: forklaring.")
                for line, _, message in broken]
    for token, files in sorted(glossary.used_abbreviations(Path(docs_dir)).items()):
        # TODO, XXX and FIXME mark an unfinished page (checks/unfinished.py), not an abbreviation.
        if glossary.is_defined(token, entries) or LEFTOVER.fullmatch(token) or \
                any(token == name for _, name, _ in broken):
            continue
        for name in sorted(files):
            path = Path(docs_dir) / name
            problems.append(Problem.at(
                path, _first_line(path, token), "forkortelser",
                f"Forkortelsen '{token}' er ikke forklaret i ordlisten.",
                f"Tilføj en linje i docs/_snippets/ordliste.md: *[{token}]: forklaring på dansk. "
                "Skriv også forklaringen i teksten første gang på siden. Er det ikke en forkortelse, "
                "så skriv ordet med små bogstaver."))
    return problems
