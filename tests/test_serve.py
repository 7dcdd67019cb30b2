"""`make serve` (scripts/site.py serve) shows the Danish site on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_shows_the_danish_site():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "serve", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        html = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    html = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.3)
        assert html is not None, proc.stdout.read() if proc.poll() is not None else "serve svarede ikke"
        assert '<html lang="da"' in html
        assert "Vejledning" in html and "Kompetenceforløb" in html
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
