"""The toolbar on training pages: presentation view and print buttons.

A training page asks for it with the line ``<!-- værktøjslinje -->``. The
toolbar works without JavaScript (a link to #praesentation that training.css
styles through :target, and a print hint); docs/assets/javascripts/training.js
swaps in real buttons. The element with id "praesentation" is the toolbar
itself, so the no-JavaScript view starts at the top of the module.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

from . import program, render, selfcheck
from .mdtext import line_at

MARKER = re.compile(r"^<!--\s*værktøjslinje\s*-->\s*$", re.M)

def markers_without_data(markdown: str, data_dir: Path) -> list[tuple[int, str, str]]:
    """(line, Danish sentence, hint) for each self-check or programme marker on a page whose data
    file does not exist: without this, the marker would stay an invisible comment."""
    return [(line_at(markdown, m.start()),
             f"Siden bruger {m.group(0).strip()}, men datafilen docs/_data/{name} findes ikke.",
             f"Hent datafilen tilbage med git restore docs/_data/{name}, eller fjern markøren.")
            for name, markers in (("program.yml", (program.MARKER,)),
                                  ("selvtjek.yml", (selfcheck.MARKER, selfcheck.KEY_MARKER)))
            if not (Path(data_dir) / name).is_file()
            for marker in markers for m in marker.finditer(markdown)]


def render_toolbar(markdown: str) -> str:
    """Replace each ``<!-- værktøjslinje -->`` line with the toolbar. The printed footer
    with the page's title is in the page's <head> (overrides/main.html)."""
    toolbar = render("vaerktoejslinje.html").rstrip("\n")
    return MARKER.sub(lambda m: "\n" + toolbar + "\n", markdown)


_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>[^"]*)"')


def add_print_addresses(content: str, page_url: str, site_url: str) -> str:
    """Give every internal link its public address in data-adresse, which
    print.css prints after the link text. Anchors on the same page, external
    links and mail links are left alone."""
    base = urljoin(site_url.rstrip("/") + "/", page_url)

    def add(m: re.Match[str]) -> str:
        href = m.group("href")
        if not href or href.startswith(("#", "http:", "https:", "mailto:", "tel:", "data:")):
            return m.group(0)
        return m.group(0) + f' data-adresse="{html.escape(urljoin(base, href))}"'

    return _LINK.sub(add, content)
