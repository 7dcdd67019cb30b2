"""Editions (scripts/sitekit/editions.py): what a publication may do, decided
before anything is built, and what it commits to a real git repository. The
site here is a two-file stand-in built in a millisecond; the real site is
published in tests/test_publish.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from sitekit import editions
from sitekit.editions import Edition, EditionError, plan

D = dt.date


def test_labels_are_danish_and_say_when_the_edition_applied():
    assert editions.edition_title("2026.1", D(2026, 12, 1)) == "2026.1 – gældende fra 1. december 2026"
    # An edition named by its date.
    assert editions.edition_title("2026-12-07", D(2026, 12, 7)) == "Udgave 7. december 2026"
    assert editions.danish_date(D(2027, 5, 31)) == "31. maj 2027"


def _edition(version: str, valid_from: str, aliases=()) -> Edition:
    return Edition(version, version, list(aliases), {"gaeldende_fra": valid_from})


def test_the_first_edition_takes_the_alias():
    decided = plan([], "2026.1", D(2026, 12, 1))
    assert decided.takes_alias and decided.previous is None
    assert decided.properties == {"gaeldende_fra": "2026-12-01", "gaeldende_fra_tekst": "1. december 2026"}


def test_a_new_edition_ends_the_previous_one_the_day_before():
    decided = plan([_edition("2026.1", "2026-12-01", ["nyeste"])], "2026.2", D(2027, 3, 1))
    assert decided.takes_alias and decided.previous == "2026.1"
    assert decided.previous_properties == {"gaeldende_til": "2027-02-28", "gaeldende_til_tekst": "28. februar 2027"}


@pytest.mark.parametrize("version, valid_from, message", [
    ("2026.1", D(2026, 12, 1), "Udgave 2026.1 er allerede offentliggjort"),
    ("2025.9", D(2027, 1, 1), "Udgave 2025.9 er ældre end den nyeste udgave, 2026.1"),
    ("2026.2", D(2026, 12, 1), "skal gælde fra en dato efter 1. december 2026"),
    ("2026 1", D(2027, 1, 1), "Udgavenummeret '2026 1' kan ikke bruges"),
    ("nyeste", D(2027, 1, 1), "kan ikke bruges"),
])
def test_a_publication_that_could_lose_something_is_refused_in_danish(version, valid_from, message):
    with pytest.raises(EditionError, match=message):
        plan([_edition("2026.1", "2026-12-01", ["nyeste"])], version, valid_from)


def test_a_republished_edition_keeps_its_place_in_time():
    existing = [_edition("2027.1", "2027-12-01", ["nyeste"]), _edition("2026.1", "2026-12-01")]
    with pytest.raises(EditionError, match="dato før 1. december 2027"):
        plan(existing, "2026.1", D(2028, 1, 1), republish=True)
    with pytest.raises(EditionError, match="dato efter 1. december 2026"):
        plan(existing, "2027.1", D(2026, 1, 1), republish=True)
    # An edition published by hand under another name does not stop a publication.
    assert plan(existing + [Edition("dev", "dev")], "2028.1", D(2028, 12, 1)).previous == "2027.1"


def test_republishing_an_older_edition_leaves_the_alias_on_the_newest():
    existing = [_edition("2027.1", "2027-12-01", ["nyeste"]),
                Edition("2026.1", "2026.1", [], {"gaeldende_fra": "2026-12-01", "gaeldende_til": "2027-11-30",
                                                 "gaeldende_til_tekst": "30. november 2027"})]
    decided = plan(existing, "2026.1", D(2026, 12, 1), republish=True)
    assert decided.republish and not decided.takes_alias and decided.previous is None
    assert decided.properties["gaeldende_til_tekst"] == "30. november 2027"


def test_dates_and_switches_from_make_are_checked():
    assert editions.parse_valid_from("2026-12-01") == D(2026, 12, 1)
    with pytest.raises(EditionError, match="ÅÅÅÅ-MM-DD"):
        editions.parse_valid_from("1. december 2026")
    assert editions.yes("ja", "GENUDGIV") and not editions.yes("", "GENUDGIV")
    with pytest.raises(EditionError, match="GENUDGIV=måske forstås ikke"):
        editions.yes("måske", "GENUDGIV")


# --- publishing into a real git repository ---------------------------------------

class _Built:
    def __init__(self, returncode: int = 0):
        self.returncode, self.stdout, self.stderr = returncode, "", "bygget"


def _stand_in_build(text: str, fail: bool = False):
    def build(site_dir: Path, env: dict) -> _Built:
        site_dir.mkdir(parents=True)
        (site_dir / "index.html").write_text(f"{text} {env['MIKE_DOCS_VERSION']}", encoding="utf-8")
        (site_dir / "side").mkdir()
        (site_dir / "side" / "index.html").write_text(text, encoding="utf-8")
        return _Built(1 if fail else 0)
    return build


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    # The site's address and edit link (else publishing refuses, see test_publish.py).
    monkeypatch.setenv("SITE_URL", "https://vejledning.example.invalid/")
    monkeypatch.setenv("EDIT_URI", "https://github.com/eksempel/radikalisering/edit/main/docs/")
    for key, value in {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}.items():
        monkeypatch.setenv(key, value)
    (tmp_path / "README.md").write_text("kilde")
    for cmd in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "kilde"]):
        subprocess.run(["git", *cmd], cwd=tmp_path, check=True)
    return tmp_path


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def test_publish_commits_editions_side_by_side_and_never_rewrites_one(repo: Path):
    cwd = os.getcwd()
    editions.publish("2026.1", D(2026, 12, 1), repo=repo, build=_stand_in_build("første"))
    first = _git(repo, "rev-parse", "gh-pages:2026.1")
    editions.publish("2027.1", D(2027, 12, 1), repo=repo, build=_stand_in_build("anden"))
    assert os.getcwd() == cwd
    assert _git(repo, "rev-parse", "gh-pages:2026.1") == first
    assert _git(repo, "show", "gh-pages:nyeste/index.html") == "anden 2027.1"
    assert "url=nyeste/" in _git(repo, "show", "gh-pages:index.html")
    versions = json.loads(_git(repo, "show", "gh-pages:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2027.1", ["nyeste"]), ("2026.1", []),
                                                                ("0-alle-udgaver", [])]
    assert versions[1]["properties"]["gaeldende_til"] == "2027-11-30"
    assert _git(repo, "branch", "--show-current") == "main"

    # Refused without the flag: nothing is committed.
    head = _git(repo, "rev-parse", "gh-pages")
    with pytest.raises(EditionError, match="allerede offentliggjort"):
        editions.publish("2026.1", D(2026, 12, 1), repo=repo, build=_stand_in_build("rettet"))
    # Nor is an edition built from changes that are not committed.
    (repo / "README.md").write_text("ændret, ikke committet")
    with pytest.raises(EditionError, match="ikke er committet: README.md"):
        editions.publish("2028.1", D(2028, 12, 1), repo=repo, build=_stand_in_build("x"))
    _git(repo, "checkout", "--", "README.md")
    # A failing build commits nothing either.
    with pytest.raises(EditionError, match="Bygningen fejlede"):
        editions.publish("2028.1", D(2028, 12, 1), repo=repo, build=_stand_in_build("x", fail=True))
    assert _git(repo, "rev-parse", "gh-pages") == head

    # With the flag the older edition is replaced; the alias stays on the newest.
    editions.publish("2026.1", D(2026, 12, 1), republish=True, repo=repo, build=_stand_in_build("rettet"))
    assert _git(repo, "show", "gh-pages:2026.1/side/index.html") == "rettet"
    assert _git(repo, "show", "gh-pages:nyeste/index.html") == "anden 2027.1"
    versions = {v["version"]: v for v in json.loads(_git(repo, "show", "gh-pages:versions.json"))}
    assert versions["2026.1"]["properties"]["gaeldende_til_tekst"] == "30. november 2027"
    assert [e.version for e in editions.list_editions(repo)] == ["2027.1", "2026.1"]


def _tree(repo: Path, version: str) -> str:
    return _git(repo, "rev-parse", f"gh-pages:{version}")


def test_a_day_has_one_edition_that_later_merges_that_day_update(repo: Path):
    editions.publish_today(D(2026, 12, 7), repo=repo, build=_stand_in_build("morgen"))
    editions.publish_today(D(2026, 12, 7), repo=repo, build=_stand_in_build("eftermiddag"))
    assert _git(repo, "show", "gh-pages:2026-12-07/side/index.html") == "eftermiddag"
    first = _tree(repo, "2026-12-07")
    editions.publish_today(D(2026, 12, 8), repo=repo, build=_stand_in_build("næste dag"))
    assert _tree(repo, "2026-12-07") == first
    assert _git(repo, "show", "gh-pages:nyeste/side/index.html") == "næste dag"
    versions = {v["version"]: v for v in json.loads(_git(repo, "show", "gh-pages:versions.json"))}
    assert versions["2026-12-07"]["properties"]["gaeldende_til_tekst"] == "7. december 2026"
    assert versions["2026-12-08"]["title"] == "Udgave 8. december 2026"


def test_todays_edition_comes_before_a_planned_one():
    planned = [_edition("2027-01-01", "2027-01-01", ["nyeste"]), _edition("2026-12-01", "2026-12-01")]
    with pytest.raises(EditionError, match="ældre end den nyeste"):
        plan(planned, "2026-12-07", D(2026, 12, 7))
    decided = plan(planned, "2026-12-07", D(2026, 12, 7), insert=True)
    assert not decided.takes_alias and decided.previous == "2026-12-01"
    assert decided.properties["gaeldende_til"] == "2026-12-31"
    assert decided.previous_properties["gaeldende_til"] == "2026-12-06"


def test_the_selector_shows_the_newest_ten_and_all_editions_are_listed(repo: Path):
    days = [D(2026, 12, 1) + dt.timedelta(days=n) for n in range(12)]
    for day in days:
        editions.publish_today(day, repo=repo, build=_stand_in_build("x"))
    versions = json.loads(_git(repo, "show", "gh-pages:versions.json"))
    # Material leaves out an entry with the property "hidden"; "Alle udgaver" comes last.
    shown = [v["title"] for v in versions if not (v.get("properties") or {}).get("hidden")]
    assert len(shown) == 11 and shown[0] == "Udgave 12. december 2026" and shown[-1] == "Alle udgaver"
    listing = _git(repo, "show", "gh-pages:0-alle-udgaver/index.html")
    assert all(f'href="../{day.isoformat()}/"' in listing for day in days)
    assert '<html lang="da">' in listing


def test_publishing_refuses_without_the_address(repo: Path, monkeypatch):
    monkeypatch.delenv("SITE_URL")
    monkeypatch.setattr(editions, "ROOT", repo)
    from sitekit import sitesettings

    monkeypatch.setattr(sitesettings, "FILE", repo / "sitet.yml")
    with pytest.raises(EditionError, match="Sitets offentlige adresse er ikke sat"):
        editions.publish_today(D(2026, 12, 7), repo=repo, build=_stand_in_build("x"))
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    with pytest.raises(EditionError, match="Sitets offentlige adresse er ikke sat"):
        editions.publish_today(D(2026, 12, 7), repo=repo, build=_stand_in_build("x"))
    monkeypatch.setenv("SITE_URL", "https://vejledning.example.invalid/")
    monkeypatch.setenv("EDIT_URI", "https://github.com/ORGANISATION-UDFYLDES/x/edit/main/docs/")
    with pytest.raises(EditionError, match="peger stadig på en pladsholder"):
        editions.publish_today(D(2026, 12, 7), repo=repo, build=_stand_in_build("x"))


# --- the changes list ------------------------------------------------------------

CHANGES = """---
title: Hvad er ændret?
---

