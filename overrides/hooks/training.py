"""MkDocs hook for the training pages (kompetenceforløb).

Thin adapter; the logic is in scripts/sitekit/selfcheck.py and
scripts/sitekit/training.py. It replaces two markers, each on a line of its own:

* ``<!-- selvtjek: modul-1 -->``: a self-check from docs/_data/selvtjek.yml;
* ``<!-- værktøjslinje -->``: the presentation and print buttons.

An unknown self-check or a broken data file fails the build with a Danish message.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import selfcheck, training  # noqa: E402
from sitekit.paths import data_file  # noqa: E402
from sitekit.problems import Problem, report  # noqa: E402


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    markdown = training.render_toolbar(markdown)
    if "selvtjek:" not in markdown:
        return markdown
    def link(side: str) -> str:
        target = files.get_file_from_path(side)
        if target is None:
            raise selfcheck.SelfCheckError(f"{selfcheck.DATA_FILE.name}: siden '{side}' i læs_mere findes ikke.")
        return target.url_relative_to(page.file)

    path = data_file(config.docs_dir, "_data/" + selfcheck.DATA_FILE.name)
    try:
        return selfcheck.render_markers(markdown, selfcheck.load(path), page.file.src_uri, link)
    except selfcheck.SelfCheckError as exc:
        report(Problem.at(path, None, "selvtjek", str(exc),
                          "Ret selvtjekket i datafilen, eller ret markøren på siden."))
        return markdown


def on_serve(server, config, builder, **kwargs):
    # Rebuild the preview when an editor saves the questions.
    server.watch(str(selfcheck.DATA_FILE))
    return server
