"""The one pipeline: `make check`, `make build`, CI and the tests all run this strict build.

`python -m sitekit build` and `check` run it in their own process; ``build_site`` runs that
command as a child process (MkDocs keeps global state between builds). It calls MkDocs' own
API the way `mkdocs build --strict` does. The site's plugin (sitekit.plugin) collects every
problem, its checks included, in the same pass; MkDocs' own warnings are translated
(sitekit.problems). It prints the problems in Danish, then one summary line, and exits 1
when there is an error. Tests reuse it with ``docs_dir`` to build small fixture sites with
the real configuration.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ruamel.yaml.error import YAMLError

from .navedit import read_menu
from .pages import YAML_HINT, invalid_yaml, not_utf8
from .paths import DOCS, ROOT


def build_site(site_dir: Path, docs_dir: Path | None = None, env: dict[str, str] | None = None,
               today: dt.date | str | None = None, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m sitekit build` into ``site_dir``; returncode 0 only without errors.

    A ``docs_dir`` without a mkdocs.yml beside it gets its menu from its file tree.
    ``today`` is the date reviews are measured against (default: today in Copenhagen).
    """
    cmd = [sys.executable, "-m", "sitekit", "build", "--site-dir", str(Path(site_dir).resolve())]
    if docs_dir is not None:
        cmd += ["--docs-dir", str(Path(docs_dir).resolve())]
    if config is not None:
        cmd += ["--config", str(Path(config).resolve())]
    if today:
        cmd += ["--dato", str(today)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
                "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")])),
                **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, check=False)


@contextlib.contextmanager
def site_or_build(site_dir: str | Path | None, prefix: str) -> Iterator[Path | None]:
    """``site_dir`` when it is given, else the real site built into a temporary folder for the
    ``with`` block; None when that build fails (its problems are printed)."""
    if site_dir:
        yield Path(site_dir)
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        result = build_site(Path(tmp) / "site")
        if result.returncode != 0:
            sys.stdout.write(result.stdout)
            print("\nSitet kunne ikke bygges. Ret fejlen ovenfor, og prøv igen.", file=sys.stderr)
        yield Path(tmp) / "site" if result.returncode == 0 else None


def yaml_problem(text: str, default: Path):
    """A Danish problem for MkDocs' 'error parsing the configuration file' (the mark names file and line)."""
    from .problems import Problem

    marks = re.findall(r'in "([^"]+)", line (\d+)', text)
    file, line = (Path(marks[-1][0]), int(marks[-1][1])) if marks else (default, None)
    what = re.search(r"\n([^\n]*(?:expected|found|could not)[^\n]*)", text)
    return Problem.at(file, line, "yaml", invalid_yaml("Filen", (what.group(1) if what else text).strip())[0], YAML_HINT)


def note_build(docs_dir: Path) -> None:
    """One line per build (pages, docs folder) in $SITEKIT_BUILD_LOG: the tests count the full builds."""
    if log := os.environ.get("SITEKIT_BUILD_LOG"):
        with contextlib.suppress(OSError), open(log, "a", encoding="utf-8") as out:
            out.write(f"{sum(1 for _ in Path(docs_dir).rglob('*.md'))}\t{docs_dir}\n")


def _build(site_dir: str, docs_dir: str | None, config_file: Path, json_file: Path | None = None) -> int:
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from . import problems

    # Strict mode counts the warnings that reach the logger, so it stays at INFO;
    # nothing is printed but the collector's Danish list.
    collector = problems.Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    overrides: dict = {"site_dir": site_dir, "strict": True}
    where = problems.Where(config=config_file)
    found: list = []
    auto_nav = False
    if docs_dir:
        overrides["docs_dir"], where.docs_dir = docs_dir, Path(docs_dir)
        menu = Path(docs_dir).parent / "mkdocs.yml"
        # A fixture folder without its own menu gets one from its file tree.
        auto_nav = not menu.is_file()
        if menu.is_file() and menu.resolve() != config_file.resolve():
            # A fixture site's own menu: nav and not_in_nav, everything else from the real config.
            where.config = menu
            try:
                own = read_menu(menu.read_text(encoding="utf-8")) or {}
            except YAMLError as exc:
                found.append(yaml_problem(f"{exc}".replace("<unicode string>", str(menu)), menu))
                own = {}
            # As plain lists and dicts: MkDocs and mkdocs-static-i18n check the types of a setting.
            overrides.update({k: json.loads(json.dumps(own[k])) for k in ("nav", "not_in_nav") if k in own})
    # A page or data file saved in another character set than UTF-8 cannot be read by anything:
    # say which, instead of a traceback from the first tool that tries.
    unreadable = not_utf8(Path(docs_dir) if docs_dir else DOCS)
    found.extend(unreadable)
    plugin, stopped = None, ""
    if not unreadable:
        try:
            config = load_config(str(config_file), **overrides)
            if auto_nav:
                # load_config ignores None overrides, so clear the page tree here.
                config["nav"] = None
            plugin = config.plugins.get("sitekit")
            config.plugins.on_startup(command="build", dirty=False)
            note_build(Path(config.docs_dir))
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (exceptions.ConfigurationError, exceptions.Abort) as exc:  # Abort: "Aborted with N warnings"
            if "error parsing the configuration file" in str(exc):
                found.append(yaml_problem(str(exc), config_file))
            else:  # the warnings are the problems; this is said only when there are none
                stopped = str(exc)
        except exceptions.MkDocsException as exc:  # the plugin stopped the build with a Danish message
            found.extend(problems.translate(str(exc)))
    if plugin is not None:
        where.anchors = plugin.where.anchors
        found.extend(plugin.problems)
    if not docs_dir or Path(docs_dir).resolve() == DOCS.resolve():
        found.extend(_changes_reminder())
    found = problems.combine(collector.messages, found, where)
    if stopped and not problems.errors(found):
        found.extend(problems.translate(stopped))
    print(problems.summary(found, plugin.notes if plugin is not None else ""))
    if json_file:
        Path(json_file).write_text(problems.as_json(found), encoding="utf-8")
    return 1 if problems.errors(found) else 0


def _changes_reminder(base: str = "origin/main") -> list:
    """Guidance changed without a line in the changes list: a warning (sitekit.editions),
    none when there is no main branch to compare with."""
    from . import editions, problems

    try:
        pages = editions.changed_without_changelog(base, ROOT)
    except (editions.EditionError, IndexError):
        return []
    reminder = editions.changelog_reminder(pages)
    return [problems.Problem.at(ROOT / "docs" / editions.CHANGES_PAGE, None, "changes", reminder,
                                level=problems.WARNING)] if reminder else []


def run(site_dir: str, docs_dir: str | None, config_file: Path, json_file: Path | None) -> int:
    """The strict build in this process, from the repository's folder."""
    os.chdir(ROOT)
    try:
        return _build(site_dir, docs_dir, config_file, json_file)
    except Exception:
        # A mistake in the tools, not in the text: say so in Danish, and keep the details for a developer.
        print("Værktøjet stoppede med en fejl, som ikke skyldes din tekst. Send beskeden nedenfor til en "
              "udvikler.", file=sys.stderr)
        raise

