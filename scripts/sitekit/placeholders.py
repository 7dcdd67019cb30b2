"""Values still waiting for an editor, outside the contacts file.

The contacts file has its own, structured list (sitekit.contacts.placeholders).
Here are the others:

- in a page, the placeholder written in bold: **Udfyldes af redaktøren**
  (a mention in quotes or in code, as in the editor guide, is not one);
- in the site's settings (sitet.yml, sitekit.sitesettings) and the repository
  settings, the stand-ins with "UDFYLDES" (the "edit this page" default in
  mkdocs-base.yml, the teams in .github/CODEOWNERS). These are only looked for when the project's own docs
  are checked, not a fixture folder.

They are not errors: a placeholder is allowed, but someone must fill it in. `make review`
lists them; `make check` only counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .contacts import PLACEHOLDER
from .mdtext import line_at, mask_code
from .pages import iter_page_paths
from .paths import BASE_CONFIG, DOCS, ROOT, rel

PAGE_MARK = f"**{PLACEHOLDER}**"
CONFIG_MARK = "UDFYLDES"
CONFIG_FILES = (BASE_CONFIG, ROOT / ".github" / "CODEOWNERS", ROOT / ".github" / "workflows" / "ci.yml")


@dataclass(frozen=True)
class Hole:
    file: str
    line: int
    what: str  # Danish, for editors


def in_pages(docs_dir: Path) -> list[Hole]:
    holes = []
    for path in iter_page_paths(docs_dir):
        text = mask_code(path.read_text(encoding="utf-8"))
        start = 0
        while (i := text.find(PAGE_MARK, start)) != -1:
            holes.append(Hole(rel(path), line_at(text, i),
                              f"Mangler stadig: en oplysning på siden (står som '{PLACEHOLDER}')."))
            start = i + len(PAGE_MARK)
    return holes


_CONFIG_WHAT = {
    BASE_CONFIG: "Mangler stadig: den rigtige adresse bag knappen 'Redigér denne side' (edit_uri).",
    CONFIG_FILES[1]: "Mangler stadig: de rigtige teamnavne på GitHub ({n} linjer).",
    CONFIG_FILES[2]: "Mangler stadig: CI's container fastlåst med sit digest (sha256), ikke kun sit navn.",
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
    own_docs = Path(docs_dir).resolve() == DOCS.resolve()
    return in_pages(docs_dir) + (in_config() if own_docs else [])

