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
    # The published repository's settings are filled in (tests/publishing.py); its CODEOWNERS is not.
    section = section[:section.index("</ul>")]
    assert "<code>.github/CODEOWNERS</code>, linje" in section and "sitet.yml" not in section


# --- nothing unfinished in front of readers (issue 21) ----------------------------------

def test_a_reader_build_fails_on_a_marker_or_placeholder_a_reader_would_see(tmp_path: Path):
    """The fixture site has a marker in a reader page, a contact card with a claim still to be checked
    (from the data file), an unknown e-mail (left out, so no error) and both marks on an editors' page."""
    from conftest import FIXTURES
    from sitekit.build import build_site

    docs = FIXTURES / "sites" / "reader-marks" / "docs"
    result = build_site(tmp_path / "site", docs_dir=docs, today="2026-11-26")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    lines = [line for line in out.splitlines() if "Læserne ville se" in line]
    # In the page, at its line; from the data file, at the data file's line, naming the page.
    assert any(line.startswith(f"{_rel(docs / 'index.md')}:16: Læserne ville se 'Skal verificeres' her.")
               for line in lines), out
    assert any(line.startswith(f"{_rel(docs / '_data' / 'kontakter.yml')}:10: Læserne ville se 'Skal verificeres' "
                               f"på siden {_rel(docs / 'anden.md')}") for line in lines), out
    assert len(lines) == 2, out
    assert "Sådan retter du det: Tjek oplysningen i kilden" in out
    # The editors' pages (their section, or audience only "redaktører") may show both; the unknown
    # e-mail is left out of the card, not an error.
    assert "redaktoerer" not in "\n".join(lines) and "noter.md" not in "\n".join(lines)


def _rel(path: Path) -> str:
    from sitekit.paths import rel

    return rel(path)
