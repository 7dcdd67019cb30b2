"""MkDocs hook: check raw HTML links, images, assets and their anchors in the built site.

Thin adapter; the logic is in scripts/sitekit/links.py (lychee --offline).
MkDocs' own validation checks the Markdown links; each problem goes to the
collector, and an error fails the strict build.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.links import check_offline  # noqa: E402
from sitekit.problems import report  # noqa: E402

_sources: dict[str, str] = {}


def on_files(files, config, **kwargs):
    _sources.clear()
    _sources.update({f.dest_uri: f.src_uri for f in files.documentation_pages() if not f.generated_by})
    return files


def on_post_build(config, **kwargs) -> None:
    root_path = urlsplit(config.site_url or "/").path or "/"
    for problem in check_offline(Path(config.site_dir), dict(_sources), Path(config.docs_dir), root_path):
        report(problem)
