"""Publishing as CI does after a merge: the publish workflow's own steps in a
throw-away repository with a bare origin (tests/publishing.py). The real site
publishes (``published_site``), and its links stay right under the version
prefix. On a small site (``published_editions``): a merge publishes that day's edition, a second merge
the same day publishes it again, a later day's edition leaves the earlier one
byte for byte, the alias and the site root open the newest, an older edition
says so, links stay right under a version prefix, and nothing is published
without the site's address. `make publish` takes its values as text only."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from publishing import ADDRESS, EDITIONS, GONE_PAGE, REAL_EDITION, SAME_DAY_PAGE, SAME_DAY_TEXT, SETTINGS, write_settings

from conftest import ROOT, StaticServer
from sitekit.links import check_offline

OLD, NEW = (version for version, _ in EDITIONS)


def test_a_second_merge_the_same_day_publishes_that_days_edition_again(published_editions):
    assert published_editions.first_tree != published_editions.first_tree_before
    page = SAME_DAY_PAGE.removeprefix("docs/").removesuffix("index.md")
    assert SAME_DAY_TEXT in (published_editions.out / OLD / page / "index.html").read_text(encoding="utf-8")
    # Still one edition for that day.
    assert [v["version"] for v in published_editions.versions()].count(OLD) == 1


def test_a_new_days_edition_leaves_the_old_one_byte_for_byte(published_editions):
    # Same git tree: every file of the first edition has the same bytes, and none came or went.
    assert published_editions.git("rev-parse", f"gh-pages:{OLD}") == published_editions.first_tree
    versions = {v["version"]: v for v in published_editions.versions()}
    assert set(versions) == {OLD, NEW, "0-alle-udgaver"}
    assert versions[OLD]["title"] == "Udgave 1. december 2099"
    assert versions[NEW]["title"] == "Udgave 2. december 2099"
    assert versions["0-alle-udgaver"]["title"] == "Alle udgaver"
    assert versions[NEW]["aliases"] == ["nyeste"] and versions[OLD]["aliases"] == []
    assert versions[OLD]["properties"]["gaeldende_til_tekst"] == "1. december 2099"
    listing = (published_editions.out / "0-alle-udgaver" / "index.html").read_text(encoding="utf-8")
    assert listing.index(f'href="../{NEW}/"') < listing.index(f'href="../{OLD}/"')
    for version in (OLD, NEW):
        assert (published_editions.out / version / "vejledning" / "vink" / "index.html").is_file()


def test_every_edition_carries_its_own_offline_copy(published_editions):
    for version in (OLD, NEW):
        with zipfile.ZipFile(published_editions.out / version / "offline"
                             / f"radikalisering-offline-{version}.zip") as zf:
            names = zf.namelist()
        top = f"radikalisering-offline-{version}/"
        assert top + "index.html" in names and top + "search/search_index.js" in names
        assert all(n.startswith(top) for n in names)


def test_the_alias_and_the_site_root_open_the_newest(published_editions):
    out = published_editions.out
    # The alias is a copy (hosts that do not follow symlinks), not a symlink.
    assert not (out / "nyeste").is_symlink()
    assert published_editions.git("rev-parse", "gh-pages:nyeste") == \
        published_editions.git("rev-parse", f"gh-pages:{NEW}")
    root = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=nyeste/">' in root
    assert "<script" not in root


def test_publishing_an_edition_again_needs_the_flag(published_editions):
    head = published_editions.git("rev-parse", "gh-pages")
    result = published_editions.make_publish(OLD, OLD)
    assert result.returncode != 0
    assert f"Udgave {OLD} er allerede offentliggjort" in result.stderr
    assert "make: ***" not in result.stderr
    assert "GENUDGIV=ja" in result.stderr
    assert published_editions.git("rev-parse", "gh-pages") == head


def test_the_real_site_publishes_through_the_workflows_steps(published_site):
    versions = published_site.versions()
    assert [(v["version"], v["aliases"]) for v in versions if v["version"] != "0-alle-udgaver"] == [
        (REAL_EDITION, ["nyeste"])]
    assert (published_site.out / REAL_EDITION / "en" / "vejledning" / "efter-vink" / "index.html").is_file()


def test_links_stay_right_under_a_version_prefix(published_site):
    problems = check_offline(published_site.out / REAL_EDITION, root_path=f"/{REAL_EDITION}/")
    assert problems == [], "\n".join(p.format() for p in problems)
    html = (published_site.out / REAL_EDITION / "vejledning" / "vink" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<div class="md-copyright">'):]
    # The footer's link to the accessibility statement is relative, so it stays in the edition.
    assert '<a href="../../om/tilgaengelighed/">Tilgængelighedserklæring</a>' in footer
    assert f'<link rel="canonical" href="{ADDRESS}{REAL_EDITION}/vejledning/vink/">' in html
    assert "127.0.0.1" not in html
    edit = f"https://github.com/{SETTINGS['organisation']}/{SETTINGS['repository']}/edit/main/docs/"
    assert f'href="{edit}vejledning/vink.md"' in html


def test_a_page_in_the_changes_list_says_it_changed_in_this_edition(published_editions):
    def html(version: str, page: str) -> str:
        return (published_editions.out / version / page / "index.html").read_text(encoding="utf-8")

    assert "Ændret i denne udgave" in html(NEW, "vejledning/vink")
    assert 'href="../../om/aendringer/"' in html(NEW, "vejledning/vink")
    assert "Ændret i denne udgave" not in html(OLD, "vejledning/vink")
    assert "Ændret i denne udgave" not in html(NEW, "vejledning")
    assert "Siden er gennemgået." in html(NEW, "om/aendringer")


@pytest.mark.parametrize("unset", ["adresse", "organisation"])
def test_nothing_is_published_without_the_address_or_the_edit_link(published_editions, unset):
    ci = published_editions.checkout()
    write_settings(ci, **dict(SETTINGS, **{unset: f"{unset.upper()}-UDFYLDES"}))
    published_editions.git("commit", "--quiet", "--all", "--message", "Indstilling mangler", cwd=ci)
    before = published_editions.git("rev-parse", "gh-pages")
    result = published_editions.ci_run(NEW, "edition", "push", ci=ci)
    assert result.returncode != 0
    expected = {"adresse": "Sitets offentlige adresse er ikke sat. Skriv den ved 'adresse:' i sitet.yml",
                "organisation": "Knappen 'Redigér denne side' peger stadig på en pladsholder."}[unset]
    assert "Udgaven blev ikke offentliggjort. " in result.stderr and expected in result.stderr
    assert "make: ***" not in result.stderr and "Error" not in result.stderr
    assert published_editions.git("rev-parse", "gh-pages") == before


@pytest.mark.parametrize("version", ['2027-01-01"; touch {pwned}; "', "$(shell touch {pwned})",
                                     "2027-01-01'; touch {pwned}; '", "`touch {pwned}`"])
def test_make_publish_takes_its_values_as_text(tmp_path: Path, version: str):
    pwned = tmp_path / "pwned"
    result = subprocess.run(["make", "-C", str(ROOT), "publish", "VERSION=" + version.format(pwned=pwned),
                             "GAELDENDE_FRA=2027-01-01"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert not pwned.exists()
    assert result.returncode != 0 and "kan ikke bruges" in result.stderr
    assert "make: ***" not in result.stderr


@pytest.fixture(scope="module")
def editions_url(published_editions):
    with StaticServer(published_editions.out) as server:
        yield server.url


def _open_selector(page, url: str) -> list[str]:
    """The titles in the edition selector of the page at ``url``."""
    page.goto(url)
    # Material's script (which draws the selector) starts at the reader's first move.
    page.mouse.move(200, 300)
    page.locator(".md-version").wait_for(state="attached", timeout=10000)
    return [t.strip() for t in page.locator(".md-version__link").all_inner_texts()]


def _choose(page, edition: str, expected_url: str) -> None:
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text=edition).click()
    page.wait_for_url(expected_url, timeout=10000)


@pytest.mark.browser
def test_the_selector_shows_both_editions(page, editions_url):
    assert _open_selector(page, editions_url + "nyeste/vejledning/vink/") == [
        "Udgave 2. december 2099", "Udgave 1. december 2099", "Alle udgaver"]
    # The newest edition has no banner.
    assert page.locator("[data-md-component=outdated]").is_hidden()
    # Choosing the older edition opens the same page there.
    _choose(page, "1. december 2099", editions_url + f"{OLD}/vejledning/vink/")
    # The last entry lists every edition.
    _open_selector(page, editions_url + "nyeste/vejledning/vink/")
    _choose(page, "Alle udgaver", editions_url + "0-alle-udgaver/")
    assert page.get_by_role("link", name="Udgave 1. december 2099").is_visible()


@pytest.mark.browser
def test_the_selector_works_on_english_pages(page, editions_url):
    # English pages keep Material's base at the edition's root, so the
    # selector finds versions.json and opens the same English page.
    assert len(_open_selector(page, editions_url + "nyeste/en/vejledning/vink/")) == 3
    _choose(page, "1. december 2099", editions_url + f"{OLD}/en/vejledning/vink/")
    assert page.get_attribute("html", "lang") == "en"
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible", timeout=10000)
    assert "You are reading an older edition." in banner.inner_text()


@pytest.mark.browser
def test_an_older_edition_says_so_and_links_to_the_newest(page, editions_url):
    page.goto(editions_url + f"{OLD}/vejledning/vink/")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible", timeout=10000)
    page.wait_for_function("document.querySelector('[data-edition-until]').textContent !== ''")
    assert "Du læser en ældre udgave (gældende til 1. december 2099)." in banner.inner_text()
    # The banner and the selector keep the page accessible, on a desktop and on a phone.
    for width, height in ((1280, 800), (390, 800)):
        page.set_viewport_size({"width": width, "height": height})
        violations = Axe().run(page).response["violations"]
        assert [f"{v['id']}: {v['help']}" for v in violations] == [], width
    banner.get_by_role("link", name="Læs siden i den nyeste udgave").click()
    page.wait_for_url(editions_url + "nyeste/vejledning/vink/")
    assert page.locator("[data-md-component=outdated]").is_hidden()


@pytest.mark.browser
def test_a_page_gone_from_the_newest_links_to_its_start_page(page, editions_url):
    gone = GONE_PAGE.removeprefix("docs/").removesuffix(".md") + "/"
    page.goto(editions_url + f"{OLD}/{gone}")
    link = page.locator("[data-edition-newest]")
    link.wait_for(state="visible", timeout=10000)
    page.wait_for_function("document.querySelector('[data-edition-newest]').href.endsWith('/nyeste/')")
    assert link.inner_text() == "Gå til forsiden af den nyeste udgave"
    link.click()
    page.wait_for_url(editions_url + "nyeste/")
