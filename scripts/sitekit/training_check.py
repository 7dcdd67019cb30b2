"""`make check` for the training data: the same rules the build applies.

The build stops on a broken docs/_data/program.yml or selvtjek.yml (see
overrides/hooks/training.py). This check gives an editor the same answer
before the pull request, as a list of problems with file and line, so the
pre-PR check and the build never disagree. It also checks what the build
cannot see by itself: every case the programme names has its anchor
``{#case-…}`` on its module page.

To run it with the other editor checks, list it in scripts/sitekit/checks/
(``("kompetenceforløb", training_check.check)``).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import program, selfcheck
from .pages import iter_page_paths
from .problems import Problem

NAME = "kompetenceforløb"
_WHERE = re.compile(r"^(?P<file>.*?), linje (?P<line>\d+): (?P<msg>.*)$", re.S)


def problem_from(path: Path, exc: Exception, hint: str) -> Problem:
    m = _WHERE.match(str(exc))
    if m:
        return Problem.at(path, int(m.group("line")), NAME, m.group("msg"), hint)
    return Problem.at(path, None, NAME, str(exc), hint)


def check(docs_dir: Path) -> list[Problem]:
    docs_dir = Path(docs_dir)
    data = docs_dir / "_data"
    problems: list[Problem] = []
    prog = sets = None
    prog_file, sets_file = data / "program.yml", data / "selvtjek.yml"
    if prog_file.is_file():
        try:
            prog = program.load(prog_file)
        except program.ProgramError as exc:
            problems.append(problem_from(prog_file, exc, "Ret tallene eller felterne i programmet. "
                                        "Forklaringen står øverst i filen."))
    if sets_file.is_file():
        try:
            sets = selfcheck.load(sets_file)
        except selfcheck.SelfCheckError as exc:
            problems.append(Problem.at(sets_file, None, NAME, str(exc),
                                       "Forklaringen står øverst i filen."))
    if prog is not None:
        for fmt in prog.formats.values():
            for item in _walk(fmt.items):
                if not item.case:
                    continue
                mid, _, anchor = item.case.partition("#")
                page = docs_dir / prog.modules[mid].page
                text = page.read_text(encoding="utf-8") if page.is_file() else ""
                if "{#" + anchor + "}" not in text:
                    problems.append(Problem.at(
                        prog_file, item.line, NAME,
                        f"Casen '{item.case}' findes ikke: siden {prog.modules[mid].page} har ingen "
                        f"overskrift med {{#{anchor}}}.",
                        "Ret 'case' i programmet, eller giv casens overskrift det rigtige anker."))
    for path in iter_page_paths(docs_dir):
        text = path.read_text(encoding="utf-8")
        for m in program.MARKER.finditer(text):
            known = (prog.formats if m.group("kind") == "drejeark" else prog.modules) if prog else {}
            if prog is not None and m.group("id") not in known:
                problems.append(Problem.at(path, text.count("\n", 0, m.start()) + 1, NAME,
                                           f"'{m.group('kind')}: {m.group('id')}' findes ikke i program.yml.",
                                           f"Brug et af: {', '.join(known)}."))
        for m in selfcheck.MARKER.finditer(text):
            if sets is not None and m.group("id") not in sets:
                problems.append(Problem.at(path, text.count("\n", 0, m.start()) + 1, NAME,
                                           f"Selvtjekket '{m.group('id')}' findes ikke i selvtjek.yml.",
                                           f"Brug et af: {', '.join(sets)}."))
    return problems


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.parts)
