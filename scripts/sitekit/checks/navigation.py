"""Every page is in the navigation (mkdocs.yml `nav`), unless `not_in_nav`
says it is reached from other pages; and every nav entry names a real file.

mkdocs.yml is read from the folder above the docs folder. It uses !ENV and
!!python/name tags, so it is read with a loader that ignores unknown tags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pathspec
import yaml

from ..pages import is_translation, iter_page_paths
from ..problems import Problem


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag (!ENV, !!python/name:…) as None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> dict[str, Any]:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - safe subclass
    return data if isinstance(data, dict) else {}


def nav_files(nav: Any) -> Iterator[str]:
    """Every local Markdown file named in a nav tree."""
    if isinstance(nav, str):
        if nav.endswith(".md") and "://" not in nav:
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_files(value)


def _line_of(config_text: str, needle: str) -> int | None:
    for i, line in enumerate(config_text.splitlines(), start=1):
        if needle in line:
            return i
    return None


def check(docs_dir: Path) -> list[Problem]:
    config_path = Path(docs_dir).resolve().parent / "mkdocs.yml"
    if not config_path.is_file():
        return []
    config = load_config(config_path)
    if not config.get("nav"):
        return []  # no nav: MkDocs builds it from the file tree
    text = config_path.read_text(encoding="utf-8")
    listed = set(nav_files(config["nav"]))
    skip = pathspec.GitIgnoreSpec.from_lines(str(config.get("not_in_nav") or "").splitlines()
                                             + str(config.get("exclude_docs") or "").splitlines())
    problems = []
    for path in iter_page_paths(docs_dir):
        uri = path.relative_to(docs_dir).as_posix()
        # A translation (page.en.md) is in its language's menu (plugins: i18n in mkdocs.yml).
        if uri not in listed and not skip.match_file(uri) and not is_translation(path):
            problems.append(Problem.at(
                path, 1, "navigation", "Siden er ikke med i menuen (nav i mkdocs.yml).",
                f"Tilføj linjen '      - {uri}' under det rigtige afsnit i nav i mkdocs.yml. "
                "Skal siden kun nås fra andre sider, så tilføj den under not_in_nav."))
    for uri in sorted(listed):
        if not (Path(docs_dir) / uri).is_file():
            problems.append(Problem.at(
                config_path, _line_of(text, uri), "navigation",
                f"Menuen (nav) nævner '{uri}', men filen findes ikke i docs/.",
                "Ret stavningen af filnavnet i mkdocs.yml, eller fjern linjen."))
    return problems
