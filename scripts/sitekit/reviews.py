"""Review dates, "last changed" dates from git, and the review report.

A page is due for review ``review_months`` after ``last_reviewed`` and is
overdue from the day after its due date. Dates are written the Danish way
("26. november 2026") by babel; months are added by dateutil.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date
from dateutil.relativedelta import relativedelta

from .contacts import FIELDS, PLACEHOLDER, ContactsError, contacts_file_for, placeholders
from .mdtext import line_at, mask_code
from .pages import TEXT_FILES, FrontMatterError, is_translation, iter_page_paths, parse_page
from .paths import rel
from .placeholders import Hole
from .placeholders import find as find_other_holes

TZ = ZoneInfo("Europe/Copenhagen")
MARKER = "Skal verificeres"


# The date reviews are measured against; set by the command line (--dato), else today.
TODAY: dt.date | None = None


def today() -> dt.date:
    """The date given on the command line (``--dato``), else today in Copenhagen."""
    return TODAY or dt.datetime.now(TZ).date()


@functools.lru_cache(maxsize=4096)  # many pages share a date; babel's formatting is slow
def danish_date(d: dt.date) -> str:
    """26. november 2026"""
    return format_date(d, "d. MMMM y", locale="da")


@functools.lru_cache(maxsize=4096)
def english_date(d: dt.date) -> str:
    """26 November 2026 (English pages)"""
    return format_date(d, "d MMMM y", locale="en")


@dataclass
class Review:
    last_reviewed: dt.date
    due: dt.date
    overdue: bool


def review_of(meta: dict[str, Any], on: dt.date) -> Review | None:
    """The review state of a page, or None when its metadata is not valid."""
    last, months = meta.get("last_reviewed"), meta.get("review_months")
    if not isinstance(last, dt.date) or isinstance(last, dt.datetime):
        return None
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        return None
    due = last + relativedelta(months=months)  # the 31st becomes the month's last day
    return Review(last, due, on > due)


# --- "last changed" from git ------------------------------------------------

@dataclass
class GitDates:
    """When each file under a docs folder was last committed (Copenhagen time)."""

    available: bool = False
    shallow: bool = False
    changed: dict[str, dt.datetime] = field(default_factory=dict)

    def text_for(self, src_uri: str) -> str | None:
        """Danish text for "Senest ændret", or None when git cannot say it truthfully."""
        if not self.available or self.shallow:
            return None
        when = self.changed.get(src_uri)
        return danish_date(when.date()) if when else "ikke gemt endnu"


def git_stdout(docs_dir: Path, *args: str) -> str | None:
    """What `git -C docs_dir ARGS` prints, or None when git is missing or fails."""
    try:
        result = subprocess.run(["git", "-C", str(docs_dir), *args], capture_output=True,
                                text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def git_dates(docs_dir: Path) -> GitDates:
    """One `git log` for all files (newest commit first), not one call per file."""
    shallow = git_stdout(docs_dir, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return GitDates()
    if shallow.strip() == "true":
        return GitDates(available=True, shallow=True)
    log = git_stdout(docs_dir, "log", "--format=%x1e%cI", "--name-only", "--relative", "--no-renames", "--", ".")
    if log is None:
        return GitDates()
    changed: dict[str, dt.datetime] = {}
    for record in log.split("\x1e"):
        lines = [ln for ln in record.splitlines() if ln.strip()]
        if not lines:
            continue
        when = dt.datetime.fromisoformat(lines[0].strip()).astimezone(TZ)
        for name in lines[1:]:
            changed.setdefault(name.strip(), when)
    return GitDates(available=True, shallow=False, changed=changed)


# --- the review report -------------------------------------------------------

@dataclass
class PageReview:
    src_uri: str
    title: str
    owner: str
    owner_name: str
    review: Review | None


@dataclass
class Marker:
    file: str
    src_uri: str
    line: int
    text: str
    # False for data and snippet files (glossary, contacts, decision guide):
    # they are listed, but there is no page to link to.
    is_page: bool = True
    # What is to be checked, in the editor's words (the marker itself removed).
    claim: str = ""


@dataclass
class Report:
    pages: list[PageReview]
    placeholders: list[tuple[str, int, str, str]]  # (file, line, contact id, field)
    markers: list[Marker]
    # Placeholders outside the contacts file (pages, mkdocs-base.yml, CODEOWNERS).
    other_holes: list[Hole] = field(default_factory=list)


def _sort_key(p: PageReview):
    if p.review is None:
        return (0, dt.date.min, p.src_uri)
    return (0 if p.review.overdue else 1, p.review.due, p.src_uri)


# The marker in prose, and the contacts file's "skal_verificeres:" key.
_MARKER_RE = re.compile(r"skal[ _]verificeres", re.IGNORECASE)


_BOX = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+\s+"[^"]*skal verificeres[^"]*"\s*$', re.IGNORECASE)
# A mention of the marker in quotes ('er markeret "Skal verificeres"'), as in
# facilitator notes and the editor guide, is not a marker of its own.
_MENTION = re.compile(r'["“„\']skal verificeres["”\']', re.IGNORECASE)
_MARKUP = re.compile(r"\*\*\[?skal[ _]verificeres\]?\*\*|\[skal verificeres\]|skal[ _]verificeres:?",
                     re.IGNORECASE)
_ITEM_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,2}\.\s|\||#)")
# A warning box up to this many lines below a marked claim explains it.
_BOX_REACH = 20
_CLAIM_LENGTH = 160


def _clean(text: str) -> str:
    text = _MARKUP.sub("", text).strip()
    if text.startswith("|"):
        text = " · ".join(c.strip() for c in text.strip("|").split("|") if c.strip())
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text)
    text = re.sub(r"\*\*|__|`|^>\s*|^\*\[[^\]]+\]:", "", text)
    return re.sub(r"\s+", " ", text).strip(" :–-·")


def _shorten(text: str) -> str:
    """The last sentences of a long paragraph: those nearest the marker."""
    if len(text) <= _CLAIM_LENGTH:
        return text
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“])", text)
    kept: list[str] = []
    for sentence in reversed(sentences):
        if kept and len(" ".join([sentence, *kept])) > _CLAIM_LENGTH:
            break
        kept.insert(0, sentence)
    return " ".join(kept)


def _block(lines: list[str], index: int) -> str:
    """The text of a warning box or a folded YAML value: the indented lines below."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    body = []
    for ln in lines[index + 1:]:
        if not ln.strip() or len(ln) - len(ln.lstrip()) <= indent:
            break
        body.append(ln.strip())
    return _shorten(_clean(" ".join(body)))


