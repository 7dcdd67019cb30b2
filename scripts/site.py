#!/usr/bin/env python3
"""Værktøj til sitet om radikalisering: vis, byg og tjek sitet.

Du behøver ikke læse denne fil. Kør den gennem make, fx `make serve` eller
`make check`, eller direkte: `.venv/bin/python scripts/site.py --help`.
Hver kommando har sin egen hjælp: `scripts/site.py check --help`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit import paths  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def cmd_serve(args: argparse.Namespace) -> int:
    """Vis sitet på http://127.0.0.1:8000. Siden opdateres, når du gemmer en fil."""
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--strict",
                            "--dev-addr", f"127.0.0.1:{args.port}",
                            "--config-file", str(paths.CONFIG)], cwd=paths.ROOT)


def cmd_build(args: argparse.Namespace) -> int:
    """Byg sitet strengt til mappen site/. Enhver advarsel stopper bygningen."""
    from sitekit.build import build_site

    result = build_site(Path(args.site_dir))
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print("\nBygningen fejlede. Læs linjerne med WARNING eller ERROR ovenfor: "
              "de siger, hvilken fil der er noget galt med.", file=sys.stderr)
    return result.returncode


def cmd_check(args: argparse.Namespace) -> int:
    """Kør de hurtige tjek af indholdet (uden netværk) og vis fejl med fil og linje."""
    from sitekit.checks import run_all
    from sitekit.problems import report

    problems = run_all(Path(args.docs_dir))
    print(report(problems))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="site.py", description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)

    p = sub.add_parser("serve", help=cmd_serve.__doc__, description=cmd_serve.__doc__)
    p.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("build", help=cmd_build.__doc__, description=cmd_build.__doc__)
    p.add_argument("--site-dir", default=str(paths.SITE), help="hvor sitet bygges til (standard: site/)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("check", help=cmd_check.__doc__, description=cmd_check.__doc__)
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.set_defaults(func=cmd_check)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
