"""The privacy check reads only the tags that can load something; it must find
exactly what a full reading of the page with the HTML parser finds."""

from __future__ import annotations

import pytest

from sitekit import privacy

PAGES = [
    '<p>x</p>\n<img alt="a > b"\n src="https://x.org/a.png">',
    '<!-- <img src="https://x.org/i.png"> -->\n<img src="//y.org/i.png">',
    '<script>var a = "<img src=//x.org/i>";</script>\n<script src="//cdn.example.org/x.js"></script>',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css">',
    '<link rel="canonical" href="https://example.org/"><link rel="preload icon" href="//x.org/i.svg">',
    '<div style="background:url(https://x.org/y.png)">',
    "<img alt=don't src=//x.org/a>",
    '<IMG SRC="//X.ORG/A">',
    '<img srcset="a.png 1x, https://x.org/b.png 2x">',
    '<iframe\nsrc="https://video.example.org/">',
    '<style>\n</style>\n<img src="http://a.org/b">',
    '<img>tekst<img src=//x.org/i>',
    '<img alt="<img src=//x.org/i>" src="//y.org/i">',
    '<img src="&#47;&#47;x.org/i.png">',
    '<sCrIpT>\n<img src=//x.org/i></ScRiPt>\n<img src=//y.org/i>',
    '<video poster="https://p.org/p.jpg" src="/v.mp4"><source src="https://s.org/v.webm"></video>',
    '<object data="https://x.org/o"><input type="image" src="https://x.org/knap.png">',
    '<a href="https://example.org/">Et almindeligt link</a> <img src="billede.png">',
    '<!-- ikke lukket <img src=//x.org/i>',
]


@pytest.mark.parametrize("html", PAGES)
def test_quick_reading_finds_what_the_full_parse_finds(html: str):
    assert privacy.foreign_resources(html) == privacy._parse(html)


def test_foreign_resources_have_their_line():
    html = "<p>a</p>\n<!-- <img src=//x.org/i> -->\n\n<script src='https://cdn.example.org/s.js'></script>"
    assert privacy.foreign_resources(html) == [(4, "script", "https://cdn.example.org/s.js")]


def test_the_script_material_later_starts_counts_too():
    html = '<script type="text/x-later" data-src="https://cdn.example.org/bundle.js"></script>'
    assert privacy.foreign_resources(html) == [(1, "script", "https://cdn.example.org/bundle.js")]


# --- the test browser itself --------------------------------------------------------------

@pytest.mark.browser
def test_the_test_browser_reaches_127_0_0_x_and_nothing_else(page, tmp_path):
    """Every browser test runs behind this guard (tests/conftest.py, CHROMIUM_ARGS): another host is
    sent to a proxy that does not exist, so nothing a page asks for can leave the machine."""
    from playwright.sync_api import Error

    from conftest import StaticServer

    (tmp_path / "index.html").write_text("<!doctype html><title>lokal</title>", encoding="utf-8")
    with StaticServer(tmp_path, host="127.0.0.2") as server:
        page.goto(server.url)
        assert page.title() == "lokal"
    with pytest.raises(Error, match="ERR_PROXY_CONNECTION_FAILED"):
        page.goto("http://example.org/")
