"""The glossary: one snippet file explains every abbreviation once, every page
gets <abbr> tooltips from it, and the Ordliste page shows every term."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from conftest import ROOT
from sitekit import glossary, lix, prose

DOCS = ROOT / "docs"


def test_no_term_is_defined_twice():
    entries = glossary.load()
    assert glossary.duplicates(entries) == []
    assert len([e for e in entries if e.abbreviation]) >= 10
    assert len([e for e in entries if not e.abbreviation]) >= 5


def test_duplicates_are_found(tmp_path: Path):
    broken = tmp_path / "ordliste.md"
    broken.write_text("*[VINK]: Viden og inklusion\n*[SSP]: Samarbejdet\n*[VINK]: Igen\n\n"
                      "<!-- begreber\nbekymring: En\nBekymring: To\n-->\n", encoding="utf-8")
    pairs = {(a.term, b.line) for a, b in glossary.duplicates(glossary.load(broken))}
    assert pairs == {("VINK", 3), ("bekymring", 7)}


def test_every_abbreviation_used_on_a_page_is_defined(built_site: Path):
    # The strict build fails on an abbreviation the glossary does not explain, on a page or in the
    # data-file text on it (checks/rendered.py): the real site is built, so every one is explained.
    html = (built_site / "vejledning" / "vink" / "index.html").read_text(encoding="utf-8")
    used = glossary.abbreviations_in(prose.text(html[html.index("<article"):html.index("</article>")]))
    assert "VINK" in used and "SSP" in used  # the scan sees the pages
    assert all(glossary.is_defined(token, glossary.load()) for token in used - glossary.NOT_ABBREVIATIONS), \
        "Forklar disse forkortelser i docs/_snippets/ordliste.md"


def test_scan_ignores_code_urls_and_front_matter():
    text = ("---\nref: LBK nr. 1\n---\n\nVINK og SSP-samarbejdet. `ABC` og https://ex.dk/XYZ\n\n"
            "```\nQQQ\n```\n")
    found = glossary.abbreviations_in(" ".join(t for _, t in lix.blocks(text)))
    assert found == {"VINK", "SSP"}


def test_pages_get_abbr_tooltips(built_site: Path):
    page = (built_site / "vejledning" / "vink" / "index.html").read_text(encoding="utf-8")
    vink = next(e for e in glossary.load() if e.term == "VINK")
    assert f'<abbr title="{htmllib.escape(vink.definition)}">VINK</abbr>' in page
    # The snippet's comments (and the terms block) stay out of the pages.
    assert "<!-- begreber" not in page and "Ordlisten. Filen" not in page


def test_ordliste_page_lists_every_term_alphabetically_with_anchors(built_site: Path):
    page = (built_site / "vejledning" / "ordliste" / "index.html").read_text(encoding="utf-8")
    dts = re.findall(r'<dt id="([^"]+)">(.*?)</dt>', page, re.S)
    shown = [re.sub(r"<[^>]+>", "", term) for _, term in dts]
    entries = glossary.load()
    assert sorted(shown) == sorted(e.term for e in entries)
    assert shown == sorted(shown, key=glossary.sort_key)
    assert {anchor for anchor, _ in dts} == {e.anchor for e in entries}
    text = htmllib.unescape(re.sub(r"<[^>]+>", "", page))
    for entry in entries:
        assert entry.definition in text, entry.term


def test_a_missing_glossary_reads_as_no_entries(tmp_path: Path):
    """The glossary hook reports the missing file once (overrides/hooks/glossary.py) instead of the
    build stopping with a traceback."""
    assert glossary.load(tmp_path / "ordliste.md") == []
