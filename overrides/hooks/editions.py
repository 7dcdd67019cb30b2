"""MkDocs hook: the version selector and the "older edition" banner only in a
published edition; "Ændret i denne udgave" on pages the changes list names.

`make publish` (scripts/sitekit/editions.py) builds an edition with
MIKE_DOCS_VERSION set, as mike itself does. Only then does a page have
editions beside it: Material's selector (extra.version in mkdocs-base.yml) reads
../versions.json, which a preview, a plain build or the offline copy does
not have. Elsewhere the setting is removed, so no page asks for a missing file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.editions import CHANGES_PAGE, pages_changed_in_this_edition, with_changed_note  # noqa: E402

_changed: set[str] = set()


def on_config(config, **kwargs):
    version = config.extra.get("version")
    if not os.environ.get("MIKE_DOCS_VERSION"):
        config.extra.pop("version", None)
    elif version is not None:
        alias = os.environ.get("EDITIONS_ALIAS")
        if alias:
            version["default"] = alias
    return config


def on_files(files, config, **kwargs):
    """Read the changes list (docs/om/aendringer.md) once per build."""
    _changed.clear()
    changes = files.get_file_from_path(CHANGES_PAGE)
    if changes is not None:
        _changed.update(pages_changed_in_this_edition(Path(changes.abs_src_path).read_text(encoding="utf-8")))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.file.src_uri in _changed:
        return with_changed_note(markdown, page.file.src_uri)
    return markdown
