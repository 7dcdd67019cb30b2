"""Danish spelling (scripts/sitekit/spelling.py), with the project word list."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from ..spelling import check_docs


def check(docs_dir: Path, more: dict[Path, list[tuple[int, str]]] | None = None,
          memo: dict[str, bool] | None = None) -> list[Problem]:
    try:
        found = check_docs(docs_dir, more=more, memo=memo)
    except RuntimeError as exc:  # only where spelling is required (CI): elsewhere it is skipped with a note
        return [Problem.at(Path(docs_dir), None, "stavning", f"Stavningen blev ikke tjekket: {exc}",
                           "Installer Debian-pakkerne hunspell og hunspell-da (`make system` som root).")]
    return [Problem.at(m.path, m.line, "stavning",
                       f"Ukendt ord: '{m.word}'." + (f" Mente du: {', '.join(m.suggestions)}?" if m.suggestions else ""),
                       "Ret stavningen. Er ordet rigtigt (fx et navn eller et fagord), så tilføj det på sin egen "
                       "linje i docs/_data/ordliste-stavning.txt.")
            for m in found]
