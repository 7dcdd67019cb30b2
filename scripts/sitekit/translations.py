"""Translation status for editors: which English files are behind their Danish original.

Danish is the source of truth. Every translated file lies beside its original
with the language before the extension:

    docs/vejledning/efter-vink.md        ->  docs/vejledning/efter-vink.en.md
    docs/_data/beslutningsguide.yml      ->  docs/_data/beslutningsguide.en.yml
    docs/_snippets/ordliste.md           ->  docs/_snippets/ordliste.en.md

A translation is *behind* when

* it says which Danish text it translates (``translated_from: 2026-11-30`` in
  its front matter) and the Danish file changed on a later day: saving or
  committing the English file does not count as translating it, only a new
  ``translated_from`` date does;
* (a translation without ``translated_from``, and the data files) git history
  says the Danish file changed in a commit the translation's last commit does
  not contain (the Danish file's last commit is not an ancestor of the English
  file's last commit);
* the Danish file has uncommitted changes while the translation has none; or
* the Danish page was reviewed (``last_reviewed``) after the translation was.

Every reason is a sentence with dates in words, never a commit hash.

Core pages (CORE_PAGES) without a translation are listed as missing.

``status`` returns the findings; ``report_text`` writes them in Danish for
editors (`python -m sitekit oversaettelser`, and `make review`); ``problems``
gives one warning each for `make check` (never errors: an English page behind
is not a broken Danish page).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .pages import FrontMatterError, parse_page
from .problems import WARNING, Problem
from .reviews import danish_date, git_stdout, today

# The core guidance that should exist in English (issue 12). Paths under docs/.
CORE_PAGES = (
    "index.md",
    "vejledning/hvad-er-radikalisering.md",
    "vejledning/naar-du-er-bekymret.md",
    "vejledning/skal-jeg-kontakte-vink/index.md",
    "vejledning/efter-vink.md",
    "vejledning/boern-og-unge.md",
    "vejledning/beredskab-for-hjemvendte.md",
    "vejledning/hvem-goer-hvad.md",
    "vejledning/ordliste.md",
    "vejledning/kontakt.md",
)
_TRANSLATION = re.compile(r"^(?P<stem>.*[^/])\.(?P<lang>[a-z]{2})(?P<ext>\.(?:md|ya?ml))$")


@dataclass(frozen=True)
class Behind:
    translation: str          # path under docs/, e.g. vejledning/efter-vink.en.md
    original: str             # vejledning/efter-vink.md
    reason: str               # Danish, for editors


@dataclass
class Status:
    lang: str
    behind: list[Behind] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    git: bool = True          # False when git history could not be read (then only review dates count)

    @property
    def ok(self) -> bool:
        return not self.behind and not self.missing


def original_of(path: str) -> tuple[str, str] | None:
    """('vejledning/x.md', 'en') for 'vejledning/x.en.md'; None for an original."""
    m = _TRANSLATION.match(path)
    return (m["stem"] + m["ext"], m["lang"]) if m else None


def translation_of(original: str, lang: str) -> str:
    p = Path(original)
    return (p.parent / f"{p.stem}.{lang}{p.suffix}").as_posix().removeprefix("./")


@dataclass
class _Git:
    """What git says about a docs folder, read in three calls: each file's last commit, the files with
    uncommitted changes, and (kept in ``ancestors`` across calls) whether one commit contains another."""

    docs: Path
    ancestors: dict[tuple[str, str], bool]
    last: dict[str, str] = field(default_factory=dict)
    day: dict[str, str] = field(default_factory=dict)  # the day of that commit, YYYY-MM-DD
    dirty: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, docs: Path, ancestors: dict[tuple[str, str], bool]) -> _Git | None:
        head = (git_stdout(docs, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
                or "").splitlines()
        # A merge counts with what it brought to its first parent (what `git log -1 -- FILE` says too).
        log = git_stdout(docs, "log", "--format=%x1e%H %cs", "--name-only", "--diff-merges=first-parent", "--relative",
                         "--no-renames", "--", ".")
        status = git_stdout(docs, "status", "--porcelain", "--untracked-files=all", "--", ".")
        if head[:2] != ["true", "false"] or log is None or status is None:
            return None
        found = cls(docs, ancestors)
        for record in log.split("\x1e"):
            first, *names = [line.strip() for line in record.splitlines() if line.strip()] or [""]
            commit, _, day = first.partition(" ")
            for name in names:
                found.last.setdefault(name, commit)
                found.day.setdefault(name, day)
        prefix = head[2].strip() if len(head) > 2 else ""
        found.dirty = {line[3:].strip('"').removeprefix(prefix) for line in status.splitlines() if len(line) > 3}
        return found

    def contains(self, commit: str, later: str) -> bool:
        if (commit, later) not in self.ancestors:  # a fact about two commits: never changes
            self.ancestors[commit, later] = git_stdout(self.docs, "merge-base", "--is-ancestor", commit, later) is not None
        return self.ancestors[commit, later]


def _reviewed(path: Path, key: str = "last_reviewed") -> dt.date | None:
    if path.suffix != ".md":
        return None
    try:
        value = parse_page(path).meta.get(key)
    except (FrontMatterError, OSError):
        return None
    return value if isinstance(value, dt.date) else None


def status(docs_dir: Path, lang: str = "en", core: tuple[str, ...] = CORE_PAGES,
           ancestors: dict[tuple[str, str], bool] | None = None) -> Status:
    """Every ``lang`` translation under docs_dir behind its original, and every core page without one.
    ``ancestors`` keeps git's answers between calls (the preview's rebuilds)."""
    docs = Path(docs_dir)
    git = _Git.read(docs, {} if ancestors is None else ancestors)
    found = Status(lang, git=git is not None)
    for path in sorted(docs.rglob(f"*.{lang}.*")):
        rel = path.relative_to(docs).as_posix()
        pair = original_of(rel)
        if pair is None or pair[1] != lang:
            continue
        original = pair[0]
        if not (docs / original).is_file():
            found.behind.append(Behind(rel, original, "Den danske original findes ikke længere. Slet "
                                       "oversættelsen, eller flyt den, så den ligger ved siden af originalen."))
            continue
        reason = _behind_by_git(git, rel, original) if git else None
        if reason is None:
            da_reviewed, en_reviewed = _reviewed(docs / original), _reviewed(path)
            if da_reviewed and en_reviewed and da_reviewed > en_reviewed:
                reason = (f"Den danske side blev gennemgået {da_reviewed.isoformat()}, oversættelsen "
                          f"senest {en_reviewed.isoformat()}.")
        if reason:
            found.behind.append(Behind(rel, original, reason))
    # A docs folder without any translation (a fixture site) has no English edition to report on.
    has_translations = any(original_of(p.relative_to(docs).as_posix()) for p in docs.rglob(f"*.{lang}.md"))
    for original in core if has_translations else ():
        if (docs / original).is_file() and not (docs / translation_of(original, lang)).is_file():
            found.missing.append(original)
    return found


def translated_reason(changed: dt.date, translated: dt.date) -> str:
    return (f"Den danske side er ændret {danish_date(changed)}, men oversættelsen er af den danske tekst "
            f"fra {danish_date(translated)} (translated_from). Det tæller ikke at gemme den engelske fil: "
            "oversæt ændringen, og skriv datoen for den danske tekst i translated_from.")


def _behind_by_git(git: _Git, rel: str, original: str) -> str | None:
    if original in git.dirty and rel not in git.dirty:
        return "Den danske fil har ændringer, der ikke er gemt i git, men oversættelsen er ikke ændret."
    # The day the Danish file last changed: today with uncommitted changes, else its last commit's day.
    day = git.day.get(original)
    changed = today() if original in git.dirty else dt.date.fromisoformat(day) if day else None
    translated = _reviewed(git.docs / rel, "translated_from")
    if translated is not None:  # the English page says which Danish text it translates
        return translated_reason(changed, translated) if changed and changed > translated else None
    da_commit, en_commit = git.last.get(original), git.last.get(rel)
    if da_commit and en_commit and not git.contains(da_commit, en_commit):
        return f"Den danske fil er ændret {danish_date(changed)}, efter oversættelsen sidst blev ændret."
    return None


def problems(found: Status, docs_dir: Path) -> list[Problem]:
    """One warning (never an error) per finding, for `make check`'s list."""
    docs = Path(docs_dir)
    out = [Problem.at(docs / b.translation, None, "oversaettelser",
                      f"Oversættelsen halter efter docs/{b.original}. {b.reason}",
                      "Oversæt ændringen, og skriv datoen for den danske tekst i translated_from.", level=WARNING)
           for b in found.behind]
    out += [Problem.at(docs / m, None, "oversaettelser",
                       f"Kernesiden har ingen engelsk oversættelse ({translation_of(m, found.lang)}).",
                       "Oversæt siden, eller lad den stå: det er ikke en fejl.", level=WARNING)
            for m in found.missing]
    return out


def report_text(found: Status) -> str:
    """The translation report for editors, in Danish."""
    from . import render

    return render("oversaettelser.txt", found=found).rstrip("\n")
