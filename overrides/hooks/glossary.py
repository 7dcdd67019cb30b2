"""MkDocs hook: [[ordliste]] and the glossary snippet's tooltips (logic: sitekit/glossary.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import glossary, i18n  # noqa: E402
from sitekit.paths import data_file  # noqa: E402
from sitekit.problems import Problem, report, restore_hint  # noqa: E402
from sitekit.shortcodes import source_line  # noqa: E402

_entries: list = []


def on_files(files, config, **kwargs):
    # The English pages get the English glossary (ordliste.en.md) as their
    # tooltips: the snippet appended to every page follows the language built.
    lang, _ = i18n.languages(config)
    path = data_file(config.docs_dir, "_snippets/ordliste.md")
    translated = path.with_name(f"ordliste.{lang}.md")
    if lang != i18n.DEFAULT and translated.is_file():
        path = translated
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets is not None:
        snippets["auto_append"] = [path.name] if path.is_file() else []
    if not path.is_file():
        report(Problem.at(path, None, "ordliste", "Ordlisten findes ikke. Forklaringerne af ord og forkortelser "
                          "på sitet kommer fra den.", restore_hint(path)))
    _entries[:] = glossary.load(path)
    for first, again in glossary.duplicates(_entries):
        report(Problem.at(path, again.line, "ordliste",
                          f"'{again.term}' er forklaret to gange i ordlisten (også på linje {first.line}).",
                          "Slet den ene forklaring."))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    markdown, errors = glossary.render_markdown(markdown, _entries)
    for code, message in errors:
        report(Problem.at(Path(config.docs_dir) / page.file.src_uri, source_line(page, markdown, code.line),
                          "ordliste", f"{code.text}: {message}", "Ret koden som beskrevet."))
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    return glossary.SNIPPET_COMMENTS.sub("", html)
