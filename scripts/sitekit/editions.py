"""Editions: publish the site as a dated edition with mike, keep every older one.

A caseworker, a leader or Ankestyrelsen must be able to read the guidance that
applied on a given date. Each edition is built with the project's own strict
build (sitekit.build) and committed by mike to the publishing branch (gh-pages)
under its own folder. The alias ``nyeste`` always names the newest edition;
the site root opens it.

The scheme: one edition per day with changes, named by its date. After every
merge to main CI runs `make publish` without VERSION (``publish_today``): the
first merge of a day makes that day's edition (``2026-12-07``), a second merge
the same day publishes that day's edition again, and an edition of an earlier
day is never touched. A planned edition that applies from a later date is
published by hand: `make publish VERSION=2027-01-01 GAELDENDE_FRA=2027-01-01`.

Rules (an editor's mistake gets a Danish message, nothing is lost):

- an edition is named by a date (``2026-12-07``) or, as before, digits and
  dots (``2026.1``), and grows with every new edition; its date (gældende fra)
  is later than the previous edition's;
- an edition that exists already is only published again on request
  (``republish=True``, ``make publish ... GENUDGIV=ja``) or when it is today's;
- nothing is published without the site's public address and edit link
  (sitet.yml, sitekit.sitesettings);
- publishing never deletes or rewrites an older edition's files; it adds a
  property ``gaeldende_til`` to the previous edition in versions.json, which
  the older edition's banner reads ("gældende til …").

The selector stays short: editions after the newest ten get the property
``hidden`` (Material leaves them out), and the last entry, "Alle udgaver"
(folder ``0-alle-udgaver/``), lists every edition. Pushing the branch is CI's job
(.github/workflows/publish.yml).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .paths import GUIDANCE, ROOT, TRAINING, in_scope
from .reviews import danish_date, git_stdout, today

BRANCH = "gh-pages"
ALIAS = "nyeste"
# Copies, not symlinks: many static hosts (and zip files) do not follow symlinks.
ALIAS_TYPE = "copy"
# The environment variable mike itself sets while it builds an edition; the
# sitekit plugin reads it.
VERSION_VAR = "MIKE_DOCS_VERSION"
_VERSION_RE = re.compile(r"^([0-9]{1,4}(\.[0-9]{1,4}){0,3}|[0-9]{4}-[0-9]{2}-[0-9]{2})$")
# The page with every edition, the selector's last entry: mike sorts a name
# that starts with a digit by its numbers (0 after every date), and any other
# name first.
ALL_EDITIONS, ALL_EDITIONS_TITLE = "0-alle-udgaver", "Alle udgaver"
# The selector shows this many editions; older ones are on "Alle udgaver".
SHOWN = 10


class EditionError(ValueError):
    """A publication that must not happen; the message is Danish, for editors."""


def edition_title(version: str, valid_from: dt.date) -> str:
    """The label readers see in the version selector."""
    if version == valid_from.isoformat():
        return f"Udgave {danish_date(valid_from)}"
    return f"{version} – gældende fra {danish_date(valid_from)}"


def parse_valid_from(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise EditionError(f"Datoen '{text}' kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, "
                           "fx GAELDENDE_FRA=2026-12-01.") from None


def check_version(version: str) -> str:
    version = (version or "").strip()
    if not _VERSION_RE.match(version):
        raise EditionError(f"Udgavenummeret '{version}' kan ikke bruges. Skriv en dato som ÅÅÅÅ-MM-DD, "
                           "fx VERSION=2027-01-01.")
    if version == ALIAS:
        raise EditionError(f"'{ALIAS}' er navnet på den nyeste udgave, ikke et udgavenummer.")
    return version


def _key(version: str) -> tuple[int, ...]:
    """Sort key: 2026.10 after 2026.9, 2026-12-07 after 2026-11-30. A part that
    is not a number (an edition published by hand, say "dev") sorts first."""
    return tuple(int(part) if part.isdigit() else -1 for part in re.split(r"[.-]", version))


@dataclass
class Edition:
    """One published edition, as versions.json lists it."""
    version: str
    title: str
    aliases: list[str] = field(default_factory=list)
    properties: dict = field(default_factory=dict)

    @property
    def valid_from(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat((self.properties or {}).get("gaeldende_fra") or "")
        except (TypeError, ValueError):
            return None


@dataclass
class Plan:
    """What one publication does, decided before anything is built."""
    version: str
    valid_from: dt.date
    title: str
    republish: bool
    # The alias moves here (False when an older edition is republished).
    takes_alias: bool
    # The edition that applied until now: it gets "gældende til" the day before.
    previous: str | None
    properties: dict[str, str]
    previous_properties: dict[str, str]


def _dated(name: str, day: dt.date) -> dict[str, str]:
    """A date property of an edition, as versions.json keeps it: ISO and in Danish words."""
    return {name: day.isoformat(), f"{name}_tekst": danish_date(day)}


def plan(editions: list[Edition], version: str, valid_from: dt.date, republish: bool = False, insert: bool = False) -> Plan:
    """Decide a publication, or refuse it with a Danish message. Pure: no git, no build.

    ``insert``: a new edition may come before a newer one (today's edition while
    a planned edition waits); it then applies until the day before that one."""
    version = check_version(version)
    existing = {e.version: e for e in editions}
    newest = max(existing, key=_key) if existing else None
    if version in existing and not republish:
        raise EditionError(
            f"Udgave {version} er allerede offentliggjort. Den bliver ikke overskrevet, for læsere "
            "og Ankestyrelsen skal kunne læse den, som den var. Vil du rette i den alligevel, så kør "
            f"`make publish VERSION={version} GAELDENDE_FRA={valid_from.isoformat()} GENUDGIV=ja`. "
            "Ellers giv den nye udgave et nyt navn: datoen, hvor den begynder at gælde.")
    if version not in existing and newest is not None and not insert and _key(version) < _key(newest):
        raise EditionError(f"Udgave {version} er ældre end den nyeste udgave, {newest}. "
                           "En ny udgave skal have et højere nummer.")
    # The dates follow the numbers: an edition starts after the one before it
    # and before the one after it (also when an edition is published again).
    dated = {v: e.valid_from for v, e in existing.items() if e.valid_from}
    before = max((v for v in dated if _key(v) < _key(version)), key=_key, default=None)
    after = min((v for v in dated if _key(v) > _key(version)), key=_key, default=None)
    if before and valid_from <= dated[before]:
        raise EditionError(
            f"Udgave {version} skal gælde fra en dato efter {danish_date(dated[before])}, "
            f"hvor udgave {before} begyndte at gælde. Ret GAELDENDE_FRA.")
    if after and valid_from >= dated[after]:
        raise EditionError(
            f"Udgave {version} skal gælde fra en dato før {danish_date(dated[after])}, "
            f"hvor udgave {after} begyndte at gælde. Ret GAELDENDE_FRA.")
    takes_alias = newest is None or _key(version) >= _key(newest)
    older = max((v for v in existing if _key(v) < _key(version)), key=_key, default=None)
    # The edition before ends the day before this one starts (not when an older edition is republished).
    previous = older if takes_alias or version not in existing else None
    previous_properties = _dated("gaeldende_til", valid_from - dt.timedelta(days=1)) if previous else {}
    properties = _dated("gaeldende_fra", valid_from)
    if after and version not in existing:
        properties |= _dated("gaeldende_til", dated[after] - dt.timedelta(days=1))
    if republish and version in existing:
        # Keep what a later edition already said about this one.
        properties |= {k: v for k, v in (existing[version].properties or {}).items() if k.startswith("gaeldende_til")}
    return Plan(version, valid_from, edition_title(version, valid_from), republish and version in existing,
                takes_alias, previous, properties, previous_properties)


def list_editions(repo: Path = ROOT, branch: str = BRANCH) -> list[Edition]:
    """The editions on the publishing branch, newest first (empty before the first)."""
    from mike import commands

    with contextlib.chdir(repo):  # mike works on the repository in the current directory
        versions = commands.list_versions(branch)
    return [Edition(str(v.version), v.title, sorted(v.aliases), dict(v.properties or {})) for v in versions
            if str(v.version) != ALL_EDITIONS]


# The site root, rendered by mike with the newest edition's folder as ``href``.
ROOT_TEMPLATE = Path(__file__).parent / "templates" / "nyeste.html"


def _git(repo: Path, *args: str, failed: str) -> list[str]:
    """The lines git prints; when git fails, EditionError: ``failed`` and git's own message."""
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise EditionError(f"{failed}: {result.stderr.strip()}")
    return [line for line in result.stdout.splitlines() if line]


