"""Find and replace shortcodes like ``[[kontakt vink]]`` in Markdown, outside code.

A shortcode is ``[[name arg ...]]``. Shortcodes inside fenced code blocks and
inline code are left alone, so the editor guide can show the syntax. A
shortcode alone on its line is a *block*; anywhere else it is *inline*. The
renderers (sitekit.contacts, sitekit.glossary) decide what each becomes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SHORTCODE = re.compile(r"\[\[\s*([a-zæøå][\w-]*)((?:\s+[^\s\]]+)*)\s*\]\]", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


# Every shortcode the site knows: name -> how to write it (shown when a name is unknown).
# To add a shortcode: add one line here, and render it with ``replace`` in a hook
# listed before overrides/hooks/checks.py in mkdocs.yml. A shortcode still in a
# page after every hook ran is reported as unknown, with its line.
KNOWN: dict[str, str] = {
    "kontakt": "[[kontakt ID]] eller [[kontakt ID FELT]]",
    "kontakter": "[[kontakter]]",
    "ordliste": "[[ordliste]]",
}


class ShortcodeError(ValueError):
    """A shortcode that cannot be rendered; the message is Danish, for editors."""


@dataclass(frozen=True)
class Shortcode:
    name: str
    args: tuple[str, ...]
    line: int          # 1-based line in the Markdown given
    indent: str        # the whitespace before a block shortcode ("" when inline)
    block: bool        # alone on its line

    @property
    def text(self) -> str:
        return "[[" + " ".join((self.name,) + self.args) + "]]"


Renderer = Callable[[Shortcode], "str | None"]


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_SPAN.finditer(line)]


def replace(markdown: str, render: Renderer) -> tuple[str, list[tuple[Shortcode, str]]]:
    """Replace each shortcode outside code with ``render(shortcode)``.

    ``render`` returns the replacement, or None to leave the shortcode as it is
    (a shortcode another hook handles). A ShortcodeError becomes an entry in the
    returned error list (shortcode, Danish message) and the text is left as is.
    """
    out: list[str] = []
    errors: list[tuple[Shortcode, str]] = []
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        spans = _code_spans(line)

        def sub(match: re.Match, line: str = line, spans: list = spans, number: int = number) -> str:
            if any(a <= match.start() < b for a, b in spans):
                return match.group(0)
            block = line.strip() == match.group(0).strip() and line.strip() == match.group(0)
            indent = line[: len(line) - len(line.lstrip())] if block else ""
            code = Shortcode(match.group(1).lower(), tuple(match.group(2).split()), number, indent, block)
            try:
                result = render(code)
            except ShortcodeError as exc:
                errors.append((code, str(exc)))
                return match.group(0)
            if result is None:
                return match.group(0)
            if block:
                # The line's own indentation is kept by the text before the
                # match; the following lines of a block get it here.
                result = result.replace("\n", "\n" + indent)
            return result

        out.append(SHORTCODE.sub(sub, line))
    return "\n".join(out), errors


def find(markdown: str) -> list[Shortcode]:
    """Every shortcode outside code, in order (for checks and tests)."""
    found: list[Shortcode] = []

    def collect(code: Shortcode) -> None:
        found.append(code)
        return None

    replace(markdown, collect)
    return found


def source_line(page, markdown: str, line: int) -> int:
    """The line in the page's file of a line in the Markdown a hook got (MkDocs removed the front matter)."""
    source = page.file.content_string
    start = source.find(markdown[:200]) if markdown.strip() else -1
    return line + (source.count("\n", 0, start) if start > 0 else 0)


def unknown(markdown: str) -> list[tuple[Shortcode, str]]:
    """(shortcode, Danish message) for each unknown shortcode. A known one left in the page
    had a mistake its own hook reported."""
    usage = ", ".join(KNOWN.values())
    return [(code, f"Koden {code.text} findes ikke. Brug {usage} – se vejledningen for redaktører.")
            for code in find(markdown) if code.name not in KNOWN]
