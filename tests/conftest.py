"""Shared fixtures: the site is built once per test run, served on
127.0.0.1 and visited by Chromium (Debian's, driven by Playwright).

The suite runs in one process per core (pytest-xdist, `-n auto` in pyproject.toml).
What is expensive to make (the real site, the published editions) is made
once per run by the first process that needs it, and shared through files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from sitekit.newpage import front_matter
from sitekit.pageweight import Server

ROOT = Path(__file__).resolve().parents[1]
# `make test` runs pytest as a child of make. A `make` the tests start must behave as in an
# editor's shell, not as a sub-make (which prints "make[1]: Entering directory …").
for _name in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"):
    os.environ.pop(_name, None)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The tool is the package scripts/sitekit: `python -m sitekit …` in every subprocess.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))
SITEKIT = ["-m", "sitekit"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 # No request leaves 127.0.0.x: every other address goes through a proxy that does not
                 # exist (port 9) and fails at once. Chromium never sends loopback through a proxy. (A
                 # Playwright route per request would cost a round trip to Python and the browser's cache.)
                 "--proxy-server=http://127.0.0.1:9"]


# --- two processes (pytest-xdist) ----------------------------------------------------

# The slowest work units first (as measured with --durations), so that the processes end together.
# The fresh clone needs no built site: it runs while the first half of the every-page visit waits for the
# published edition (``built_site``).
SLOW_FIRST = ("test_every_page.py[half-1]", "test_fresh_clone.py", "test_every_page.py[half-2]", "test_serve.py",
              "test_publish.py", "test_training.py", "test_checks.py", "test_english.py", "test_decision_guide.py",
              "test_offline.py")
# Files that share a fixture made once per run go to the same process (it would wait otherwise).
SAME_PROCESS = {"test_nginx.py": "test_publish.py", "test_offline.py": "test_publish.py"}


def pytest_collection_modifyitems(items) -> None:
    """Every test that uses the browser is marked browser, so `-m "not browser"` leaves it out."""
    for item in items:
        if {"browser", "page", "no_js_page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    rank = {name: n for n, name in enumerate(SLOW_FIRST)}
    # Stable: the order within a work unit stays.
    items.sort(key=lambda item: rank.get(_work_unit(item.nodeid).rsplit("/", 1)[-1], len(rank)))


def _work_unit(nodeid: str) -> str:
    """What one process runs in one go: a test file (its module fixtures are made once), or
    one half of the every-page visit (tests/test_every_page.py)."""
    file, _, rest = nodeid.partition("::")
    name = file.rsplit("/", 1)[-1]
    if name == "test_every_page.py":
        return file + rest[rest.find("["):]
    return file.replace(name, SAME_PROCESS.get(name, name))


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _work_unit(nodeid)

    config.option.loadscopereorder = False  # keep SLOW_FIRST's order
    return ByWorkUnit(config, log)


# --- at most MAX_REAL_BUILDS full builds of the real site per run ---------------------

# Every strict build and every `make serve` build writes a line to $SITEKIT_BUILD_LOG
# (sitekit.build.note_build), also in the test processes' children and the fresh clone. A
# build of the real pages (this checkout's docs/ or a copy of it) is a full build; the small
# fixture sites are not. 4: the real site published once (tests/publishing.py,
# ``published_site``: its edition and the edition's offline copy, 2), which is also the built
# site every test reads (``built_site``); the fresh clone's `make check` and `make serve` (the
# real site served). The editions scenario (``published_editions``), test_serve.py's Ctrl-C and
# the screenshot's error page use small sites.
MAX_REAL_BUILDS = 4


def pytest_configure(config) -> None:
    if hasattr(config, "workerinput"):
        return  # a test process: it inherits the log from the process that started it
    folder = Path(tempfile.mkdtemp(prefix="site-builds-"))
    log = folder / "builds.log"
    log.touch(mode=0o666)
    log.chmod(0o666)  # the fresh clone's editor writes to it too
    folder.chmod(0o711)
    os.environ["SITEKIT_BUILD_LOG"] = str(log)


def real_builds() -> list[str]:
    """The docs folders of this run's full builds of the real site, so far."""
    pages = sum(1 for _ in (ROOT / "docs").rglob("*.md"))
    lines = Path(os.environ["SITEKIT_BUILD_LOG"]).read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if int(line.split("\t", 1)[0]) >= 0.8 * pages]


