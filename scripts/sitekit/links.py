"""Offline check of every internal link, anchor, image and asset in a built site.

MkDocs' own ``validation:`` sees only Markdown links. This check reads the
built HTML, so it also sees raw ``<a href>`` in md_in_html or plain HTML
blocks, images (``src`` and ``srcset``), stylesheets, scripts and links to
anchors on other pages.

It is built to be cheap: each page is scanned once with one compiled regular
expression (no DOM), every file name in the site is listed once, and the
result of resolving a link is cached per folder, because the navigation repeats
the same links on every page. Time grows linearly with the size of the site.

External links (http, https, //host), mailto:, tel:, javascript: and data: are
skipped: ``make linkcheck`` (sitekit.linkcheck) checks external links.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# One pass over a page: comments, script elements (their src counts, their
# body is skipped), and start/end tags of the elements that hold URLs. Ids are
# found by a second, plain scan. Attribute values in built HTML are quoted and
# escaped, so ">" never appears inside a tag.
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?P<rawattrs>[^>]*)>.*?</(?P=raw)\s*>"
    r"|<(?P<end>/?)(?P<tag>a|area|img|source|link|iframe|embed|video|audio|track|object)\b(?P<attrs>[^>]*)>",
    re.S | re.I,
)
_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Menus: MkDocs generates them from the page tree (checked by validation.nav),
# and the menu on every page lists every page. Skipping them keeps the check
# linear in the number of pages.
_NAV = re.compile(r"<(/?)nav\b[^>]*>", re.I)
_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_TAGS = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

# Which attributes of which elements hold a URL the browser follows or loads.
_URL_ATTRS = {
    "a": ("href",), "area": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "link": ("href",), "script": ("src",), "iframe": ("src",), "embed": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "object": ("data",),
}
# Fragments a browser handles without a matching id.
_BUILTIN_FRAGMENTS = {"", "top"}


@dataclass(frozen=True)
class Ref:
    """One URL on a page: what kind of element, its visible text and the raw URL."""

    kind: str  # "link", "image" or "asset"
    tag: str
    url: str
    text: str


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)


def _attrs(raw: str) -> dict[str, str]:
    found = {}
    for m in _ATTR.finditer(raw):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        found[m.group(1).lower()] = html.unescape(value or "")
    return found


def _clean_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", fragment))).strip()


def _kind(tag: str) -> str:
    if tag in ("a", "area"):
        return "link"
    if tag in ("img", "source", "video", "audio", "track"):
        return "image"
    return "asset"


def _without_nav(text: str) -> str:
    """The page with every <nav> element (and the navs inside it) cut out."""
    kept, depth, last = [], 0, 0
    for m in _NAV.finditer(text):
        if not m.group(1):
            if depth == 0:
                kept.append(text[last:m.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                last = m.end()
    if depth == 0:
        kept.append(text[last:])
    return "".join(kept)


def parse_page(text: str, skip_nav: bool = True) -> ParsedPage:
    """Every id (and ``<a name>``) on the page, and every URL with its link text.

    With ``skip_nav`` the <nav> menus are left out: their links, and their ids
    (a link into a menu is not a link to a section).
    """
    page = ParsedPage()
    if skip_nav and "<nav" in text:
        text = _without_nav(text)
    for m in _ID.finditer(text):
        page.ids.add(html.unescape(m.group(1) if m.group(1) is not None else
                                   m.group(2) if m.group(2) is not None else m.group(3)))
    open_a: tuple[int, dict[str, str]] | None = None
    for m in _TOKEN.finditer(text):
        if m.group("raw"):
            tag, attrs = m.group("raw").lower(), _attrs(m.group("rawattrs"))
            end = False
        elif m.group("tag"):
            tag, end = m.group("tag").lower(), bool(m.group("end"))
            if end:
                if tag == "a" and open_a is not None:
                    start, a_attrs = open_a
                    inner = text[start:m.start()]
                    label = _clean_text(inner)
                    if not label:
                        alts = re.findall(r'\balt="([^"]*)"', inner)
                        label = html.unescape(alts[0]) if alts else ""
                    label = label or a_attrs.get("aria-label") or a_attrs.get("title", "")
                    page.refs.append(Ref("link", "a", a_attrs["href"], label))
                    open_a = None
                continue
            attrs = _attrs(m.group("attrs"))
        else:
            continue  # a comment
        if tag == "a":
            if "href" in attrs:
                if open_a is not None:  # an <a> that was never closed
                    page.refs.append(Ref("link", "a", open_a[1]["href"], ""))
                open_a = (m.end(), attrs)
            continue
        for name in _URL_ATTRS.get(tag, ()):
            value = attrs.get(name)
            if not value:
                continue
            label = attrs.get("alt") or attrs.get("title") or attrs.get("aria-label") or ""
            urls = [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
            for url in urls:
                page.refs.append(Ref(_kind(tag), tag, url, label))
    if open_a is not None:
        page.refs.append(Ref("link", "a", open_a[1]["href"], ""))
    return page


def is_external(url: str) -> bool:
    """True for anything this offline check leaves alone (other hosts and other schemes)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme
    # A one-letter "scheme" is a Windows drive, not a scheme; treat it as a path.
    return bool(scheme) and len(scheme) > 1


