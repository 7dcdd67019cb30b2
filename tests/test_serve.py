"""`make serve` (python -m sitekit serve): the Danish site on 127.0.0.1; Ctrl-C stops
it cleanly; a build error is shown in the browser, in Danish, until it is fixed."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import termios
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from conftest import SMALL_MENU, stop_process_tree


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _wait_for(url: str, proc: subprocess.Popen, want=lambda status, html: True, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            last = _get(url)
            if want(*last):
                return last[1]
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} svarede ikke som ventet (exit {proc.poll()}): {last and last[1][:500]}")


def test_make_serve_shows_the_danish_site_and_ctrl_c_stops_it_with_exit_0_and_no_noise(site_copy):
    """The editor's case: `make serve` in a terminal, then Ctrl-C. The terminal
    (a pseudo-terminal here) sends SIGINT to its foreground process group. The small site
    (its docs folder set in mkdocs.yml); the fresh clone's `make serve` serves the real one."""
    (site_copy / "mkdocs.yml").write_text(SMALL_MENU + "docs_dir: lille/docs\n", encoding="utf-8")
    port = _free_port()
    master, slave = pty.openpty()

    def controlling_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=site_copy,
                            stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                            preexec_fn=controlling_terminal)
    os.close(slave)
    output = b""

    def read(seconds: float) -> None:
        nonlocal output
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    output += os.read(master, 65536)
                except OSError:
                    return

    try:
        deadline = time.monotonic() + 90
        while b"Tryk Ctrl-C" not in output and time.monotonic() < deadline and proc.poll() is None:
            read(0.3)
        assert b"Tryk Ctrl-C" in output, output.decode(errors="replace")
        status, html = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and '<html lang="da"' in html, html
        assert "Vejledning" in html and "Du kan læse om radikalisering her." in html, html
        os.write(master, b"\x03")  # Ctrl-C
        returncode = proc.wait(timeout=30)
        read(0.5)
    finally:
        stop_process_tree(proc)
        os.close(master)
    text = output.decode("utf-8", errors="replace")
    assert returncode == 0, text
    assert text.rstrip().endswith("Serveren er stoppet."), text
    assert "Traceback" not in text and "make:" not in text and "Interrupt" not in text, text


# --- a build error in the browser ------------------------------------------------

def test_a_build_error_is_shown_in_the_browser_in_danish_until_it_is_fixed(site_copy, page):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/vejledning/"
    docs = site_copy / "lille" / "docs"
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "serve", "--port", str(port), "--docs-dir", str(docs)],
                            cwd=site_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env=dict(os.environ, PYTHONPATH=str(site_copy / "scripts")))
    source = docs / "vejledning" / "index.md"
    good = source.read_text(encoding="utf-8")
    try:
        _wait_for(url, proc, lambda status, html: status == 200)
        page.goto(url)
        heading = page.locator("h1").first.inner_text()

        # A broken link: the open page turns into the Danish error page by itself.
        source.write_text(good + "\nSe [siden](findes-ikke.md).\n", encoding="utf-8")
        expect(page).to_have_title(re.compile("^Sitet kunne ikke bygges"), timeout=60_000)
        text = page.locator("main").inner_text()
        line = len(good.splitlines()) + 2
        assert f"lille/docs/vejledning/index.md:{line}" in text, text
        assert "findes-ikke.md" in text and "Sådan retter du det:" in text
        assert page.get_attribute("html", "lang") == "da"
        status, html = _get(f"http://127.0.0.1:{port}/vejledning/vink/")  # every page shows it
        assert status == 500 and "Sitet kunne ikke bygges" in html

        # Fixed: the real page comes back without a reload by hand.
        source.write_text(good, encoding="utf-8")
        expect(page.locator("h1").first).to_have_text(heading, timeout=60_000)

        # A menu line indented with 4 spaces instead of 6 in mkdocs.yml: the settings
        # cannot be read at all (every mistake in a page, front matter included, takes
        # the broken link's way through the checks' collector; tests/test_checks.py).
        config = site_copy / "mkdocs.yml"
        menu = config.read_text(encoding="utf-8")
        slip = menu.replace("\n      - vejledning/vink.md\n", "\n    - vejledning/vink.md\n", 1)
        assert slip != menu
        line = slip.splitlines().index("    - vejledning/vink.md") + 1
        config.write_text(slip, encoding="utf-8")
        html = _wait_for(url, proc, lambda status, html: status == 500)
        text = re.sub(r"<[^>]+>", "", html)
        assert f"mkdocs.yml:{line}: Filen er ikke gyldig YAML" in text and "Tjek indrykningen" in text, text
        config.write_text(menu, encoding="utf-8")
        _wait_for(url, proc, lambda status, html: status == 200)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=30)
        finally:
            stop_process_tree(proc)
    assert proc.returncode == 0, out
    assert "Sitet kunne ikke bygges. Fejlen vises i browseren" in out
    assert "Fejlen er rettet." in out and "Traceback" not in out


def test_preview_builds_only_changed_page_text_dirty(tmp_path: Path):
    """The preview renders again only the pages whose text changed (a dirty build); a new file, a data
    file, a changed title or a failed build before mean a full build."""
    from sitekit.plugin.plugin import SitekitPlugin

    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    page, data = docs / "side.md", docs / "_data" / "data.yml"
    page.write_text("---\ntitle: Side\n---\n\nTekst.\n", encoding="utf-8")
    data.write_text("a: 1\n", encoding="utf-8")
    plugin = SitekitPlugin()
    plugin.on_startup(command="serve", dirty=False)

    def save(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))  # newer, however coarse the clock

    assert not plugin.dirty_build(docs, [docs], last_ok=True)  # the first build
    save(page, "---\ntitle: Side\n---\n\nNy tekst.\n")
    assert plugin.dirty_build(docs, [docs], last_ok=True)
    save(page, "---\ntitle: Side\n---\n\nIgen.\n")
    assert not plugin.dirty_build(docs, [docs], last_ok=False)  # the build before failed
    save(page, "---\ntitle: Ny titel\n---\n\nIgen.\n")
    assert not plugin.dirty_build(docs, [docs], last_ok=True)
    save(data, "a: 2\n")
    assert not plugin.dirty_build(docs, [docs], last_ok=True)
    (docs / "ny.md").write_text("Ny side.\n", encoding="utf-8")
    assert not plugin.dirty_build(docs, [docs], last_ok=True)
