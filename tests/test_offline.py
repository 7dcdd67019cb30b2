"""The offline copy (`make offline`, sitekit.offline.build_offline), as every published
edition carries it: unpacked, opened from the file system in Chromium. Navigation and
search must work, and not one request may go to anything but a file: URL (Material's
default worker stand-in would come from unpkg.com). The copy is the real site's published
edition's (``published_site``): `make publish` builds it with the same function, so the run
needs no build of its own."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from publishing import REAL_EDITION

from sitekit.editions import offline_zip_path
from sitekit.offline import problems

pytestmark = pytest.mark.browser
VERSION = REAL_EDITION
NAME = Path(offline_zip_path(VERSION)).stem


@pytest.fixture(scope="session")
def offline_copy(published_site, tmp_path_factory):
    zip_path = published_site.out / VERSION / offline_zip_path(VERSION)
    unpacked = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(unpacked)
    return SimpleNamespace(zip_path=zip_path, folder=unpacked / NAME,
                           files=sum(1 for p in (unpacked / NAME).rglob("*") if p.is_file()))


def test_zip_holds_the_whole_copy_in_one_folder(offline_copy):
    with zipfile.ZipFile(offline_copy.zip_path) as zf:
        names = zf.namelist()
    assert f"{NAME}/index.html" in names
    assert f"{NAME}/search/search_index.js" in names
    assert f"{NAME}/kompetenceforloeb/modul-1-forstaa-radikalisering.html" in names
    assert all(n.startswith(f"{NAME}/") for n in names)
    assert len(names) == offline_copy.files


def test_unpacked_zip_opens_from_file_system_with_navigation_and_search(browser, offline_copy, tmp_path):
    with zipfile.ZipFile(offline_copy.zip_path) as zf:
        zf.extractall(tmp_path)
    index = tmp_path / NAME / "index.html"

    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(index.as_uri())
    assert page.title()

    # Navigation: a click on a menu link opens another page from the files.
    page.locator(".md-tabs a", has_text="Kompetenceforløb").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/kompetenceforloeb/index.html"), page.url
    assert "Kompetenceforløb" in page.locator("h1").inner_text()

    # Search: typing gives results, from the inlined index, without a server,
    # and in Danish: no page has the word "underretningerne" in this form.
    page.locator("input.md-search__input").click()
    page.keyboard.type("underretningerne")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10000)
    assert results.count() >= 1
    assert any("/workers/search-da." in u for u in requests)

    # The English pages search their own index offline too (en/search/search_index.js).
    page.goto((tmp_path / NAME / "en" / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("notify")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible", timeout=10000)
    hrefs = results.evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(f"/{NAME}/en/" in h for h in hrefs), hrefs

    # The self-check works offline too.
    page.goto((tmp_path / NAME / "kompetenceforloeb" / "modul-1-forstaa-radikalisering.html").as_uri())
    page.locator("#selvtjek-modul-1-1-b").check()
    page.locator("#selvtjek-modul-1-1 .selvtjek__tjek").click()
    assert page.locator("#selvtjek-modul-1-1 .selvtjek__feedback").inner_text().startswith("Rigtigt")

    context.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
    assert len(requests) > 10


def test_a_foreign_script_is_refused(offline_copy, tmp_path):
    assert problems(offline_copy.folder) == []
    page = tmp_path / "index.html"
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.js").write_text("var __index = {}")
    page.write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>')
    found = problems(tmp_path)
    assert any("unpkg.com" in p for p in found), found
