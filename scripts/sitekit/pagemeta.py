"""What the build adds to every page from its front matter.

Used by the sitekit plugin, which only passes MkDocs' objects in:

- front matter validated with the one schema (MkDocs itself silently drops
  invalid YAML), each mistake returned for the hook to log as a warning;
- the "Kilder" section rendered from ``sources``;
- the data for the metadata box: review dates, owner, "Senest ændret";
- the generated lists on the sources overview and the review report pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import metadata, reviews, sources
from .contacts import ContactsError
from .i18n import page_language
from .pages import FrontMatterError, parse_page
from .problems import Problem

SOURCES_PAGE = "vejledning/kilder.md"
REVIEW_PAGE = "redaktoerer/gennemgang.md"


@dataclass
class SiteMeta:
    docs_dir: Path
    today: dt.date
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    git: reviews.GitDates = field(default_factory=reviews.GitDates)

    generated: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, docs_dir: Path, src_uris: list[str], today: dt.date | None = None,
             generated: dict[str, str] | None = None) -> SiteMeta:
        """Read and validate every page once per build; run `git log` once.

        ``generated`` holds the text of pages another hook made (not on disk)."""
        site = cls(Path(docs_dir), today or reviews.today())
        try:
            site.contacts = known = metadata.contacts_for(site.docs_dir)
        except ContactsError:
            known = None  # the sitekit plugin reports the file; no page is blamed for it
        generated = generated or {}
        site.generated = set(generated)
        for uri in src_uris:
            path, text = site.docs_dir / uri, generated.get(uri)
            try:  # parsed once; only a page that cannot be read is read again, for its message
                page = parse_page(path, text)
                site.meta[uri] = page.meta
                site.problems.extend(metadata.validate_page(page, known, site.today))
            except FrontMatterError:
                site.meta[uri] = {}
                site.problems.extend(metadata.validate_file(path, known, site.today, text))
        site.git = reviews.git_dates(site.docs_dir)
        return site

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """The page's Markdown with generated lists and its "Kilder" section added."""
        if src_uri == SOURCES_PAGE:
            uses = sources.index([(uri, str(m.get("title") or uri), m.get("sources"))
                                  for uri, m in sorted(self.meta.items())])
            markdown = markdown.rstrip() + "\n\n" + sources.index_markdown(uses, src_uri)
        elif src_uri == REVIEW_PAGE:
            report = reviews.collect(self.docs_dir, self.today, self.contacts)
            markdown = markdown.rstrip() + "\n\n" + reviews.report_markdown(report, src_uri)
        return markdown + sources.sources_section(self.meta.get(src_uri, {}).get("sources"),
                                                  page_language(src_uri))

    def _contacts(self, lang: str) -> dict[str, dict[str, Any]]:
        """The contacts with the names of ``lang`` (kontakter.en.yml for English pages)."""
        if lang == "da":
            return self.contacts
        from .contacts import localized
        return localized(self.contacts, self.docs_dir / "_data" / f"kontakter.{lang}.yml")

    def box(self, src_uri: str) -> dict[str, Any] | None:
        """What the metadata box shows (overrides/partials/page-meta.html)."""
        meta = self.meta.get(src_uri)
        if meta is None:
            return None
        review = reviews.review_of(meta, self.today)
        owner = meta.get("owner")
        lang = page_language(src_uri)
        date_text = reviews.english_date if lang == "en" else reviews.danish_date
        changed = None if src_uri in self.generated else self.git.text_for(src_uri)
        if lang == "en" and changed:
            when = self.git.changed.get(src_uri)
            changed = reviews.english_date(when.date()) if when else "not saved yet"
        box: dict[str, Any] = {
            "lang": lang,
            "owner": str(self._contacts(lang).get(owner, {}).get("navn", "")) if isinstance(owner, str) else "",
            # A generated page has no file of its own in git.
            "changed": changed,
        }
        if review:
            box.update(
                last_reviewed=review.last_reviewed.isoformat(),
                last_reviewed_text=date_text(review.last_reviewed),
                due=review.due.isoformat(),
                due_text=date_text(review.due),
                overdue=review.overdue,
            )
        return box
