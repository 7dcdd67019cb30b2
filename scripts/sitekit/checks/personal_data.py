"""No personal data in pages: no CPR numbers, and no e-mail addresses or phone
numbers other than those in the contacts data (docs/_data/kontakter.yml).

Phone numbers and e-mail addresses are found by
sitekit.contacts.unknown_contact_values, which the contacts tests cover too.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..contacts import unknown_contact_values
from ..mdtext import line_at
from ..pages import iter_page_paths, real_date
from ..problems import Problem

# DDMMYY-XXXX or DDMMYYXXXX, not part of a longer number.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")


def plausible_cpr(day: str, month: str, year: str) -> bool:
    return any(real_date(f"{century}{year}-{month}-{day}") for century in ("19", "20"))


def cpr_problems(path: Path, text: str) -> list[Problem]:
    """Scan the whole file (front matter too: it is published in the page source)."""
    return [
        Problem.at(path, line_at(text, m.start()), "persondata",
                   "Her står noget, der ligner et CPR-nummer. CPR-numre må aldrig stå på sitet.",
                   "Slet nummeret. Er det ikke et CPR-nummer, så skriv det på en anden måde, fx med punktummer.")
        for m in _CPR.finditer(text)
        if plausible_cpr(m.group(1), m.group(2), m.group(3))
    ]


def check(docs_dir: Path) -> list[Problem]:
    pages = [p for path in iter_page_paths(docs_dir) for p in cpr_problems(path, path.read_text(encoding="utf-8"))]
    return pages + unknown_contact_values(docs_dir)
