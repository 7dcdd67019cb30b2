"""The reference web server configuration (scripts/hosting/nginx/radikalisering.conf)
serving two published editions: Debian's nginx on 127.0.0.1 with its own
prefix and temp folders and a throw-away self-signed certificate, checked over
HTTPS for TLS, security headers, compression, caching and the root redirect,
over HTTP for the redirect to HTTPS, and visited in Chromium without one CSP
violation. The two editions are the small site's (``published_editions``); the
real site's pages and search are visited in its one published edition
(``published_site``), served by a second nginx with the same configuration."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from publishing import EDITIONS, REAL_EDITION

from conftest import ROOT, stop_process_tree

CONF = ROOT / "scripts" / "hosting" / "nginx" / "radikalisering.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OLD, NEW = (version for version, _ in EDITIONS)


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _replace(text: str, pattern: str, replacement: str) -> str:
    """Exactly one replacement in the shipped file, so a changed file fails here, not later."""
    text, count = re.subn(pattern, replacement, text, flags=re.M)
    assert count == 1, pattern
    return text


@pytest.fixture(scope="module")
def nginx(published_editions, tmp_path_factory):
    yield from _nginx(published_editions.out, tmp_path_factory)


@pytest.fixture(scope="module")
def nginx_real(published_site, tmp_path_factory):
    yield from _nginx(published_site.out, tmp_path_factory)


def _nginx(root: Path, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx mangler. Kør `make system` som root, eller installer Debian-pakken nginx-light.")
    prefix = tmp_path_factory.mktemp("nginx")
    http_port, https_port = _free_ports(2)
    # A throw-away certificate for 127.0.0.1, valid for one day.
    cert, key = prefix / "cert.pem", prefix / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    # The shipped file, with only its addresses, certificate and folder replaced.
    site = CONF.read_text(encoding="utf-8")
    site = re.sub(r"^\s*listen \[::\]:\d+.*\n", "", site, flags=re.M)
    site = _replace(site, r"listen 80;", f"listen 127.0.0.1:{http_port};")
    site = _replace(site, r"listen 443 ", f"listen 127.0.0.1:{https_port} ")
    site = _replace(site, r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};")
    site = _replace(site, r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};")
    site = _replace(site, r"root /var/www/radikalisering;", f"root {root};")
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
        for port in (http_port, https_port):
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if proc.poll() is not None:
                        pytest.fail(f"nginx stoppede: {proc.stderr.read().decode()}")
                    time.sleep(0.05)
        yield SimpleNamespace(url=f"https://127.0.0.1:{https_port}/", port=https_port, http_port=http_port,
                              cert=str(cert), trust=ssl.create_default_context(cafile=str(cert)))
    finally:
        stop_process_tree(proc)


def _read(conn: http.client.HTTPConnection, path: str, headers: dict) -> http.client.HTTPResponse:
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def _get(server, path: str, **headers) -> http.client.HTTPResponse:
    """GET over HTTPS, trusting only the test's certificate."""
    return _read(http.client.HTTPSConnection("127.0.0.1", server.port, timeout=10, context=server.trust), path, headers)


