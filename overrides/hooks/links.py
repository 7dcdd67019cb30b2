"""MkDocs hook: check every internal link, anchor, image and asset in the built HTML.

Thin adapter; the logic is in scripts/sitekit/links.py. MkDocs' validation
sees Markdown links only; this also sees raw HTML links, images and assets.
Each problem is logged as a warning, so the strict build fails.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.links import already_reported, check_site, mkdocs_link_warnings, static_files  # noqa: E402
from sitekit.paths import DOCS  # noqa: E402

log = logging.getLogger("mkdocs.hooks.links")
_sources: dict[str, str] = {}


class _Recorder(logging.Handler):
    """Remembers MkDocs' own link warnings, so a Markdown link is reported once."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


_recorder = _Recorder()


def on_pre_build(config, **kwargs) -> None:
    _recorder.lines.clear()
    mkdocs_log = logging.getLogger("mkdocs")
    if _recorder not in mkdocs_log.handlers:
        mkdocs_log.addHandler(_recorder)


def on_files(files, config, **kwargs):
    _sources.clear()
    _sources.update({f.dest_uri: f.src_uri for f in files.documentation_pages()})
    return files


def on_post_build(config, **kwargs) -> None:
    # `make check` runs the same check itself and turns it off here (see checks/links.py).
    if os.environ.get("SITEKIT_LINKS_HOOK") == "off":
        return
    # With the English edition, the check runs once every language is built
    # (in the last language's build), so links between languages resolve.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "config", None) and i18n.config.get("languages"):
        if i18n.build_languages and i18n.current_language != i18n.build_languages[-1]:
            return
    root_path = urlsplit(config.site_url or "/").path or "/"
    also_present = None
    if Path(config.docs_dir).resolve() != DOCS.resolve():
        # A fixture site (tests) is built with the real theme settings, which
        # point at the real site's stylesheet, script and favicon.
        also_present = static_files(DOCS / "assets")
        also_present = {"assets/" + p for p in also_present}
    for problem in check_site(Path(config.site_dir), dict(_sources), root_path=root_path,
                              also_present=also_present):
        if already_reported(problem, mkdocs_link_warnings(_recorder.lines)):
            continue
        # A warning fails the strict build.
        log.warning("%s", problem.format())