def is_web_url(url: str) -> bool:
    """True for http(s) links to another host: what ``make linkcheck`` checks."""
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https")


# --- where a docs page ends up -------------------------------------------------------

def dest_for_source(src_uri: str, use_directory_urls: bool = True) -> str:
    """The built HTML file for a Markdown source, as MkDocs names it."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    if use_directory_urls:
        return posixpath.join(folder, name, "index.html")
    return posixpath.join(folder, name + ".html")


def sources_from_docs(docs_dir: Path, use_directory_urls: bool = True) -> dict[str, str]:
    """Built HTML path -> Markdown source path (relative to docs_dir)."""
    mapping = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(("_", ".")) for part in src.split("/")):
            continue
        mapping.setdefault(dest_for_source(src, use_directory_urls), src)
    return mapping


# --- the check --------------------------------------------------------------------------

@dataclass(frozen=True)
class LinkProblem:
    """A broken internal link, anchor, image or asset, worded for an editor (Danish)."""

    page: str          # built HTML file, relative to the site
    source: str | None  # Markdown source, relative to docs_dir, when known
    kind: str          # "link", "anchor", "image" or "asset"
    text: str          # link text or alt text
    target: str        # the URL as written
    message: str
    hint: str

    def where(self) -> str:
        return self.source or self.page

    def format(self) -> str:
        return f"{self.where()}: {self.message} Sådan retter du det: {self.hint}"


_HINTS = {
    "link": ("Ret adressen, så den peger på en side, der findes. I Markdown linker du til "
             "kildefilen, fx [tekst](../vejledning/vink.md). Eller fjern linket."),
    "anchor": ("Ret delen efter #, så den svarer til et afsnit på siden. Du finder den rigtige "
               "værdi ved at klikke på ¶ ved overskriften og kopiere adressen. Eller fjern delen efter #."),
    "image": "Læg billedfilen i docs/assets/ og ret stien, eller fjern billedet.",
    "asset": "Læg filen i docs/assets/ og ret stien i mkdocs.yml eller skabelonen, eller fjern henvisningen.",
}


def _describe(ref: Ref) -> str:
    if ref.kind == "image":
        return f"Billedet '{ref.text}'" if ref.text else "Et billede"
    if ref.kind == "asset":
        return f"Filen, som <{ref.tag}> henter,"
    return f"Linket '{ref.text}'" if ref.text else "Et link uden tekst"


class _Site:
    def __init__(self, site_dir: Path, root_path: str, skip_nav: bool = True):
        self.dir = Path(site_dir)
        self.skip_nav = skip_nav
        self.root_path = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"
        self.files: set[str] = set()
        self.dirs: set[str] = {""}
        for folder, dirnames, filenames in os.walk(self.dir):
            rel = Path(folder).relative_to(self.dir).as_posix()
            rel = "" if rel == "." else rel
            for d in dirnames:
                self.dirs.add(posixpath.join(rel, d))
            for f in filenames:
                self.files.add(posixpath.join(rel, f))
        self.parsed: dict[str, ParsedPage] = {}

    def page(self, rel: str) -> ParsedPage:
        if rel not in self.parsed:
            self.parsed[rel] = parse_page((self.dir / rel).read_text(encoding="utf-8", errors="replace"),
                                          self.skip_nav)
        return self.parsed[rel]

    def resolve(self, page_rel: str, path: str) -> str | None:
        """The file a path on a page points to, or None when nothing is there."""
        path = unquote(path)
        if path.startswith("/"):
            joined = path
            if joined.startswith(self.root_path):
                joined = "/" + joined[len(self.root_path):]
            elif self.root_path != "/":
                # Outside the site's own path (another edition's prefix, say): broken here.
                return None
            target = posixpath.normpath(joined.lstrip("/")) if joined.strip("/") else ""
        else:
            base = posixpath.dirname(page_rel)
            target = posixpath.normpath(posixpath.join(base, path)) if path else page_rel
        if target in (".", ""):
            target = ""
        if target.startswith(".."):
            return None
        if target in self.files:
            return target
        if target in self.dirs:
            index = posixpath.join(target, "index.html") if target else "index.html"
            return index if index in self.files else None
        return None


def static_files(folder: Path) -> set[str]:
    """Every non-Markdown file under a folder, as site paths (MkDocs copies them 1:1)."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.suffix != ".md"}


