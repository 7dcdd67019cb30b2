"""Valid HTML: the W3C Nu HTML checker (vnu-jar from npm, package-lock.json; run with
Debian's Java) on every page of the built site, and the language alternates
(hreflang) that search engines and Lighthouse read."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale, UnknownLocaleError

from conftest import ROOT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in Material's own templates (mkdocs-material 9), filtered by message and by the
# markup it names. Nothing of the project's own templates, hooks or pages belongs here.
MATERIAL = [
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off"
    # (Firefox otherwise restores them checked after a reload).
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # partials/nav-item.html writes tabindex="{{ tabindex }}", empty for a section in the menu.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    # partials/toc.html always writes <label for="__toc">; nav-item.html writes the checkbox only
    # for a page with its own menu entry: not for a section's start page (navigation.indexes)
    # or a page outside the menu (not_in_nav, the decision guide's steps).
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     'for="__toc"'),
]


def _material(message: dict) -> bool:
    return any(message["message"].startswith(text) and markup in message.get("extract", "")
               for text, markup in MATERIAL)


def test_the_nu_checker_finds_no_error_of_our_own(built_site: Path):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("Nu HTML-tjekkeren kan ikke køre: installer Java (Debian-pakken default-jre-headless) og "
                    "vnu-jar (`npm ci` i projektmappen); `make test` gør begge dele. / The Nu HTML checker "
                    "needs Java (Debian: default-jre-headless) and vnu-jar (`npm ci`); `make test` installs both.")
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                          str(built_site)], capture_output=True, text=True)
    report = json.loads(run.stderr)
    errors = [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]
    assert errors, "the checker reported nothing at all: did it check the pages?"
    ours = [f'{m.get("url", "").split(built_site.name + "/", 1)[-1]}:{m.get("lastLine")}: {m["message"]}'
            f'\n    {m.get("extract", "")!r}' for m in errors if not _material(m)]
    assert ours == [], "\n".join(ours)


def _code_is_valid(code: str) -> bool:
    try:
        Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return bool(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", code))


def _built_file(site: Path, path: str) -> Path:
    path = urlsplit(path).path.lstrip("/")
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def test_every_hreflang_has_a_valid_language_and_points_to_a_built_page(built_site: Path):
    base = re.search(r'<link rel="canonical" href="([^"]+)"', (built_site / "index.html").read_text("utf-8")).group(1)
    bad, seen = [], set()

    def check(where: str, code: str, url: str) -> None:
        seen.add(code)
        if not _code_is_valid(code):
            bad.append(f"{where}: hreflang={code!r}")
        if not url.startswith(base) or not _built_file(built_site, url[len(base):]).is_file():
            bad.append(f"{where}: {url} is no page of the site")

    for rel in html_pages(built_site) + ["404.html", "en/404.html"]:
        text = (built_site / rel).read_text(encoding="utf-8")
        head = text.partition("</head>")[0]
        page_url = urljoin(base, rel)
        # Search engines and Lighthouse read the head's alternates only with absolute addresses.
        for tag in re.findall(r"<link\b[^>]*\bhreflang=[^>]*>", head):
            code, href = re.search(r'hreflang="([^"]*)"', tag).group(1), re.search(r'href="([^"]*)"', tag).group(1)
            if not href.startswith(("https://", "http://")):
                bad.append(f"{rel}: {tag} is not an absolute address")
            check(rel, code, href)
        # The language switch.
        for href, code in re.findall(r'<a href="([^"]*)" hreflang="([^"]*)"', text):
            check(rel, code, urljoin(page_url, href))
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        for code, href in re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]*)" href="([^"]*)"',
                                     (built_site / sitemap).read_text(encoding="utf-8")):
            check(sitemap, code, href)
    assert bad == []
    assert seen == {"da", "en"}


def test_a_training_module_prints_its_title_from_the_head(built_site: Path):
    text = (built_site / "kompetenceforloeb/modul-1-forstaa-radikalisering/index.html").read_text(encoding="utf-8")
    head, _, body = text.partition("</head>")
    title = re.search(r"<title>(.*?) - ", head).group(1)
    assert f'@bottom-left {{ content: "{title}"' in head
    assert "<style" not in body
