"""The one contacts data file (docs/_data/kontakter.yml) and the contact shortcodes.

Every phone number, e-mail address, street address and opening hour on the site
comes from here, each contact with its source (kilde) and the date an editor
checked it (tjekket). An unknown value is the placeholder PLACEHOLDER: readers
never see it (the field is left out), and `make review` lists it until an
editor fills it in.

Shortcodes in Markdown (rendered by the sitekit plugin):

* ``[[kontakt vink]]`` alone on its line: a contact card (name, description,
  every field). Inside a sentence: the contact's name, linked to its card on
  the Kontakt page.
* ``[[kontakt vink telefon]]``: one field, e.g. in a sentence.
* ``[[kontakter]]``: every contact, grouped by when you use them (Kontakt page).

A field that is absent from a contact does not apply to it (the police have no
opening hours); a field holding PLACEHOLDER is unknown and is left out of what
readers see (a field in a sentence becomes the contact's name, linked to its card).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import render
from .pages import YamlError, read_yaml, wrong, yaml_line
from .paths import DATA, data_file
from .problems import Problem, restore_hint
from .shortcodes import Shortcode, ShortcodeError

CONTACTS_FILE = DATA / "kontakter.yml"
PLACEHOLDER = "Udfyldes af redaktøren"


class ContactsError(YamlError):
    """The contacts file cannot be read; ``line`` is 1-based where known."""


@dataclass(frozen=True)
class Placeholder:
    contact_id: str
    field: str
    line: int


def _load(path: Path) -> tuple[dict[str, dict[str, Any]], dict[tuple, int]]:
    """The contacts by id, and the file's YAML node map (sitekit.pages.read_yaml)."""
    if not Path(path).is_file():
        raise ContactsError("Kontaktfilen findes ikke. Alle kontaktoplysninger på sitet kommer fra den.", None)
    data, lines = read_yaml(Path(path).read_text(encoding="utf-8"), name="Kontaktfilen", error=ContactsError)
    contacts = data.get("kontakter") if isinstance(data, dict) else None
    if not isinstance(contacts, dict):
        raise ContactsError("Kontaktfilen skal have nøglen 'kontakter' med én post pr. id.", 1)
    for cid, entry in contacts.items():
        if not isinstance(entry, dict) or not entry.get("navn"):
            raise ContactsError(f"Kontakten '{cid}' skal have mindst feltet 'navn'.",
                                lines.get(("kontakter", str(cid))))
    return contacts, lines


def load_contacts(path: Path = CONTACTS_FILE) -> dict[str, dict[str, Any]]:
    """All contacts by id. Raises ContactsError (with a line where known) on bad data."""
    return _load(path)[0]


# A contact with one of these values must say where it is from and when it was checked.
SOURCED_FIELDS = ("telefon", "email", "adresse", "aabningstider")


def placeholders(path: Path = CONTACTS_FILE) -> list[Placeholder]:
    """Every field still holding PLACEHOLDER, with its line in the file (1-based), and the
    source or check date missing from a contact with a known number, address or opening hours."""
    contacts, lines = _load(path)
    found = []
    for cid, entry in contacts.items():
        found += [Placeholder(cid, field, lines[("kontakter", cid, field)])
                  for field, value in entry.items() if is_placeholder(value)]
        if any(f in entry and not is_placeholder(entry[f]) for f in SOURCED_FIELDS):
            found += [Placeholder(cid, field, lines[("kontakter", cid)])
                      for field in ("kilde", "tjekket") if field not in entry]
    return found


# --- fields and groups ----------------------------------------------------------

# Field id -> label shown on a card, in card order. "navn" is the card's title.
FIELDS: dict[str, str] = {
    "navn": "Navn",
    "enhed": "Enhed",
    "beskrivelse": "Hvornår",
    "telefon": "Telefon",
    "email": "E-mail",
    "adresse": "Adresse",
    "aabningstider": "Åbningstider",
    "web": "Hjemmeside",
    "kilde": "Kilde",
    "tjekket": "Tjekket",
}
CARD_FIELDS = ("enhed", "telefon", "email", "adresse", "aabningstider", "web", "kilde")

# Groups on the Kontakt page, in reading order: acute danger first.
GROUPS: dict[str, str] = {
    "akut": "Hvis nogen er i fare lige nu",
    "raad": "Når du vil have råd om en bekymring",
    "boern": "Når du er bekymret for et barn eller en ung",
    "samarbejde": "Samarbejdspartnere i København",
    "viden": "Når du vil vide mere",
    "redaktion": "Når noget på sitet er forkert",
}
DEFAULT_GROUP = "raad"
CONTACT_PAGE = "vejledning/kontakt.md"

