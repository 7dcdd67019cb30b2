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
from urllib.parse import urljoin

MARKER = re.compile(r"^<!--\s*værktøjslinje\s*-->\s*$", re.M)

TOOLBAR = """<div class="kf-vaerktoej" id="praesentation">
<a class="md-button kf-uden-js" href="#praesentation">Vis som præsentation</a>
<a class="md-button kf-uden-js kf-praesentation-slut" href="#">Afslut præsentation</a>
<button type="button" class="md-button kf-med-js kf-praesentation-knap" aria-pressed="false" hidden>\
Vis som præsentation</button>
<button type="button" class="md-button kf-med-js kf-udskriv" hidden>Udskriv hele modulet</button>
<button type="button" class="md-button kf-med-js kf-udskriv-deltager" hidden>Udskriv deltagerhæfte</button>
<p class="kf-uden-js">Udskriv: tryk Ctrl+P (på Mac: Cmd+P).</p>
</div>"""


def _footer_style(title: str) -> str:
    # The page's title in the printed footer (print.css puts the page number
    # on the right). CSS string: backslashes and quotes escaped.
    text = title.replace("\\", "\\\\").replace('"', '\\"')
    return ('<style media="print">@page { @bottom-left { content: "' + html.escape(text, quote=False)
            + '"; font-size: 9pt; } }</style>')


def render_toolbar(markdown: str, title: str = "") -> str:
    """Replace each ``<!-- værktøjslinje -->`` line with the toolbar (and the
    print footer with the page's title)."""
    toolbar = TOOLBAR.replace("</div>", (_footer_style(title) if title else "") + "\n</div>")
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
