"""MkDocs hook: refuse pages that would load anything from another host.

Thin adapter; the logic is in scripts/sitekit/privacy.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit.privacy import foreign_resources  # noqa: E402
from sitekit.problems import Problem, report  # noqa: E402


# After every other hook changed the page (priority 0): the page is checked as it
# is written, and after bundle.py collapsed its indentation (less to read).
@event_priority(-90)
def on_post_page(output: str, page, config, **kwargs) -> str:
    source = page.file.content_string.splitlines()
    for _line, tag, url in foreign_resources(output):
        # The line in the page's own file; none when a template loads it.
        line = next((n for n, text in enumerate(source, start=1) if url in text), None)
        report(Problem.at(
            Path(config.docs_dir) / page.file.src_uri, line, "privatliv",
            f"<{tag}> henter '{url}' fra et andet site." + ("" if line else " (fra sidens skabelon)"),
            "Sitet må kun hente filer fra sig selv: læg filen i docs/assets/, og henvis til den derfra, "
            "eller fjern den."))
    return output
