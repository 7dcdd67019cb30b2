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

    from sitekit import placeholders
    from sitekit.contacts import contacts_file_for, placeholder_notes

    problems = run_all(Path(args.docs_dir))
    print(report(problems))
    # Notes, not errors: values an editor still has to fill in.
    notes = placeholder_notes(contacts_file_for(Path(args.docs_dir))) + placeholders.notes(Path(args.docs_dir))
    # English pages behind their Danish original, core pages without one (notes, not errors).
    from sitekit import translations
    notes += translations.warnings(translations.status(Path(args.docs_dir)))
    if notes:
        print("\nBemærk (ikke fejl):\n" + "\n".join(notes))
    return 1 if problems else 0


def cmd_review(args: argparse.Namespace) -> int:
    """Vis alle sider efter næste gennemgang (overskredne først), manglende kontaktoplysninger og "Skal verificeres"."""
    from sitekit import metadata, reviews

    docs = Path(args.docs_dir)
    print(reviews.report_text(reviews.collect(docs, reviews.today(), metadata.contacts_for(docs))))
    from sitekit import translations
    print("\n" + translations.report_text(translations.status(docs)))
    return 0


def cmd_new_page(args: argparse.Namespace) -> int:
    """Opret en ny side med gyldige metadata. Spørger om det, du ikke angiver."""
    from sitekit import metadata, newpage, reviews

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
    import tempfile

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


def cmd_translations(args: argparse.Namespace) -> int:
    """Vis engelske sider, der halter efter den danske original, og kernesider uden oversættelse."""
    from sitekit import translations

    found = translations.status(Path(args.docs_dir), args.sprog)
    print(translations.report_text(found))
    # A report, not a check: only --streng turns findings into a failing exit code.
    return 1 if args.streng and not found.ok else 0


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

    p = sub.add_parser("offline", help=cmd_offline.__doc__, description=cmd_offline.__doc__)
    p.add_argument("--dist", default=str(paths.ROOT / "dist"), help="hvor kopien lægges (standard: dist/)")
    p.set_defaults(func=cmd_offline)

    p = sub.add_parser("oversaettelser", help=cmd_translations.__doc__, description=cmd_translations.__doc__)
    p.add_argument("--docs-dir", default=str(paths.DOCS), help="mappen med sider (standard: docs/)")
    p.add_argument("--sprog", default="en", help="oversættelsens sprog (standard: en)")
    p.add_argument("--streng", action="store_true", help="afslut med fejl, hvis noget halter eller mangler")
    p.set_defaults(func=cmd_translations)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
