"""MkDocs hook: the procedures written once as data (logic: sitekit/procedure.py). Runs before
the contact hook, so contact shortcodes inside the data are rendered too."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import contacts, i18n, procedure  # noqa: E402
from sitekit.problems import Problem, loaded, report  # noqa: E402
from sitekit.shortcodes import source_line  # noqa: E402

CHECK = "første skridt"
_state: dict = {}


def on_files(files, config, **kwargs):
    lang, _ = i18n.languages(config)
    _state["lang"] = lang
    _state["procedures"] = loaded(procedure.load_all, config.docs_dir, lang, default={})
    try:
        _state["contacts"] = contacts.load_contacts(contacts.contacts_file_for(config.docs_dir))
    except contacts.ContactsError:
        _state["contacts"] = {}  # the contact hook reports it
    if lang != i18n.DEFAULT:
        _state["contacts"] = contacts.localized(_state["contacts"],
                                                Path(config.docs_dir) / "_data" / f"kontakter.{lang}.yml")
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    path = Path(config.docs_dir) / src
    lang = i18n.page_language(src)
    # The drift check knows the Danish wording; English pages render the data.
    if procedure.in_drift_scope(src) and lang == i18n.DEFAULT:
        for proc in _state.get("procedures", {}).values():
            for line, message in procedure.contradictions(markdown, proc):
                report(Problem.at(path, source_line(page, markdown, line), CHECK, message,
                                  f"Slet listen, og skriv [[{proc.name}]] på sin egen linje."))
    rendered, errors = procedure.render_markdown(markdown, _state.get("procedures", {}),
                                                 _state.get("contacts", {}), src, lang)
    for code, message in errors:
        report(Problem.at(path, source_line(page, markdown, code.line), "koder", f"{code.text}: {message}",
                          "Ret koden, så den passer til datafilen i docs/_data/."))
    return rendered
