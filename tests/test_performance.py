"""Page weight in a real Chromium, and the build's one stylesheet and one script.

Byte and request budgets are tests; timings live in scripts/benchmark.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from sitekit.bundle import BundleError, build_bundle, palette_css_needed
from sitekit.pageweight import Server, page_views

CONTENT_PAGE = "vejledning/naar-du-er-bekymret/"
MAX_REQUESTS = 6
# Issue 14's budget. Material's own script (35 KB) is not part of the first
# view: it starts at the reader's first interaction (material-later.js).
MAX_GZIP = 60_000
SEARCH_FILES = ("search_index", "/workers/", "/lunr/")


# --- in Chromium --------------------------------------------------------------

@pytest.mark.browser
def test_cold_content_page_within_budget(browser, published_site, built_site):
    """A first visit to a page of the published edition, served with the rest of gh-pages as
    readers get it: the edition's banner asks ../versions.json, and that counts too."""
    with Server(published_site.out) as server:
        [weight] = page_views(browser, server, f"{built_site.name}/{CONTENT_PAGE}")
    assert weight.requests <= MAX_REQUESTS, weight.paths
    assert weight.gzip <= MAX_GZIP, f"{weight.gzip} bytes gzip: {weight.paths}"
    # Nothing of the search is loaded before the reader searches, and
    # Material's script waits for the reader too.
    assert [u for u in weight.paths if any(s in u for s in SEARCH_FILES)] == []
    assert not [u for u in weight.paths if "/bundle." in u]


@pytest.mark.browser
def test_material_starts_at_the_first_interaction(page, site_url):
    page.goto(site_url + CONTENT_PAGE, wait_until="networkidle")
    assert "no-js" in page.get_attribute("html", "class")
    with page.expect_request(lambda r: "/bundle." in r.url):
        page.mouse.move(200, 300)
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    # Material has started: its back-to-top button and table wrappers are live.
    assert page.evaluate("() => typeof window.document$ === 'object'")


@pytest.mark.browser
def test_search_index_loads_when_the_reader_goes_to_the_search_box(page, site_url):
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(site_url + CONTENT_PAGE, wait_until="networkidle")
    assert not any("search_index" in u for u in urls)
    with page.expect_request(lambda r: "search/search_index.json" in r.url):
        page.locator("input.md-search__input").focus()
    page.keyboard.type("vink")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)


# --- the built site -----------------------------------------------------------

def _own_links(html: str) -> tuple[list[str], list[str]]:
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    js = re.findall(r'<script src="([^"]+)"', html)
    return css, js


def test_pages_link_one_hashed_stylesheet_and_script_of_our_own(built_site: Path):
    html = (built_site / CONTENT_PAGE / "index.html").read_text(encoding="utf-8")
    css, js = _own_links(html)
    own_css = [u for u in css if "/main." not in u]
    # Material's own bundle, and the head script that replaces Material's inline
    # script (hashed as well) are not the site's script.
    own_js = [u for u in js if "/bundle." not in u and not re.search(r"/head\.[0-9a-f]{8}\.js$", u)]
    assert [u for u in js if re.search(r"/head\.[0-9a-f]{8}\.js$", u)], js
    assert len(own_css) == 1 and re.search(r"assets/stylesheets/site\.[0-9a-f]{8}\.css$", own_css[0]), css
    assert len(own_js) == 1 and re.search(r"assets/javascripts/site\.[0-9a-f]{8}\.js$", own_js[0]), js
    # The name's hash is the content's.
    for url in own_css + own_js:
        file = (built_site / CONTENT_PAGE / url).resolve()
        digest = re.search(r"\.([0-9a-f]{8})\.(?:css|js)$", url).group(1)
        assert hashlib.sha256(file.read_bytes()).hexdigest()[:8] == digest
    # Custom colours need no palette.css; the offline polyfill stays offline.
    assert "palette." not in html
    assert "iframe-worker" not in html


def test_bundle_holds_every_listed_source_in_order(built_site: Path):
    from mkdocs.config import load_config

    from sitekit.paths import CONFIG

    config = load_config(str(CONFIG))
    html = (built_site / "index.html").read_text(encoding="utf-8")
    css_url = [u for u in _own_links(html)[0] if "/site." in u][0]
    text = (built_site / css_url).read_text(encoding="utf-8")
    markers = re.findall(r"/\* --- (\S+) --- \*/", text)
    # mkdocs.yml lists the sources; the hook replaces the list only in the build.
    assert markers == [str(p) for p in config.extra_css]


# --- the bundle module ----------------------------------------------------------

def test_bundle_joins_in_order_and_rebases_urls(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.css").write_text("p { background: url(img/x.png); }\n", encoding="utf-8")
    (tmp_path / "two.css").write_text("a { background: url('data:image/png;base64,AA'); }", encoding="utf-8")
    bundle = build_bundle("css", ["a/one.css", "two.css"], [tmp_path], "assets")
    text = bundle.content.decode()
    assert text.index("a/one.css") < text.index("two.css")
    assert "url(../a/img/x.png)" in text
    assert "url('data:image/png;base64,AA')" in text
    assert re.fullmatch(r"assets/site\.[0-9a-f]{8}\.css", bundle.path)


def test_bundle_name_changes_with_content(tmp_path: Path):
    (tmp_path / "x.js").write_text('"use strict";\nvar a = 1', encoding="utf-8")
    first = build_bundle("js", ["x.js"], [tmp_path], "js")
    (tmp_path / "x.js").write_text('"use strict";\nvar a = 2', encoding="utf-8")
    second = build_bundle("js", ["x.js"], [tmp_path], "js")
    assert first.path != second.path
    # A "use strict" in one file never applies to the files after it.
    assert second.content.decode().startswith(";")


def test_bundle_refuses_missing_file_and_import(tmp_path: Path):
    with pytest.raises(BundleError, match="findes ikke"):
        build_bundle("css", ["mangler.css"], [tmp_path], "assets")
    (tmp_path / "i.css").write_text('@import "x.css";\n', encoding="utf-8")
    with pytest.raises(BundleError, match="@import"):
        build_bundle("css", ["i.css"], [tmp_path], "assets")


def test_palette_css_only_for_named_colours_or_dark_scheme():
    assert not palette_css_needed({"scheme": "default", "primary": "custom", "accent": "custom"})
    assert palette_css_needed({"scheme": "default", "primary": "indigo", "accent": "custom"})
    assert palette_css_needed([{"scheme": "default", "primary": "custom", "accent": "custom"},
                               {"scheme": "slate", "primary": "custom", "accent": "custom"}])


def test_collapse_whitespace_keeps_pre_script_and_text():
    from sitekit.bundle import collapse_whitespace

    html = ("<ul>\n      <li>\n        <a href=x>\n          Side 1\n        </a>\n      </li>\n</ul>"
            "<pre><code>a\n    b\n</code></pre>\n  <script>\nvar a = 1\n\n;</script>")
    out = collapse_whitespace(html)
    assert out.startswith("<ul>\n<li>\n<a href=x>\nSide 1\n</a>\n</li>\n</ul>")
    assert "<pre><code>a\n    b\n</code></pre>" in out
    assert "<script>\nvar a = 1\n\n;</script>" in out


def test_html_per_page_has_no_menu_indentation(built_site: Path):
    html = (built_site / CONTENT_PAGE / "index.html").read_text(encoding="utf-8")
    assert "\n    \n" not in html and not re.search(r">\n[ \t]+<", html)
