"""What a reader's browser downloads for a page: the requests and the bytes a web server
sends (gzip, long caching of hashed names), for pages opened in a real Chromium (Playwright).

Used by tests/test_performance.py (the budget of a first visit) and scripts/benchmark.py
(the same figures for this site and stock Material).
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class View:
    """What opening one page fetched from the server: the paths, and the bytes sent (gzip where a web server compresses)."""

    paths: list[str]
    gzip: int

    @property
    def requests(self) -> int:
        return len(self.paths)


def _view(page, server: Server, url: str) -> View:
    """What opening ``url`` in ``page`` fetched from ``server``."""
    mark = len(server.log)
    page.goto(url, wait_until="networkidle")
    with server.lock:
        log = server.log[mark:]
    return View([path for path, _, _ in log], sum(size for _, _, size in log))


def page_views(browser, server: Server, *paths: str) -> list[View]:
    """``paths`` opened one after the other in a new browser: the first cold, the next with its cache warm."""
    context = browser.new_context()
    try:
        # No page.route() here: Playwright turns the browser cache off for routed
        # pages. Other hosts are unreachable by the browser's own flag instead.
        page = context.new_page()
        return [_view(page, server, server.url + path) for path in paths]
    finally:
        context.close()


# --- serving like a web server: gzip, long caching of hashed names ------------------

_HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:css|js)$")
_COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def _handler(root: Path, served: Server):
    cache: dict[Path, bytes] = {}

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, format, *args):  # noqa: A002 - stdlib signature
            pass

        def _record(self, status: int, size: int) -> None:
            with served.lock:
                served.log.append((self.path, status, size))

        def do_GET(self):  # noqa: N802 - stdlib name
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                self.send_error(404)
                self._record(404, 0)
                return
            mtime = path.stat().st_mtime
            since = self.headers.get("If-Modified-Since")
            if since:
                try:
                    if parsedate_to_datetime(since).timestamp() >= int(mtime):
                        self.send_response(304)
                        self.end_headers()
                        self._record(304, 0)
                        return
                except (TypeError, ValueError):
                    pass
            body = path.read_bytes()
            gz = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in _COMPRESS
            if gz:
                body = cache.setdefault(path, gzip.compress(body, 6))
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", formatdate(mtime, usegmt=True))
            if gz:
                self.send_header("Content-Encoding", "gzip")
            immutable = _HASHED.search(path.name)
            self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
            self.end_headers()
            self.wfile.write(body)
            self._record(200, len(body))

    return Handler


class Server:
    """``root`` on ``host`` (a free port) as a web server sends it, with a log of what it sent;
    or with another ``handler`` (the tests' plain static server)."""

    def __init__(self, root: Path, host: str = "127.0.0.1", handler=None):
        self.log: list[tuple[str, int, int]] = []  # what the server sent: (path, status, bytes on the wire)
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer((host, 0), handler or _handler(root, self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return "http://{}:{}/".format(*self.httpd.server_address[:2])

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
