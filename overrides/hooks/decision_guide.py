"""MkDocs hook: generate one page per step of the decision guide "Skal jeg
kontakte VINK?" from docs/_data/beslutningsguide.yml.

Thin adapter; the logic is in scripts/sitekit/decision_guide.py. The pages are
virtual files (nothing is written to docs/). A mistake in the data file is
logged as a warning, which fails the strict build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import decision_guide  # noqa: E402
from sitekit.problems import Problem, report  # noqa: E402

HINT = "Ret trinnet i beslutningsguidens datafil. Kør python -m sitekit.decision_guide for at se guiden som træ."


def _line(path: Path, problem: str) -> int | None:
    """The line of the step or target a message names (its last quoted id that is in the file)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for name in reversed(re.findall(r"'([\w-]+)'", problem)):
        for number, line in enumerate(lines, start=1):
            text = line.split("#")[0].strip()
            if text in (f"{name}:", f"til: {name}", f"start: {name}"):
                return number
    return None


def on_files(files, config, **kwargs):
    path = Path(config.docs_dir) / "_data" / decision_guide.GUIDE_FILE.name
    if not path.is_file():  # a fixture site without the guide
        return files
    try:
        guide = decision_guide.load(path)
    except decision_guide.GuideError as exc:
        for problem in exc.problems:
            report(Problem.at(path, _line(path, problem), "beslutningsguide", problem, HINT))
        return files
    for src_uri, content in decision_guide.pages(guide).items():
        if files.get_file_from_path(src_uri) is not None:
            report(Problem.at(path, None, "beslutningsguide",
                              f"Siden {src_uri} findes allerede som fil, men guiden laver den selv ud fra "
                              "trinnet med samme id.", "Slet filen, eller giv trinnet et andet id."))
            continue
        files.append(File.generated(config, src_uri, content=content))
    return files
