"""LIX readability score of the visible prose of a Markdown page.

LIX = words per sentence + percentage of long words (more than six letters).
Plain Danish for our readers means LIX at most 40 (the house writing guide, klarsprog).

What counts as prose (the rules, so every score can be checked by hand):

* Removed before counting: YAML front matter, fenced code blocks (``` and ~~~),
  inline code, HTML comments and tags, link and image URLs (a link keeps its
  text, an image is dropped), bare URLs, shortcodes like ``[[kontakt vink]]``,
  attribute lists ``{ ... }``, abbreviation definitions ``*[X]: ...``, link
  reference definitions, snippet markers, emphasis markers, list markers,
  table pipes and separator rows, admonition markers (``!!! type``).
* Blocks: a paragraph, a list item, a table cell and a definition are each a
  block. The end of a block always ends a sentence: the reader stops there.
* Labels: a heading, an admonition or details title and a tab title are
  labels. Their words count, but a label ends a sentence only if it ends with
  ``.``, ``!``, ``?`` or ``:`` ("Hvornår skal du kontakte VINK?" is a
  sentence; "Sådan er det i dag" is not, and its words join the next sentence).
* Inside a block, a sentence ends at ``?`` or ``!``, and at ``.`` or ``:`` when
  the next word starts with a capital letter (so "1. januar", "stk. 3" and
  "bl.a. de" do not end a sentence), unless the word before the full stop is a
  known abbreviation (``jf.``, ``fx.``, ``nr.`` …).
* A word is a whitespace-separated token holding at least one letter or digit
  ("§" and "–" are not words). A long word has more than six letters; digits
  and punctuation do not count as letters ("SSP-samarbejdet" has 14 letters).

Indented code blocks are not recognised: this site uses fences, and indented
text is the body of admonitions and tabs, which is prose.

Run ``python -m sitekit.lix FILE...`` (with scripts/ on PYTHONPATH) to see the
score of pages while you write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .mdtext import mask_code
from .pages import is_translation, split_front_matter
from .paths import GUIDANCE, in_scope

LIMIT = 40.0
LONG_WORD_LETTERS = 6
# Below this many words LIX says little (one long word in a two-line stub moves
# the score by 20), so the page test measures only pages at least this long.
MIN_WORDS = 50

# Words that end in a full stop without ending the sentence (lower case, no dot).
ABBREVIATIONS = {"jf", "fx", "f.eks", "bl.a", "ca", "nr", "stk", "evt", "pkt", "mv", "osv",
                 "dvs", "m.fl", "m.m", "el", "kl", "pga", "vedr", "ift", "s", "lbk", "vej"}

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"(.*)")?\s*$')
_TAB = re.compile(r'^\s*===\+?\s+"(.*)"\s*$')
_TABLE_SEPARATOR = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_DEFINITION = re.compile(r"^\s*:\s+(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_SKIP_LINE = re.compile(r"^\s*(?:\*\[[^\]]+\]:|\[[^\]]+\]:\s|-{2,}8<-{2,}|\[TOC\])")

_INLINE = [
    (re.compile(r"\[\[[^\]]*\]\]"), " "),                    # shortcodes
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),              # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), " "),
    (re.compile(r"\[\^[^\]]+\]"), ""),                       # footnote references
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),           # inline links keep their text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),          # reference links
    (re.compile(r"<(?:https?://|mailto:)[^>]*>"), " "),      # autolinks
    (re.compile(r"\bhttps?://\S+"), " "),                    # bare URLs
    (re.compile(r"<[^>]+>"), " "),                           # HTML tags
    (re.compile(r"\{[:#.][^}]*\}|\{\s*[.#][^}]*\}"), " "),   # attribute lists
    (re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:"), " "),        # icons and emoji
    (re.compile(r"(\*\*|__|\*|~~|==|\^\^)"), ""),            # emphasis markers
    (re.compile(r"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)"), ""),
    (re.compile(r"&nbsp;|&shy;"), " "),
]

_OPEN = "\"'«»“”„‘’([{"
_CLOSE = "\"'«»“”„‘’)]}"


@dataclass(frozen=True)
class LixResult:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        if self.words == 0:
            return 0.0
        return self.words / max(self.sentences, 1) + 100.0 * self.long_words / self.words


def _clean(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def blocks(markdown: str) -> list[tuple[str, str]]:
    """The visible prose as (kind, text) pairs; kind is "label" or "text"."""
    # Code (any fence, inline code) and comments are blanked by the one walker, mdtext.mask_code.
    body = mask_code(split_front_matter(markdown)[1])
    out: list[tuple[str, str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(("text", " ".join(current)))
            current.clear()

    for line in body.splitlines():
        if not line.strip() or _RULE.match(line) or _SKIP_LINE.match(line):
            flush()
            continue
        label = _HEADING.match(line) or _ADMONITION.match(line) or _TAB.match(line)
        if label:
            flush()
            if label.group(1):
                out.append(("label", label.group(1)))
            continue
        if line.lstrip().startswith("|"):
            flush()
            if not _TABLE_SEPARATOR.match(line):
                out += [("text", cell.strip()) for cell in line.strip().strip("|").split("|") if cell.strip()]
            continue
        item = _LIST_ITEM.match(line) or _DEFINITION.match(line)
        if item:
            flush()
            current.append(item.group(1))
            continue
        current.append(re.sub(r"^\s*(?:>\s*)+", "", line).strip())
    flush()
    return [(kind, _clean(text)) for kind, text in out]


def _tokens(text: str) -> list[str]:
    return [t for t in text.split() if any(ch.isalnum() for ch in t)]


def _ends_sentence(token: str, following: str) -> bool:
    core = token.rstrip(_CLOSE)
    if not core or core[-1] not in ".!?:":
        return False
    if core[-1] in "!?":
        return True
    if core[-1] == "." and core[:-1].lower() in ABBREVIATIONS:
        return False
    first = following.lstrip(_OPEN)[:1]
    return first.isupper()


def analyse(markdown: str) -> LixResult:
    """Count words, sentences and long words of a Markdown page (rules above)."""
    words = sentences = long_words = 0
    pending = 0  # words not yet closed by a sentence end
    for kind, text in blocks(markdown):
        tokens = _tokens(text)
        if not tokens:
            continue
        for i, token in enumerate(tokens):
            words += 1
            pending += 1
            if sum(ch.isalpha() for ch in token) > LONG_WORD_LETTERS:
                long_words += 1
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and _ends_sentence(token, following):
                sentences += 1
                pending = 0
        last = tokens[-1].rstrip(_CLOSE)
        if pending and (kind == "text" or last[-1:] in (".", "!", "?", ":")):
            sentences += 1
            pending = 0
    if pending:
        sentences += 1
    return LixResult(words, sentences, long_words)


def guidance_pages(docs_dir: Path) -> list[Path]:
    """The pages held to the LIX limit (paths.GUIDANCE); translations (page.en.md) are not: LIX is Danish."""
    return sorted(p for p in Path(docs_dir).rglob("*.md")
                  if in_scope(p.relative_to(docs_dir).as_posix(), GUIDANCE) and not is_translation(p))
