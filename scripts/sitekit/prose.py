"""The one prose extractor: the text a reader sees in a page's HTML, without code.

Python's own HTML parser (html.parser) reads the rendered content, so text that came from a data
file (the decision guide, self-checks, procedures, contacts) is checked like text written in a page.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Elements whose text is not prose: code, scripts and styles.
SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "template"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping.append(tag)
        elif tag not in VOID:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def text(html: str) -> str:
    """The page's readable text: tags become spaces, code and scripts are left out."""
    parser = _Prose()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
