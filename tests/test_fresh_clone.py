"""The README's promise, proven: on Debian 12's own Python (/usr/bin/python3.11),
as a user who is not root, a fresh clone's `make check` passes and `make serve`
answers. Run as root (CI), the test drops to an ordinary user it creates."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import clean_copy, stop_process_tree

DEBIAN_PYTHON = Path("/usr/bin/python3.11")
EDITOR = "redaktoer-test"
# What an editor's login shell has: no pyenv, no venv, no root tools.
PLAIN_PATH = "/usr/local/bin:/usr/bin:/bin"


def _editor() -> tuple[list[str], dict[str, str], int | None]:
    """The command prefix, environment and uid to run as a non-root editor."""
    if os.geteuid() != 0:
        return [], {"HOME": os.environ["HOME"]}, None
    try:
        pwd.getpwnam(EDITOR)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", EDITOR], check=True)
    user = pwd.getpwnam(EDITOR)
    runuser = shutil.which("runuser", path="/usr/sbin:/sbin") or "runuser"
    return [runuser, "-u", EDITOR, "--"], {"HOME": user.pw_dir}, user.pw_uid


@pytest.fixture(scope="module")
def fresh_clone():
    """The tracked files of this working tree as a new git repository owned by the editor."""
    if not DEBIAN_PYTHON.exists():
        pytest.fail("Debians Python mangler (/usr/bin/python3.11). Installer pakken python3.11.")
    prefix, env, uid = _editor()
    # In memory where the machine has it: pip writes some 20,000 small files, which take this
    # machine's disk about 10 s longer (what is tested, the commands and the user, is the same).
    shm = Path("/dev/shm")
    top = Path(tempfile.mkdtemp(prefix="fresh-clone-", dir=shm if os.access(shm, os.W_OK) else "/tmp"))
    repo = top / "repo"
    clean_copy(repo, "Fresh clone")
    if uid is not None:
        os.chmod(top, 0o755)
        subprocess.run(["chown", "-R", f"{EDITOR}:", str(top)], check=True)
    env = {"PATH": PLAIN_PATH, "LANG": "C.UTF-8", **env}
    yield repo, prefix, env
    shutil.rmtree(top, ignore_errors=True)


def test_make_check_passes_on_debian_python_without_root(fresh_clone):
    repo, prefix, env = fresh_clone
    result = subprocess.run(prefix + ["make", "check"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    # The first run says what it is doing while it installs.
    assert "Første gang" in result.stdout and "henter" in result.stdout
    cfg = (repo / ".venv" / "pyvenv.cfg").read_text()
    assert "home = /usr/bin" in cfg, cfg
    version = subprocess.run([str(repo / ".venv/bin/python"), "-c",
                              "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout
    assert version.strip() == "(3, 11)"


def test_make_serve_answers_in_a_fresh_clone(fresh_clone):
    repo, prefix, env = fresh_clone
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(prefix + ["make", "serve", f"PORT={port}"], cwd=repo, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        html = None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    html = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert html is not None, proc.stdout.read() if proc.poll() is not None else "serve svarede ikke"
        assert '<html lang="da"' in html
    finally:
        # runuser starts `make serve` in a session of its own: stop every process under it.
        stop_process_tree(proc)