def offline_zip_path(version: str) -> str:
    """Where an edition keeps its offline copy, inside the edition's folder."""
    from .offline import NAME

    return f"offline/{NAME}-{version}.zip"


def _add_offline_copy(site_dir: Path, version: str, dist: Path) -> None:
    from .offline import OfflineError, build_offline

    target = Path(site_dir) / offline_zip_path(version)
    try:
        copy = build_offline(dist, target.stem)
    except OfflineError as exc:
        raise EditionError(f"Offline-kopien af udgave {version} kunne ikke bygges, så udgaven blev "
                           f"ikke offentliggjort:\n{exc}") from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(copy.zip_path, target)


def publish(version: str, valid_from: dt.date, *, republish: bool = False, repo: Path = ROOT,
            branch: str = BRANCH, build=None, insert: bool = False) -> Plan:
    """Build one edition and commit it to ``branch`` of ``repo`` (no push).

    ``build(site_dir, env)`` builds the site; by default the project's strict
    build (sitekit.build.build_site). Nothing is committed unless the build
    succeeds, and nothing is built from uncommitted changes. The edition
    carries its own offline copy for training rooms (with the real build):
    offline/radikalisering-offline-<edition>.zip.
    """
    from mike import commands, git_utils, jsonpath

    from . import sitesettings
    from .build import build_site

    refused = sitesettings.publish_problems()
    if refused:
        raise EditionError("\n".join(refused))
    repo = Path(repo).resolve()
    # Tracked files with uncommitted changes: an edition is built from a commit, so it can always be traced.
    dirty = [line[3:] for line in _git(repo, "status", "--porcelain", "--untracked-files=no",
                                       failed=f"{repo} er ikke et git-repository")]
    if dirty:
        raise EditionError("Der er ændringer, som ikke er committet: " + ", ".join(dirty[:5])
                           + (" …" if len(dirty) > 5 else "") + ". En udgave bygges fra en commit, så den "
                           "altid kan findes igen. Commit ændringerne, eller læg dem til side med `git stash`.")
    decided = plan(list_editions(repo, branch), version, valid_from, republish, insert)
    head = (git_stdout(repo, "rev-parse", "--short", "HEAD") or "").strip() or "?"
    message = (f"Publish edition {decided.version} (valid from {decided.valid_from}) from {head}"
               + (", republished" if decided.republish else ""))
    site_url = os.environ.get("SITE_URL") or sitesettings.environ()["SITE_URL"]
    env = {VERSION_VAR: decided.version, "SITE_URL": site_url.rstrip("/") + "/" + decided.version + "/",
           "EDITIONS_ALIAS": ALIAS}
    props = [(jsonpath.parse(k), v) for k, v in decided.properties.items()]
    root_page = ROOT_TEMPLATE.read_text(encoding="utf-8").replace("{{ href }}", f"{ALIAS}/")
    with tempfile.TemporaryDirectory(prefix="edition-") as tmp, contextlib.chdir(repo):
        site_dir = Path(tmp) / "site"
        cfg = {"site_dir": str(site_dir), "use_directory_urls": True}
        aliases = [ALIAS] if decided.takes_alias else []
        try:
            with commands.deploy(cfg, decided.version, decided.title, aliases, update_aliases=True,
                                 alias_type=commands.AliasType[ALIAS_TYPE], branch=branch, message=message,
                                 set_props=props):
                result = (build or build_site)(site_dir, env=env)
                if result.returncode != 0:
                    raise EditionError(f"Bygningen fejlede, så udgave {decided.version} blev ikke "
                                       f"offentliggjort:\n{result.stdout}\n{result.stderr}")
                if build is None:
                    _add_offline_copy(site_dir, decided.version, Path(tmp) / "dist")
            if decided.previous:
                commands.set_properties(
                    decided.previous, [(jsonpath.parse(k), v) for k, v in decided.previous_properties.items()],
                    branch=branch,
                    message=(f"Edition {decided.previous} applied until "
                             f"{decided.previous_properties['gaeldende_til']}"))
            try:
                current_root = git_utils.read_file(branch, "index.html", universal_newlines=True)
            except git_utils.GitError:
                current_root = None
            if current_root != root_page:
                commands.set_default(ALIAS, template=str(ROOT_TEMPLATE), branch=branch,
                                     message=f"Site root opens the newest edition ({ALIAS}/)")
            _short_selector(branch, Path(tmp) / "alle")
        except git_utils.GitError as exc:
            raise EditionError(f"Git kunne ikke gemme udgave {decided.version} på grenen {branch}: {exc}") from exc
    return decided


