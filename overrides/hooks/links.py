"""MkDocs hook: raw HTML links, images, assets and their anchors in the built site, which
MkDocs' own validation does not see (logic: sitekit/links.py, lychee --offline)."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.links import check_offline  # noqa: E402
from sitekit.problems import report  # noqa: E402

_sources: dict[str, str] = {}


def on_files(files, config, **kwargs):
    # Every language's pages (the English build runs inside the Danish one).
    if not _building_other_language(config):
        _sources.clear()
    _sources.update({f.dest_uri: f.src_uri for f in files.documentation_pages() if not f.generated_by})
    return files


def _building_other_language(config) -> bool:
    """True inside mkdocs-static-i18n's build of a language other than the default."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


# After mkdocs-static-i18n built the other languages (its on_post_build: priority -100).
@event_priority(-110)
def on_post_build(config, **kwargs) -> None:
    # With the English edition, the check runs once every language is built
    # (after the i18n plugin's own builds), so links between languages resolve.
    if _building_other_language(config):
        return
    root_path = urlsplit(config.site_url or "/").path or "/"
    for problem in check_offline(Path(config.site_dir), dict(_sources), Path(config.docs_dir), root_path):
        report(problem)
