"""Guidance pages stay easy to read: LIX at most 40 (sitekit.lix explains the count).

Measured on what the reader sees: the text of the rendered page (sitekit.prose), data-file text
and generated pages (the decision guide) included. The sitekit plugin calls ``page_problem``
for each Danish page. Pages under MIN_WORDS words are not measured:
on a very short text LIX swings too much to mean anything.
"""

from __future__ import annotations

from pathlib import Path

from ..lix import LIMIT, MIN_WORDS, analyse
from ..paths import GUIDANCE, in_scope
from ..problems import Problem


def page_problem(path: Path, src_uri: str, text: str, generated: bool = False) -> Problem | None:
    if not in_scope(src_uri, GUIDANCE):
        return None  # not counted at all: LIX is only held against these pages
    result = analyse(text)
    if result.words < MIN_WORDS or result.score <= LIMIT:
        return None
    where = " Siden laves ud fra docs/_data/beslutningsguide.yml: ret teksten dér." if generated else ""
    return Problem.at(
        path, None, "læsbarhed",
        f"Teksten er svær at læse: LIX {result.score:.0f} (højst {LIMIT:.0f}). Siden har "
        f"{result.words} ord, {result.sentences} {'sætning' if result.sentences == 1 else 'sætninger'} "
        f"og {result.long_words} lange ord.",
        "Del lange sætninger op, og vælg kortere ord. Se 'Sådan skriver du klart' under "
        "For redaktører. Kør make check igen, når du har rettet: den viser det nye tal." + where)
