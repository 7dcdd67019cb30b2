"""MkDocs hook: the version selector and the "older edition" banner only in a
published edition.

`make publish` (scripts/sitekit/editions.py) builds an edition with
MIKE_DOCS_VERSION set, as mike itself does. Only then does a page have
editions beside it: Material's selector (extra.version in mkdocs.yml) reads
../versions.json, which a preview, a plain build or the offline copy does
not have. Elsewhere the setting is removed, so no page asks for a missing file.
"""

from __future__ import annotations

import os


def on_config(config, **kwargs):
    version = config.extra.get("version")
    if not os.environ.get("MIKE_DOCS_VERSION"):
        config.extra.pop("version", None)
    elif version is not None:
        alias = os.environ.get("EDITIONS_ALIAS")
        if alias:
            version["default"] = alias
    return config
