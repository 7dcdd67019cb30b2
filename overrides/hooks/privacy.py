"""MkDocs hook: refuse pages that would load anything from another host.

Thin adapter; the logic is in scripts/sitekit/privacy.py.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.privacy import foreign_resources  # noqa: E402

log = logging.getLogger("mkdocs.hooks.privacy")


def on_post_page(output: str, page, config, **kwargs) -> str:
    for line, tag, url in foreign_resources(output):
        # A warning fails the strict build.
        log.warning(
            "%s: <%s> på linje %d i den færdige side henter '%s' fra en anden vært. "
            "Sitet må kun hente filer fra sig selv: læg filen i docs/assets/, eller fjern den.",
            page.file.src_uri, tag, line, url,
        )
    return output
