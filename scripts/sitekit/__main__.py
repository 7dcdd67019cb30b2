"""Værktøj til sitet om radikalisering: vis, byg og tjek sitet.

Du behøver ikke læse denne fil. Kør den gennem make, fx `make serve` eller
`make check`, eller direkte fra mappen scripts/: `python -m sitekit --help`.
Hver kommando har sin egen hjælp: `python -m sitekit check --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sitekit import paths, reviews

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def cmd_serve(args: argparse.Namespace) -> int:
    """Vis sitet på http://127.0.0.1:8000. Siden opdateres, når du gemmer en fil."""
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--strict",
                            "--dev-addr", f"127.0.0.1:{args.port}",
                            "--config-file", str(paths.CONFIG)], cwd=paths.ROOT)


def _strict_build(site_dir: Path, args: argparse.Namespace) -> int:
    from sitekit.build import build_site

    docs = Path(getattr(args, "docs_dir", paths.DOCS))
    own_menu = (docs.parent / "mkdocs.yml").is_file()
    result = build_site(site_dir, docs_dir=docs, today=args.dato,
                        auto_nav=docs.resolve() != paths.DOCS.resolve() and not own_menu)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def cmd_build(args: argparse.Namespace) -> int:
    """Byg sitet strengt til mappen site/. Enhver fejl stopper bygningen; en overskredet gennemgang er en advarsel."""
    return _strict_build(Path(args.site_dir), args)


def cmd_check(args: argparse.Namespace) -> int:
    """Tjek alt uden netværk (den strenge bygning med alle tjek) og vis fejl med fil og linje."""
    with tempfile.TemporaryDirectory(prefix="sitekit-check-") as tmp:
        return _strict_build(Path(tmp) / "site", args)


def cmd_review(args: argparse.Namespace) -> int:
    """Vis alle sider efter næste gennemgang (overskredne først), manglende kontaktoplysninger og "Skal verificeres"."""
    from sitekit import metadata

    docs = Path(args.docs_dir)
    print(reviews.report_text(reviews.collect(docs, reviews.today(), metadata.contacts_for(docs))))
    return 0


def cmd_new_page(args: argparse.Namespace) -> int:
    """Opret en ny side med gyldige metadata. Spørger om det, du ikke angiver."""
    from sitekit import metadata, newpage

    docs = Path(args.docs_dir)
    contacts = metadata.contacts_for(docs)

    def ask(value: str | None, question: str, default: str = "") -> str:
        if value:
            return value
        if not sys.stdin.isatty():
            return default
        answer = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
        return answer or default

    title = ask(args.title, "Sidens titel")
    section = ask(args.section, "Afsnit (" + ", ".join(newpage.SECTIONS) + ")", "vejledning")
    owner = ask(args.owner, "Ansvarlig (" + ", ".join(sorted(contacts)) + ")", "redaktionen")
    description = ask(args.description, "Én sætning om siden til søgeresultater")
    try:
        path, nav_line = newpage.create(docs, title, section, owner, contacts, description=description,
                                        audience=args.audience, slug=args.fil or "", today=reviews.today())
    except newpage.NewPageError as exc:
        print(f"Siden blev ikke oprettet: {exc}", file=sys.stderr)
        return 1
    print(f"Oprettet: {paths.rel(path)}")
    print(f"Tilføj siden til menuen: skriv denne linje under \"{newpage.SECTIONS[section]}\" i nav i mkdocs.yml:")
    print(nav_line)
    print("Skriv så teksten, ret kilderne øverst i filen, og kør `make check`.")
    return 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    """Tjek alle links til andre sites med lychee (kræver netværk) og skriv en rapport."""
    from sitekit import linkcheck, links
    from sitekit.build import build_site

    settings = linkcheck.Settings(timeout=args.timeout, max_retries=args.max_retries,
                                  retry_wait_time=args.retry_wait_time, cache=not args.no_cache,
                                  include_loopback=args.include_loopback,
                                  site_url=linkcheck.env_site_url(), only_prefix=args.only_url)
    if args.cache_dir:
        settings.cache_dir = Path(args.cache_dir)
    sources = links.sources_from_docs(Path(args.docs_dir))
    with tempfile.TemporaryDirectory(prefix="linkcheck-site-") as tmp:
        site_dir = Path(args.site_dir) if args.site_dir else Path(tmp) / "site"
        if not args.site_dir:
            result = build_site(site_dir)
            if result.returncode != 0:
                sys.stdout.write(result.stdout)
                print("\nSitet kunne ikke bygges. Ret fejlen ovenfor og prøv igen.", file=sys.stderr)
                return result.returncode
        try:
            report = linkcheck.check(site_dir, settings, sources)
        except linkcheck.LinkcheckError as exc:
            print(f"Linktjekket kunne ikke køre: {exc}", file=sys.stderr)
            return 2
    md, js = linkcheck.write_report(report, Path(args.out))
    print(report.to_markdown())
    print(f"Rapporten ligger i {linkcheck.describe_paths(md, js)}.")
    return report.exit_code


