"""Render a page's ``sources`` front matter as the "Kilder" section, and all
sources of the site as one list (docs/vejledning/kilder.md)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from .reviews import danish_date, english_date

# English pages (page.en.md): the same sources under an English heading.
HEADINGS = {"da": ("Kilder", "kilder"), "en": ("Sources", "sources")}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _esc(text: Any) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text).strip())


def format_source(source: dict[str, Any], lang: str = "da") -> str:
    """One source as a Markdown list item text: title (linked), publisher, date, reference.

    On an English page the sources stay Danish documents: their title,
    publisher and reference are marked as Danish (WCAG 3.1.2)."""
    def da(text: str) -> str:
        return text if lang == "da" else f'<span lang="da">{text}</span>'

    title = _esc(source.get("title", ""))
    url = source.get("url")
    parts = [da(f"[{title}](<{url}>)" if url else f"*{title}*")]
    if source.get("publisher"):
        parts.append(da(_esc(source["publisher"])))
    date = source.get("date")
    if isinstance(date, dt.date):
        parts.append(english_date(date) if lang == "en" else danish_date(date))
    if source.get("ref"):
        parts.append(da(_esc(source["ref"])))
    return ". ".join(parts) + "."


def sources_section(sources: Any, lang: str = "da") -> str:
    """The Markdown appended to a page. Empty when there is nothing valid to show."""
    items = [s for s in (sources or []) if isinstance(s, dict) and s.get("title")] if isinstance(sources, list) else []
    if not items:
        return ""
    heading, anchor = HEADINGS.get(lang, HEADINGS["da"])
    lines = [f"\n\n## {heading} {{#{anchor} .page-sources}}\n"]
    lines += [f"- {format_source(s, lang)}" for s in items]
    return "\n".join(lines) + "\n"


@dataclass
class SourceUse:
    source: dict[str, Any]
    pages: list[tuple[str, str]] = field(default_factory=list)  # (src_uri, title)


def _key(source: dict[str, Any]) -> tuple:
    return (str(source.get("title", "")).strip().lower(), str(source.get("url") or ""), str(source.get("ref") or ""))


def index(pages: list[tuple[str, str, Any]]) -> list[SourceUse]:
    """All sources of all pages, the same source once, sorted by title.

    ``pages`` holds (src_uri, title, sources) for each page.
    """
    found: dict[tuple, SourceUse] = {}
    for src_uri, title, sources in pages:
        if not isinstance(sources, list):
            continue
        for s in sources:
            if isinstance(s, dict) and s.get("title"):
                use = found.setdefault(_key(s), SourceUse(s))
                if src_uri not in [p for p, _ in use.pages]:
                    use.pages.append((src_uri, title))
    return sorted(found.values(), key=lambda u: _key(u.source))


def index_markdown(uses: list[SourceUse], from_uri: str) -> str:
    """The generated list on the sources overview page, with links to the pages."""
    base = posixpath.dirname(from_uri) or "."
    out = [f"Sitet bygger på {len(uses)} kilder. Under hver kilde står de sider, der bruger den.\n"]
    for use in uses:
        links = ", ".join(f"[{_esc(title)}]({posixpath.relpath(uri, base)})" for uri, title in use.pages)
        out.append(f"- {format_source(use.source)}  \n  Bruges på: {links}")
    return "\n".join(out) + "\n"