def _meta_policy(html: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


def test_security_headers_on_pages_and_errors(nginx, published_editions):
    page = _get(nginx, f"/{OLD}/vejledning/vink/")
    assert page.status == 200
    policy = page.getheader("Content-Security-Policy")
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in policy
    # The header and the page's own <meta> say the same (frame-ancestors only works as a header).
    assert policy == _meta_policy(page.body.decode()) + "; frame-ancestors 'none'"
    for response in (page, _get(nginx, "/findes-ikke/")):
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "same-origin"
        assert "camera=()" in response.getheader("Permissions-Policy")
        assert response.getheader("Content-Security-Policy") == policy
    missing = _get(nginx, f"/{OLD}/findes-ikke/")
    assert missing.status == 404 and "<html" in missing.body.decode()


def test_plain_http_redirects_to_https_and_https_sets_hsts(nginx):
    for path in ("/", f"/{OLD}/vejledning/vink/?side=2"):
        plain = _read(http.client.HTTPConnection("127.0.0.1", nginx.http_port, timeout=10), path, {})
        assert plain.status == 301 and plain.getheader("Location") == f"https://127.0.0.1{path}"
    for path in (f"/{OLD}/vejledning/vink/", "/findes-ikke/", "/"):
        hsts = _get(nginx, path).getheader("Strict-Transport-Security")
        assert int(re.fullmatch(r"max-age=(\d+)", hsts).group(1)) >= 365 * 24 * 3600, path


def _handshake(server, ciphers: str | None = None, version=ssl.TLSVersion.TLSv1_3) -> tuple[str, str]:
    context = ssl.create_default_context(cafile=server.cert)
    context.maximum_version = version
    if ciphers:
        context.set_ciphers(ciphers)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            return tls.version(), tls.cipher()[0]


def test_tls_follows_mozillas_intermediate_configuration(nginx):
    assert _handshake(nginx)[0] == "TLSv1.3"
    # TLS 1.2: forward secrecy and an authenticated (GCM) cipher, chosen by the server
    # from what the client offers; a client with only CBC ciphers is refused.
    assert _handshake(nginx, "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES128-GCM-SHA256", ssl.TLSVersion.TLSv1_2) == (
        "TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256")
    with pytest.raises(ssl.SSLError):
        _handshake(nginx, "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA", ssl.TLSVersion.TLSv1_2)


def test_source_maps_are_not_served(nginx, published_editions):
    maps = sorted((published_editions.out / OLD / "assets").rglob("*.map"))
    assert maps, "the edition has no source map: nothing to check"
    for path in maps:
        response = _get(nginx, "/" + path.relative_to(published_editions.out).as_posix())
        assert response.status == 404 and b"<html" in response.body[:200], path


def test_the_root_opens_the_newest_edition(nginx):
    root = _get(nginx, "/")
    assert root.status == 302 and root.getheader("Location") == "/nyeste/"
    newest = _get(nginx, "/nyeste/")
    assert newest.status == 200 and f'{NEW}/">' in newest.body.decode()
    folder = _get(nginx, f"/{OLD}")
    assert folder.status == 301 and folder.getheader("Location") == f"/{OLD}/"


def test_compression_and_long_caching_of_hashed_files(nginx, published_editions):
    page = _get(nginx, f"/{OLD}/", **{"Accept-Encoding": "gzip"})
    assert page.getheader("Content-Encoding") == "gzip"
    assert "Du læser en ældre udgave" in gzip.decompress(page.body).decode()
    assert page.getheader("Cache-Control") == "no-cache"
    assert _get(nginx, "/versions.json").getheader("Cache-Control") == "no-cache"
    bundle = next((published_editions.out / OLD / "assets" / "javascripts").glob("bundle.*.min.js"))
    hashed = _get(nginx, f"/{OLD}/assets/javascripts/{bundle.name}", **{"Accept-Encoding": "gzip"})
    assert hashed.status == 200
    assert hashed.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert hashed.getheader("Content-Encoding") == "gzip"
    offline = _get(nginx, f"/{OLD}/offline/radikalisering-offline-{OLD}.zip")
    assert offline.status == 200 and offline.getheader("Content-Type") == "application/zip"


# Records every CSP violation, also those before the page's own scripts run.
_LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.mark.browser
def test_chromium_finds_no_csp_violation_and_search_works_under_a_prefix(nginx, nginx_real, browser):
    url = nginx_real.url
    # The test's own certificate is not trusted by the browser; everything else is as for a reader.
    context = browser.new_context(ignore_https_errors=True)
    context.add_init_script(_LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and console.append(m.text))
    visited = []
    for path in ("", f"{REAL_EDITION}/", f"{REAL_EDITION}/vejledning/vink/", f"{REAL_EDITION}/kompetenceforloeb/cases/",
                 f"{REAL_EDITION}/vejledning/skal-jeg-kontakte-vink/", "nyeste/om/"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        visited.append(page.url)
        assert page.evaluate("window.__violations") == [], page.url
    assert visited[0] == url + "nyeste/"
    # Search, from inside an edition: the worker and the index come from that edition.
    page.goto(url + f"{REAL_EDITION}/vejledning/vink/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("hjemvendte")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible", timeout=10000)
    assert all(h.startswith(url + f"{REAL_EDITION}/") for h in
               page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)"))
    assert page.evaluate("window.__violations") == []
    # An older edition's banner works behind nginx too (the small site's two editions).
    page.goto(nginx.url + f"{OLD}/vejledning/vink/")
    page.locator("[data-md-component=outdated]").wait_for(state="visible", timeout=10000)
    page.wait_for_load_state("networkidle")
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
