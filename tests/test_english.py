"""The English edition (issue 12): page.en.md beside page.md, built under /en/.

Built-site tests read the real site (the session's one build); browser tests
drive Chromium; the translation report is tested on a temporary git repository.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import axe_violations, html_pages, resize
from sitekit import decision_guide, translations
from sitekit.__main__ import main as sitekit_main
from sitekit.paths import DOCS
from sitekit.problems import WARNING

# Every English source page, and the page it becomes.
ENGLISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.en.md")
                       if not p.relative_to(DOCS).parts[0].startswith("_"))


def _built(src: str) -> str:
    """'vejledning/x.en.md' -> 'en/vejledning/x/index.html'."""
    stem = src[: -len(".en.md")]
    if stem == "index" or stem.endswith("/index"):
        return "en/" + stem[: -len("index")] + "index.html"
    return f"en/{stem}/index.html"


def _text(page_html: str) -> str:
    """Visible text of the article, without parts marked as Danish (lang="da")."""
    m = re.search(r"<article[^>]*>(.*)</article>", page_html, re.S)
    body = m.group(1) if m else page_html
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", body, flags=re.S)
    # Drop elements marked as Danish, and the sources (Danish document titles).
    body = re.sub(r'<(span|a|em|i)\b[^>]*lang="da"[^>]*>.*?</\1>', " ", body, flags=re.S)
    body = re.sub(r'<h2[^>]*id="sources".*', " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


# Frequent Danish words that are not in Danish names of institutions and acts.
DANISH_WORDS = {"ikke", "du", "det", "der", "er", "at", "en", "til", "på", "med", "har", "kan", "skal",
                "hvis", "eller", "om", "som", "vi", "dig", "hvad", "hvornår", "siden", "borgeren"}


def _danish_share(text: str) -> float:
    words = re.findall(r"[a-zæøå]+", text.lower())
    return sum(w in DANISH_WORDS for w in words) / max(len(words), 1)


# --- the built site ------------------------------------------------------------

def test_the_core_pages_are_translated():
    assert translations.status(DOCS).missing == []
    assert len(ENGLISH_PAGES) >= 10


def test_every_english_page_is_built_in_english(built_site: Path):
    for src in ENGLISH_PAGES:
        page = (built_site / _built(src)).read_text(encoding="utf-8")
        assert '<html lang="en"' in page, src
        text = _text(page)
        assert len(text.split()) > 40, src
        assert _danish_share(text) < 0.03, (src, _danish_share(text))
        # Material's English interface and our own English chrome.
        assert "Skip to content" in page and "Gå til indhold" not in page, src
        assert "Last reviewed" in page and "Sidst gennemgået" not in page, src
    # Danish terms in English text are marked as Danish (WCAG 3.1.2).
    children = (built_site / _built("vejledning/boern-og-unge.en.md")).read_text(encoding="utf-8")
    assert '<em lang="da">underretningspligt</em>' in children


def test_no_danish_page_is_served_as_english(built_site: Path):
    english = {p for p in html_pages(built_site) if p.startswith("en/")}
    guide = decision_guide.load(decision_guide.guide_file(DOCS, "en"))
    expected = {_built(src) for src in ENGLISH_PAGES} | {"en/404.html"}
    expected |= {f"en/{decision_guide.FOLDER}/{sid}/index.html" for sid in guide.nodes}
    assert english == expected
    # The Danish pages stay Danish, and untranslated ones have no English copy.
    assert '<html lang="da"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in (built_site / "404.html").read_text(encoding="utf-8")
    assert not (built_site / "en" / "kompetenceforloeb").exists()
    assert not (built_site / "en" / "vejledning" / "handlingsplan").exists()


def test_every_step_of_the_decision_guide_is_in_english(built_site: Path):
    da = decision_guide.load(decision_guide.guide_file(DOCS, "da"))
    en = decision_guide.load(decision_guide.guide_file(DOCS, "en"))
    assert set(en.nodes) == set(da.nodes) and en.start == da.start
    for sid, node in en.nodes.items():
        # Same routes as the Danish original.
        assert [o.target for o in node.options] == [o.target for o in da.nodes[sid].options], sid
        page = (built_site / "en" / decision_guide.FOLDER / sid / "index.html").read_text(encoding="utf-8")
        assert '<html lang="en"' in page, sid
        heading = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))
        assert (node.answer or node.question) in re.sub(r"<[^>]+>", "", heading), sid
        assert ">Back</a>" in page and "Tilbage" not in page, sid
        assert _danish_share(_text(page)) < 0.03, sid


def _switch_links(page_html: str) -> dict[str, str]:
    return dict((lang, href) for href, lang in
                re.findall(r'<a href="([^"]*)" hreflang="([a-z]{2})" class="md-select__link">', page_html))


def test_hreflang_links_the_two_versions(built_site: Path):
    en = (built_site / "en/vejledning/efter-vink/index.html").read_text(encoding="utf-8")
    da = (built_site / "vejledning/efter-vink/index.html").read_text(encoding="utf-8")
    assert _switch_links(en) == {"da": "../../../vejledning/efter-vink/", "en": "./"}
    assert _switch_links(da) == {"da": "./", "en": "../../en/vejledning/efter-vink/"}
    step = (built_site / "vejledning/skal-jeg-kontakte-vink/alder/index.html").read_text(encoding="utf-8")
    assert _switch_links(step)["en"] == "../../../en/vejledning/skal-jeg-kontakte-vink/alder/"
    # An untranslated page points the English switch at the English start page.
    plans = (built_site / "vejledning/handlingsplan/index.html").read_text(encoding="utf-8")
    assert _switch_links(plans)["en"] == "../../en/"
    # Every page's pair is in sitemap.xml, none in the head (tests/test_html_valid.py).
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("vejledning/efter-vink/", "vejledning/skal-jeg-kontakte-vink/alder/"):
        entry = re.search(rf"<loc>[^<]*/{re.escape(path)}</loc>(.*?)</url>", sitemap, re.S).group(1)
        assert re.search(rf'hreflang="en" href="[^"]*/en/{re.escape(path)}"', entry), path


def test_english_pages_get_english_shortcodes_and_tooltips(built_site: Path):
    contacts = (built_site / "en/vejledning/kontakt/index.html").read_text(encoding="utf-8")
    assert "<dt>Phone</dt>" in contacts and "<dt>Telefon</dt>" not in contacts
    assert "If someone is in danger right now" in contacts
    # Numbers come from the one contacts file.
    assert 'href="tel:112"' in contacts
    assert "Udfyldes af redaktøren" not in contacts
    start = (built_site / "en/index.html").read_text(encoding="utf-8")
    assert "Talk to your manager, and get advice from <abbr" in start
    worried = (built_site / "en/vejledning/naar-du-er-bekymret/index.html").read_text(encoding="utf-8")
    assert "Read the diagram as text" in worried and "Læs tegningen som tekst" not in worried
    vink_en = re.search(r'<abbr title="([^"]*)">VINK</abbr>', start).group(1)
    vink_da = re.search(r'<abbr title="([^"]*)">VINK</abbr>',
                        (built_site / "index.html").read_text(encoding="utf-8")).group(1)
    assert "Knowledge and Inclusion" in html.unescape(vink_en)
    assert "Knowledge" not in vink_da and "Viden og inklusion" in vink_da
    glossary = (built_site / "en/vejledning/ordliste/index.html").read_text(encoding="utf-8")
    assert "child welfare investigation" in glossary


def test_search_index_per_language(built_site: Path):
    da = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert da and en
    assert not [d["location"] for d in da if d["location"].startswith("en/")]
    # English locations are English pages (relative to the root, the pages' search base).
    for doc in en:
        page = doc["location"].split("#")[0]
        assert page.startswith("en/"), doc
        assert (built_site / page / ("index.html" if not page.endswith(".html") else "")).exists(), doc
    assert any(d["title"] == "What is radicalisation?" for d in en)
    assert not any(d["title"] == "Hvad er radikalisering?" for d in en)
    assert any(d["title"] == "Hvad er radikalisering?" for d in da)
    assert not any(d["title"] == "What is radicalisation?" for d in da)
    # English pages ask for the English index and search with Material's own
    # worker; their base stays the root (the edition selector reads it).
    page = (built_site / "en/vejledning/efter-vink/index.html").read_text(encoding="utf-8")
    assert '"base": "../../.."' in page
    assert 'data-search-index="../../search/search_index.json"' in page
    assert "data-worker=" not in page
    assert "data-worker=" in (built_site / "vejledning/efter-vink/index.html").read_text(encoding="utf-8")


# --- in Chromium ---------------------------------------------------------------

def _switch(page, lang: str, expected_url: str) -> None:
    """Choose ``lang`` in the language switch: the page at ``expected_url`` opens, in that language."""
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == expected_url
    assert page.get_attribute("html", "lang") == lang


@pytest.mark.browser
def test_language_switch_stays_on_the_same_page(page, site_url: str):
    page.goto(site_url + "vejledning/efter-vink/")
    _switch(page, "en", site_url + "en/vejledning/efter-vink/")
    _switch(page, "da", site_url + "vejledning/efter-vink/")
    # A generated step of the decision guide too.
    page.goto(site_url + "vejledning/skal-jeg-kontakte-vink/alder/")
    _switch(page, "en", site_url + "en/vejledning/skal-jeg-kontakte-vink/alder/")


@pytest.mark.browser
def test_language_switch_on_an_untranslated_page_goes_to_the_english_start(page, site_url: str):
    page.goto(site_url + "vejledning/handlingsplan/")
    _switch(page, "en", site_url + "en/")


@pytest.mark.browser
def test_search_stays_in_the_readers_language(page, site_url: str):
    def results(start: str, query: str) -> list[str]:
        page.goto(site_url + start, wait_until="networkidle")
        page.locator(".md-search__input").first.click()
        # Type like a reader: Material searches on key presses once its index is loaded.
        page.locator(".md-search__input").press_sequentially(query, delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=20000)
        return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")

    english = results("en/", "notify")
    assert page.get_attribute('.md-search[role="dialog"]', "aria-label") == "Search this site"
    assert english and all(h.startswith(site_url + "en/") for h in english), english
    danish = results("", "underrette")
    assert danish and not any(h.startswith(site_url + "en/") for h in danish), danish


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
ENGLISH_SAMPLE = ["en/", "en/vejledning/naar-du-er-bekymret/", "en/vejledning/kontakt/",
                  "en/vejledning/skal-jeg-kontakte-vink/barn-eller-ung/", "en/vejledning/ordliste/"]


@pytest.fixture(scope="module")
def english_visits(browser, site_url: str) -> dict[str, dict[str, list[str]]]:
    """Each sample page, opened once in one tab: axe on a desktop screen and on a phone,
    and the page's console errors."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    visits: dict[str, dict[str, list[str]]] = {}
    page.on("console", lambda m: m.type == "error" and visits[page_path]["errors"].append(m.text))
    page.on("pageerror", lambda e: visits[page_path]["errors"].append(str(e)))
    for page_path in ENGLISH_SAMPLE:
        visit = visits[page_path] = {"violations": [], "errors": []}
        page.set_viewport_size(DESKTOP)
        page.goto(site_url + page_path, wait_until="load")
        visit["violations"] += [f"{DESKTOP['width']}px {v}" for v in axe_violations(page)]
        # Material's script starts only at the reader's first interaction, so resizing the
        # loaded page gives what a phone shows (as in tests/test_every_page.py). Colour contrast:
        # the stylesheet changes the layout on a phone, not the colours; checked at phone width
        # on the start page, every other rule on every page.
        resize(page, PHONE)
        visit["violations"] += [f"{PHONE['width']}px {v}"
                                for v in axe_violations(page, contrast=page_path == ENGLISH_SAMPLE[0])]
    context.close()
    return visits


