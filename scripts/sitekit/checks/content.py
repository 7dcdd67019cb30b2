"""Checks on a page's rendered content (the build's own parse, so code examples are
never mistaken for the real thing): every image has alt text, no page has its
own <script> or <iframe>, and no reader page shows a marker or placeholder (placeholders.py).
Anything loaded from another host is found by privacy.py."""

from __future__ import annotations

import re
from pathlib import Path

from .. import placeholders
from ..mdtext import mask_code
from ..problems import Problem

_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r"\balt=\"[^\"]+\"")
_SRC = re.compile(r"\bsrc=\"([^\"]*)\"")
_EMBED = re.compile(r"<(script|iframe)\b", re.I)


def page_problems(path: Path, source: str, html: str, docs_dir: Path) -> list[Problem]:
    """Problems in one page's content HTML; lines are found in its Markdown source."""
    lines = mask_code(source).splitlines()
    used: dict[str, int] = {}

    def line_of(needle: str) -> int | None:
        """The line of the next occurrence of needle (the k-th image with that file is on the k-th line)."""
        hits = [n for n, line in enumerate(lines, start=1) if needle.lower() in line.lower()]
        used[needle] = used.get(needle, -1) + 1
        return hits[min(used[needle], len(hits) - 1)] if hits else None

    problems = []
    for m in _IMG.finditer(html):
        src = _SRC.search(m.group(0))
        # MkDocs rewrites a Markdown image's path (../billede.png): look for the file name. Every
        # image counts, so the k-th image with that file is found on the k-th line that has it.
        line = line_of(src.group(1).rsplit("/", 1)[-1]) if src else None
        if _ALT.search(m.group(0)):
            continue
        problems.append(Problem.at(
            path, line, "billeder", "Billedet har ingen alternativ tekst.",
            "Skriv en kort beskrivelse af billedet mellem [ og ], fx ![Kort over VINK's kontorer](kort.png), "
            'eller alt="…" i <img>. Er billedet kun pynt, så fjern det.'))
    for m in _EMBED.finditer(html):
        tag = m.group(1).lower()
        problems.append(Problem.at(
            path, line_of("<" + tag), "indlejret indhold",
            f"Siden indeholder et <{tag}>-tag. Sider må ikke have scripts eller indlejrede rammer.",
            "Fjern tagget. Vil du vise noget fra et andet site, så lav et almindeligt link til det."))
    # Nothing unfinished in front of readers: no marker or placeholder on a reader page.
    return problems + placeholders.in_reader_page(path, source, html, docs_dir)