# The English edition (pages *.en.md): the same contacts and values, English
# labels, and English names and descriptions from docs/_data/kontakter.en.yml
# (only navn, enhed, beskrivelse, skal_verificeres; numbers and addresses are
# never repeated there).
FIELDS_EN: dict[str, str] = {
    "navn": "Name", "enhed": "Unit", "beskrivelse": "When", "telefon": "Phone", "email": "Email",
    "adresse": "Address", "aabningstider": "Opening hours", "web": "Website", "kilde": "Source",
    "tjekket": "Checked",
}
GROUPS_EN: dict[str, str] = {
    "akut": "If someone is in danger right now",
    "raad": "When you want advice about a concern",
    "boern": "When you are worried about a child or young person",
    "samarbejde": "Partners in Copenhagen",
    "viden": "When you want to know more",
    "redaktion": "When something on this site is wrong",
}
TRANSLATED_FIELDS = ("navn", "enhed", "beskrivelse", "skal_verificeres")
VERIFY_LABEL = {"da": "Skal verificeres", "en": 'To be verified (<span lang="da">skal verificeres</span>)'}


@functools.lru_cache(maxsize=16)
def _translated_texts(path: str, mtime_ns: int) -> dict[str, dict[str, Any]]:
    """kontakter.en.yml's texts, read once per version of the file (every English page asks)."""
    try:
        data = read_yaml(Path(path).read_text(encoding="utf-8"))[0] or {}
    except YamlError:
        return {}  # reported by validate(); the English pages show the Danish texts meanwhile
    return data.get("kontakter") or {} if isinstance(data, dict) else {}


def localized(contacts: dict[str, dict[str, Any]], translation_file: Path) -> dict[str, dict[str, Any]]:
    """The contacts with the translated fields of ``translation_file`` (kontakter.en.yml)
    laid over them; values such as numbers always come from kontakter.yml."""
    path = Path(translation_file)
    if not path.is_file():
        return contacts
    texts = _translated_texts(str(path), path.stat().st_mtime_ns)
    return {cid: entry | {k: v for k, v in (texts.get(cid) or {}).items() if k in TRANSLATED_FIELDS}
            for cid, entry in contacts.items()}


def contacts_file_for(docs_dir: Path | str | None) -> Path:
    """The contacts file a docs folder uses: its own _data/kontakter.yml, else the project's."""
    return data_file(docs_dir, "_data/kontakter.yml")


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == PLACEHOLDER


class Contact(BaseModel):
    """En kontakt i docs/_data/kontakter.yml: navn, hvornår man kontakter den, og dens oplysninger."""

    model_config = ConfigDict(extra="forbid")
    navn: str
    enhed: str | None = None
    beskrivelse: str = Field(min_length=1)
    telefon: str | int | None = None
    email: str | None = None
    adresse: str | None = None
    aabningstider: str | None = None
    web: str | None = None
    # Where the details are published (an address), and when an editor last checked them there.
    kilde: str | None = None
    tjekket: dt.date | None = None
    # Which group it is listed under on the Kontakt page, and a note on a claim an editor still has to check.
    gruppe: Literal[tuple(GROUPS)] = DEFAULT_GROUP  # type: ignore[valid-type]
    skal_verificeres: str | None = None


