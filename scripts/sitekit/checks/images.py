"""Every image needs alt text: a short description for readers who cannot see it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..mdtext import line_at, mask_code
from ..pages import iter_page_bodies
from ..problems import Problem

# ![](billede.png) or ![  ](billede.png "titel")
_MD_IMAGE = re.compile(r"!\[\s*\]\(")
HINT = ("Skriv en kort beskrivelse af billedet mellem [ og ], fx ![Kort over VINK's kontorer](kort.png). "
        "Er billedet kun pynt, så fjern det.")


class _Imgs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.missing: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img" and "alt" not in dict(attrs):
            self.missing.append(self.getpos()[0])

    handle_startendtag = handle_starttag


def problems_in(path: Path, body: str, body_line: int) -> list[Problem]:
    text = mask_code(body)
    found = [Problem.at(path, body_line - 1 + line_at(text, m.start()), "billeder",
                        "Billedet har ingen alternativ tekst.", HINT)
             for m in _MD_IMAGE.finditer(text)]
    parser = _Imgs()
    parser.feed(text)
    parser.close()
    found += [Problem.at(path, body_line - 1 + line, "billeder",
                         "<img> mangler attributten alt (alternativ tekst).",
                         'Tilføj alt="kort beskrivelse af billedet" i <img>-tagget.')
              for line in parser.missing]
    return found


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path, body, body_line in iter_page_bodies(docs_dir):
        problems += problems_in(path, body, body_line)
    return problems
