"""Ask Material's real search box in Chromium, the way a reader does.

Used by tests/test_search.py and scripts/benchmark.py (hit rates of the
project's search and of stock Material search on the same content).
"""

from __future__ import annotations

from pathlib import Path

from .pages import read_yaml
from .paths import ROOT

QUERY_FILE = ROOT / "tests" / "fixtures" / "search" / "soegninger.yml"

# One query, in the page: type it as a reader does (Material searches on the box's
# keyup), wait for Material to render the worker's answer, return the result links.
# Material writes the result summary (.md-search-result__meta) and the first results in
# one go, so the links are read at the summary's change; a summary that is still the
# empty box's ("Indtast søgeord", sent when the search opened) is not the answer.
# Material asks only when the text changed: the same text again shows the same results.
_ASK = """async ([query, n, timeout]) => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const config = JSON.parse(document.querySelector('script#__config').textContent);
  const placeholder = config.translations['search.result.placeholder'];
  if (box.value !== query) {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`No results for "${query}"`)); },
                               timeout);
      const observer = new MutationObserver(() => {
        if (meta.textContent.trim() === placeholder) return;
        observer.disconnect(); clearTimeout(timer); resolve();
      });
      observer.observe(meta, {childList: true, characterData: true, subtree: true});
      box.value = query;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    });
  }
  const base = new URL(config.base + '/', location.href).href;
  return [...document.querySelectorAll('.md-search-result__item')].slice(0, n)
    .map(item => item.querySelector('a').href.split('?')[0].split('#')[0].replace(base, ''));
}"""


def load_queries(path: Path = QUERY_FILE) -> list[dict]:
    return read_yaml(Path(path).read_text(encoding="utf-8"))[0]


def open_search(page, url: str) -> None:
    """Open ``url`` and put the cursor in the search box."""
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta").wait_for(state="attached")


def top_pages(page, query: str, n: int = 3) -> list[str]:
    """The pages of the first ``n`` results for ``query``, as site paths (one round trip)."""
    return page.evaluate(_ASK, [query, n, 15000])


def hit_rates(queries: list[dict], found: dict[str, list[str]]) -> tuple[float, float]:
    """Share of queries with a right page first, and in the top 3."""
    top1 = sum(1 for q in queries if found[q["q"]][:1] and found[q["q"]][0] in q["side"])
    top3 = sum(1 for q in queries if set(found[q["q"]][:3]) & set(q["side"]))
    return top1 / len(queries), top3 / len(queries)
