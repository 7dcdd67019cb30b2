"""Build the site exactly as `make build`, CI and the tests do.

The build runs in a child process (MkDocs keeps global state between builds)
and calls MkDocs' own API the way `mkdocs build --strict` does. Tests reuse it
with ``docs_dir`` and ``auto_nav`` to build small fixture sites with the real
configuration, hooks and templates.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from .paths import CONFIG, ROOT


def build_site(site_dir: Path, docs_dir: Path | None = None, auto_nav: bool = False,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the strict build into ``site_dir``; returncode 0 only without warnings."""
    cmd = [sys.executable, "-m", "sitekit.build", "--site-dir", str(Path(site_dir).resolve())]
    if docs_dir is not None:
        cmd += ["--docs-dir", str(Path(docs_dir).resolve())]
    if auto_nav:
        cmd.append("--auto-nav")
    full_env = dict(os.environ)
    full_env["NO_MKDOCS_2_WARNING"] = "1"
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), full_env.get("PYTHONPATH")]))
    full_env.update(env or {})
    return subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, check=False)


def _build(site_dir: str, docs_dir: str | None, auto_nav: bool) -> int:
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Show INFO and up, as `mkdocs build` does. Never raise this above WARNING:
    # strict mode counts only the warnings that reach the logger.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    overrides: dict = {"site_dir": site_dir, "strict": True}
    if docs_dir:
        overrides["docs_dir"] = docs_dir
    try:
        config = load_config(str(CONFIG), **overrides)
        if auto_nav:
            # load_config ignores None overrides, so clear the page tree here.
            config["nav"] = None
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (exceptions.Abort, exceptions.ConfigurationError) as exc:
        print(f"ERROR   -  {exc}")
        return 1
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Strict build (used by scripts/site.py build).")
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--docs-dir")
    parser.add_argument("--auto-nav", action="store_true", help="navigation from the file tree")
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.exit(_build(args.site_dir, args.docs_dir, args.auto_nav))
