"""No <script>, no <iframe> and nothing loaded from another host in a page.

The site must not send readers' visits to anyone else, and scripts in pages
are not reviewed like the site's code. Links (<a href>) to other sites are fine.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..mdtext import line_at, mask_code
from ..pages import iter_page_bodies
from ..privacy import foreign_resources
from ..problems import Problem

_TAG = re.compile(r"<\s*(script|iframe)\b", re.I)
# ![alt](https://…) loads the image from another host.
_MD_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^)\s>]+)")


def problems_in(path: Path, body: str, body_line: int) -> list[Problem]:
    text = mask_code(body)
    out = []
    for m in _TAG.finditer(text):
        tag = m.group(1).lower()
        out.append(Problem.at(
            path, body_line - 1 + line_at(text, m.start()), "indlejret indhold",
            f"Siden indeholder et <{tag}>-tag. Sider må ikke have scripts eller indlejrede rammer.",
            "Fjern tagget. Vil du vise noget fra et andet site, så lav et almindeligt link til det."))
    for m in _MD_REMOTE_IMAGE.finditer(text):
        out.append(Problem.at(
            path, body_line - 1 + line_at(text, m.start()), "indlejret indhold",
            f"Billedet hentes fra et andet site: {m.group(1)}",
            "Læg billedet i docs/assets/images/ og henvis til det derfra. Sitet må kun hente filer fra sig selv."))
    for line, tag, url in foreign_resources(text):
        if tag in ("script", "iframe"):
            continue  # already reported above
        out.append(Problem.at(
            path, body_line - 1 + line, "indlejret indhold",
            f"<{tag}> henter '{url}' fra et andet site.",
            "Læg filen i docs/assets/ og henvis til den derfra, eller fjern den."))
    return out


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path, body, body_line in iter_page_bodies(docs_dir):
        problems += problems_in(path, body, body_line)
    return problems