def _claim(lines: list[str], index: int, prose: bool = True) -> str:
    """What is to be checked at a marker, in the page's own words: the sentence,
    list item or table row with the marker; a box's or YAML value's text; in a
    data file, the marked line itself."""
    if _BOX.match(lines[index]) or re.search(r":\s*(>-?|\|-?)\s*$", lines[index]):
        return _block(lines, index)
    if not prose:
        return _shorten(_clean(re.sub(r"^\s*[\w-]+:\s+(?=\S)", "", lines[index])
                               if re.match(r"^\s*skal_verificeres:", lines[index]) else lines[index]))
    start = index
    while start > 0 and lines[start - 1].strip() and not _ITEM_START.match(lines[start]):
        start -= 1
    return _shorten(_clean(" ".join(ln.strip() for ln in lines[start:index + 1])))


def find_markers(docs_dir: Path) -> list[Marker]:
    """Every "Skal verificeres" once, with its line and the claim to check: in
    page prose (not in code examples), and in the data and snippet files that
    pages are made from. A warning box that explains a marked claim above it,
    and a mention of the marker in quotes, are not items of their own."""
    found = []
    for path in iter_page_paths(docs_dir):
        raw_lines = path.read_text(encoding="utf-8").splitlines()
        text = mask_code(path.read_text(encoding="utf-8"))
        masked_lines = text.splitlines()
        marked: list[int] = []
        for line in sorted({line_at(text, m.start()) for m in re.finditer(re.escape(MARKER), text)}):
            raw = raw_lines[line - 1]
            box = bool(_BOX.match(raw))
            if not box and _MENTION.search(masked_lines[line - 1]):
                continue
            if box and marked and 0 < line - marked[-1] <= _BOX_REACH:
                if len(found[-1].claim) < 25:  # "BIF." says little: the box says what to check
                    found[-1].claim = _shorten(f"{found[-1].claim} {_block(raw_lines, line - 1)}".strip())
                continue
            marked.append(line)
            found.append(Marker(rel(path), path.relative_to(docs_dir).as_posix(), line,
                                raw.strip()[:160], claim=_claim(raw_lines, line - 1)))
    for folder in ("_data", "_snippets"):
        for path in sorted((Path(docs_dir) / folder).rglob("*")):
            if path.suffix not in TEXT_FILES or not path.is_file():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, start=1):
                if _MARKER_RE.search(line) and not line.lstrip().startswith("#"):
                    found.append(Marker(rel(path), path.relative_to(docs_dir).as_posix(), number,
                                        line.strip()[:160], is_page=False,
                                        claim=_claim(lines, number - 1, prose=False)))
    return found