def pytest_sessionfinish(session, exitstatus) -> None:
    if hasattr(session.config, "workerinput") or "SITEKIT_BUILD_LOG" not in os.environ:
        return
    builds = real_builds()
    shutil.rmtree(Path(os.environ.pop("SITEKIT_BUILD_LOG")).parent, ignore_errors=True)
    failures = []
    if len(builds) > MAX_REAL_BUILDS:
        failures.append(f"Det rigtige site blev bygget {len(builds)} gange i denne kørsel "
                        f"(højst {MAX_REAL_BUILDS}): " + ", ".join(builds))
    # A copy of the project must never re-point the shared venv's plugin at itself (share_venv).
    plugin = subprocess.run([sys.executable, "-I", "-c", "import sitekit; print(sitekit.__file__)"],
                            capture_output=True, text=True, cwd="/").stdout.strip()
    if plugin != str(ROOT / "scripts" / "sitekit" / "__init__.py"):
        failures.append(f"Miljøets plugin peger ikke længere på denne mappe, men på {plugin or 'intet'}. "
                        "Kør `.venv/bin/python -m pip install --no-deps -e .` og find testen, der installerede det.")
    if failures:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.ensure_newline()
        for failure in failures:
            reporter.write_line("FEJL: " + failure, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- processes the tests start ------------------------------------------------------

def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal_groups(groups: set[int], sig: int) -> None:
    for group in groups:
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            pass


def stop_process_tree(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop a process started with ``start_new_session=True``: its process group and the
    groups of every process under it, also one in a session of its own (``runuser`` makes one)."""
    if proc.poll() is not None:
        return
    below = _descendants(proc.pid)
    groups = {proc.pid}
    for pid in below:
        try:
            groups.add(os.getpgid(pid))
        except ProcessLookupError:
            pass
    _signal_groups(groups, sig)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        _signal_groups(groups, signal.SIGKILL)
        proc.wait()
    # The started process can end before what it started (runuser gives up on make after 2 s and
    # leaves the server to finish alone): wait for those too, and kill what is still there.
    deadline = time.monotonic() + 20
    while (alive := [pid for pid in below if _running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in alive:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


# --- made once per run, shared by the test processes -----------------------------

def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]):
    """``make(folder)``'s result, made by the first test process that asks, under a lock;
    the others wait and read it. Without pytest-xdist, the run's own temp folder."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder all workers of this run share
    result = base / f"{name}.pickle"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=base))  # fresh, also after a failed try
            result.write_bytes(pickle.dumps(make(folder)))
    return pickle.loads(result.read_bytes())


@pytest.fixture(scope="session")
def built_site(published_site) -> Path:
    """The real site as readers get it: the edition CI published once per run (tests/publishing.py),
    one strict build, as a folder on the unpacked gh-pages branch."""
    from publishing import REAL_EDITION

    return published_site.out / REAL_EDITION


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith("assets/"):
            continue
        pages.append(rel)
    return pages


# --- serving --------------------------------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def StaticServer(directory: Path, host: str = "127.0.0.1") -> Server:  # noqa: N802 - used as a class
    """Serve a folder plainly (directory redirects, HEAD) on 127.0.0.x in a daemon thread, as a
    ``with`` block: sitekit.pageweight.Server with the standard library's handler, quiet."""
    return Server(directory, host, functools.partial(_QuietHandler, directory=str(directory)))


@pytest.fixture(scope="session")
def site_url(published_site, built_site: Path) -> Iterator[str]:
    """The address of the built site: its edition, served with the rest of gh-pages as readers
    get it (the edition selector reads ../versions.json)."""
    with StaticServer(published_site.out) as server:
        yield server.url + built_site.name + "/"


