"""Helpers to look at the prose of a Markdown page without its code.

Checks must not complain about a ``<script>`` shown as an example in a code
block, so they read the body with code blanked out. Blanking keeps every line
and column where it was, so line numbers stay right.
"""

from __future__ import annotations

import functools
import re

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


# Several checks read the same page bodies in one build: each body is masked once.
@functools.lru_cache(maxsize=4096)
def mask_code(body: str) -> str:
    """The body with fenced code blocks, inline code and HTML comments replaced by spaces."""
    out, fence = [], None
    for line in body.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None and not m:
            out.append(line)
            continue
        if fence is None:  # the opening line, the code and the closing line are blanked
            fence = m.group(1)[0] * len(m.group(1))
        elif line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
            fence = None
        out.append(re.sub(r"[^\n]", " ", line))
    text = "".join(out)
    text = _COMMENT.sub(_blank, text)
    return _INLINE_CODE.sub(_blank, text)


def line_at(text: str, offset: int) -> int:
    """1-based line of a character offset in text."""
    return text.count("\n", 0, offset) + 1