def check_site(site_dir: Path, sources: dict[str, str] | None = None, root_path: str = "/",
               skip: tuple[str, ...] = ("assets/", "search/"),
               also_present: set[str] | None = None, skip_nav: bool = True) -> list[LinkProblem]:
    """Every broken internal link, anchor, image and asset in a built site.

    ``sources`` maps built HTML files to their Markdown source, for messages.
    ``root_path`` is the path part of site_url, so root-relative URLs resolve.
    Works with and without ``use_directory_urls``: a link to a folder is fine
    when the folder has an index.html. ``also_present`` lists site paths that
    exist elsewhere (a fixture site built with the real theme settings uses the
    real site's stylesheet and favicon). ``skip_nav`` leaves out the menus,
    which MkDocs builds from the page tree and validates itself.
    """
    site = _Site(Path(site_dir), root_path, skip_nav)
    for extra in also_present or ():
        site.files.add(extra)
        parts = extra.split("/")
        site.dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))
    sources = sources or {}
    pages = sorted(f for f in site.files if f.endswith(".html") and not f.startswith(skip))
    problems: list[LinkProblem] = []
    resolved: dict[tuple[str, str], str | None] = {}
    for page_rel in pages:
        folder = posixpath.dirname(page_rel)
        for ref in site.page(page_rel).refs:
            url = ref.url.strip()
            if not url or is_external(url):
                continue
            parts = urlsplit(url)
            # Cache per folder: relative URLs mean the same for every page in it.
            key = (folder if parts.path else page_rel, parts.path)
            if key not in resolved:
                resolved[key] = site.resolve(page_rel, parts.path)
            target = resolved[key]
            if target is None:
                problems.append(LinkProblem(
                    page_rel, sources.get(page_rel), ref.kind, ref.text, ref.url,
                    f"{_describe(ref)} peger på '{ref.url}', som ikke findes på sitet.",
                    _HINTS[ref.kind]))
                continue
            fragment = unquote(parts.fragment)
            if (ref.kind != "link" or fragment in _BUILTIN_FRAGMENTS or fragment.startswith(":~:")
                    or not target.endswith(".html")):
                continue
            if fragment not in site.page(target).ids:
                where = "siden selv" if target == page_rel else f"siden '{sources.get(target, target)}'"
                problems.append(LinkProblem(
                    page_rel, sources.get(page_rel), "anchor", ref.text, ref.url,
                    f"{_describe(ref)} peger på afsnittet '#{fragment}' på {where}, "
                    "men det afsnit findes ikke.",
                    _HINTS["anchor"]))
    return problems


def line_in_source(source: Path, target: str) -> int | None:
    """Best guess at the 1-based line in a Markdown file that holds a URL."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    needles = [target, html.escape(target)]
    for number, line in enumerate(lines, start=1):
        if any(n and n in line for n in needles):
            return number
    return None


# MkDocs' own validation message for a Markdown link, e.g.
# "Doc file 'index.md' contains a link 'anden.md#x', but the doc 'anden.md' does not ..."
MKDOCS_LINK_WARNING = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:an? )?(?:[\w ]+ )?link '(?P<target>[^']+)'")


def mkdocs_link_warnings(lines: list[str]) -> set[tuple[str, str]]:
    """(source file, link as written) for each Markdown link MkDocs already warned about."""
    return {(m["file"], m["target"]) for line in lines for m in [MKDOCS_LINK_WARNING.search(line)] if m}


def already_reported(problem: LinkProblem, warned: set[tuple[str, str]]) -> bool:
    """True when MkDocs' validation reported the same link, so an editor sees it once."""
    fragment = urlsplit(problem.target).fragment
    for file, target in warned:
        if file != problem.source:
            continue
        if target == problem.target:
            return True
        if problem.kind == "anchor" and fragment and target.endswith("#" + fragment):
            return True
        if problem.kind != "anchor" and target.split("#")[0] == problem.target.split("#")[0]:
            return True
    return False