def cmd_schema(args: argparse.Namespace) -> int:
    """Skriv JSON Schema for sidernes metadata (docs/_data/metadata.schema.json), så editorer kan tjekke den."""
    from sitekit import metadata

    metadata.SCHEMA_FILE.write_text(metadata.json_schema(), encoding="utf-8")
    print(f"Skrevet: {paths.rel(metadata.SCHEMA_FILE)}")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    """Byg en offline-kopi af sitet som zip-fil til undervisning uden netværk (dist/)."""
    from sitekit.offline import OfflineError, build_offline

    try:
        copy = build_offline(Path(args.dist))
    except OfflineError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Offline-kopien er klar: {paths.rel(copy.zip_path)} ({copy.files} filer).")
    print(f"Pak den ud, og åbn {paths.rel(copy.folder / 'index.html')} i en browser.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitekit", description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)

    p = sub.add_parser("serve", help=cmd_serve.__doc__, description=cmd_serve.__doc__)
    p.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("build", help=cmd_build.__doc__, description=cmd_build.__doc__)
    p.add_argument("--site-dir", default=str(paths.SITE), help="hvor sitet bygges til (standard: site/)")
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("check", help=cmd_check.__doc__, description=cmd_check.__doc__)
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("review", help=cmd_review.__doc__, description=cmd_review.__doc__)
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("new-page", help=cmd_new_page.__doc__, description=cmd_new_page.__doc__)
    p.add_argument("--title", help="sidens titel, fx \"Hvem gør hvad?\"")
    p.add_argument("--section", help="afsnit: vejledning, kompetenceforloeb, redaktoerer eller om")
    p.add_argument("--owner", help="ansvarlig: et id fra docs/_data/kontakter.yml (standard: redaktionen)")
    p.add_argument("--description", help="én sætning om siden til søgeresultater")
    p.add_argument("--audience", default="medarbejdere", help="målgruppe (standard: medarbejdere)")
    p.add_argument("--fil", help="filnavn uden .md (standard: lavet ud fra titlen)")
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.set_defaults(func=cmd_new_page)

    p = sub.add_parser("linkcheck", help=cmd_linkcheck.__doc__, description=cmd_linkcheck.__doc__)
    p.add_argument("--site-dir", help="et bygget site, der skal tjekkes (standard: byg sitet først)")
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.add_argument("--out", default=str(paths.ROOT / ".cache" / "linkcheck" / "rapport"),
                   help="hvor rapporten skrives (standard: .cache/linkcheck/rapport/)")
    p.add_argument("--timeout", type=int, default=20, help="sekunder pr. forespørgsel (standard: 20)")
    p.add_argument("--max-retries", type=int, default=3, help="antal nye forsøg (standard: 3)")
    p.add_argument("--retry-wait-time", type=int, default=2,
                   help="sekunder før første nye forsøg; ventetiden vokser ved hvert forsøg (standard: 2)")
    p.add_argument("--cache-dir", help="hvor lychees cache ligger (standard: .cache/linkcheck/)")
    p.add_argument("--no-cache", action="store_true", help="tjek alt forfra uden cache")
    p.add_argument("--include-loopback", action="store_true",
                   help="kun til test: tjek også adresser på 127.x og localhost")
    p.add_argument("--only-url", metavar="PRÆFIKS",
                   help="kun til test: tjek kun adresser, der begynder med PRÆFIKS")
    p.set_defaults(func=cmd_linkcheck)

    p = sub.add_parser("schema", help=cmd_schema.__doc__, description=cmd_schema.__doc__)
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("offline", help=cmd_offline.__doc__, description=cmd_offline.__doc__)
    p.add_argument("--dist", default=str(paths.ROOT / "dist"), help="hvor kopien lægges (standard: dist/)")
    p.set_defaults(func=cmd_offline)

    for p in sub.choices.values():
        p.add_argument("--dato", type=dt.date.fromisoformat, metavar="ÅÅÅÅ-MM-DD",
                       help="dagens dato for gennemgange (standard: i dag)")
    args = parser.parse_args(argv)
    reviews.TODAY = args.dato
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
