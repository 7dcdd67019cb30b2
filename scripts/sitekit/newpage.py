"""Create a new page with valid metadata (`make new-page`).

The page is added to the menu (`nav:` in mkdocs.yml) as well, by a text edit
that keeps the file's comments and indentation (see navedit.py). When the
menu cannot be changed, nothing is written and the editor is told why.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from . import navedit
from .metadata import AUDIENCES

SECTIONS = {
    "vejledning": "Vejledning",
    "kompetenceforloeb": "Kompetenceforløb",
    "redaktoerer": "For redaktører",
    "om": "Om sitet",
}
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


# The description a page gets without BESKRIVELSE: the check fails until it is replaced (checks/unfinished.py).
DESCRIPTION_STAND_IN = "skriv her én sætning om siden til søgeresultater"


class NewPageError(ValueError):
    """A Danish message for the editor."""


def slugify(title: str) -> str:
    """File name from a title: 'Hvem gør hvad?' -> 'hvem-goer-hvad'."""
    text = unicodedata.normalize("NFKD", title.translate(_DANISH))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _yaml_text(value: str) -> str:
    """A YAML scalar that stays text: quoted, with inner quotes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, description: str, owner: str, audience: str, today: dt.date, body: bool = False) -> str:
    """Front matter that passes the metadata check, with the memo as its source (and, with
    ``body``, the new page's first heading and advice)."""
    from . import render

    return render("ny-side.md", title=title, description=description, owner=owner, audience=audience,
                  today=today, body=body, q=_yaml_text)


def page_text(title: str, description: str, owner: str, audience: str, today: dt.date) -> str:
    return front_matter(title, description, owner, audience, today, body=True)


def create(docs_dir: Path, title: str, section: str, owner: str, contacts: dict,
           description: str = "", audience: str = "medarbejdere", slug: str = "",
           today: dt.date | None = None, config: Path | None = None) -> tuple[Path, str, int | None]:
    """Write the page and add it to the menu of ``config`` (when it has a nav).

    Returns (the page's path, its nav entry, the entry's line in ``config`` or
    None when the configuration has no nav and MkDocs builds the menu itself)."""
    title = title.strip()
    if not title:
        raise NewPageError("Siden skal have en titel.")
    if section not in SECTIONS:
        raise NewPageError(f"Ukendt afsnit '{section}'. Vælg et af: {', '.join(SECTIONS)}.")
    if owner not in contacts:
        raise NewPageError(f"'{owner}' findes ikke i docs/_data/kontakter.yml. "
                           f"Vælg et af: {', '.join(sorted(contacts))}.")
    if audience not in AUDIENCES:
        raise NewPageError(f"Ukendt målgruppe '{audience}'. Vælg en af: {', '.join(AUDIENCES)}.")
    slug = slugify(slug or title)
    if not slug:
        raise NewPageError("Titlen giver ikke et filnavn. Angiv et med --fil.")
    path = Path(docs_dir) / section / f"{slug}.md"
    if path.exists():
        raise NewPageError(f"Filen {section}/{slug}.md findes allerede. Vælg en anden titel eller et andet filnavn.")
    description = description.strip() or f"{title} – {DESCRIPTION_STAND_IN}."
    uri = f"{section}/{slug}.md"
    line = None
    if config is not None and Path(config).is_file() and has_nav(Path(config)):
        try:
            line = navedit.add_page(Path(config), uri, SECTIONS[section], section)
        except navedit.NavEditError as exc:
            raise NewPageError(f"{exc} Siden er ikke oprettet.") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(title, description, owner, audience, today or dt.date.today()), encoding="utf-8")
    return path, f"      - {uri}", line


def has_nav(config: Path) -> bool:
    """True when the file has a top-level nav: key (else MkDocs makes the menu)."""
    return any(line.startswith("nav:") for line in Path(config).read_text(encoding="utf-8").splitlines())
