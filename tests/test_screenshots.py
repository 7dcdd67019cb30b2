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


def test_the_script_takes_every_picture_from_the_real_site(built_site, site_url, browser, tmp_path):
    files = screenshots.take(browser, site_url, tmp_path, screenshots.error_page_html())
    assert sorted(f.name for f in files) == sorted([*screenshots.SHOTS, screenshots.ERROR_SHOT])
    for f in files:
        width, height = _png_size(f)
        assert width > 200 and 40 < height < 2000, (f.name, width, height)


def test_every_picture_in_the_guide_is_used_with_alt_text():
    pictures = {p.name for p in (GUIDE / "billeder").glob("*.png")}
    assert pictures == {*screenshots.SHOTS, screenshots.ERROR_SHOT}
    used = {}
    for page in GUIDE.glob("*.md"):
        for alt, target in re.findall(r"!\[([^\]]*)\]\(billeder/([^)]+)\)", page.read_text(encoding="utf-8")):
            used[target] = alt
    assert set(used) == pictures
    assert all(len(alt.split()) >= 5 for alt in used.values()), used
