"""The toolbar on training pages: presentation view and print buttons.

A training page asks for it with the line ``<!-- værktøjslinje -->``. The
toolbar works without JavaScript (a link to #praesentation that training.css
styles through :target, and a print hint); docs/assets/javascripts/training.js
swaps in real buttons. The element with id "praesentation" is the toolbar
itself, so the no-JavaScript view starts at the top of the module.
"""

from __future__ import annotations

import re

MARKER = re.compile(r"^<!--\s*værktøjslinje\s*-->\s*$", re.M)

TOOLBAR = """<div class="kf-vaerktoej" id="praesentation">
<a class="md-button kf-uden-js" href="#praesentation">Vis som præsentation</a>
<a class="md-button kf-uden-js kf-praesentation-slut" href="#">Afslut præsentation</a>
<button type="button" class="md-button kf-med-js kf-praesentation-knap" aria-pressed="false" hidden>Vis som præsentation</button>
<button type="button" class="md-button kf-med-js kf-udskriv" hidden>Udskriv hele modulet</button>
<button type="button" class="md-button kf-med-js kf-udskriv-deltager" hidden>Udskriv deltagerhæfte</button>
<p class="kf-uden-js">Udskriv: tryk Ctrl+P (på Mac: Cmd+P).</p>
</div>"""


def render_toolbar(markdown: str) -> str:
    """Replace each ``<!-- værktøjslinje -->`` line with the toolbar."""
    return MARKER.sub(lambda m: "\n" + TOOLBAR + "\n", markdown)
