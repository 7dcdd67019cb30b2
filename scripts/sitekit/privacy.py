"""Find anything in built HTML that a browser would load from another host.

A page must make zero requests to any host but its own: no fonts, scripts,
styles, frames or images from elsewhere. Plain links (``<a href>``) to other
sites are fine: they are only followed when the reader clicks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes that make the browser fetch something on its own.
_LOADING_ATTRS = {
    # data-src: Material's script, which material-later.js starts at the first interaction.
    "script": ("src", "data-src"),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "source": ("src", "srcset"),
    "track": ("src",),
    "input": ("src",),
}
_LOADING_LINK_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch",
                      "icon", "modulepreload", "manifest", "apple-touch-icon"}


def _is_foreign(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "") for k, v in attrs}
        names = list(_LOADING_ATTRS.get(tag, ()))
        if tag == "link" and set(values.get("rel", "").lower().split()) & _LOADING_LINK_RELS:
            names.append("href")
        for name in names:
            for url in values.get(name, "").split(","):
                url = url.strip().split(" ")[0]
                if url and _is_foreign(url):
                    self.found.append((self.getpos()[0], tag, url))
        style = values.get("style", "")
        if "url(" in style and ("http:" in style or "https:" in style or "url(//" in style):
            self.found.append((self.getpos()[0], tag, style))


# Only the tags that can load something are parsed (a page has a few among
# hundreds of tags); the rest of the page is skipped. Tags inside comments and
# in the bodies of <script> and <style> are skipped too, as the parser skips them.
_NAMES = "|".join(sorted([*_LOADING_ATTRS, "link"]))
_BOUNDARY = r"[\t\n\r\f />\x00]"
_ATTRS = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"  # up to the tag's end, quoted values read whole
_TAG_START = re.compile(rf"<(?:{_NAMES})(?={_BOUNDARY})")
_WHOLE_TAG = re.compile(rf"<(?:{_NAMES})(?:>|[\t\n\r\f /\x00]{_ATTRS})")
_RAW_OPEN = re.compile(rf"<(script|style)(?:>|[\t\n\r\f /\x00]{_ATTRS})")
_RAW_CLOSE = {name: re.compile(rf"</\s*{name}\s*>") for name in ("script", "style")}


def _hidden(low: str) -> list[tuple[int, int]]:
    """(start, end) of comments and of <script> and <style> bodies, where no tag is read."""
    spans: list[tuple[int, int]] = []
    marks = ("<!--", "<script", "<style")
    nxt = dict.fromkeys(marks, 0)
    i = 0
    while True:
        for mark in marks:
            if 0 <= nxt[mark] < i or nxt[mark] == 0:
                nxt[mark] = low.find(mark, i)
        found = [(pos, mark) for mark, pos in nxt.items() if pos >= 0]
        if not found:
            return spans
        pos, mark = min(found)
        if mark == "<!--":
            end = low.find("-->", pos + 4)
            end = len(low) if end < 0 else end + 3
            spans.append((pos, end))
        else:
            opened = _RAW_OPEN.match(low, pos)
            if opened is None:  # <scripts>, not <script>
                i = pos + 1
                nxt[mark] = low.find(mark, i)
                continue
            closed = _RAW_CLOSE[opened.group(1)].search(low, opened.end())
            end = closed.start() if closed else len(low)
            spans.append((opened.end(), end))
        i = max(end, pos + 1)


def _parse(html: str) -> list[tuple[int, str, str]]:
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def foreign_resources(html: str) -> list[tuple[int, str, str]]:
    """(line, tag, url) for each resource a browser would fetch from another host."""
    low = html.lower()
    if len(low) != len(html) or "url(" in low:
        return _parse(html)  # an inline style with url(), or text that lowercases to another length
    hidden = _hidden(low)
    starts = [m.start() for m in _TAG_START.finditer(low)
              if not any(a <= m.start() < b for a, b in hidden)]
    found = []
    line, counted = 1, 0
    for n, start in enumerate(starts):
        tag = _WHOLE_TAG.match(low, start)
        if tag is None or (n + 1 < len(starts) and starts[n + 1] < tag.end()):
            return _parse(html)  # a tag this quick reading cannot delimit: read it all
        text = html[start:tag.end()]
        if "//" not in text and "&" not in text:
            continue  # no other host in it (an entity could spell the slashes)
        line += html.count("\n", counted, start)
        counted = start
        found.extend((line + row - 1, name, url) for row, name, url in _parse(text))
    return found