# Hvad er ændret?

## Næste udgave

- [VINK](../vejledning/vink.md): Nyt afsnit.
- [To sider](../vejledning/kontakt.md#telefon) og [en til](<../kompetenceforloeb/cases.md>): Rettet.
- Se [Digitaliseringsstyrelsen](https://digst.dk/side.md).

Tekst, der nævner [en side](../vejledning/ordliste.md) uden for listen.

## Udgave 2026.1

- [Gammel ændring](../vejledning/hvem-goer-hvad.md): Ikke i denne udgave.
"""


def test_the_changes_list_names_the_pages_changed_in_this_edition():
    assert editions.pages_changed_in_this_edition(CHANGES) == {
        "vejledning/vink.md", "vejledning/kontakt.md", "kompetenceforloeb/cases.md"}
    assert editions.pages_changed_in_this_edition("# Hvad er ændret?\n\n## Første udgave\n\n- Ny.\n") == set()


def test_the_note_sits_under_the_heading_and_links_to_the_list():
    text = editions.with_changed_note("# VINK\n\nTekst.", "vejledning/vink.md")
    assert text.startswith("# VINK\n\n!!! note \"Ændret i denne udgave\"")
    assert "[Se hvad der er ændret](../om/aendringer.md)" in text
    assert text.endswith("Tekst.")


def test_changed_guidance_without_a_line_in_the_list_gets_a_reminder(repo: Path):
    def write(path: str, text: str) -> None:
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")

    write("docs/vejledning/vink.md", "# VINK\n")
    write("docs/om/aendringer.md", "# Hvad er ændret?\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "sider")
    _git(repo, "switch", "-qc", "rettelse")
    assert editions.changed_without_changelog("main", repo) == []

    write("docs/vejledning/vink.md", "# VINK\n\nNyt.\n")          # not committed yet
    write("docs/kompetenceforloeb/ny.md", "# Ny\n")               # a new file
    write("docs/om/index.md", "# Om\n")                            # not guidance
    assert editions.changed_without_changelog("main", repo) == [
        "docs/kompetenceforloeb/ny.md", "docs/vejledning/vink.md"]
    assert "docs/om/aendringer.md" in editions.changelog_reminder(["docs/vejledning/vink.md"])

    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "ændring")
    assert editions.changed_without_changelog("main", repo) == [
        "docs/kompetenceforloeb/ny.md", "docs/vejledning/vink.md"]
    write("docs/om/aendringer.md", "# Hvad er ændret?\n\n## Næste udgave\n\n- [VINK](../vejledning/vink.md): Nyt.\n")
    assert editions.changed_without_changelog("main", repo) == []
    with pytest.raises(EditionError, match="findes-ikke"):
        editions.changed_without_changelog("findes-ikke", repo)
