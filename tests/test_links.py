"""Internal links, anchors, images and assets: checked offline in every build
(hook over sitekit.links) and by `make check`. Each kind of mistake in a small
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
from sitekit.build import build_site

LINKS = FIXTURES / "links"

MISTAKES = [
    # (fixture, link text or alt text, target)
    ("raw-link", "Rå link til en side, der mangler", "findes-ikke/"),
    ("raw-anchor", "Rå link til et afsnit, der mangler", "#intet-afsnit"),
    ("missing-image", "Et billede, der mangler", "assets/mangler.png"),
]


def _docs(tmp_path: Path, mistake: str | None = None) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(LINKS / "base" / "docs", docs)
    if mistake:
        shutil.copy(LINKS / "mistakes" / f"{mistake}.md", docs / "index.md")
    return docs


# --- the build ------------------------------------------------------------------------

def test_fixture_site_with_raw_html_links_builds(tmp_path: Path):
    result = build_site(tmp_path / "site", docs_dir=_docs(tmp_path), auto_nav=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("mistake, text, target", MISTAKES)
def test_mistake_fails_the_strict_build(mistake: str, text: str, target: str, tmp_path: Path):
    result = build_site(tmp_path / "site", docs_dir=_docs(tmp_path, mistake), auto_nav=True)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert any("index.md" in line and text in line and target in line for line in out.splitlines()), out
    assert "Sådan retter du det" in out


def test_real_site_has_no_broken_internal_links(built_site: Path):
    sources = links.sources_from_docs(ROOT / "docs")
    assert links.check_site(built_site, sources) == []


# --- make check -------------------------------------------------------------------------

@pytest.mark.parametrize("mistake, text, target", MISTAKES)
def test_make_check_reports_the_mistake_with_file_and_line(mistake: str, text: str, target: str,
                                                            tmp_path: Path):
    docs = _docs(tmp_path, mistake)
    result = subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(docs)],
                            cwd=ROOT, capture_output=True, text=True)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    # docs/index.md, line of the link, what is wrong and what to do.
    line = next(i for i, l in enumerate((docs / "index.md").read_text().splitlines(), 1) if target.lstrip("#") in l)
    assert f"index.md:{line}: " in out, out
    assert target in out and "Sådan retter du det" in out, out


def test_make_check_passes_a_correct_fixture(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(_docs(tmp_path))],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


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
        "index.html": _page('<a href="anden.html#afsnit">ok</a> <a href="om/index.html">ok</a> '
                            '<a href="om/">mappe med index.html</a> <a href="anden.html#mangler">Forkert</a> '
                            '<a href="mangler.html">Væk</a>'),
        "anden.html": _page('<h2 id="afsnit">Afsnit</h2> <a href="index.html">Forside</a>'),
        "om/index.html": _page('<a href="../anden.html#afsnit">ok</a> <a href="..">op</a>'),
    })
    sources = links.sources_from_docs(_site(tmp_path / "src", {"index.md": "", "anden.md": "", "om/index.md": ""}),
                                      use_directory_urls=False)
    assert sources == {"index.html": "index.md", "anden.html": "anden.md", "om/index.html": "om/index.md"}
    problems = links.check_site(site, sources)
    assert [(p.source, p.kind, p.text, p.target) for p in problems] == [
        ("index.md", "anchor", "Forkert", "anden.html#mangler"),
        ("index.md", "link", "Væk", "mangler.html"),
    ]
    assert "afsnittet '#mangler'" in problems[0].message and "anden.md" in problems[0].message


def test_directory_urls_and_root_relative_urls_under_a_path(tmp_path: Path):
    site = _site(tmp_path, {
        "index.html": _page('<a href="anden/">ok</a> <a href="/radikalisering/anden/#a">ok</a> '
                            '<a href="/radikalisering/mangler/">Væk</a>'),
        "anden/index.html": _page('<p id="a">x</p> <a href="../">Forside</a> <a href="../anden/">Samme</a>'),
    })
    problems = links.check_site(site, root_path="/radikalisering/")
    assert [(p.page, p.target) for p in problems] == [("index.html", "/radikalisering/mangler/")]


def test_skips_external_and_special_links(tmp_path: Path):
    site = _site(tmp_path, {"index.html": _page(
        '<a href="#">top</a> <a href="#top">top</a> <a href="javascript:void(0)">js</a> '
        '<a href="mailto:a@example.invalid">mail</a> <a href="tel:+4500000000">tlf</a> '
        '<a href="https://example.org/x#y">ext</a> <a href="//example.org/">ext</a> '
        '<img src="data:image/gif;base64,R0lGOD" alt="data">')})
    assert links.check_site(site) == []


def test_images_and_assets_are_checked(tmp_path: Path):
    site = _site(tmp_path, {
        "index.html": ('<html><head><link rel="stylesheet" href="assets/mangler.css">'
                       '<link rel="stylesheet" href="assets/findes.css">'
                       '<script src="assets/mangler.js"></script></head><body>'
                       '<img src="assets/findes.png" srcset="assets/findes.png 1x, assets/stor.png 2x" alt="Kort">'
                       '<a href="anden/">Et <strong>vigtigt</strong> link</a></body></html>'),
        "assets/findes.css": "", "assets/findes.png": "",
    })
    problems = links.check_site(site)
    assert sorted((p.kind, p.target, p.text) for p in problems) == [
        ("asset", "assets/mangler.css", ""),
        ("asset", "assets/mangler.js", ""),
        ("image", "assets/stor.png", "Kort"),
        ("link", "anden/", "Et vigtigt link"),
    ]


def test_anchor_on_the_same_page_and_in_raw_html(tmp_path: Path):
    site = _site(tmp_path, {"index.html": _page(
        '<h2 id="findes">x</h2><a name="gammel"></a>'
        '<a href="#findes">ok</a> <a href="#gammel">ok</a> <a href="#intet">Til intet</a>'
        '<!-- <a href="kommentar/">ignored</a> -->'
        '<script>var s = \'<a href="i-script/">ignored</a>\';</script>')})
    problems = links.check_site(site)
    assert [(p.kind, p.text, p.target) for p in problems] == [("anchor", "Til intet", "#intet")]
    assert "siden selv" in problems[0].message


def test_grows_linearly_enough_to_be_cheap(tmp_path: Path):
    """Not a timing test: the per-folder cache resolves a repeated nav link once."""
    nav = "".join(f'<a href="../p{i}/">Side {i}</a>' for i in range(50))
    files = {f"p{i}/index.html": _page(nav + f'<a href="../p{(i + 1) % 50}/#h">næste</a><h2 id="h">h</h2>')
             for i in range(50)}
    site = _site(tmp_path, files)
    assert links.check_site(site) == []
    # One broken nav entry is reported on every page that shows it.
    (site / "p7" / "index.html").unlink()
    problems = links.check_site(site)
    assert len([p for p in problems if p.target == "../p7/"]) == 49


def test_menus_are_skipped_by_default_but_can_be_checked(tmp_path: Path):
    """Menus list every page on every page; MkDocs builds and validates them itself."""
    site = _site(tmp_path, {"index.html": _page(
        '<nav class="md-nav"><nav><a href="mangler-i-menu/">Menu</a></nav><a href="#i-menu">Menu</a></nav>'
        '<p id="indhold">x</p><a href="mangler-i-tekst/">Tekst</a> <a href="#i-menu">Til menuen</a>'
        '<nav id="i-menu"></nav>')})
    assert [(p.text, p.target) for p in links.check_site(site)] == [
        ("Tekst", "mangler-i-tekst/"), ("Til menuen", "#i-menu")]
    assert [p.text for p in links.check_site(site, skip_nav=False)] == ["Menu", "Tekst"]

