"""Guidance pages stay easy to read: LIX at most 40 (sitekit.lix explains the count).

Pages under MIN_WORDS words are not measured: on a very short text LIX swings
too much to mean anything.
"""

from __future__ import annotations

from pathlib import Path

from ..lix import LIMIT, MIN_WORDS, analyse, guidance_pages
from ..problems import Problem


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    for path in guidance_pages(docs_dir):
        result = analyse(path.read_text(encoding="utf-8"))
        if result.words >= MIN_WORDS and result.score > LIMIT:
            problems.append(Problem.at(
                path, None, "læsbarhed",
                f"Teksten er svær at læse: LIX {result.score:.0f} (højst {LIMIT:.0f}). Siden har "
                f"{result.words} ord, {result.sentences} {'sætning' if result.sentences == 1 else 'sætninger'} "
                f"og {result.long_words} lange ord.",
                "Del lange sætninger op, og vælg kortere ord. Se 'Sådan skriver du klart' under "
                "For redaktører. Kør make check igen, når du har rettet: den viser det nye tal."))
    return problems