def _short_selector(branch: str, site_dir: Path) -> None:
    """Hide the editions after the newest ten in the selector, and (re)write "Alle udgaver"."""
    from mike import commands, git_utils, jsonpath

    from . import render

    found = list_editions(Path.cwd(), branch)
    for edition in found[SHOWN:]:
        if not edition.properties.get("hidden"):
            commands.set_properties(edition.version, [(jsonpath.parse("hidden"), True)], branch=branch,
                                    message=f"Edition {edition.version} only on the page {ALL_EDITIONS_TITLE}")
    page = render("alle-udgaver.html", found=found, alias=ALIAS)
    with contextlib.suppress(git_utils.GitError):
        if git_utils.read_file(branch, f"{ALL_EDITIONS}/index.html", universal_newlines=True) == page:
            return
    site_dir.mkdir(parents=True)
    (site_dir / "index.html").write_text(page, encoding="utf-8")
    # Material's selector looks for the same page in the chosen entry's sitemap; none here: the list opens.
    (site_dir / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                                          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')
    with commands.deploy({"site_dir": str(site_dir)}, ALL_EDITIONS, ALL_EDITIONS_TITLE, [], branch=branch,
                         message=f"{ALL_EDITIONS_TITLE}: {len(found)} editions"):
        pass


def publish_today(on: dt.date | None = None, **kwargs) -> Plan:
    """The edition after a merge: today's (named by the date), made or published again.
    An edition of an earlier day is never touched."""
    on = on or today()
    version = on.isoformat()
    existing = {e.version for e in list_editions(kwargs.get("repo", ROOT), kwargs.get("branch", BRANCH))}
    return publish(version, on, republish=version in existing, insert=True, **kwargs)


def yes(value: str | None, name: str) -> bool:
    """A yes/no switch from make (GENUDGIV=ja); anything unclear is refused."""
    value = (value or "").strip().lower()
    if value in ("", "nej", "no", "0", "false"):
        return False
    if value in ("ja", "yes", "1", "true"):
        return True
    raise EditionError(f"{name}={value} forstås ikke. Skriv {name}=ja, eller udelad {name}.")


# --- "Ændringer": what changed in each edition -------------------------------------

# The list of changes, kept with the content (docs/om/aendringer.md). Its first
# section ("## …") is the edition being built; an editor adds a line there in
# the same pull request as the change:
#   - [Når du er bekymret](../vejledning/naar-du-er-bekymret.md): Nyt afsnit om …
CHANGES_PAGE = "om/aendringer.md"
# Pages whose changes readers must be told about: the guidance and the training.
_MD_LINK = re.compile(r"\]\(\s*<?([^)#\s>]+\.md)>?(?:#[^)\s]*)?\s*\)")


def pages_changed_in_this_edition(changes_text: str, changes_src: str = CHANGES_PAGE) -> set[str]:
    """Pages (docs-relative, e.g. 'vejledning/vink.md') that a list line in the
    first section of the changes page links to."""
    from .pages import split_front_matter

    sections = re.split(r"^## .*$", split_front_matter(changes_text)[1], flags=re.M)
    base = posixpath.dirname(changes_src)
    return {posixpath.normpath(posixpath.join(base, target))
            for line in (sections[1] if len(sections) > 1 else "").splitlines()
            if line.lstrip().startswith(("- ", "* ")) for target in _MD_LINK.findall(line) if "://" not in target}


def with_changed_note(markdown: str, page_src: str, changes_src: str = CHANGES_PAGE) -> str:
    """The page's Markdown with the note "Ændret i denne udgave" right after its first heading."""
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    link = posixpath.relpath(changes_src, posixpath.dirname(page_src) or ".")
    note = ('!!! note "Ændret i denne udgave"\n\n'
            f"    Siden er ændret i denne udgave af vejledningen. [Se hvad der er ændret]({link}).\n")
    return "\n".join(lines[:at] + ["", note] + lines[at:])


def changed_without_changelog(base_ref: str, repo: Path = ROOT) -> list[str]:
    """Guidance pages changed since ``base_ref`` (commits, staged and unstaged
    work, new files) while the changes page was not: the reminder for
    `make check`. Empty when the list was updated too, or nothing relevant changed.
    Raises EditionError when ``base_ref`` is unknown."""
    failed = f"Git kunne ikke sammenligne med '{base_ref}'"
    merge_base = _git(repo, "merge-base", base_ref, "HEAD", failed=failed)[0]
    changed = set(_git(repo, "diff", "--name-only", merge_base, "--", "docs/", failed=failed))
    changed |= set(_git(repo, "ls-files", "--others", "--exclude-standard", "--", "docs/", failed=failed))
    if f"docs/{CHANGES_PAGE}" in changed:
        return []
    return sorted(p for p in changed if p.endswith(".md") and in_scope(p.removeprefix("docs/"), GUIDANCE, TRAINING))


def changelog_reminder(pages: list[str]) -> str:
    """The Danish reminder for editors ('' when there is nothing to remind of)."""
    if not pages:
        return ""
    return ("Husk listen over ændringer: du har ændret " + ", ".join(pages) + f", men ikke docs/{CHANGES_PAGE}. "
            "Skriv en linje om ændringen øverst i listen, fx\n"
            "  - [Sidens titel](../vejledning/side.md): Hvad der er nyt, i én sætning.\n"
            "Er det kun en rettelse af stavning eller layout, behøver du ikke skrive noget.")