def validate(path: Path = CONTACTS_FILE) -> list[Problem]:
    """Mistakes in the contacts file (the Contact model), each on its line."""
    try:
        contacts, lines = _load(path)
    except ContactsError as exc:
        hint = ("Ret filen, så hver kontakt har et id og mindst 'navn'." if Path(path).is_file() else
                restore_hint(path))
        return [Problem.at(path, exc.line, "kontakter", str(exc), hint)]
    problems = []
    for cid, entry in contacts.items():
        try:
            Contact.model_validate(entry)
        except ValidationError as exc:
            for error in exc.errors():
                key = str(error["loc"][0])
                message, hint = {
                    "extra_forbidden": (f"Kontakten '{cid}' har et ukendt felt '{key}'.",
                                        "Brug felterne " + ", ".join(Contact.model_fields) + "."),
                    "beskrivelse": (f"Kontakten '{cid}' mangler feltet 'beskrivelse'.",
                                    "Skriv i én eller to sætninger, hvornår man skal kontakte dem."),
                    "tjekket": (f"Feltet 'tjekket' i kontakten '{cid}' skal være en dato.",
                                "Skriv datoen, hvor du tjekkede oplysningerne, som ÅÅÅÅ-MM-DD, fx 2026-12-07."),
                    "gruppe": (f"Kontakten '{cid}' har den ukendte gruppe '{entry.get(key)}'.",
                               "Brug en af grupperne " + ", ".join(GROUPS) + "."),
                }.get("extra_forbidden" if error["type"] == "extra_forbidden" else key,
                      (f"Kontakten '{cid}': " + wrong(key, error["type"], error.get("input")),
                       "Skriv værdien som tekst, gerne i anførselstegn."))
                problems.append(Problem.at(path, yaml_line(lines, ("kontakter", cid, key)), "kontakter", message, hint))
    # The translations beside it (kontakter.en.yml): readable, or the English pages lose their texts.
    for translation in sorted(Path(path).parent.glob(f"{Path(path).stem}.*{Path(path).suffix}")):
        try:
            read_yaml(translation.read_text(encoding="utf-8"), name="Oversættelsen af kontaktfilen")
        except YamlError as exc:
            problems.append(Problem.at(translation, exc.line, "kontakter", str(exc),
                                       "Ret linjen. Brug formen 'nøgle: værdi', og sæt anførselstegn om tekst "
                                       "med kolon."))
    return problems


# --- rendering --------------------------------------------------------------------

def _text(value: Any) -> str:
    return " ".join(str(value).split())


def shown_fields(entry: dict[str, Any]) -> list[str]:
    """The card fields a reader sees: those the contact has, without the unknown ones."""
    return [f for f in CARD_FIELDS if f in entry and not is_placeholder(entry[f])]


def field_markdown(entry: dict[str, Any], field: str, lang: str = "da") -> str:
    """One known field's value as inline Markdown (with inline HTML for links)."""
    value = entry.get(field)
    if field == "kilde":
        from .reviews import danish_date, english_date

        link = _link(_text(value))
        checked = entry.get("tjekket")
        if isinstance(checked, dt.date):
            link += (f", checked {english_date(checked)}" if lang == "en" else f", tjekket {danish_date(checked)}")
        return link
    text = _text(value)
    if field == "telefon":
        digits = re.sub(r"[^\d+]", "", text)
        return f'<a href="tel:{html.escape(digits)}">{html.escape(text)}</a>'
    if field == "email":
        return f'<a href="mailto:{html.escape(text)}">{html.escape(text)}</a>'
    if field == "web":
        return _link(text)
    if field == "aabningstider" and lang != "da":
        return f'<span lang="da">{html.escape(text)}</span>'  # kept in Danish, from kontakter.yml only
    return text


def _link(url: str) -> str:
    shown = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return f'<a href="{html.escape(url)}">{html.escape(shown)}</a>' if url.startswith("http") else html.escape(url)


def _render(contacts: dict[str, dict[str, Any]], cid: str = "", level: int = 2, lang: str = "da") -> str:
    """A contact's card (an admonition of type "kontakt"), or without ``cid`` every contact, grouped (acute danger first)."""
    labels, groups = (FIELDS_EN, GROUPS_EN) if lang == "en" else (FIELDS, GROUPS)
    grouped = [(title, [c for c, e in contacts.items() if e.get("gruppe", DEFAULT_GROUP) == group])
               for group, title in groups.items()]
    return render("kontakter.md", contacts=contacts, cid=cid, level=level, labels=labels, groups=grouped,
                  shown_fields=shown_fields, text=_text,
                  field=lambda entry, f: field_markdown(entry, f, lang),
                  verify_label=VERIFY_LABEL.get(lang, VERIFY_LABEL["da"])).rstrip()


