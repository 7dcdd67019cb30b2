"""Values still waiting for an editor, outside the contacts file.

The contacts file has its own, structured list (sitekit.contacts.placeholders).
Here are the others:

- in a page, the placeholder written in bold: **Udfyldes af redaktøren**
  (a mention in quotes or in code, as in the editor guide, is not one);
- in the site's settings (sitet.yml, sitekit.sitesettings) and the repository
  settings, the stand-ins with "UDFYLDES" (the "edit this page" default in
  mkdocs-base.yml, the teams in .github/CODEOWNERS). These are only looked for when the project's own docs
  are checked, not a fixture folder.

They are not errors in the files: someone must fill them in, and `make review` lists them
(`make check` counts them). But a reader never sees one: a page for readers or course
participants (every page but the editors' own: redaktoerer/, or audience only "redaktører") whose
rendered HTML would show "Udfyldes af redaktøren" or "Skal verificeres" fails the build, at the
line it comes from (``in_reader_page``, called for each rendered page by checks/content.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .contacts import PLACEHOLDER
from .mdtext import line_at, mask_code
from .pages import FrontMatterError, iter_page_paths, parse_page
from .paths import BASE_CONFIG, DOCS, ROOT, rel
from .problems import Problem

PAGE_MARK = f"**{PLACEHOLDER}**"
CONFIG_MARK = "UDFYLDES"
CONFIG_FILES = (BASE_CONFIG, ROOT / ".github" / "CODEOWNERS", *(ROOT / ".github" / "workflows" / f for f in ("ci.yml", "canary.yml")))


@dataclass(frozen=True)
class Hole:
    file: str
    line: int
    what: str  # Danish, for editors


_CONFIG_WHAT = {
    BASE_CONFIG: "Mangler stadig: den rigtige adresse bag knappen 'Redigér denne side' (edit_uri).",
    CONFIG_FILES[1]: "Mangler stadig: de rigtige teamnavne på GitHub ({n} linjer).",
    CONFIG_FILES[2]: "Mangler stadig: CI's containere fastlåst med deres digest (sha256), ikke kun navnet ({n} linjer).",
    CONFIG_FILES[3]: "Mangler stadig: kanariefuglens container fastlåst med samme digest som i ci.yml.",
}


def in_config() -> list[Hole]:
    """The site's settings (sitet.yml) one by one, then one note per other file:
    the first line with a stand-in, and how many there are."""
    from . import sitesettings

    holes = [Hole(rel(sitesettings.FILE), line, f"Mangler stadig: {what}.")
             for line, what in sitesettings.unset()]
    for path in CONFIG_FILES:
        # The edit link's default is only used while sitet.yml names no repository.
        if not path.is_file() or (path == BASE_CONFIG and "EDIT_URI" in sitesettings.environ()):
            continue
        lines = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if CONFIG_MARK in line and not line.lstrip().startswith("#")]
        if lines:
            holes.append(Hole(rel(path), lines[0], _CONFIG_WHAT[path].format(n=len(lines))))
    return holes


def find(docs_dir: Path) -> list[Hole]:
    """Every placeholder outside the contacts file, pages first."""
    holes = []
    for path in iter_page_paths(docs_dir):
        text = mask_code(path.read_text(encoding="utf-8"))
        holes += [Hole(rel(path), line_at(text, m.start()), f"Mangler stadig: en oplysning på siden (står som '{PLACEHOLDER}').")
                  for m in re.finditer(re.escape(PAGE_MARK), text)]
    return holes + (in_config() if Path(docs_dir).resolve() == DOCS.resolve() else [])


# --- nothing unfinished in front of readers ----------------------------------------

# What a reader must never see, and what to do about it (Danish, for editors).
READER_MARKS = {
    "Skal verificeres": "Tjek oplysningen i kilden, og skriv den som en sikker oplysning, eller fjern den. Ved "
                        "du det ikke, så skriv klart, hvad der ikke vides, og hvem man kan spørge (fx 'Spørg VINK, "
                        "om …'). Redaktørerne ser stadig alt åbent i make review.",
    PLACEHOLDER: "Udfyld værdien, eller fjern den fra siden. Et ukendt felt i docs/_data/kontakter.yml bliver "
                 "udeladt af sig selv, så skriv ikke pladsholderen i en side.",
}
EDITOR_SECTION, EDITORS = "redaktoerer", "redaktører"


def _origin(docs_dir: Path, mark: str) -> tuple[Path, int] | None:
    """The first data or snippet line with the mark (not a comment): where a shortcode got it from."""
    pattern = re.compile(re.escape(mark).replace("\\ ", "[ _]"), re.IGNORECASE)
    for folder in ("_data", "_snippets"):
        for path in sorted((Path(docs_dir) / folder).rglob("*")):
            if path.suffix not in (".yml", ".yaml", ".md") or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line) and not line.lstrip().startswith("#"):
                    return path, number
    return None


def _for_editors(path: Path, docs_dir: Path) -> bool:
    """A page in the editors' section, or one whose front matter names editors as its only audience."""
    if Path(path).relative_to(docs_dir).parts[0] == EDITOR_SECTION:
        return True
    try:
        meta = parse_page(path).meta  # read once per build (cached), as the other checks do
    except (FrontMatterError, OSError, ValueError):
        return False  # the metadata check reports it
    return isinstance(meta, dict) and meta.get("audience") == [EDITORS]


def in_reader_page(path: Path, source: str, html: str, docs_dir: Path) -> list[Problem]:
    """A marker or placeholder in a reader page's rendered HTML (text and attributes, such as a
    glossary tooltip): an error at the page's line with it, or at the data file's line it came from."""
    lower = html.lower()
    if not any(mark.lower() in lower for mark in READER_MARKS) or _for_editors(path, docs_dir):
        return []
    problems = []
    for mark, hint in READER_MARKS.items():
        if mark.lower() not in lower:
            continue
        lines = [n for n, line in enumerate(source.splitlines(), start=1) if mark.lower() in line.lower()]
        where = (Path(path), lines[0]) if lines else _origin(docs_dir, mark) or (Path(path), None)
        page = "her" if where[0] == Path(path) else f"på siden {rel(Path(path))}, som viser linjen"
        problems.append(Problem.at(
            where[0], where[1], "ufærdig side",
            f"Læserne ville se '{mark}' {page}. Sider for læsere og kursusdeltagere må ikke vise det, "
            "heller ikke på print.", hint))
    return problems
