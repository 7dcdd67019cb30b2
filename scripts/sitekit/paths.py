"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA = DOCS / "_data"
SNIPPETS = DOCS / "_snippets"
CONFIG = ROOT / "mkdocs.yml"
# Everything but the menu: mkdocs.yml INHERITs it (developers own it, editors the menu).
BASE_CONFIG = ROOT / "mkdocs-base.yml"
SITE = ROOT / "site"

# The page scopes, by path under docs/ (a folder ends in "/"). One definition of each:
GUIDANCE = ("index.md", "vejledning/")  # what staff read: held to LIX 40, changes told to readers
TRAINING = ("kompetenceforloeb/",)      # the training: printed with link addresses


def in_scope(src_uri: str, *scopes: tuple[str, ...]) -> bool:
    """Whether a page (its path under docs/, e.g. 'vejledning/vink.md') is in one of ``scopes``."""
    return any(src_uri == s or (s.endswith("/") and src_uri.startswith(s)) for scope in scopes for s in scope)


def rel(path: Path, start: Path = ROOT) -> str:
    """A path as editors see it: relative to the repository, with forward slashes."""
    try:
        return Path(path).resolve().relative_to(start.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def data_file(docs_dir: Path | str | None, name: str) -> Path:
    """A docs folder's own data file (name like "_data/kontakter.yml"), else the project's."""
    own = Path(docs_dir) / name if docs_dir is not None else DOCS / name
    return own if own.is_file() else DOCS / name
