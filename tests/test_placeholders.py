"""Placeholders outside the contacts file are listed for editors: in pages
(**Udfyldes af redaktøren**) and in the site's settings (UDFYLDES)."""

from __future__ import annotations

from pathlib import Path

from sitekit import placeholders
from sitekit.paths import DOCS


def test_bold_placeholder_in_a_page_is_listed_with_its_line(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "side.md").write_text(
        "# Side\n\n"
        "Mærket \"Udfyldes af redaktøren\" forklares her, men er ikke en pladsholder.\n\n"
        "Link til erklæringen: **Udfyldes af redaktøren**\n\n"
        "Et eksempel i kode: `**Udfyldes af redaktøren**`\n",
        encoding="utf-8")
    holes = placeholders.find(docs)
    assert [(Path(h.file).name, h.line) for h in holes] == [("side.md", 5)]
    # A fixture folder is not the project: the project's settings are not listed.
    assert not any(h.file in ("mkdocs.yml", ".github/CODEOWNERS") for h in holes)


def test_every_listed_placeholder_points_at_a_line_with_the_mark():
    """Whatever is still unfilled in the project, each entry names a real line that holds it."""
    from conftest import ROOT

    for hole in placeholders.find(DOCS):
        line = (ROOT / hole.file).read_text(encoding="utf-8").splitlines()[hole.line - 1]
        assert placeholders.CONFIG_MARK in line or placeholders.PAGE_MARK in line, hole


def test_review_page_on_the_site_lists_them(built_site: Path):
    html = (built_site / "redaktoerer" / "gennemgang" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="andre-pladsholdere"'):]
    assert "mkdocs-base.yml" in section
