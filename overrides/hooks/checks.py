"""MkDocs hook, the last one: the checks that need no build (spelling, personal data, LIX …)
run in the same pass as the build (logic: sitekit/checks/, the collector: sitekit/problems.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import checks, contacts, placeholders, problems, shortcodes, translations  # noqa: E402
from sitekit.checks import content, readability  # noqa: E402


def on_config(config, **kwargs):
    # Not again for the English build inside the Danish one: keep the Danish anchors.
    if not getattr(config.plugins.get("i18n"), "building", False):
        problems.CONTEXT.update(docs_dir=Path(config.docs_dir), anchors={})
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    # Runs after every other hook rendered its shortcodes: what is left is unknown.
    for code, message in shortcodes.unknown(markdown):
        problems.report(problems.Problem.at(
            Path(config.docs_dir) / page.file.src_uri, shortcodes.source_line(page, markdown, code.line),
            "koder", message, "Ret stavningen af koden, eller fjern den."))
    path = Path(config.docs_dir) / page.file.src_uri
    if problem := readability.page_problem(path, page.file.src_uri, markdown, bool(page.file.generated_by)):
        problems.report(problem)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    # The sections a link may point to, listed when an anchor is wrong.
    problems.CONTEXT["anchors"][page.file.src_uri] = page.present_anchor_ids or set()
    for problem in content.page_problems(Path(config.docs_dir) / page.file.src_uri, page.file.content_string, html):
        problems.report(problem)
    return html


# After mkdocs-static-i18n built the other languages (its on_post_build: priority -100).
@event_priority(-110)
def on_post_build(config, **kwargs):
    # The English edition is built inside the Danish build (mkdocs-static-i18n):
    # the whole-site checks run once, after every language.
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    docs = Path(config.docs_dir)
    for problem in checks.run_all(docs):
        problems.report(problem)
    # English pages behind their Danish original, core pages without one: warnings.
    for problem in translations.problems(translations.status(docs), docs):
        problems.report(problem)
    try:
        holes = len(contacts.placeholders(contacts.contacts_file_for(docs))) + len(placeholders.find(docs))
    except contacts.ContactsError:
        holes = 0
    if holes:
        problems.CONTEXT["notes"] = (f"Bemærk: {holes} oplysninger mangler stadig at blive udfyldt "
                                     "(pladsholdere). Kør make review for at se dem.")
