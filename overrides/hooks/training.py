"""MkDocs hook for the training pages: self-checks, run sheets, module plans and the toolbar
(logic: sitekit/selfcheck.py, program.py and training.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import i18n, program, selfcheck, training  # noqa: E402
from sitekit.problems import DataError, Problem, loaded, report  # noqa: E402
from sitekit.shortcodes import source_line  # noqa: E402

_state: dict = {}


def _data(config, name: str) -> Path:
    # The data files of the docs folder being built (fixture sites have their own).
    return Path(config["docs_dir"]) / "_data" / name


def on_files(files, config, **kwargs):
    # Each data file is read and checked once per build; the English edition (built inside the
    # Danish build) uses the same data.
    if i18n.languages(config)[0] == i18n.DEFAULT:
        # A data file that is missing (a fixture site) or broken (its mistakes reported) is None.
        _state["program"] = loaded(program.load, path) if (path := _data(config, "program.yml")).is_file() else None
        _state["sets"] = loaded(selfcheck.load, path) if (path := _data(config, "selvtjek.yml")).is_file() else None
        for problem in program.missing_cases(_state["program"], Path(config["docs_dir"])) if _state["program"] else ():
            report(problem)
    return files


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    def link(side: str) -> str:
        target = files.get_file_from_path(side)
        if target is None:
            raise selfcheck.SelfCheckError(f"Siden '{side}' findes ikke.")
        return target.url_relative_to(page.file)

    for line, message, hint in training.markers_without_data(markdown, _data(config, "program.yml").parent):
        report(Problem.at(Path(config["docs_dir"]) / page.file.src_uri, source_line(page, markdown, line),
                          program.CHECK, message, hint))
    markdown = training.render_toolbar(markdown, page.title or "")
    prog, sets = _state.get("program"), _state.get("sets")
    try:
        if prog and program.MARKER.search(markdown):
            markdown = program.render_markers(markdown, prog, page.file.src_uri, link)
        if sets and (selfcheck.MARKER.search(markdown) or selfcheck.KEY_MARKER.search(markdown)):
            markdown = selfcheck.render_markers(markdown, sets, page.file.src_uri, link)
    except DataError as exc:
        report(Problem.at(Path(config["docs_dir"]) / page.file.src_uri, None, program.CHECK, str(exc),
                          "Ret markøren på siden, eller ret datafilen (docs/_data/program.yml eller selvtjek.yml)."))
    return markdown


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    # Printed training material shows the public address of links inside the site.
    if page.file.src_uri.startswith("kompetenceforloeb/"):
        return training.add_print_addresses(html, page.url, config["site_url"] or "")
    return html


def on_serve(server, config, builder, **kwargs):
    # Rebuild the preview when an editor saves the questions or the programme (a docs folder
    # without them, given with `sitekit serve --docs-dir`, has nothing to watch: watchdog would fail).
    for name in ("selvtjek.yml", "program.yml"):
        if _data(config, name).is_file():
            server.watch(str(_data(config, name)))
    return server
