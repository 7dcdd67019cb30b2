"""Internal links, anchors, images and assets: MkDocs' validation for Markdown
links, lychee --offline (sitekit.links) for the rest, in every build and so in
`make check`. Each kind of mistake in a small
fixture site fails both, with a Danish message naming the source page, the link
text and the target."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from sitekit import links

LINKS = FIXTURES / "links"

MISTAKES = [
    # (fixture, link text or alt text, target)
    ("raw-link", "Rå link til en side, der mangler", "findes-ikke/"),
    ("raw-anchor", "Rå link til et afsnit, der mangler", "#intet-afsnit"),
    ("missing-image", "Et billede, der mangler", "assets/mangler.png"),
]


def _run_check(docs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(docs)],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """make check over the correct fixture site whose start page holds every mistake in MISTAKES,
    each on its own line (one run for all of them)."""
    docs = tmp_path_factory.mktemp("links") / "docs"
    shutil.copytree(LINKS / "base" / "docs", docs)
    pages = [(LINKS / "mistakes" / f"{name}.md").read_text(encoding="utf-8") for name, _, _ in MISTAKES]
    bodies = [text.split("\n# Forside\n", 1)[1] for text in pages[1:]]
    (docs / "index.md").write_text("\n".join([pages[0], *bodies]), encoding="utf-8")
    return docs, _run_check(docs)


# --- the build ------------------------------------------------------------------------

def test_real_site_has_no_broken_internal_links(built_site: Path):
    sources = links.sources_from_docs(ROOT / "docs")
    # The edition lives in its own folder: the 404 page's links are absolute (/<edition>/…).
    assert links.check_offline(built_site, sources, root_path=f"/{built_site.name}/") == []


# --- make check -------------------------------------------------------------------------

@pytest.mark.parametrize("mistake, text, target", MISTAKES)
def test_raw_html_mistake_fails_make_check_with_file_line_and_link_text(mistake: str, text: str, target: str,
                                                                          mistakes):
    """make check is the strict build, so one run shows what the build and the editor see."""
    docs, result = mistakes
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    # docs/index.md, line of the link, the link text, what is wrong and what to do.
    lines = (docs / "index.md").read_text().splitlines()
    line = next(i for i, shown in enumerate(lines, 1) if target.lstrip("#") in shown)
    assert any(f"index.md:{line}: " in row and text in row and target in row for row in out.splitlines()), out
    assert "Sådan retter du det" in out, out


def test_make_check_passes_a_correct_fixture():
    """The fixture site with raw HTML links, images and assets passes make check, which is the strict
    build (one pipeline: a separate build of it would show nothing more)."""
    result = _run_check(LINKS / "base" / "docs")
    assert result.returncode == 0, result.stdout + result.stderr


# --- the checker on hand-made HTML --------------------------------------------------------

def _page(body: str) -> str:
    return f'<!doctype html><html lang="da"><head><title>t</title></head><body>{body}</body></html>'


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_flat_urls_without_directory_urls(tmp_path: Path):
    """use_directory_urls: false builds anden.html and om/index.html."""
    site = _site(tmp_path, {
        "index.html": _page('<a href="anden.html#afsnit">ok</a> <a href="om/index.html">ok</a>\n'
                            '<a href="om/">mappe med index.html</a> <a href="anden.html#mangler">Forkert</a>\n'
                            '<a href="mangler.html">Væk</a>'),
        "anden.html": _page('<h2 id="afsnit">Afsnit</h2> <a href="index.html">Forside</a>'),
        "om/index.html": _page('<a href="../anden.html#afsnit">ok</a> <a href="..">op</a>'),
    })
    sources = links.sources_from_docs(_site(tmp_path / "src", {"index.md": "", "anden.md": "", "om/index.md": ""}),
                                      use_directory_urls=False)
    assert sources == {"index.html": "index.md", "anden.html": "anden.md", "om/index.html": "om/index.md"}
    problems = links.check_offline(site, sources, tmp_path / "src")
    assert sorted((p.file.rsplit("/", 1)[-1], p.message) for p in problems) == [
        ("index.md", "Linket 'Forkert' peger på afsnittet '#mangler', men det afsnit findes ikke."),
        ("index.md", "Linket 'Væk' peger på 'mangler.html', som ikke findes på sitet."),
    ]


def test_root_relative_urls_under_an_edition_path(tmp_path: Path):
    site = _site(tmp_path, {
        "index.html": _page('<a href="anden/">ok</a> <a href="/radikalisering/anden/#a">ok</a>\n'
                            '<a href="/radikalisering/mangler/">Væk</a>'),
        "anden/index.html": _page('<p id="a">x</p> <a href="../">Forside</a> <a href="../anden/">Samme</a>'),
    })
    problems = links.check_offline(site, root_path="/radikalisering/")
    assert [p.message for p in problems] == [
        "Linket 'Væk' peger på '/radikalisering/mangler/', som ikke findes på sitet."]


def test_external_and_special_links_are_left_to_make_linkcheck(tmp_path: Path):
    site = _site(tmp_path, {"index.html": _page(
        '<a href="#">top</a> <a href="javascript:void(0)">js</a> '
        '<a href="mailto:a@example.invalid">mail</a> <a href="tel:+4500000000">tlf</a> '
        '<a href="https://example.org/x#y">ext</a> <a href="//example.org/">ext</a> '
        '<img src="data:image/gif;base64,R0lGOD" alt="data">')})
    assert links.check_offline(site) == []


def test_images_stylesheets_and_raw_anchors_are_checked(tmp_path: Path):
    site = _site(tmp_path, {
        "index.html": ('<html><head><link rel="stylesheet" href="assets/mangler.css">\n'
                       '<link rel="stylesheet" href="assets/findes.css"></head><body>\n'
                       '<img src="assets/findes.png" alt="Kort"> <img src="assets/stor.png" alt="Stort kort">\n'
                       '<a href="anden/">Et <strong>vigtigt</strong> link</a>\n'
                       '<h2 id="findes">x</h2><a href="#findes">ok</a> <a href="#intet">Til intet</a></body></html>'),
        "assets/findes.css": "", "assets/findes.png": "",
    })
    assert sorted(p.message for p in links.check_offline(site)) == [
        "Billedet 'Stort kort' peger på 'assets/stor.png', som ikke findes på sitet.",
        "Filen, som <link> henter, peger på 'assets/mangler.css', som ikke findes på sitet.",
        "Linket 'Et vigtigt link' peger på 'anden/', som ikke findes på sitet.",
        "Linket 'Til intet' peger på afsnittet '#intet', men det afsnit findes ikke.",
    ]


def test_material_menus_are_left_out_and_the_rest_keeps_its_line_and_column(tmp_path: Path):
    """lychee reads the pages without Material's menu, tabs and table of contents
    (MkDocs makes those links from the menu and headings it checks itself); a
    mistake after a menu is still found, with its own link text."""
    menu = ('<nav class="md-nav md-nav--primary" aria-label="Navigation">\n<ul><li>'
            '<a href="menu-mangler/">Menu</a>\n<nav class="md-nav" data-md-level="1"><a href="x/">Inde i menuen</a>'
            '</nav></li></ul>\n</nav><a href="#intet" class="md-skip">Spring</a>'
            '<h1 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h1>')
    html = _page(menu + '<a href="mangler/">Væk</a>')
    stripped = links.without_menus(html)
    assert "menu-mangler" not in stripped and "Inde i menuen" not in stripped and 'class="md-skip"' not in stripped
    # Everything after the menu is where it was.
    lines, kept = html.splitlines(), stripped.splitlines()
    assert len(lines) == len(kept) and lines[-1].index("mangler/") == kept[-1].index("mangler/")
    site = _site(tmp_path, {"index.html": html})
    assert [p.message for p in links.check_offline(site)] == [
        "Linket 'Væk' peger på 'mangler/', som ikke findes på sitet."]


def test_the_collector_drops_only_what_mkdocs_reported_already():
    """lychee's finding of a section MkDocs reported (no line: the built address is not in the
    Markdown) is dropped; two different findings without a line on one page are both kept."""
    from sitekit.problems import Problem, combine

    mkdocs = Problem("docs/a.md", 3, "links", "Linket 'b.md#x' peger på afsnittet '#x' på siden 'b.md', men …")
    found = combine([], [mkdocs,
                         Problem("docs/a.md", None, "links", "Linket 'B' peger på afsnittet '#x', men det afsnit …"),
                         Problem("docs/a.md", None, "links", "Billedet 'Kort' peger på '/a.png', som ikke findes."),
                         Problem("docs/a.md", None, "links", "Billedet 'Plan' peger på '/b.png', som ikke findes.")])
    assert [p.message[:12] for p in found] == ["Linket 'b.md", "Billedet 'Ko", "Billedet 'Pl"]
