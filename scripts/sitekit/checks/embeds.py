"""No <script> and no <iframe> in a page: scripts in pages are not reviewed like
the site's code. Anything loaded from another host is found in the built page
by overrides/hooks/privacy.py. Links (<a href>) to other sites are fine.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..mdtext import line_at, mask_code
from ..pages import iter_page_bodies
from ..problems import Problem

_TAG = re.compile(r"<\s*(script|iframe)\b", re.I)


def problems_in(path: Path, body: str, body_line: int) -> list[Problem]:
    text = mask_code(body)
    out = []
    for m in _TAG.finditer(text):
        tag = m.group(1).lower()
        out.append(Problem.at(
            path, body_line - 1 + line_at(text, m.start()), "indlejret indhold",
            f"Siden indeholder et <{tag}>-tag. Sider må ikke have scripts eller indlejrede rammer.",
            "Fjern tagget. Vil du vise noget fra et andet site, så lav et almindeligt link til det."))
    return out


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path, body, body_line in iter_page_bodies(docs_dir):
        problems += problems_in(path, body, body_line)
    return problems
