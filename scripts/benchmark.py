#!/usr/bin/env python3
"""Speed and size of the strict build and the internal link check on big sites.

Generates sites of 250, 500 and 1,000 pages in a temporary folder (pages in
sections, each with headings, Markdown links, raw HTML links and links to
anchors on other pages), builds each with the real configuration and hooks,
then times the internal link checker (sitekit.links) on the built HTML. Prints
the figures; asserts nothing (figures vary from machine to machine).

    .venv/bin/python scripts/benchmark.py             # 250, 500, 1000 pages
    .venv/bin/python scripts/benchmark.py --pages 100  # one size
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit import links  # noqa: E402
from sitekit.build import build_site  # noqa: E402
from sitekit.newpage import front_matter  # noqa: E402

REVIEWED = dt.date(2026, 11, 1)


def front(title: str) -> str:
    return front_matter(title, "Side i et stort testsite til måling af bygning og linktjek.", "redaktionen", "alle",
                        REVIEWED)
PER_SECTION = 50


def _page_path(n: int) -> str:
    return f"afsnit-{n // PER_SECTION:02d}/side-{n:04d}.md"


def _rel(from_n: int, to_n: int) -> str:
    """Relative Markdown path between two generated pages."""
    a, b = _page_path(from_n).split("/"), _page_path(to_n).split("/")
    return b[1] if a[0] == b[0] else f"../{b[0]}/{b[1]}"


def generate(docs: Path, pages: int) -> None:
    """A site of ``pages`` pages (plus the pages the theme needs)."""
    (docs / "om").mkdir(parents=True)
    (docs / "index.md").write_text(front("Forside")
                                   + "# Forside\n\nEt stort testsite.\n", encoding="utf-8")
    for name, title in [("om/index.md", "Om sitet"), ("om/tilgaengelighed.md", "Tilgængelighed")]:
        (docs / name).write_text(front(title) + f"# {title}\n\nTekst.\n",
                                 encoding="utf-8")
    for n in range(pages):
        nxt, prev, far = (n + 1) % pages, (n - 1) % pages, (n * 7 + 3) % pages
        path = docs / _page_path(n)
        path.parent.mkdir(parents=True, exist_ok=True)
        html_target = _rel(n, far).replace(".md", "/")
        body = [
            front(f"Side {n}"),
            f"# Side {n}\n",
            "## Hvad handler siden om?\n",
            f"Tekst om emne {n}. Læs også [side {nxt}]({_rel(n, nxt)}) og "
            f"[afsnittet på side {prev}]({_rel(n, prev)}#hvad-gor-du).\n",
            "## Hvad gør du? {#hvad-gor-du}\n",
            "Gør sådan her. " * 20 + "\n",
            '<div markdown>\n'
            f'<a href="../{html_target}#hvad-gor-du">Rå HTML-link til side {far}</a>\n'
            '</div>\n',
            "## Hvem kan hjælpe?\n",
            "Spørg din leder. " * 10 + "\n",
        ]
        path.write_text("\n".join(body), encoding="utf-8")


def measure(pages: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        docs, site = Path(tmp) / "docs", Path(tmp) / "site"
        generate(docs, pages)
        # The whole strict build with every check (the links hook included).
        start = time.perf_counter()
        result = build_site(site, docs_dir=docs, auto_nav=True)
        build = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"Bygningen fejlede:\n{result.stdout[-3000:]}{result.stderr[-2000:]}")
        html_files = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/")]
        size = sum(p.stat().st_size for p in html_files)
        sources = links.sources_from_docs(docs)
        start = time.perf_counter()
        problems = links.check_offline(site, sources, docs)
        check = time.perf_counter() - start
        refs = sum(len(links.refs(p.read_text(encoding="utf-8"))) for p in html_files)
        if problems:
            sys.exit("Linktjekket fandt fejl i det genererede site:\n"
                     + "\n".join(p.format() for p in problems[:10]))
        return {"pages": len(html_files), "mb": size / 1e6, "refs": refs, "build": build, "check": check}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mål bygning og internt linktjek på store sites.")
    parser.add_argument("--pages", type=int, action="append",
                        help="antal sider (kan gentages; standard: 250, 500 og 1000)")
    args = parser.parse_args(argv)
    sizes = args.pages or [250, 500, 1000]
    print(f"{'sider':>6} {'HTML':>8} {'URL-er':>8} {'bygning':>9} {'linktjek':>9} "
          f"{'sider/s':>9} {'andel':>6}")
    for n in sizes:
        m = measure(n)
        print(f"{m['pages']:>6} {m['mb']:>6.1f}MB {m['refs']:>8} {m['build']:>8.2f}s {m['check']:>8.2f}s "
              f"{m['pages'] / m['check']:>9.0f} {100 * m['check'] / m['build']:>5.1f}%", flush=True)
    print("\nbygning: streng bygning med alle tjek; linktjek: lychee --offline (sitekit.links) over den "
          "byggede HTML; andel: linktjek i procent af bygningen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
