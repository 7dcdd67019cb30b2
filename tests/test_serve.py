"""`make serve` (python -m sitekit serve) shows the Danish site on 127.0.0.1, and the
test stops the whole process group (the tool and the `mkdocs serve` it starts)."""

from __future__ import annotations

import os
import signal
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
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
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
        stop_group(proc)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def stop_group(proc: subprocess.Popen) -> None:
    """Stop the tool and the `mkdocs serve` it started: the whole process group, never an orphan."""
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _group_alive(proc.pid):
        os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(1)
    assert not _group_alive(proc.pid)
