"""MkDocs hook: the contact shortcodes from docs/_data/kontakter.yml (logic: sitekit/contacts.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import contacts, i18n  # noqa: E402
from sitekit.problems import Problem, report  # noqa: E402
from sitekit.shortcodes import source_line  # noqa: E402

_state: dict = {}


def on_files(files, config, **kwargs):
    path = contacts.contacts_file_for(config.docs_dir)
    for problem in contacts.validate(path):
        report(problem)
    try:
        _state["contacts"] = contacts.load_contacts(path)
    except contacts.ContactsError:
        _state["contacts"] = None  # reported above; the pages are not blamed for it
    _state["contact_page"] = contacts.CONTACT_PAGE if files.get_file_from_path(contacts.CONTACT_PAGE) else None
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    lang = i18n.page_language(src)
    known = _state.get("contacts")
    if known is None:
        return markdown
    if lang != i18n.DEFAULT:
        known = contacts.localized(known, Path(config.docs_dir) / "_data" / f"kontakter.{lang}.yml")
    rendered, errors = contacts.render_markdown(markdown, known, src, _state.get("contact_page"), lang)
    for code, message in errors:
        report(Problem.at(Path(config.docs_dir) / src, source_line(page, markdown, code.line), "kontakter",
                          f"{code.text}: {message}",
                          "Ret koden, så den passer til docs/_data/kontakter.yml (se 'Ret en side')."))
    return rendered
