"""What a reader's browser downloads for one page: requests, bytes and the
gzip size of each response, measured in a real Chromium (Playwright).

Used by tests/test_performance.py (the budget of a first visit); scripts/benchmark.py
measures page views on the server side, for its figures.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field


@dataclass
class Weight:
    """The downloads of one page view."""

    urls: list[str] = field(default_factory=list)
    raw: int = 0
    gzip: int = 0

    @property
    def requests(self) -> int:
        return len(self.urls)

    def add(self, url: str, body: bytes) -> None:
        self.urls.append(url)
        self.raw += len(body)
        self.gzip += len(gzip.compress(body, compresslevel=6)) if body else 0


def cold_view(browser, url: str, viewport: dict | None = None) -> Weight:
    """A first visit with an empty cache: everything ``url`` loads until the network is idle."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
    try:
        page = context.new_page()
        weight = Weight()
        page.on("requestfinished", lambda request: _finished(request, weight))
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_load_state("networkidle")
        return weight
    finally:
        context.close()


def _finished(request, weight: Weight) -> None:
    if request.url.startswith(("data:", "blob:")):
        return
    response = request.response()
    if response is None:
        return
    # A response from the browser's cache costs no bytes and no request.
    if response.status == 304 or _from_cache(request):
        return
    try:
        body = response.body()
    except Exception:  # noqa: BLE001 - a response without a body (redirect, abort)
        body = b""
    weight.add(request.url, body)


def _from_cache(request) -> bool:
    sizes = request.sizes()
    return sizes.get("responseBodySize", 0) == 0 and sizes.get("responseHeadersSize", 0) <= 0
