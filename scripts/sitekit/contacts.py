"""The one contacts data file (docs/_data/kontakter.yml).

Every phone number, e-mail address, street address and opening hour on the site
comes from here. An unknown value is the visible placeholder PLACEHOLDER, which
the checks and the review report list until an editor fills it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .paths import DATA

CONTACTS_FILE = DATA / "kontakter.yml"
PLACEHOLDER = "Udfyldes af redaktøren"


class ContactsError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Placeholder:
    contact_id: str
    field: str
    line: int


def _load(path: Path) -> tuple[dict[str, dict[str, Any]], yaml.Node | None]:
    text = Path(path).read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContactsError(f"Kontaktfilen er ikke gyldig YAML: {getattr(exc, 'problem', exc)}.",
                            mark.line + 1 if mark else None) from exc
    contacts = data.get("kontakter") if isinstance(data, dict) else None
    if not isinstance(contacts, dict):
        raise ContactsError("Kontaktfilen skal have nøglen 'kontakter' med én post pr. id.", 1)
    for cid, entry in contacts.items():
        if not isinstance(entry, dict) or not entry.get("navn"):
            raise ContactsError(f"Kontakten '{cid}' skal have mindst feltet 'navn'.")
    return contacts, node


def load_contacts(path: Path = CONTACTS_FILE) -> dict[str, dict[str, Any]]:
    """All contacts by id. Raises ContactsError (with a line where known) on bad data."""
    return _load(path)[0]


def placeholders(path: Path = CONTACTS_FILE) -> list[Placeholder]:
    """Every field still holding PLACEHOLDER, with its line in the file (1-based)."""
    _, node = _load(path)
    found: list[Placeholder] = []
    if node is None:
        return found
    for key, value in node.value:
        if key.value != "kontakter":
            continue
        for cid, entry in value.value:
            for field, val in entry.value:
                if isinstance(val, yaml.ScalarNode) and str(val.value).strip() == PLACEHOLDER:
                    found.append(Placeholder(cid.value, field.value, val.start_mark.line + 1))
    return found
