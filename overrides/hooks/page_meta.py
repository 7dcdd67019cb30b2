"""MkDocs hook: page metadata on every page.

Thin adapter; the logic is in scripts/sitekit/pagemeta.py. It validates the
front matter of every page (MkDocs accepts invalid YAML silently; a warning
here fails the strict build), adds the "Kilder" section, fills the generated
lists (sources overview, review report) and hands the metadata box its data.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from mkdocs.plugins import event_priority  # noqa: E402

from sitekit.pagemeta import SiteMeta  # noqa: E402
from sitekit.problems import report  # noqa: E402

log = logging.getLogger("mkdocs.hooks.page_meta")
_site: SiteMeta | None = None


# After the i18n plugin and the decision guide (which runs after the plugin):
# the pages of the language being built, generated ones included.
@event_priority(-100)
def on_files(files, config, **kwargs):
    global _site
    pages = files.documentation_pages()
    # Pages another hook generated exist only in the build, not on disk.
    generated = {f.src_uri: f.content_string for f in pages if f.generated_by}
    _site = SiteMeta.load(Path(config.docs_dir), [f.src_uri for f in pages], generated=generated)
    for problem in sorted(_site.problems):
        report(problem)
    if _site.git.shallow:
        log.info("Git-historikken er hentet uden ældre versioner (shallow clone), så 'Senest ændret' "
                 "vises ikke på siderne. Hent hele historikken (fetch-depth: 0) for at vise datoerne.")
    elif not _site.git.available:
        log.info("Git er ikke tilgængeligt, så 'Senest ændret' vises ikke på siderne.")
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    return _site.page_markdown(page.file.src_uri, markdown) if _site else markdown


def on_page_context(context, page, config, nav, **kwargs):
    if _site:
        page.meta["page_meta_box"] = _site.box(page.file.src_uri)
    return context
