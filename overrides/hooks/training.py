"""MkDocs hook for the training pages (kompetenceforløb).

Thin adapter; the logic is in scripts/sitekit/selfcheck.py, program.py and
training.py. It replaces markers, each on a line of its own:

* ``<!-- selvtjek: modul-1 -->``: a self-check from docs/_data/selvtjek.yml;
* ``<!-- selvtjek-svar -->``: the answer key of every self-check (for trainers);
* ``<!-- værktøjslinje -->``: the presentation and print buttons;
* ``<!-- drejeark: tre-timer -->``, ``<!-- drejebog: modul-1 -->`` and
  ``<!-- modulinfo: modul-1 -->``: run sheets and module plans from
  docs/_data/program.yml.

A broken data file or an unknown id fails the build with a Danish message (sitekit.problems).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import program, selfcheck, training, training_check  # noqa: E402
from sitekit.problems import report  # noqa: E402


def _data(config, name: str) -> Path:
    # The data files of the docs folder being built (fixture sites have their own).
    return Path(config["docs_dir"]) / "_data" / name


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    def link(side: str) -> str:
        target = files.get_file_from_path(side)
        if target is None:
            raise selfcheck.SelfCheckError(f"{page.file.src_uri}: siden '{side}' findes ikke.")
        return target.url_relative_to(page.file)

    markdown = training.render_toolbar(markdown, page.title or "")
    try:
        if program.MARKER.search(markdown):
            markdown = program.render_markers(markdown, program.load(_data(config, "program.yml")),
                                              page.file.src_uri, link)
        if selfcheck.MARKER.search(markdown) or selfcheck.KEY_MARKER.search(markdown):
            sets = selfcheck.load(_data(config, "selvtjek.yml"))
            markdown = selfcheck.render_markers(markdown, sets, page.file.src_uri, link)
    except (selfcheck.SelfCheckError, program.ProgramError) as exc:
        name = "selvtjek.yml" if isinstance(exc, selfcheck.SelfCheckError) else "program.yml"
        report(training_check.problem_from(_data(config, name), exc,
                                           "Ret datafilen, eller ret markøren på siden."))
    return markdown


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    # Printed training material shows the public address of links inside the site.
    if page.file.src_uri.startswith("kompetenceforloeb/"):
        return training.add_print_addresses(html, page.url, config["site_url"] or "")
    return html


def on_serve(server, config, builder, **kwargs):
    # Rebuild the preview when an editor saves the questions or the programme.
    server.watch(str(_data(config, "selvtjek.yml")))
    server.watch(str(_data(config, "program.yml")))
    return server
