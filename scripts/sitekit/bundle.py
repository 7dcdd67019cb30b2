"""One stylesheet and one script of the site's own, with a content hash in the
file name, built from the files that mkdocs-base.yml lists in ``extra_css`` and
``extra_javascript``.

Editors and other helpers keep editing the source files; the build joins them
in the listed order at every build (the sitekit plugin). The hash in
the name changes whenever the content does, so browsers may cache the files
for a long time and still never see a stale copy.

Nothing is minified: the files are small and compressed on the wire, and a
reader who opens the bundle sees which source file each part came from.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

# A stylesheet's relative url(...) is rewritten when the bundle lives in
# another folder than the source file.
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)
_IMPORT = re.compile(r"^\s*@(?:import|charset)\b", re.M)


class BundleError(ValueError):
    """A source file cannot be bundled (missing, or not safe to join)."""


@dataclass(frozen=True)
class Bundle:
    """A joined file: where it goes in the site, and its bytes."""

    path: str
    content: bytes
    sources: tuple[str, ...]


def hashed_name(folder: str, stem: str, suffix: str, content: bytes) -> str:
    """``folder/stem.<8 hex digits of sha256>.suffix``."""
    digest = hashlib.sha256(content).hexdigest()[:8]
    return posixpath.join(folder, f"{stem}.{digest}.{suffix}")


def _read(path: str, roots: list[Path]) -> str:
    for root in roots:
        file = Path(root) / path
        if file.is_file():
            return file.read_text(encoding="utf-8")
    where = ", ".join(str(r) for r in roots)
    raise BundleError(f"{path}: filen findes ikke (ledt i {where}). "
                      "Ret stien i mkdocs-base.yml (extra_css/extra_javascript), eller opret filen.")


def _rebase_css(text: str, source: str, target_folder: str) -> str:
    """Rewrite relative url()s of ``source`` so they work from ``target_folder``."""
    src_folder = posixpath.dirname(source)
    if src_folder == target_folder:
        return text

    def fix(match: re.Match) -> str:
        quote, url = match.group(1), match.group(2).strip()
        if _ABSOLUTE.match(url):
            return match.group(0)
        absolute = posixpath.normpath(posixpath.join(src_folder, url))
        return f"url({quote}{posixpath.relpath(absolute, target_folder or '.')}{quote})"

    return _CSS_URL.sub(fix, text)


def join_css(sources: list[str], roots: list[Path], target_folder: str) -> str:
    parts = []
    for source in sources:
        text = _read(source, roots)
        if _IMPORT.search(text):
            raise BundleError(f"{source}: @import og @charset virker kun øverst i et stylesheet og "
                              "kan ikke samles med de andre. Skriv reglerne direkte i filen.")
        parts.append(f"/* --- {source} --- */\n{_rebase_css(text, source, target_folder).rstrip()}\n")
    return "\n".join(parts)


def join_js(sources: list[str], roots: list[Path]) -> str:
    # The leading ";" ends any directive prologue, so a "use strict" at the top
    # of one file never applies to the files joined after it; the ";" after
    # each part keeps a file that lacks its final semicolon from running into
    # the next.
    parts = [f";/* --- {source} --- */\n{_read(source, roots).rstrip()}\n;" for source in sources]
    return "\n".join(parts) + "\n"


def build_bundle(kind: str, sources: list[str], roots: list[Path], folder: str,
                 stem: str = "site") -> Bundle | None:
    """The joined ``kind`` ("css" or "js") file for ``sources`` (site paths
    relative to one of ``roots``), or None when there is nothing to join."""
    if not sources:
        return None
    if kind == "css":
        text = join_css(sources, roots, folder)
    elif kind == "js":
        text = join_js(sources, roots)
    else:
        raise ValueError(kind)
    content = text.encode("utf-8")
    return Bundle(hashed_name(folder, stem, kind, content), content, tuple(sources))


# Material's palette.css holds the named colours (indigo, teal, …) and the dark
# scheme "slate" only. A site whose every palette uses the light scheme with
# custom colours (set in its own stylesheet) gains nothing from it.
# Starts with a literal, so the regex engine skips ahead quickly; the
# indentation in front of the link is removed by drop_palette_link.
_PALETTE_LINK = re.compile(
    r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?')


def palette_css_needed(palette) -> bool:
    """Whether Material's palette.css styles anything for this theme.palette."""
    if not palette:
        return False
    entries = palette if isinstance(palette, list) else [palette]
    for entry in entries:
        entry = entry or {}
        if (entry.get("scheme", "default") not in ("default", None)
                or entry.get("primary") != "custom" or entry.get("accent") != "custom"):
            return True
    return False


def drop_palette_link(html: str) -> str:
    """The page without its link to Material's palette.css."""
    match = _PALETTE_LINK.search(html)
    if match is None:
        return html
    start = match.start()
    while start > 0 and html[start - 1] in " \t":
        start -= 1
    return html[:start] + html[match.end():]


# Material's templates indent every line of the menu; at 1,000 pages that is
# most of a page's HTML. A run of whitespace that holds a line break and
# touches a tag renders exactly like a single line break, except inside
# <pre>, <textarea>, <script> and <style>, which are left as they are.
_KEEP_BLOCK = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_AFTER_TAG = re.compile(r">[ \t\r\n]*\n[ \t\r\n]*")
# The runs before a tag are found in the reversed text, where the pattern
# starts with a literal "<" that the regex engine finds quickly (the same
# runs as [ \t\r\n]*\n[ \t\r\n]*< forwards, several times faster).
_BEFORE_TAG_REVERSED = re.compile(r"<[ \t\r\n]*\n[ \t\r]*")
_SPACE = " \t\r\n"


def _trim(text: str, leading: bool) -> str:
    """The whitespace at the start (or end) of ``text`` as one line break, if it holds one."""
    stripped = text.lstrip(_SPACE) if leading else text.rstrip(_SPACE)
    run = text[:len(text) - len(stripped)] if leading else text[len(stripped):]
    if "\n" not in run:
        return text
    return "\n" + stripped if leading else stripped + "\n"


def collapse_whitespace(html: str) -> str:
    """``html`` with indentation between tags reduced to single line breaks."""
    parts = _KEEP_BLOCK.split(html)
    out = []
    # split() with two groups yields: text, whole block, tag name, text, …
    for i in range(0, len(parts), 3):
        text = parts[i]
        text = _AFTER_TAG.sub(">\n", text)
        text = _BEFORE_TAG_REVERSED.sub("<\n", text[::-1])[::-1]
        # The kept blocks are tags too: trim the runs that touch them.
        if i > 0:
            text = _trim(text, leading=True)
        if i + 1 < len(parts):
            text = _trim(text, leading=False)
        out.append(text)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
