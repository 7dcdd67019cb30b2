"""Find anything in built HTML that a browser would load from another host.

A page must make zero requests to any host but its own: no fonts, scripts,
styles, frames or images from elsewhere. Plain links (``<a href>``) to other
sites are fine: they are only followed when the reader clicks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes that make the browser fetch something on its own.
_LOADING_ATTRS = {
    "script": ("src",),
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


def foreign_resources(html: str) -> list[tuple[int, str, str]]:
    """(line, tag, url) for each resource a browser would fetch from another host."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
