"""MkDocs hook: the glossary. Renders [[ordliste]] (every term of
docs/_snippets/ordliste.md) and keeps the snippet's comments out of the HTML.

Thin adapter; the logic is in scripts/sitekit/glossary.py. A term defined twice
is logged as a warning, which fails the strict build.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import glossary, i18n  # noqa: E402
from sitekit.paths import rel  # noqa: E402

log = logging.getLogger("mkdocs.hooks.glossary")

_entries: list = []


def on_files(files, config, **kwargs):
    # The English pages get the English glossary (ordliste.en.md) as their
    # tooltips: the snippet appended to every page follows the language built.
    lang, _ = i18n.languages(config)
    path = glossary.glossary_file(lang)
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets is not None and path.is_file():
        snippets["auto_append"] = [path.name]
    _entries[:] = glossary.load(path if path.is_file() else glossary.GLOSSARY_FILE)
    for first, again in glossary.duplicates(_entries):
        log.warning("%s:%d: '%s' er forklaret to gange i ordlisten (også på linje %d). "
                    "Slet den ene forklaring.", rel(path), again.line, again.term, first.line)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    markdown, errors = glossary.render_markdown(markdown, _entries)
    for code, message in errors:
        log.warning("%s: %s %s", page.file.src_uri, code.text, message)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    return glossary.SNIPPET_COMMENTS.sub("", html)
