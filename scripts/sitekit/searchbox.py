"""Ask Material's real search box in Chromium, the way a reader does.

Used by tests/test_search.py and scripts/benchmark.py (hit rates of the
project's search and of stock Material search on the same content).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .paths import ROOT

QUERY_FILE = ROOT / "tests" / "fixtures" / "search" / "soegninger.yml"

# Counts each rendering of Material's result summary, so a query's results
# are read only after they arrived.
_WATCH = """() => {
  window.__results = 0;
  const meta = document.querySelector('.md-search-result__meta');
  new MutationObserver(() => { window.__results++; })
    .observe(meta, {childList: true, characterData: true, subtree: true});
}"""


def load_queries(path: Path = QUERY_FILE) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def open_search(page, url: str) -> None:
    """Open ``url`` and put the cursor in the search box."""
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => !!document.querySelector('.md-search-result__meta')")
    page.evaluate(_WATCH)


def top_pages(page, query: str, n: int = 3) -> list[str]:
    """The pages of the first ``n`` results for ``query``, as site paths."""
    box = page.locator("input.md-search__input")
    page.evaluate("() => { window.__results = 0; }")
    box.fill(query)
    box.press("End")
    page.wait_for_function("() => window.__results > 0", timeout=15000)
    page.wait_for_timeout(60)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", f"els => els.slice(0, {n}).map(e => e.querySelector('a').href)")
    base = page.evaluate("() => new URL(JSON.parse(document.querySelector('script#__config')"
                         ".textContent).base + '/', location.href).href")
    return [h.split("?")[0].split("#")[0].replace(base, "") for h in hrefs]


def answers(browser, url: str, queries: list[dict]) -> dict[str, list[str]]:
    """The top-3 pages for each query, asked in one page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        open_search(page, url)
        return {q["q"]: top_pages(page, q["q"]) for q in queries}
    finally:
        context.close()


def hit_rates(queries: list[dict], found: dict[str, list[str]]) -> tuple[float, float]:
    """Share of queries with a right page first, and in the top 3."""
    top1 = sum(1 for q in queries if found[q["q"]][:1] and found[q["q"]][0] in q["side"])
    top3 = sum(1 for q in queries if set(found[q["q"]][:3]) & set(q["side"]))
    return top1 / len(queries), top3 / len(queries)
