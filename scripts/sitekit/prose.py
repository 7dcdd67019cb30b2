"""The one prose extractor: the text a reader sees in a page's HTML, without code.

A real HTML parser (selectolax, Lexbor) reads the rendered content, so text that came from a data
file (the decision guide, self-checks, procedures, contacts) is checked like text written in a page.
Blocks (paragraphs, list items, table cells …) are set apart by blank lines and headings and
titles start with '#', so sitekit.lix counts the sentences as it does in Markdown.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# Elements whose text is not prose: code, scripts, styles, and the headings' permalinks.
SKIP = "code, pre, kbd, samp, script, style, template, a.headerlink"
BLOCKS = "p, li, td, th, dd, dt, div, blockquote, figcaption, caption, section, details, form, label, legend, button"
LABELS = "h1, h2, h3, h4, h5, h6, summary, .admonition-title"


def text(html: str) -> str:
    """The page's readable text, block by block; code and scripts are left out."""
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for node in tree.css(SKIP):
        node.decompose()
    for node in tree.css(LABELS):
        node.insert_before("\n\n# ")
        node.insert_after("\n\n")
    for node in tree.css(BLOCKS):
        node.insert_before("\n\n")
        node.insert_after("\n\n")
    return tree.body.text(separator=" ") if tree.body else ""
