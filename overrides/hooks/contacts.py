"""MkDocs hook: render the contact shortcodes ([[kontakt vink]], [[kontakt vink telefon]],
[[kontakter]]) from docs/_data/kontakter.yml.

Thin adapter; the logic is in scripts/sitekit/contacts.py. An unknown contact,
field or shortcode is logged as a warning, which fails the strict build.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import contacts, i18n  # noqa: E402
from sitekit.shortcodes import find  # noqa: E402

log = logging.getLogger("mkdocs.hooks.contacts")

# Every shortcode the site's hooks understand; anything else is a typo.
KNOWN_SHORTCODES = {"kontakt", "kontakter", "ordliste", "første-skridt", "efter-vink"}

_state: dict = {}


def on_files(files, config, **kwargs):
    path = contacts.contacts_file_for(config.docs_dir)
    for problem in contacts.validate(path):
        log.warning("%s", problem.format())
    try:
        _state["contacts"] = contacts.load_contacts(path)
    except contacts.ContactsError:
        _state["contacts"] = {}
    _state["contact_page"] = contacts.CONTACT_PAGE if files.get_file_from_path(contacts.CONTACT_PAGE) else None
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    # Line numbers as the editor sees them in the file (MkDocs removed the front matter).
    source = page.file.content_string
    start = source.find(markdown[:200]) if markdown.strip() else -1
    offset = source.count("\n", 0, start) if start > 0 else 0
    lang = i18n.page_language(src)
    known = _state.get("contacts", {})
    if lang != i18n.DEFAULT:
        known = contacts.localized(known, Path(config.docs_dir) / "_data" / f"kontakter.{lang}.yml")
    markdown, errors = contacts.render_markdown(markdown, known, src, _state.get("contact_page"), lang)
    for code, message in errors:
        log.warning("%s, linje %d: %s %s", src, code.line + offset, code.text, message)
    for code in find(markdown):
        if code.name not in KNOWN_SHORTCODES:
            log.warning("%s, linje %d: Koden %s findes ikke. Brug [[kontakt ID]], [[kontakt ID FELT]], "
                        "[[kontakter]] eller [[ordliste]] – se vejledningen for redaktører.",
                        src, code.line + offset, code.text)
    return markdown
