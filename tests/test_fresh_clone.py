"""The README's promise, proven: on Debian's own Python (3.11 on Debian 12, 3.13 on Debian 13),
as a user who is not root, in a fresh clone, `make new-page` sets up the editors'
install (requirements.txt only: no test tools) and adds a page, `make check` passes,
and `make serve` answers. Run as root (CI), the test drops to an ordinary user it
creates. The clone and its .venv are the editor's own, outside this checkout, so
the tests pass wherever this checkout lives (also in a private, mode-700 folder)."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from test_checks import TODAY

from conftest import ROOT, clean_copy, stop_process_tree

# The Python the Makefile picks on Debian: 3.11 where it is installed, else /usr/bin/python3.
DEBIAN_PYTHON = next((p for p in map(Path, ["/usr/bin/python3.11", "/usr/bin/python3"]) if p.exists()), None)
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
    if DEBIAN_PYTHON is None:
        pytest.fail("Debians Python mangler (/usr/bin/python3). Installer pakken python3.")
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
    if "SITEKIT_BUILD_LOG" in os.environ:  # the run counts the clone's builds too (conftest.py)
        env["SITEKIT_BUILD_LOG"] = os.environ["SITEKIT_BUILD_LOG"]
    yield repo, prefix, env
    shutil.rmtree(top, ignore_errors=True)


def test_first_make_new_page_then_make_check_on_debian_python_without_root(fresh_clone):
    """An editor's first session: `make new-page` with arguments (no questions, stdin closed)
    sets up the editors' install and adds the page and its menu line; the editor writes real
    text, and `make check` passes, even with the clock years ahead. One build of the site."""
    repo, prefix, env = fresh_clone

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(prefix + ["make", *args], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=600, stdin=subprocess.DEVNULL)

    # The branch the pull request goes to: the check compares with it (the changes list reminder).
    subprocess.run(prefix + ["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=repo, env=env, check=True)
    created = make("new-page", "TITEL=Hvornår skal du tale med din leder?", "AFSNIT=vejledning",
                   "EJER=redaktionen", f"DATO={TODAY}")
    assert created.returncode == 0, created.stdout + created.stderr
    # The first run says what it is doing while it installs.
    assert "Første gang" in created.stdout and "henter" in created.stdout
    cfg = (repo / ".venv" / "pyvenv.cfg").read_text()
    assert "home = /usr/bin" in cfg, cfg
    version, debian = (subprocess.run([str(python), "-c", "import sys; print(*sys.version_info[:3])"],
                                      capture_output=True, text=True, check=True).stdout.split()
                       for python in (repo / ".venv/bin/python", DEBIAN_PYTHON))
    assert version == debian and tuple(map(int, version)) >= (3, 11), version
    # The editors' install is requirements.txt, every package pinned there, and no test tools.
    frozen = subprocess.run([str(repo / ".venv/bin/python"), "-m", "pip", "freeze", "--all"],
                            capture_output=True, text=True, check=True).stdout
    installed = _pins(frozen)
    # The site's own plugin (scripts/sitekit), installed editable for its entry point.
    # (pip 23, Debian 12's, lists it as a comment: "# Editable Git install with no remote (sitekit==0)").
    installed.pop("sitekit", None)
    assert re.search(r"^(# .*\()?sitekit==0\)?$", frozen, flags=re.M), frozen
    assert installed == _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert not {"pytest", "pytest-xdist", "playwright", "ruff"} & set(installed)

    page = repo / "docs" / "vejledning" / "hvornaar-skal-du-tale-med-din-leder.md"
    assert page.is_file()
    menu = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - vejledning/hvornaar-skal-du-tale-med-din-leder.md\n  - Kompetenceforløb:" in menu
    diff = subprocess.run(prefix + ["git", "diff", "--numstat", "mkdocs.yml"], cwd=repo, env=env,
                          capture_output=True, text=True, check=True).stdout
    assert diff.split()[:2] == ["1", "0"], diff  # one line added, nothing else touched
    # The developers' configuration is not touched: the menu is the editors' own file.
    base = subprocess.run(prefix + ["git", "diff", "--numstat", "mkdocs-base.yml"], cwd=repo, env=env,
                          capture_output=True, text=True, check=True).stdout
    assert base == "", base

    text = page.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n# ")
    head = re.sub(r"^description: .*$", 'description: "Hvornår du skal tale med din leder om en bekymring."',
                  head, count=1, flags=re.M)
    page.write_text(head + "\n# Hvornår skal du tale med din leder?\n\n"
                    "Tal med din leder, når du er bekymret for en borger.\n\n"
                    "Du skal ikke vente, til du er helt sikker. Din leder hjælper dig med at se på sagen.\n",
                    encoding="utf-8")
    # make check with the clock years ahead (this is also the check that time alone never fails the
    # real docs): no errors, and every page, the new one too, is only a warning that it is overdue.
    checked = make("check", "DATO=2099-06-01")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    overdue = [line for line in checked.stdout.splitlines() if "Advarsel: Siden skulle have været gennemgået" in line]
    assert len(overdue) >= 20, checked.stdout
    assert any(line.startswith(f"docs/vejledning/{page.name}:") for line in overdue), checked.stdout
    assert "Ingen fejl fundet." in checked.stdout.splitlines()[-1], checked.stdout
    # A new guidance page without a line in the changes list: a reminder, as a warning.
    reminder = f"docs/om/aendringer.md: Advarsel: Husk listen over ændringer: du har ændret docs/vejledning/{page.name}"
    assert reminder in checked.stdout, checked.stdout
    from sitekit.pr_summary import parse

    assert any(p.warning and p.file == "docs/om/aendringer.md" for p in parse(checked.stdout))


def _pins(text: str) -> dict[str, str]:
    """name: version for every `name==version` line; pip and setuptools (the venv's own) left out."""
    pins = {}
    for line in text.splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return {k: v for k, v in pins.items() if k not in ("pip", "setuptools")}


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
        if html is None:  # what make serve printed says why
            stop_process_tree(proc)
            raise AssertionError("serve svarede ikke:\n" + proc.stdout.read())
        assert '<html lang="da"' in html
        assert "Vejledning" in html and "Kompetenceforløb" in html  # the real site's menu
    finally:
        # runuser starts `make serve` in a session of its own: stop every process under it.
        stop_process_tree(proc)
