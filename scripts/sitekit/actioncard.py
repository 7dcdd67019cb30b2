"""The action card (handlekort, [[handlekort]]): the first steps and every number to call on one
printable page, made from the data the rest of the site shows (docs/_data/foerste-skridt.yml and
docs/_data/kontakter.yml), so the card cannot drift from the guidance."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from .contacts import DEFAULT_GROUP, GROUPS, field_markdown, is_placeholder
from .shortcodes import ShortcodeError

TEXTS = {
    "da": {"steps": "Det gør du", "numbers": "Her ringer du", "open": "Åbent"},
    "en": {"steps": "What you do", "numbers": "Whom you call", "open": "Open"},
}


def phone_contacts(contacts: dict[str, dict[str, Any]]) -> list[str]:
    """The ids of the contacts with a known phone number, in the Kontakt page's order (acute first)."""
    return [cid for group in GROUPS for cid, entry in contacts.items()
            if entry.get("gruppe", DEFAULT_GROUP) == group and "telefon" in entry
            and not is_placeholder(entry["telefon"])]


def _hours(entry: dict[str, Any], lang: str) -> str:
    value = entry.get("aabningstider", "")
    return "" if not value or is_placeholder(value) else field_markdown(entry, "aabningstider", lang)


def render(procedure, contacts: dict[str, dict[str, Any]], lang: str = "da") -> str:
    """The card as Markdown: the steps (question in bold, then what to do) and every number, with
    opening hours said once for a run of contacts that share them (the five Borgercentre).
    Contact shortcodes in the steps are left for the contact hook."""
    texts = TEXTS.get(lang, TEXTS["da"])
    lines = ['<div class="handlekort" markdown="1">', "", f"## {texts['steps']} {{ #trin }}", ""]
    for number, step in enumerate(procedure.steps, start=1):
        lines.append(f"{number}. {step.lead}")
    lines += ["", f"## {texts['numbers']} {{ #numre }}", ""]
    for hours, run in groupby(phone_contacts(contacts), key=lambda cid: _hours(contacts[cid], lang)):
        items = [f"**{field_markdown(contacts[cid], 'navn')}:** {field_markdown(contacts[cid], 'telefon', lang)}"
                 for cid in run]
        if len(items) == 1:
            lines.append(f"- {items[0]}" + (f". {texts['open']}: {hours}." if hours else ""))
        else:
            lines += [f"- {texts['open']}: {hours}." if hours else "-"] + [f"    - {item}" for item in items]
    return "\n".join(lines + ["", "</div>"])


def shortcode(code, ctx) -> str:
    """[[handlekort]] (shortcodes.KNOWN): the card from the first steps and the contacts."""
    if not code.block or code.args:
        raise ShortcodeError("Skriv [[handlekort]] alene på sin linje.")
    if "første-skridt" not in ctx.procedures:
        raise ShortcodeError("Data til [[handlekort]] mangler: docs/_data/foerste-skridt.yml.")
    return render(ctx.procedures["første-skridt"], ctx.contacts, ctx.lang)
