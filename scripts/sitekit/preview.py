"""The preview server behind `make serve`: MkDocs' own live-reload server, with
two things editors need.

* A build error does not freeze the browser. The page in the browser is
  replaced by a Danish error page that says which file and line is wrong and
  what to do (the same messages as `make check`). It reloads by itself: when
  the file is fixed, the real page comes back.
* Ctrl-C (or SIGTERM) stops the server quietly: "Serveren er stoppet.", exit 0.

The terminal gets short Danish lines instead of MkDocs' English log; warnings
from the build are still shown there.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from .paths import CONFIG, DOCS, ROOT

STOPPED = "Serveren er stoppet."
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _say(text: str) -> None:
    print(time.strftime("[%H:%M:%S] ") + text, flush=True)


def _config_problems(config_file: Path) -> list:
    """A configuration file that is not valid YAML, as a Danish problem with its line."""
    from .navedit import yaml_error
    from .pages import YAML_HINT
    from .problems import Problem

    found = yaml_error(config_file)
    if found is None:
        return []
    line, message = found
    return [Problem.at(config_file, line, "opsætning", message,
                       YAML_HINT + " Gem filen: siden kommer tilbage af sig selv.")]


def error_page(problems: list, details: Iterable[str], error: str) -> bytes:
    """A small Danish HTML page for a failed build (no requests to other hosts)."""
    from . import render

    return render("preview-error.html", problems=problems, details=[d for d in [*details, error] if d]).encode()


def serve(host: str = "127.0.0.1", port: int = 8000, docs_dir: Path | None = None) -> int:
    """Run the preview until Ctrl-C or SIGTERM; 0 when stopped that way."""
    def stop(_signum, _frame):
        # Once: make passes SIGTERM on to the server, and a second KeyboardInterrupt in the middle
        # of the shutdown would leave the server's threads, and the port, alive. Should the
        # shutdown hang anyway, the process ends after 10 seconds.
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        deadline = threading.Timer(10, os._exit, (0,))
        deadline.daemon = True  # a clean shutdown does not wait for it
        deadline.start()
        raise KeyboardInterrupt

    # Ctrl-C (SIGINT), SIGTERM (a closed terminal, a test) and SIGHUP stop the same way.
    for sig in STOP_SIGNALS:
        signal.signal(sig, stop)
    terminal = _take_terminal()
    try:
        return _serve(host, port, CONFIG, docs_dir)
    except KeyboardInterrupt:
        print(STOPPED, flush=True)
        return 0
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(f"Porten {port} er optaget: en anden server kører allerede der. Stop den, "
              f"eller vælg en anden port, fx `make serve PORT={port + 1}`.", file=sys.stderr)
        return 1
    finally:
        if terminal is not None:
            with contextlib.suppress(OSError):
                os.tcsetpgrp(*terminal)


def _take_terminal() -> tuple[int, int] | None:
    """Under `make`, make this process the terminal's foreground group, as a shell
    does for a job. Ctrl-C then reaches only the server, which stops cleanly,
    and make sees exit 0 instead of dying of the signal with
    "make: *** [serve] Interrupt". Only when make runs in the foreground of a
    terminal; returns (terminal, make's group) to give the terminal back."""
    if not os.environ.get("MAKELEVEL"):
        return None
    try:
        fd = sys.stdin.fileno()
        if not os.isatty(fd) or os.tcgetpgrp(fd) != os.getpgrp():
            return None
        previous = os.getpgrp()
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a group may then set the foreground
        os.setpgid(0, 0)
        os.tcsetpgrp(fd, os.getpgrp())
        return fd, previous
    except (OSError, ValueError):
        return None


def _serve(host: str, port: int, config_file: Path, docs_dir: Path | None) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    from . import problems as found
    from .build import note_build
    from .pages import not_utf8

    collect = found.Collector()
    log = logging.getLogger("mkdocs")
    log.addHandler(collect)
    log.setLevel(logging.INFO)
    log.propagate = False
    # MkDocs warns at every dirty build (which strict mode would count as a failure); the preview
    # builds dirty only when nothing but the text of existing pages changed (SitekitPlugin.dirty_build).
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed"))

    site_dir = tempfile.mkdtemp(prefix="forhaandsvisning-")
    serve_url = _serve_url(host, port, "/")
    overrides: dict = {"site_dir": site_dir, "dev_addr": f"{host}:{port}", "strict": True}
    if docs_dir is not None:
        overrides["docs_dir"] = str(Path(docs_dir).resolve())
    docs = Path(docs_dir).resolve() if docs_dir is not None else DOCS

    class PreviewServer(LiveReloadServer):
        error_html: bytes | None = None

        def _inject_js_into_html(self, content, epoch):
            # MkDocs' live reload is an inline script, which the site's CSP
            # (script-src 'self') blocks. Only this local preview allows it;
            # a built or published page never carries this change.
            content = content.replace(b"script-src 'self';", b"script-src 'self' 'unsafe-inline';", 1)
            return super()._inject_js_into_html(content, epoch)

        def _serve_request(self, environ, start_response):
            path = environ["PATH_INFO"]
            wants_page = path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]
            if self.error_html is not None and wants_page and not path.startswith("/livereload/"):
                with self._epoch_cond:
                    self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                    body = self._inject_js_into_html(self.error_html, self._visible_epoch)
                start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                             ("Content-Length", str(len(body)))])
                return [body]
            return super()._serve_request(environ, start_response)

    first_config = None
    watched = [p for p in (docs, Path(config_file).resolve(), Path(config_file).resolve().parent / "mkdocs-base.yml",
                           ROOT / "overrides") if p.exists()]
    last_ok = False

    def get_config():
        config = load_config(config_file=str(config_file), **overrides)
        config.site_url = serve_url
        return config

    def builder(config=None) -> None:
        """Build; on any error show the Danish error page instead of raising."""
        nonlocal last_ok
        collect.records.clear()
        collect.messages.clear()
        collect.active = True
        try:
            config = config or get_config()
            plugin = config.plugins.get("sitekit")
            dirty = bool(plugin) and plugin.dirty_build(docs, watched, last_ok)
            last_ok = False
            if not dirty:
                note_build(Path(config.docs_dir))
            # mkdocs-static-i18n 1.3 builds the further languages dirty only when '--dirty' is in sys.argv.
            argv, sys.argv = sys.argv, [*sys.argv, "--dirty"] if dirty else sys.argv
            try:
                build(config, serve_url=serve_url, dirty=dirty)
            finally:
                sys.argv = argv
            last_ok = True
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - every build error goes to the browser
            collect.active = False
            plugin = config.plugins.get("sitekit") if config is not None else None
            problems = _config_problems(config_file) or not_utf8(docs) or found.errors(found.combine(
                collect.messages, plugin.problems if plugin else [], plugin.where if plugin else None))
            error = str(exc) if not isinstance(exc, SystemExit) else ""
            server.error_html = error_page(problems, collect.records, error)
            _say("Sitet kunne ikke bygges. Fejlen vises i browseren, til du har rettet den:")
            for p in problems:
                print("  " + p.format().replace("\n", "\n  "), flush=True)
            if not problems and error:
                print(f"  {error}", flush=True)
        else:
            if server.error_html is not None:
                _say("Fejlen er rettet. Siden vises igen i browseren.")
            server.error_html = None
        finally:
            collect.active = False

    server = PreviewServer(builder=builder, host=host, port=port, root=site_dir)
    # A missing page: MkDocs' own 404 page from the built site.
    server.error_handler = lambda code: (Path(site_dir, "404.html").read_bytes()
                                         if code == 404 and Path(site_dir, "404.html").is_file() else None)
    try:
        try:
            first_config = get_config()
        except KeyboardInterrupt:
            raise
        except BaseException:  # noqa: BLE001 - a broken mkdocs.yml is shown, too
            pass
        _say("Bygger sitet …")
        if first_config is not None:
            first_config.plugins.on_startup(command="serve", dirty=False)
        builder(first_config)
        for path in watched:
            server.watch(str(path))
        if first_config is not None:
            server = first_config.plugins.on_serve(server, config=first_config, builder=builder)
            for item in first_config.watch:
                server.watch(item)
        _say(f"Sitet vises på {serve_url} – siden opdateres, når du gemmer en fil. "
             "Tryk Ctrl-C for at stoppe.")
        try:
            server.serve()
        finally:
            server.shutdown()
    finally:
        if first_config is not None:
            first_config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    print(STOPPED, flush=True)
    return 0
