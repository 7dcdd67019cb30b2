"""An unfinished page cannot be published: the text `make new-page` writes as a
stand-in (the description in the front matter too), and TODO, XXX or FIXME left
in the prose (not in code; checks/rendered.py finds them on the rendered page), fail the check."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..mdtext import line_at, mask_code
from ..newpage import DESCRIPTION_STAND_IN, page_text
from ..pages import iter_page_bodies, split_front_matter
from ..problems import Problem

# The stand-in lines of a new page, taken from the template itself (headings excepted).
STAND_INS = [line.strip() for line in split_front_matter(page_text("T", "D", "o", "a", dt.date(2000, 1, 1)))[1]
             .splitlines() if line.strip() and not line.startswith("#")]
LEFTOVER = re.compile(r"(?<![\w-])(TODO|XXX|FIXME)(?![\w-])")


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path, body, body_line in iter_page_bodies(docs_dir):
        head = path.read_text(encoding="utf-8").splitlines()[:max(body_line - 1, 0)]
        for number, line in enumerate(head, start=1):
            if line.startswith("description:") and DESCRIPTION_STAND_IN in line:
                problems.append(Problem.at(
                    path, number, "ufærdig side", "Siden er ikke færdig: beskrivelsen er stadig skabelonens.",
                    "Skriv én sætning om, hvad siden hjælper med. Den vises i søgeresultater."))
        text = mask_code(body)
        for stand_in in STAND_INS:
            if (i := text.find(stand_in[:40])) != -1:
                problems.append(Problem.at(
                    path, body_line - 1 + line_at(text, i), "ufærdig side",
                    f"Siden er ikke færdig: skabelonens tekst '{stand_in[:40]} …' står der stadig.",
                    "Skriv sidens egen tekst i stedet for skabelonens, og slet skabelonens linjer."))
    return problems