def collect(docs_dir: Path, on: dt.date, contacts: dict[str, dict[str, Any]]) -> Report:
    pages = []
    for path in iter_page_paths(docs_dir):
        try:
            meta = parse_page(path).meta
        except FrontMatterError:
            meta = {}
        owner = str(meta.get("owner") or "")
        pages.append(PageReview(
            path.relative_to(docs_dir).as_posix(), str(meta.get("title") or path.stem), owner,
            str(contacts.get(owner, {}).get("navn", owner or "ingen")), review_of(meta, on)))
    pages.sort(key=_sort_key)
    contacts_file = contacts_file_for(docs_dir)
    try:
        holes = [(rel(contacts_file), p.line, p.contact_id, p.field) for p in placeholders(contacts_file)]
    except ContactsError:
        holes = []  # the contacts file cannot be read: `make check` reports that (the sitekit plugin)
    return Report(pages, holes, find_markers(docs_dir), find_other_holes(docs_dir))


def _status(r: Review | None) -> str:
    if r is None:
        return "Mangler gyldige datoer"
    return "Overskredet" if r.overdue else "I orden"


def _wrap(text: str, width: int, indent: str = "", rest: str = "") -> str:
    """Wrapped at spaces to ``width`` (at least 40), the first line indented by ``indent``, the others by ``rest``."""
    return textwrap.fill(text, width=max(width, 40), initial_indent=indent, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def for_owner(report: Report, owner: str) -> Report:
    """Only the pages of one owner (an id in the contacts file), and the
    "Skal verificeres" and missing values on those pages."""
    pages = [p for p in report.pages if p.owner == owner]
    files = {f"docs/{p.src_uri}" for p in pages} | {p.src_uri for p in pages}
    return Report(pages, [], [m for m in report.markers if m.is_page and m.src_uri in files],
                  [h for h in report.other_holes if h.file in files or h.file.removeprefix("docs/") in files])


def report_text(report: Report, on: dt.date, width: int = 100, owner: str = "") -> str:
    """The report for the terminal (`make review`): one line per item, wrapped
    at spaces to ``width``, pages sorted by the date of their next review."""
    from . import render

    text = render("gennemgang.txt", report=report, on=on, owner=owner, date=danish_date, fields=FIELDS,
                  wrap=lambda item: _wrap(item, width, "  ", "      "))  # one item on one line, or the rest indented
    # Headings and notes wrap too; items already are.
    return "\n".join(line if line.startswith("  ") or len(line) <= width else _wrap(line, width)
                     for line in text.rstrip("\n").split("\n"))


def _cell(text: str) -> str:
    # A claim quoted from a page keeps a link's text only: its target is relative to that page.
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def report_markdown(report: Report, from_uri: str) -> str:
    """The report as Markdown for the editors' page, linking to each page."""
    from . import render

    return render("gennemgang.md", report=report, today=today(), date=danish_date, cell=_cell, status=_status,
                  other=is_translation, placeholder=PLACEHOLDER,
                  overdue=sum(1 for p in report.pages if p.review and p.review.overdue),
                  link=lambda to_uri: posixpath.relpath(to_uri, posixpath.dirname(from_uri) or "."))