@pytest.mark.browser
@pytest.mark.parametrize("path", ENGLISH_SAMPLE)
def test_zero_axe_violations_on_english_pages(english_visits, path: str):
    assert english_visits[path]["violations"] == []
    assert english_visits[path]["errors"] == []


# --- the translation report ------------------------------------------------------

def _git(repo: Path, *args: str, when: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _page(title: str, reviewed: str, body: str) -> str:
    meta = {"title": title, "last_reviewed": dt.date.fromisoformat(reviewed)}
    return "---\n" + yaml.safe_dump(meta) + "---\n\n" + body + "\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "vejledning").mkdir(parents=True)
    _git(tmp_path, "init", "-q", when="2026-01-01T10:00:00+01:00")
    (docs / "vejledning" / "side.md").write_text(_page("Side", "2026-01-01", "Dansk tekst."))
    (docs / "vejledning" / "anden.md").write_text(_page("Anden", "2026-01-01", "Dansk tekst."))
    _git(tmp_path, "add", ".", when="2026-01-01T10:00:00+01:00")
    _git(tmp_path, "commit", "-qm", "Danish", when="2026-01-01T10:00:00+01:00")
    (docs / "vejledning" / "side.en.md").write_text(_page("Page", "2026-01-01", "English text."))
    (docs / "vejledning" / "anden.en.md").write_text(_page("Other", "2026-01-01", "English text."))
    _git(tmp_path, "add", ".", when="2026-01-02T10:00:00+01:00")
    _git(tmp_path, "commit", "-qm", "English", when="2026-01-02T10:00:00+01:00")
    return docs


def test_report_flags_a_danish_page_committed_after_its_translation(repo: Path):
    core = ("vejledning/side.md", "vejledning/anden.md")
    assert translations.status(repo, core=core).ok
    # Same second as the English commit: the order of commits decides, not the clock.
    (repo / "vejledning" / "side.md").write_text(_page("Side", "2026-01-01", "Rettet dansk tekst."))
    _git(repo.parent, "commit", "-qam", "Danish fix", when="2026-01-02T10:00:00+01:00")
    found = translations.status(repo, core=core)
    assert [(b.translation, b.original) for b in found.behind] == [("vejledning/side.en.md", "vejledning/side.md")]
    assert "docs/vejledning/side.en.md" in translations.report_text(found)
    # make check: a warning with the file, never an error.
    [problem] = translations.problems(found, repo)
    assert problem.level == WARNING and problem.file.endswith("vejledning/side.en.md")
    assert "Advarsel: Oversættelsen halter efter docs/vejledning/side.md" in problem.format()
    # The editors' command: a report; only --streng fails.
    assert sitekit_main(["oversaettelser", "--docs-dir", str(repo)]) == 0
    assert sitekit_main(["oversaettelser", "--docs-dir", str(repo), "--streng"]) == 1
    # Updating the translation clears it.
    (repo / "vejledning" / "side.en.md").write_text(_page("Page", "2026-01-01", "Corrected English."))
    _git(repo.parent, "commit", "-qam", "English fix", when="2026-01-03T10:00:00+01:00")
    assert translations.status(repo, core=core).behind == []


def test_report_flags_uncommitted_danish_changes_and_later_reviews(repo: Path):
    (repo / "vejledning" / "side.md").write_text(_page("Side", "2026-01-01", "Ikke gemt endnu."))
    (repo / "vejledning" / "anden.md").write_text(_page("Anden", "2026-03-01", "Dansk tekst."))
    _git(repo.parent, "commit", "-qm", "Review", "--", "docs/vejledning/anden.md",
         when="2026-01-01T09:00:00+01:00")
    found = translations.status(repo, core=())
    reasons = {b.translation: b.reason for b in found.behind}
    assert "ikke er gemt i git" in reasons["vejledning/side.en.md"]
    assert set(reasons) == {"vejledning/side.en.md", "vejledning/anden.en.md"}


def test_report_lists_core_pages_without_translation(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    (repo / "vejledning" / "ny.md").write_text(_page("Ny", "2026-01-01", "Dansk."))
    found = translations.status(repo, core=("vejledning/side.md", "vejledning/ny.md"))
    assert found.missing == ["vejledning/ny.md"]
    assert "docs/vejledning/ny.md" in translations.report_text(found)
    # Without git, the review dates still count.
    plain = tmp_path_factory.mktemp("no-git")
    (plain / "v").mkdir(parents=True)
    (plain / "v" / "a.md").write_text(_page("A", "2026-02-01", "Dansk."))
    (plain / "v" / "a.en.md").write_text(_page("A", "2026-01-01", "English."))
    found = translations.status(plain, core=())
    assert not found.git and [b.original for b in found.behind] == ["v/a.md"]


# --- the English data files follow the Danish ones (issue 21) ----------------------------------------

def _id_sequences(node, path: str = "") -> dict[str, list[str]]:
    """Every ordered list of ids in a data file: the "id" of each item in a list of
    mappings, and the keys of a mapping whose values are all mappings (steps, contacts)."""
    found: dict[str, list[str]] = {}
    if isinstance(node, list):
        if node and all(isinstance(item, dict) and "id" in item for item in node):
            found[path] = [str(item["id"]) for item in node]
        for i, item in enumerate(node):
            found.update(_id_sequences(item, f"{path}[{i}]"))
    elif isinstance(node, dict):
        if len(node) > 1 and all(isinstance(v, dict) for v in node.values()):
            found[path] = [str(k) for k in node]
        for key, value in node.items():
            found.update(_id_sequences(value, f"{path}.{key}"))
    return found


def test_id_sequences_finds_lists_and_mappings():
    assert _id_sequences({"trin": [{"id": "a"}, {"id": "b"}]}) == {".trin": ["a", "b"]}
    assert _id_sequences({"kontakter": {"x": {"navn": "X"}, "y": {"navn": "Y"}}}) == {".kontakter": ["x", "y"]}


ENGLISH_DATA = sorted((DOCS / "_data").glob("*.en.yml"))


@pytest.mark.parametrize("english", ENGLISH_DATA, ids=lambda p: p.name)
def test_english_data_file_has_the_danish_ids_in_the_same_order(english: Path):
    danish = english.with_name(english.name.replace(".en.yml", ".yml"))
    da = _id_sequences(yaml.safe_load(danish.read_text(encoding="utf-8")))
    en = _id_sequences(yaml.safe_load(english.read_text(encoding="utf-8")))
    assert da, danish.name
    for path, ids in da.items():
        assert en.get(path) == ids, f"{english.name}{path}: {en.get(path)} != {danish.name}: {ids}"


# --- the safety, sharing, VINK and relatives pages in English (issue 21) ------------------------------

TRANSLATED_21 = ("vejledning/din-sikkerhed", "vejledning/dele-oplysninger", "vejledning/vink", "vejledning/paaroerende")


@pytest.mark.parametrize("stem", TRANSLATED_21)
def test_the_issue_21_pages_are_in_english_with_the_danish_sources_and_structure(built_site: Path, stem: str):
    en = (built_site / "en" / stem / "index.html").read_text(encoding="utf-8")
    da = (built_site / stem / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en
    assert _switch_links(da)["en"] == f"../../en/{stem}/"
    assert _danish_share(_text(en)) < 0.03, stem
    # The same number of sections and the same sources as the Danish original.
    assert len(re.findall(r"<h2\b", en)) == len(re.findall(r"<h2\b", da)), stem
    sources = yaml.safe_load((DOCS / f"{stem}.md").read_text(encoding="utf-8").split("---")[1])["sources"]
    en_sources = yaml.safe_load((DOCS / f"{stem}.en.md").read_text(encoding="utf-8").split("---")[1])["sources"]
    assert en_sources == sources, stem