# --- the browser ------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium mangler ({CHROMIUM}). Kør `make system` som root, "
                    "eller installer Debian-pakken chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _local_page(browser, **options) -> Iterator:
    context = browser.new_context(**options)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context; no request may leave 127.0.0.x."""
    yield from _local_page(browser)


@pytest.fixture
def no_js_page(browser):
    """The same, with JavaScript turned off, as for a reader whose browser blocks it."""
    yield from _local_page(browser, java_script_enabled=False)


# --- axe-core ---------------------------------------------------------------------

def axe_violations(page, contrast: bool = True) -> list[str]:
    """axe-core's violations on the page as it is now, one line each (empty: none).

    axe-core (500 KB) is put into a loaded page once and serves every later check of it
    (another width, another state); ``contrast=False`` leaves out colour contrast, the
    slowest rule."""
    from axe_playwright_python.base import AXE_SCRIPT

    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options = {"resultTypes": ["violations"], "rules": {"color-contrast": {"enabled": contrast}}}
    found = []
    for v in page.evaluate("options => axe.run(options)", options)["violations"]:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        found.append(f"{v['id']} ({len(v['nodes'])}): {v['help']} – {targets}")
    return found


def resize(page, size: dict) -> None:
    """Give the loaded page another window size, as a reader turning a tablet or a phone:
    the page's resize handlers (site.js: wide tables become focusable) have run on return."""
    page.set_viewport_size(size)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# --- editions (tests/publishing.py) ---------------------------------------------

@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory):
    """The real site, published once by the workflow's steps (`make check`, the edition)."""
    from publishing import publish_real_site

    return once_per_run(tmp_path_factory, "published-site", publish_real_site)


@pytest.fixture(scope="session")
def published_editions(tmp_path_factory: pytest.TempPathFactory):
    """Two editions of a small site on a throw-away repository's gh-pages branch."""
    from publishing import publish_two_editions

    return once_per_run(tmp_path_factory, "editions", publish_two_editions)


# --- a small site: this checkout's tools with three pages ------------------------------

SMALL_MENU = """INHERIT: mkdocs-base.yml

nav:
  - Forside: index.md
  - Vejledning:
      - vejledning/index.md
      - vejledning/vink.md
"""


def small_page(title: str) -> str:
    """A page that passes every check, with the front matter `make new-page` writes."""
    return front_matter(title, "En side i et lille testsite.", "redaktionen", "medarbejdere",
                        dt.date(2026, 11, 1)) + f"\n# {title}\n\nDu kan læse om radikalisering her.\n"


def share_venv(top: Path) -> None:
    """`make` in a copy of the project uses this checkout's venv, already installed. The copy's
    install inputs are made older than the venv's stamp: make must not reinstall, and above all
    must not re-point the shared venv's editable plugin at the copy (`pip install -e .`)."""
    (top / ".venv").symlink_to(Path(sys.prefix))
    for name in [*top.glob("requirements*.txt"), top / "pyproject.toml"]:
        os.utime(name, (0, 0))


@pytest.fixture
def site_copy():
    """This checkout's tools and configuration in a temporary folder, to break and fix, with a
    small docs folder of three pages (lille/docs, ``--docs-dir``) and a menu for them in mkdocs.yml: every
    rebuild runs the real configuration and hooks, but costs a fraction of the real site's build
    (the fresh clone previews the real site)."""
    top = Path(tempfile.mkdtemp(prefix="serve-fejl-"))
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink() and rel.startswith(("docs/", "overrides/", "scripts/", "mkdocs", "Makefile",
                                                                 "requirements", "pyproject")):
            (top / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, top / rel)
    share_venv(top)
    (top / "mkdocs.yml").write_text(SMALL_MENU, encoding="utf-8")
    small = top / "lille" / "docs"
    (small / "vejledning").mkdir(parents=True)
    for page, title in (("index.md", "Forside"), ("vejledning/index.md", "Vejledning"),
                        ("vejledning/vink.md", "VINK")):
        (small / page).write_text(small_page(title), encoding="utf-8")
    yield top
    shutil.rmtree(top, ignore_errors=True)


# --- a clean copy of the repository -------------------------------------------------------

def clean_copy(repo: Path, message: str, untracked: bool = False) -> None:
    """The project's files (tracked; with ``untracked``, new files too) as a fresh git repository."""
    args = ["git", "ls-files", "-z"] + (["--cached", "--others", "--exclude-standard"] if untracked else [])
    listed = subprocess.run(args, cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / rel)
    git = ["git", "-c", "user.name=Redaktør", "-c", "user.email=redaktoer@example.invalid"]
    subprocess.run(git + ["init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(git + ["add", "-A"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-q", "-m", message], cwd=repo, check=True)
