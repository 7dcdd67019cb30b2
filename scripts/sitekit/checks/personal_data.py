"""No personal data in pages: no CPR numbers, and no e-mail addresses or phone
numbers other than those in the contacts data (docs/_data/kontakter.yml).

sitekit.contacts may later offer ``unknown_contact_values``; until then the
detection lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..contacts import ContactsError
from ..pages import iter_page_paths
from ..mdtext import line_at
from ..metadata import contacts_for
from ..problems import Problem

# DDMMYY-XXXX or DDMMYYXXXX, not part of a longer number.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Eight digits, optionally after +45, written solid or in groups of two or four.
# A full stop or comma after it is punctuation, unless a digit follows (1.234).
_PHONE = re.compile(r"(?<![\w/+-])(?<!\d[.,])(?:\+45[ ]?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{4} \d{4})"
                    r"(?![\w/-])(?![.,]\d)")
_YEAR = re.compile(r"^(19|20)\d\d$")


def plausible_cpr(day: str, month: str, year: str) -> bool:
    d, m, y = int(day), int(month), int(year)
    for century in (1900, 2000):
        try:
            dt.date(century + y, m, d)
            return True
        except ValueError:
            continue
    return False


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[2:] if digits.startswith("45") and len(digits) == 10 else digits


def known_values(contacts: dict[str, dict[str, Any]]) -> tuple[set[str], set[str]]:
    """(e-mail addresses, phone numbers as digits) written in the contacts data."""
    emails, phones = set(), set()
    for entry in contacts.values():
        for value in entry.values():
            for e in _EMAIL.findall(str(value)):
                emails.add(e.lower())
            for p in _PHONE.findall(str(value)):
                phones.add(_digits(p))
    return emails, phones


def problems_in(path: Path, text: str, emails: set[str], phones: set[str]) -> list[Problem]:
    """Scan the whole file (front matter too: it is published in the page source)."""
    out = []
    for m in _CPR.finditer(text):
        if plausible_cpr(m.group(1), m.group(2), m.group(3)):
            out.append(Problem.at(
                path, line_at(text, m.start()), "persondata",
                "Her står noget, der ligner et CPR-nummer. CPR-numre må aldrig stå på sitet.",
                "Slet nummeret. Er det ikke et CPR-nummer, så skriv det på en anden måde, fx med punktummer."))
    for m in _EMAIL.finditer(text):
        if m.group(0).lower() not in emails:
            out.append(Problem.at(
                path, line_at(text, m.start()), "persondata",
                f"E-mailadressen '{m.group(0)}' står direkte på siden.",
                "E-mailadresser må kun stå i kontaktfilen docs/_data/kontakter.yml. Skriv aldrig en persons "
                "e-mail: brug enhedens fælles postkasse i kontaktfilen, og henvis til kontaktsiden."))
    for m in _PHONE.finditer(text):
        value = m.group(0)
        parts = value.split(" ")
        if len(parts) == 2 and all(_YEAR.match(p) for p in parts):
            continue  # two years, e.g. "2015 2016"
        if _digits(value) not in phones:
            out.append(Problem.at(
                path, line_at(text, m.start()), "persondata",
                f"Telefonnummeret '{value}' står direkte på siden.",
                "Telefonnumre må kun stå i kontaktfilen docs/_data/kontakter.yml. Skriv nummeret dér, "
                "og henvis til kontaktsiden. Skriv aldrig en persons private nummer."))
    return out


def check(docs_dir: Path) -> list[Problem]:
    try:
        emails, phones = known_values(contacts_for(docs_dir))
    except ContactsError:
        emails, phones = set(), set()  # reported by the front matter check
    problems = []
    for path in iter_page_paths(docs_dir):
        problems += problems_in(path, path.read_text(encoding="utf-8"), emails, phones)
    return problems
