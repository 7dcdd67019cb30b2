"""Find and replace shortcodes like ``[[kontakt vink]]`` in Markdown, outside code.

A shortcode is ``[[name arg ...]]``. Shortcodes inside fenced code blocks and
inline code are left alone, so the editor guide can show the syntax. A
shortcode alone on its line is a *block*; anywhere else it is *inline*. The
renderers (sitekit.contacts, sitekit.glossary) decide what each becomes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .mdtext import mask_code
from .pages import FrontMatterError, split_front_matter

SHORTCODE = re.compile(r"\[\[\s*([a-zæøå][\w-]*)((?:\s+[^\s\]]+)*)\s*\]\]", re.IGNORECASE)


# Every shortcode the site knows: name -> (how to write it, "module.function" in sitekit that
# renders it). The function takes (Shortcode, Context) and returns Markdown or HTML, or raises
# ShortcodeError with a Danish message. To add a shortcode, add one line here. A shortcode still
# in a page after rendering is reported as unknown, with its line.
KNOWN: dict[str, tuple[str, str]] = {
    "kontakt": ("[[kontakt ID]] eller [[kontakt ID FELT]]", "contacts.shortcode"),
    "kontakter": ("[[kontakter]]", "contacts.shortcode"),
    "ordliste": ("[[ordliste]]", "glossary.shortcode"),
    "første-skridt": ("[[første-skridt]]", "procedure.shortcode"),
    "efter-vink": ("[[efter-vink]]", "procedure.shortcode"),
    "handlekort": ("[[handlekort]]", "actioncard.shortcode"),
}


@dataclass
class Context:
    """What a renderer gets besides the shortcode: the page, its language and the data for it."""

    src: str = ""
    lang: str = "da"
    contacts: dict = field(default_factory=dict)
    contact_page: str | None = None
    procedures: dict = field(default_factory=dict)
    glossary: list = field(default_factory=list)
    docs_dir: Path | None = None
    counter: dict = field(default_factory=dict)


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


def replace(markdown: str, render: Renderer) -> tuple[str, list[tuple[Shortcode, str]]]:
    """Replace each shortcode outside code with ``render(shortcode)``.

    ``render`` returns the replacement, or None to leave the shortcode as it is
    (a shortcode another hook handles). A ShortcodeError becomes an entry in the
    returned error list (shortcode, Danish message) and the text is left as is.
    Code is found by the one walker, mdtext.mask_code.
    """
    out: list[str] = []
    errors: list[tuple[Shortcode, str]] = []
    masked = mask_code(markdown).split("\n")
    for number, (line, prose) in enumerate(zip(markdown.split("\n"), masked, strict=True), start=1):
        pieces, last = [], 0
        for match in SHORTCODE.finditer(prose):
            text = match.group(0)
            block = line.strip() == text
            indent = line[: len(line) - len(line.lstrip())] if block else ""
            code = Shortcode(match.group(1).lower(), tuple(match.group(2).split()), number, indent, block)
            try:
                result = render(code)
            except ShortcodeError as exc:
                errors.append((code, str(exc)))
                result = None
            # The line's own indentation is kept; the following lines of a block get it here.
            pieces += [line[last:match.start()], text if result is None else result.replace("\n", "\n" + indent)]
            last = match.end()
        out.append("".join(pieces) + line[last:])
    return "\n".join(out), errors


def find(markdown: str) -> list[Shortcode]:
    """Every shortcode outside code, in order (for checks and tests)."""
    found: list[Shortcode] = []
    replace(markdown, found.append)  # append returns None: every shortcode is left as it is
    return found


def source_line(page, markdown: str, line: int) -> int:
    """The line in the page's file of a line in the Markdown a hook got. MkDocs removed the front
    matter (and the blank lines after it), and earlier hooks may have added lines (a procedure's
    steps, a note under the heading): the line's text is looked up in the file, and of several
    lines with that text the one nearest the front matter's offset wins."""
    source = page.file.content_string
    try:
        body, start = split_front_matter(source)[1:]
    except FrontMatterError:
        body, start = source, 1
    estimate = line + start - 1 + len(body) - len(body.lstrip("\n"))
    lines = markdown.split("\n")
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    found = [n for n, candidate in enumerate(source.split("\n"), start=1) if text and candidate.strip() == text]
    return min(found, key=lambda n: abs(n - estimate)) if found else estimate


def unknown(markdown: str) -> list[tuple[Shortcode, str]]:
    """(shortcode, Danish message) for each unknown shortcode. A known one left in the page
    had a mistake its own hook reported."""
    usage = ", ".join(dict.fromkeys(u for u, _ in KNOWN.values()))
    return [(code, f"Koden {code.text} findes ikke. Brug {usage} – se vejledningen for redaktører.")
            for code in find(markdown) if code.name not in KNOWN]


def render(markdown: str, ctx: Context) -> tuple[str, list[tuple[Shortcode, str]]]:
    """Render every known shortcode with its function in KNOWN; shortcodes in a renderer's output
    (a procedure's steps name contacts) are rendered too, their mistakes reported at the outer one."""
    errors: list[tuple[Shortcode, str]] = []

    def one(code: Shortcode) -> str | None:
        if code.name not in KNOWN:
            return None
        module, function = KNOWN[code.name][1].rsplit(".", 1)
        out = getattr(importlib.import_module(f"{__package__}.{module}"), function)(code, ctx)
        out, inner = replace(out, one)
        errors.extend((code, message) for _, message in inner)
        return out

    markdown, outer = replace(markdown, one)
    return markdown, outer + errors
