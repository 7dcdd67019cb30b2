"""MkDocs hook: let templates link to a page by its source file.

``config.extra.page_urls['om/tilgaengelighed.md']`` gives the page's URL, so a
template link stays right with or without directory URLs (the offline copy)
and under a version prefix.
"""

from __future__ import annotations


def on_files(files, config, **kwargs):
    config.extra["page_urls"] = {f.src_uri: f.url for f in files.documentation_pages()}
    return files
