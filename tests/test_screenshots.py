"""The editor guide's pictures (scripts/screenshots.py): taken from the real built
site with Chromium, each one used in the guide with alt text."""

from __future__ import annotations

import re
import struct

import screenshots

from conftest import ROOT

GUIDE = ROOT / "docs" / "redaktoerer"


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_the_script_takes_every_picture_from_the_real_site(built_site, site_url, browser, tmp_path, site_copy):
    # The error page from the small site (conftest.py): the same `make check`, a fraction of the build.
    error_html = screenshots.error_page_html(site_copy / "lille" / "docs", site_copy)
    files = screenshots.take(browser, site_url, tmp_path, error_html)
    assert sorted(f.name for f in files) == sorted([*screenshots.SHOTS, screenshots.ERROR_SHOT])
    for f in files:
        width, height = _png_size(f)
        assert width > 200 and 40 < height < 2000, (f.name, width, height)
    # The error page's picture is its <main>, with the Danish problem list `make check` gives
    # for the broken link: file and line, what is wrong, what to do.
    context = browser.new_context(viewport={"width": 1100, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    page.set_content(error_html.decode("utf-8"))
    items = page.locator("main ol > li").all_inner_texts()
    assert len(items) == 1 and re.match(r"docs/vejledning/vink\.md:\d+: Linket 'ssp\.md' peger på en fil", items[0]), items
    assert "Sådan retter du det:" in items[0]
    main, listed = page.locator("main").bounding_box(), page.locator("main ol").bounding_box()
    assert main["y"] <= listed["y"] and listed["y"] + listed["height"] <= main["y"] + main["height"]
    assert _png_size(tmp_path / screenshots.ERROR_SHOT) == (round(main["width"]), round(main["height"]))
    context.close()


def test_every_picture_in_the_guide_is_used_with_alt_text():
    pictures = {p.name for p in (GUIDE / "billeder").glob("*.png")}
    assert pictures == {*screenshots.SHOTS, screenshots.ERROR_SHOT}
    used = {}
    for page in GUIDE.glob("*.md"):
        for alt, target in re.findall(r"!\[([^\]]*)\]\(billeder/([^)]+)\)", page.read_text(encoding="utf-8")):
            used[target] = alt
    assert set(used) == pictures
    assert all(len(alt.split()) >= 5 for alt in used.values()), used
