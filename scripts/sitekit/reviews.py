"""Review dates, "last changed" dates from git, and the review report.

A page is due for review ``review_months`` after ``last_reviewed`` and is
overdue from the day after its due date. Dates are written the Danish way
("26. november 2026") with our own month names, so no locale is needed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .contacts import PLACEHOLDER, CONTACTS_FILE, placeholders
from .mdtext import line_at, mask_code
from .pages import FrontMatterError, iter_page_paths, parse_page
from .paths import rel
from .placeholders import Hole
from .placeholders import find as find_other_holes

TZ = ZoneInfo("Europe/Copenhagen")
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
MARKER = "Skal verificeres"


def today() -> dt.date:
    """Today in Copenhagen. Tests may pin it with SITEKIT_TODAY=ÅÅÅÅ-MM-DD."""
    pinned = os.environ.get("SITEKIT_TODAY")
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.datetime.now(TZ).date()


def danish_date(d: dt.date) -> str:
    """26. november 2026"""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]


def english_date(d: dt.date) -> str:
    """26 November 2026 (English pages)"""
    return f"{d.day} {ENGLISH_MONTHS[d.month - 1]} {d.year}"


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the month's last day."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


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
    due = add_months(last, months)
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


def _git(docs_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(docs_dir), *args], capture_output=True,
                                text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def git_dates(docs_dir: Path) -> GitDates:
    """One `git log` for all files (newest commit first), not one call per file."""
    shallow = _git(docs_dir, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return GitDates()
    if shallow.strip() == "true":
        return GitDates(available=True, shallow=True)
    log = _git(docs_dir, "log", "--format=%x1e%cI", "--name-only", "--relative", "--no-renames", "--", ".")
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


@dataclass
class Report:
    pages: list[PageReview]
    placeholders: list[tuple[str, int, str, str]]  # (file, line, contact id, field)
    markers: list[Marker]
    # Placeholders outside the contacts file (pages, mkdocs.yml, CODEOWNERS).
    other_holes: list[Hole] = field(default_factory=list)


def _sort_key(p: PageReview):
    if p.review is None:
        return (0, dt.date.min, p.src_uri)
    return (0 if p.review.overdue else 1, p.review.due, p.src_uri)


# The marker in prose, and the contacts file's "skal_verificeres:" key.
_MARKER_RE = re.compile(r"skal[ _]verificeres", re.IGNORECASE)
_DATA_SUFFIXES = (".md", ".yml", ".yaml", ".txt")


def find_markers(docs_dir: Path) -> list[Marker]:
    """Every "Skal verificeres" with its line: in page prose (not in code examples),
    and in the data and snippet files that pages are made from."""
    found = []
    for path in iter_page_paths(docs_dir):
        raw_lines = path.read_text(encoding="utf-8").splitlines()
        text = mask_code(path.read_text(encoding="utf-8"))
        for m in re.finditer(re.escape(MARKER), text):
            line = line_at(text, m.start())
            found.append(Marker(rel(path), path.relative_to(docs_dir).as_posix(), line,
                                raw_lines[line - 1].strip()[:160]))
    for folder in ("_data", "_snippets"):
        for path in sorted((Path(docs_dir) / folder).rglob("*")):
            if path.suffix not in _DATA_SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if _MARKER_RE.search(line) and not line.lstrip().startswith("#"):
                    found.append(Marker(rel(path), path.relative_to(docs_dir).as_posix(), number,
                                        line.strip()[:160], is_page=False))
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
    own = Path(docs_dir) / "_data" / "kontakter.yml"
    contacts_file = own if own.is_file() else CONTACTS_FILE
    holes = [(rel(contacts_file), p.line, p.contact_id, p.field) for p in placeholders(contacts_file)]
    return Report(pages, holes, find_markers(docs_dir), find_other_holes(docs_dir))


def _status(r: Review | None) -> str:
    if r is None:
        return "Mangler gyldige datoer"
    return "Overskredet" if r.overdue else "I orden"


def report_text(report: Report) -> str:
    """The report as plain text for the terminal (`make review`)."""
    out = ["Sider efter næste gennemgang (overskredne først):", ""]
    for p in report.pages:
        r = p.review
        due = danish_date(r.due) if r else "ukendt"
        last = danish_date(r.last_reviewed) if r else "ukendt"
        out.append(f"  {_status(r):<22} senest {due:<20} sidst {last:<20} {p.owner_name}  docs/{p.src_uri}")
    overdue = sum(1 for p in report.pages if p.review and p.review.overdue)
    out += ["", f"{len(report.pages)} sider, {overdue} overskredne.", ""]
    out.append(f"Felter i kontaktfilen med '{PLACEHOLDER}' ({len(report.placeholders)}):")
    for file, line, cid, fld in report.placeholders:
        out.append(f"  {file}:{line}: {cid} – {fld}")
    out += ["", f"Andre steder, der mangler at blive udfyldt ({len(report.other_holes)}):"]
    for h in report.other_holes:
        out.append(f"  {h.file}:{h.line}: {h.what}")
    out += ["", f"Steder med '{MARKER}' ({len(report.markers)}):"]
    for m in report.markers:
        out.append(f"  {m.file}:{m.line}: {m.text}")
    return "\n".join(out)


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def _other_language(src_uri: str) -> bool:
    return bool(re.search(r"\.[a-z]{2}\.md$", src_uri))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def report_markdown(report: Report, from_uri: str) -> str:
    """The report as Markdown for the editors' page, linking to each page."""
    overdue = [p for p in report.pages if p.review and p.review.overdue]
    out = [f"Listen er lavet, da sitet blev bygget {danish_date(today())}.", ""]
    out.append("## Hvilke sider skal gennemgås? {#sider}\n")
    out.append(f"Sitet har {len(report.pages)} sider. {len(overdue)} af dem har overskredet datoen "
               "for næste gennemgang. De står øverst.\n")
    out.append("| Side | Ansvarlig | Sidst gennemgået | Næste gennemgang senest | Status |")
    out.append("|---|---|---|---|---|")
    for p in report.pages:
        r = p.review
        status = _status(r)
        if r and r.overdue:
            status = f"**{status}**"
        # An English page (x.en.md) is not a page of the Danish build: name its file.
        title = (f"{_cell(p.title)} (`{p.src_uri}`)" if _other_language(p.src_uri)
                 else f"[{_cell(p.title)}]({_link(from_uri, p.src_uri)})")
        out.append(f"| {title} | {_cell(p.owner_name)} | "
                   f"{danish_date(r.last_reviewed) if r else '–'} | {danish_date(r.due) if r else '–'} | {status} |")
    out.append("\n## Hvilke kontaktoplysninger mangler? {#pladsholdere}\n")
    if report.placeholders:
        out.append(f"Disse felter i kontaktfilen står stadig som \"{PLACEHOLDER}\". "
                   "Ret dem i filen, når du har oplysningen fra en officiel kilde.\n")
        out += [f"- `{file}`, linje {line}: {_cell(cid)} – {_cell(fld)}" for file, line, cid, fld in report.placeholders]
    else:
        out.append("Alle felter i kontaktfilen er udfyldt.")
    out.append("\n## Hvad mangler ellers at blive udfyldt? {#andre-pladsholdere}\n")
    if report.other_holes:
        out += [f"- `{h.file}`, linje {h.line}: {_cell(h.what)}" for h in report.other_holes]
    else:
        out.append("Intet andet mangler.")
    out.append("\n## Hvad skal verificeres? {#verificeres}\n")
    if report.markers:
        out.append("Disse steder er markeret, fordi en oplysning skal kontrolleres. "
                   "Fjern markeringen, når du har kontrolleret oplysningen i en kilde.\n")
        out += [f"- [{_cell(m.src_uri)}]({_link(from_uri, m.src_uri)}), linje {m.line}"
                if m.is_page and not _other_language(m.src_uri)
                else f"- `{m.src_uri}`, linje {m.line}" if m.is_page
                else f"- `{m.file}`, linje {m.line}" for m in report.markers]
    else:
        out.append("Ingen steder er markeret.")
    return "\n".join(out) + "\n"