def _close(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" Mente du '{close[0]}'?" if close else ""


def _entry(contacts: dict[str, dict[str, Any]], cid: str) -> dict[str, Any]:
    if cid in contacts:
        return contacts[cid]
    raise ShortcodeError(
        f"Kontakten '{cid}' findes ikke i docs/_data/kontakter.yml.{_close(cid, contacts)} Brug et af id'erne "
        f"{', '.join(contacts)}, eller tilføj kontakten i filen.")


def shortcode(code: Shortcode, ctx) -> str:
    """[[kontakt …]] and [[kontakter]] (shortcodes.KNOWN) with the contacts of the page's language.
    The link to a card goes to the Kontakt page (``ctx.contact_page``, None when the site has none)."""
    contacts, lang = ctx.contacts, ctx.lang
    if code.name == "kontakter":
        if code.args:
            raise ShortcodeError("[[kontakter]] viser alle kontakter og tager ingen ord efter sig. "
                                 "Brug [[kontakt ID]] for én kontakt.")
        if not code.block:
            raise ShortcodeError("Skriv [[kontakter]] på sin egen linje.")
        return _render(contacts, lang=lang)
    if not 1 <= len(code.args) <= 2:
        raise ShortcodeError("Skriv [[kontakt ID]] for et kontaktkort eller [[kontakt ID FELT]] for ét "
                             "felt, fx [[kontakt vink telefon]].")
    entry = _entry(contacts, code.args[0])
    if len(code.args) == 2:
        field = code.args[1]
        if field not in FIELDS:
            raise ShortcodeError(f"Feltet '{field}' i {code.text} findes ikke.{_close(field, FIELDS)} "
                                 f"Brug et af felterne {', '.join(FIELDS)}.")
        if field not in entry:
            raise ShortcodeError(
                f"Kontakten '{code.args[0]}' har ikke feltet '{field}' ({code.text}). Tilføj feltet i "
                "docs/_data/kontakter.yml (skriv 'Udfyldes af redaktøren', hvis du ikke kender "
                "værdien), eller brug et andet felt.")
        if not is_placeholder(entry[field]):
            return field_markdown(entry, field, lang)
        # Unknown: readers never see the placeholder; in a sentence the contact's linked name stands in.
    elif code.block:
        return _render(contacts, code.args[0], lang=lang)
    # Inside a sentence a card does not fit: name the contact and link to its card.
    name = _text(entry["navn"])
    if ctx.contact_page is None:
        return f"**{name}**"
    if ctx.src == ctx.contact_page:
        return f"[{name}](#{code.args[0]})"
    target = posixpath.relpath(ctx.contact_page, posixpath.dirname(ctx.src) or ".")
    return f"[{name}]({target}#{code.args[0]})"


# --- contact details written outside the data file -----------------------------------

# Danish phone numbers: 8 digits, alone or in groups of 2 or 4, optionally +45.
# Dates (2015-01-15), case numbers (2015-0014696) and paragraphs (§ 114) do not match.
PHONE = re.compile(r"(?<![\w§./-])(?:\+45\s?|0045\s?)?(\d{2} \d{2} \d{2} \d{2}|\d{4} \d{4}|\d{8})(?![\w/-]|[.,]\d| \d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[2:] if len(digits) == 10 and digits.startswith("45") else digits


def unknown_contact_values(docs_dir: Path, contacts_path: Path | None = None) -> list[Problem]:
    """Phone numbers and e-mail addresses written in pages (or other data files)
    that are not in the contacts file. Contact details belong in the data file only.

    Scans every .md and .yml file under ``docs_dir`` except the contacts file itself.
    """
    contacts_path = contacts_path or contacts_file_for(docs_dir)
    try:
        contacts = load_contacts(contacts_path)
    except ContactsError:
        contacts = {}
    known_phones = {_digits(str(e.get("telefon", ""))) for e in contacts.values()
                    if not is_placeholder(e.get("telefon"))}
    known_emails = {str(e.get("email", "")).strip().lower() for e in contacts.values()}
    problems: list[Problem] = []
    files = sorted(p for p in Path(docs_dir).rglob("*") if p.suffix in (".md", ".yml", ".yaml"))
    for path in files:
        if path.resolve() == Path(contacts_path).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found = [(m.group(0).strip(), "Telefonnummeret", "Telefonnumre", "nummeret", "telefon", "et personligt nummer",
                      "det") for m in PHONE.finditer(line) if _digits(m.group(0)) not in known_phones]
            found += [(m.group(0), "E-mailadressen", "E-mailadresser", "adressen", "email", "en persons adresse", "den")
                      for m in EMAIL.finditer(line) if m.group(0).lower() not in known_emails]
            problems += [Problem.at(path, number, "kontaktoplysninger", f"{what} '{value}' står direkte i teksten.",
                                    f"{kinds} må kun stå i docs/_data/kontakter.yml. Tilføj {it} der, og skriv "
                                    f"[[kontakt ID {field}]] i teksten. Er det {whose}, så slet {pronoun}.")
                         for value, what, kinds, it, field, whose, pronoun in found]
    return problems
