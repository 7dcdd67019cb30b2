#!/usr/bin/env python3
"""Tag skærmbillederne til redaktørvejledningen fra det rigtige, byggede site.

Billederne ligger i docs/redaktoerer/billeder/ og bruges i "Sådan retter du en
side". Kør scriptet igen, når sitets udseende ændrer sig:

    .venv/bin/python scripts/screenshots.py            # bygger sitet først
    .venv/bin/python scripts/screenshots.py --site-dir site/

Scriptet bruger Debians Chromium (/usr/bin/chromium) gennem Playwright og viser
sitet på 127.0.0.1. Fejlsiden fra `make serve` laves af en rigtig fejl i en
midlertidig kopi af siderne, tjekket med de samme tjek som `make check`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sitekit import paths

OUT = paths.DOCS / "redaktoerer" / "billeder"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# What each picture shows (file name -> page and what to frame).
SHOTS = {
    "rediger-knap.png": "vejledning/vink/",
    "gennemgang-paa-siden.png": "vejledning/vink/",
    "kontaktkort.png": "vejledning/kontakt/",
}
ERROR_SHOT = "fejl-i-forhaandsvisningen.png"


def error_page_html(docs_dir: Path = paths.DOCS, root: Path = paths.ROOT) -> bytes:
    """The Danish error page `make serve` shows, for a real mistake: a link to a page that
    does not exist, written into a copy of the docs and found by `make check`'s own build
    (the tools and settings in ``root``: the tests' small site, which has docs/vejledning/vink.md too)."""
    from sitekit.preview import error_page
    from sitekit.problems import Problem

    with tempfile.TemporaryDirectory(prefix="skaermbillede-") as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(docs_dir, docs)
        shutil.copy2(root / "mkdocs.yml", Path(tmp) / "mkdocs.yml")
        page = docs / "vejledning" / "vink.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nLæs også [om SSP](ssp.md).\n", encoding="utf-8")
        found = Path(tmp) / "tjek.json"
        subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(docs), "--json", str(found)],
                       capture_output=True, check=False, env=dict(os.environ, PYTHONPATH=str(root / "scripts")))
        # The path as the editor knows it.
        problems = [Problem(**dict(p, file="docs/" + p["file"].split("/docs/", 1)[-1]))
                    for p in json.loads(found.read_text(encoding="utf-8"))["problems"]]
    return error_page(problems, ["WARNING -  Doc file 'vejledning/vink.md' contains a link 'ssp.md', "
                                 "but the target is not found among documentation files."],
                      "Aborted with 1 warnings in strict mode!")


def take(browser, site_url: str, out: Path, error_html: bytes) -> list[Path]:
    """Take every picture; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1100, "height": 800}, device_scale_factor=1, locale="da-DK")
    written = []
    try:
        page = context.new_page()
        page.goto(site_url + SHOTS["rediger-knap.png"])
        button = page.locator('a[title="Redigér denne side"]').first
        button.evaluate("a => { a.style.outline = '4px solid #b00020'; a.style.outlineOffset = '4px'; }")
        heading = page.locator("article h1").first
        box_b, box_h = button.bounding_box(), heading.bounding_box()
        top = min(box_b["y"], box_h["y"]) - 24
        left = box_h["x"] - 16
        clip = {"x": left, "y": max(top, 0), "width": box_b["x"] + box_b["width"] + 24 - left,
                "height": max(box_b["y"] + box_b["height"], box_h["y"] + box_h["height"]) + 24 - max(top, 0)}
        written.append(out / "rediger-knap.png")
        page.screenshot(path=str(written[-1]), clip=clip)

        meta = page.locator(".page-meta").first
        meta.scroll_into_view_if_needed()
        written.append(out / "gennemgang-paa-siden.png")
        meta.screenshot(path=str(written[-1]))

        page.goto(site_url + SHOTS["kontaktkort.png"])
        # The card: from its heading down to the next heading.
        card_head = page.locator("h3#vink")
        # Near the top of the window, below the sticky header: the clip is in window coordinates.
        card_head.evaluate("h => { h.scrollIntoView(); window.scrollBy(0, -100); }")
        h = card_head.bounding_box()
        below = page.locator("h3#vink ~ h3, h3#vink ~ h2").first.bounding_box()
        written.append(out / "kontaktkort.png")
        page.screenshot(path=str(written[-1]), clip={"x": h["x"] - 12, "y": h["y"] - 12, "width": h["width"] + 24,
                                                     "height": below["y"] - h["y"]})

        page.set_content(error_html.decode("utf-8"))
        if not page.locator("main ol li").count():
            raise RuntimeError("Fejlsiden viser ingen fejl fra tjekket, så billedet bliver ikke taget.")
        written.append(out / ERROR_SHOT)
        page.locator("main").screenshot(path=str(written[-1]))
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", help="et bygget site (standard: byg sitet først)")
    parser.add_argument("--out", default=str(OUT), help="hvor billederne gemmes")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium mangler ({CHROMIUM}). Installer Debian-pakken chromium (`make system`).", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    from sitekit.build import site_or_build
    from sitekit.pageweight import Server

    with site_or_build(args.site_dir, "skaermbilleder-site-") as site:
        if site is None:
            return 1
        with Server(site) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                files = take(browser, server.url, Path(args.out), error_page_html())
            finally:
                browser.close()
    for f in files:
        print(f"Gemt: {paths.rel(f)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
