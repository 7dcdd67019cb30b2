"""The reference web server configuration (scripts/hosting/nginx/radikalisering.conf)
serving two published editions: Debian's nginx on 127.0.0.1 with its own
prefix and temp folders, checked for security headers, compression, caching
and the root redirect, and visited in Chromium without one CSP violation.
The editions come from the session fixture ``published_editions``."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from publishing import EDITIONS

from conftest import ROOT, stop_process_tree

CONF = ROOT / "scripts" / "hosting" / "nginx" / "radikalisering.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OLD, NEW = (version for version, _ in EDITIONS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(published_editions, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx mangler. Kør `make system` som root, eller installer Debian-pakken nginx-light.")
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    # The shipped file, with only its address and folder replaced.
    site = CONF.read_text(encoding="utf-8")
    site = re.sub(r"^\s*listen \[::\]:80;\n", "", site, flags=re.M)
    site = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", site)
    site = re.sub(r"root /var/www/radikalisering;", f"root {published_editions.out};", site)
    (prefix / "site.conf").write_text(site, encoding="utf-8")
    temp = "\n".join(f"  {kind}_temp_path {prefix / kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(f"""
# As root, workers read the test's private temp folders; otherwise ignored.
user root;
worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
  include {prefix / 'site.conf'};
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"nginx stoppede: {proc.stderr.read().decode()}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/", port
    finally:
        stop_process_tree(proc)


def _get(port: int, path: str, **headers) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def _meta_policy(html: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


def test_security_headers_on_pages_and_errors(nginx, published_editions):
    _, port = nginx
    page = _get(port, f"/{OLD}/vejledning/vink/")
    assert page.status == 200
    policy = page.getheader("Content-Security-Policy")
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in policy
    # The header and the page's own <meta> say the same (frame-ancestors only works as a header).
    assert policy == _meta_policy(page.body.decode()) + "; frame-ancestors 'none'"
    for response in (page, _get(port, "/findes-ikke/")):
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "same-origin"
        assert "camera=()" in response.getheader("Permissions-Policy")
        assert response.getheader("Content-Security-Policy") == policy
    missing = _get(port, f"/{OLD}/findes-ikke/")
    assert missing.status == 404 and "<html" in missing.body.decode()


def test_the_root_opens_the_newest_edition(nginx):
    _, port = nginx
    root = _get(port, "/")
    assert root.status == 302 and root.getheader("Location") == "/nyeste/"
    newest = _get(port, "/nyeste/")
    assert newest.status == 200 and f'{NEW}/">' in newest.body.decode()
    folder = _get(port, f"/{OLD}")
    assert folder.status == 301 and folder.getheader("Location") == f"/{OLD}/"


def test_compression_and_long_caching_of_hashed_files(nginx, published_editions):
    _, port = nginx
    page = _get(port, f"/{OLD}/", **{"Accept-Encoding": "gzip"})
    assert page.getheader("Content-Encoding") == "gzip"
    assert "Du læser en ældre udgave" in gzip.decompress(page.body).decode()
    assert page.getheader("Cache-Control") == "no-cache"
    assert _get(port, "/versions.json").getheader("Cache-Control") == "no-cache"
    bundle = next((published_editions.out / OLD / "assets" / "javascripts").glob("bundle.*.min.js"))
    hashed = _get(port, f"/{OLD}/assets/javascripts/{bundle.name}", **{"Accept-Encoding": "gzip"})
    assert hashed.status == 200
    assert hashed.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert hashed.getheader("Content-Encoding") == "gzip"
    offline = _get(port, f"/{OLD}/offline/radikalisering-offline-{OLD}.zip")
    assert offline.status == 200 and offline.getheader("Content-Type") == "application/zip"


# Records every CSP violation, also those before the page's own scripts run.
_LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.mark.browser
def test_chromium_finds_no_csp_violation_and_search_works_under_a_prefix(nginx, browser):
    url, _ = nginx
    context = browser.new_context()
    context.add_init_script(_LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and console.append(m.text))
    visited = []
    for path in ("", f"{OLD}/", f"{OLD}/vejledning/vink/", f"{OLD}/kompetenceforloeb/cases/",
                 f"{NEW}/vejledning/skal-jeg-kontakte-vink/", "nyeste/om/"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        visited.append(page.url)
        assert page.evaluate("window.__violations") == [], page.url
    assert visited[0] == url + "nyeste/"
    # The older edition's banner works behind nginx too.
    page.goto(url + f"{OLD}/vejledning/vink/")
    page.locator("[data-md-component=outdated]").wait_for(state="visible", timeout=10000)
    # Search, from inside an edition: the worker and the index come from that edition.
    page.locator("input.md-search__input").click()
    page.keyboard.type("hjemvendte")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible", timeout=10000)
    assert all(h.startswith(url + f"{OLD}/") for h in
               page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)"))
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m] == []
    # Control: the listener and the policy are live; an inline script is refused and reported.
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.__ran = true"; document.body.appendChild(s); }""")
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran === undefined")
    context.close()


def test_no_page_of_the_site_has_an_inline_script(built_site):
    """What lets the policy leave out 'unsafe-inline': every script is a file
    (Material's inline scripts are replaced in overrides/partials/javascripts/)."""
    inline = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
    handlers = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        hits = inline.findall(text) + handlers.findall(text)
        if hits:
            found[page.relative_to(built_site).as_posix()] = hits[:3]
    assert found == {}
    assert _meta_policy((built_site / "index.html").read_text(encoding="utf-8")).startswith(
        "default-src 'self'; script-src 'self';")
