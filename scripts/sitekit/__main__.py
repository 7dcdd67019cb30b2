"""Værktøj til sitet om radikalisering: vis, byg og tjek sitet.

Du behøver ikke læse denne fil. Kør den gennem make, fx `make serve` eller
`make check`, eller direkte fra mappen scripts/: `python -m sitekit --help`.
Hver kommando har sin egen hjælp: `python -m sitekit check --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from sitekit import paths, reviews

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def cmd_serve(args: argparse.Namespace) -> int:
    """Vis sitet på http://127.0.0.1:8000. Siden opdateres, når du gemmer en fil.
    En fejl vises i browseren, til den er rettet. Ctrl-C stopper serveren."""
    import signal

    try:
        from sitekit import preview

        os.chdir(paths.ROOT)
        return preview.serve(port=args.port, docs_dir=Path(args.docs_dir) if args.docs_dir else None)
    except KeyboardInterrupt:  # Ctrl-C before the server had started
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("Serveren er stoppet.", flush=True)
        return 0


def _strict_build(site_dir: Path, args: argparse.Namespace) -> int:
    """The strict build in this process (one build per command: no MkDocs state to keep apart)."""
    from sitekit import build

    docs = Path(args.docs_dir).resolve()
    return build.run(str(Path(site_dir).resolve()), str(docs) if docs != paths.DOCS.resolve() else None,
                     getattr(args, "config", paths.CONFIG), Path(args.json).resolve() if args.json else None)


def cmd_build(args: argparse.Namespace) -> int:
    """Byg sitet strengt til mappen site/. Enhver fejl stopper bygningen; en overskredet gennemgang er en advarsel."""
    return _strict_build(Path(args.site_dir), args)


def cmd_check(args: argparse.Namespace) -> int:
    """Tjek alt uden netværk (den strenge bygning med alle tjek) og vis fejl med fil og linje."""
    with tempfile.TemporaryDirectory(prefix="sitekit-check-") as tmp:
        return _strict_build(Path(tmp) / "site", args)


def cmd_review(args: argparse.Namespace) -> int:
    """Vis alle sider efter næste gennemgang, manglende kontaktoplysninger og "Skal
    verificeres". Med --ejer kun én ansvarligs sider."""
    import shutil

    from sitekit import metadata
    from sitekit.contacts import ContactsError, contacts_file_for

    docs = Path(args.docs_dir)
    try:
        on = dt.date.fromisoformat(args.dato) if args.dato else reviews.today()
    except ValueError:
        print(f"Datoen '{args.dato}' kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-11-30.", file=sys.stderr)
        return 2
    try:
        contacts = metadata.contacts_for(docs)
    except ContactsError as exc:
        where = f"{paths.rel(contacts_file_for(docs))}{f':{exc.line}' if exc.line else ''}"
        print(f"{where}: {exc} Ret filen, og kør make review igen (make check viser alle fejl).", file=sys.stderr)
        return 2
    report = reviews.collect(docs, on, contacts)
    if args.ejer:
        if args.ejer not in contacts:
            print(f"'{args.ejer}' findes ikke i docs/_data/kontakter.yml. Vælg et af: "
                  f"{', '.join(sorted(contacts))}.", file=sys.stderr)
            return 2
        report = reviews.for_owner(report, args.ejer)
    if args.github_sager:
        import subprocess

        from sitekit import review_issues

        try:
            actions = review_issues.plan(review_issues.bodies(report, contacts, on), review_issues.list_open())
            for action in actions:
                print(action.describe())
            review_issues.apply(actions)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"GitHub-sagerne kunne ikke opdateres: {getattr(exc, 'stderr', None) or exc}", file=sys.stderr)
            return 1
        print(f"{len(actions)} ændringer i sagerne." if actions else "Sagerne er allerede opdateret.")
        return 0
    width = args.bredde or shutil.get_terminal_size((100, 24)).columns
    print(reviews.report_text(report, on, width=width, owner=args.ejer or ""))
    if not args.ejer:
        from sitekit import translations

        found = translations.status(docs)
        if found.behind or found.missing or any(docs.rglob("*.en.md")):
            print("\n" + translations.report_text(found))
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Vis engelske sider, der halter efter den danske original, og kernesider uden oversættelse."""
    from sitekit import translations

    found = translations.status(Path(args.docs_dir))
    print(translations.report_text(found))
    # A report, not a check: only --streng turns findings into a failing exit code.
    return 1 if args.streng and not found.ok else 0


NEW_PAGE_HINT = 'make new-page TITEL="Sidens titel" AFSNIT=vejledning EJER=redaktionen'


def cmd_new_page(args: argparse.Namespace) -> int:
    """Opret en ny side med gyldige metadata, og tilføj den i menuen. Med en titel
    stilles ingen spørgsmål; uden titel spørger kommandoen (kun i en terminal)."""
    from sitekit import metadata, newpage

    docs = Path(args.docs_dir)
    config = docs.resolve().parent / "mkdocs.yml"
    contacts = metadata.contacts_for(docs)
    title, section, owner, description = args.title, args.section, args.owner, args.description
    if not (title or "").strip():
        if not sys.stdin.isatty():
            print("Siden blev ikke oprettet: kommandoen kan ikke læse svar, der sendes ind med en pipe "
                  "eller fra en fil.\nSkriv i stedet det hele på kommandolinjen, fx:\n  " + NEW_PAGE_HINT +
                  "\nSe `make help` og redaktørvejledningen (\"Opret en ny side\").", file=sys.stderr)
            return 2

        def ask(question: str, default: str = "") -> str:
            try:
                answer = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
            except EOFError:
                answer = ""
            return answer or default

        try:
            title = ask("Sidens titel")
            section = section or ask("Afsnit (" + ", ".join(newpage.SECTIONS) + ")", "vejledning")
            owner = owner or ask("Ansvarlig (" + ", ".join(sorted(contacts)) + ")", "redaktionen")
            description = description or ask("Én sætning om siden til søgeresultater")
        except KeyboardInterrupt:
            print("\nAfbrudt. Ingen side er oprettet.", file=sys.stderr)
            return 130
    try:
        path, nav_line, line = newpage.create(
            docs, title, section or "vejledning", owner or "redaktionen", contacts,
            description=description or "", audience=args.audience, slug=args.fil or "",
            today=reviews.today(), config=config)
    except newpage.NewPageError as exc:
        print(f"Siden blev ikke oprettet: {exc}", file=sys.stderr)
        return 1
    print(f"Oprettet: {paths.rel(path)}")
    if line is not None:
        print(f"Tilføjet i menuen: {paths.rel(config)}:{line}: {nav_line.strip()}")
    print("Skriv nu teksten, ret kilderne øverst i filen, og kør `make check`.")
    return 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    """Tjek alle links til andre sites med lychee (kræver netværk) og skriv en rapport."""
    from sitekit import linkcheck, links
    from sitekit.build import site_or_build

    settings = linkcheck.Settings(timeout=args.timeout, max_retries=args.max_retries, cache=not args.no_cache,
                                  include_loopback=args.include_loopback, only_prefix=args.only_url,
                                  site_url=os.environ.get("SITE_URL") or "http://127.0.0.1:8000/")
    if args.cache_dir:
        settings.cache_dir = Path(args.cache_dir)
    sources = links.sources_from_docs(Path(args.docs_dir))
    with site_or_build(args.site_dir, "linkcheck-site-") as site_dir:
        if site_dir is None:
            return 1
        try:
            report = linkcheck.check(site_dir, settings, sources)
        except linkcheck.LinkcheckError as exc:
            print(f"Linktjekket kunne ikke køre: {exc}", file=sys.stderr)
            return 2
    md, js = linkcheck.write_report(report, Path(args.out))
    print(report.to_markdown())
    print(f"Rapporten ligger i {paths.rel(md)}, {paths.rel(js)}.")
    return report.exit_code


def cmd_schema(args: argparse.Namespace) -> int:
    """Skriv JSON Schema for sidernes metadata og datafilerne (docs/_data/*.schema.json), så editorer kan tjekke dem."""
    from sitekit import metadata

    for path, text in metadata.schemas().items():
        path.write_text(text, encoding="utf-8")
        print(f"Skrevet: {paths.rel(path)}")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    """Byg en offline-kopi af sitet som zip-fil til undervisning uden netværk (dist/)."""
    from sitekit.offline import OfflineError, build_offline

    try:
        copy = build_offline()
    except OfflineError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Offline-kopien er klar: {paths.rel(copy.zip_path)} ({copy.files} filer).")
    print(f"Pak den ud, og åbn {paths.rel(copy.folder / 'index.html')} i en browser.")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Byg en udgave, og læg den på gh-pages-grenen med mike (lokalt; CI skubber den ud). Uden udgave
    og dato: dagens udgave (som CI efter en merge). Med begge: en planlagt udgave."""
    from sitekit import editions

    try:
        if not (args.version or args.gaeldende_fra):
            done = editions.publish_today(branch=args.branch)
        else:
            if not (args.version and args.gaeldende_fra):
                raise editions.EditionError("En planlagt udgave skal have både VERSION og GAELDENDE_FRA, fx "
                                            "`make publish VERSION=2027-01-01 GAELDENDE_FRA=2027-01-01`. Uden "
                                            "dem begge offentliggøres dagens udgave.")
            editions.check_version(args.version)
            republish = editions.yes(args.genudgiv, "GENUDGIV")
            done = editions.publish(args.version, editions.parse_valid_from(args.gaeldende_fra),
                                    republish=republish, branch=args.branch)
    except editions.EditionError as exc:
        print(f"Udgaven blev ikke offentliggjort. {exc}", file=sys.stderr)
        return 1
    print(f"Udgaven \"{done.title}\" ligger nu på grenen {args.branch}"
          + (" som den nyeste udgave." if done.takes_alias else "."))
    print(f"Se den med `.venv/bin/mike serve --branch {args.branch}`. CI skubber grenen ud.")
    return 0


DOCS_DIR = ("--docs-dir", {"default": str(paths.DOCS), "help": "mappen med sider (standard: docs/)"})
JSON = ("--json", {"metavar": "FIL", "help": "skriv også fejl og advarsler som JSON til FIL (til CI)"})
# Each command's options: (flag, argparse keywords); the help is the command's docstring.
COMMANDS = {
    "serve": (cmd_serve, [
        ("--port", {"type": int, "default": 8000, "help": "port (standard: 8000)"}),
        ("--docs-dir", {"help": "mappen med sider (standard: den i opsætningen)"})]),
    "build": (cmd_build, [
        ("--site-dir", {"default": str(paths.SITE), "help": "hvor sitet bygges til (standard: site/)"}), DOCS_DIR, JSON,
        # Only for a test of a broken configuration file (sitekit.build.build_site).
        ("--config", {"type": Path, "default": paths.CONFIG, "help": argparse.SUPPRESS})]),
    "check": (cmd_check, [DOCS_DIR, JSON]),
    "review": (cmd_review, [
        DOCS_DIR,
        ("--ejer", {"help": "kun sider med denne ansvarlige (et id fra docs/_data/kontakter.yml)"}),
        ("--dato", {"help": "dagens dato som ÅÅÅÅ-MM-DD (standard: i dag)"}),
        ("--bredde", {"type": int, "help": "linjebredde (standard: terminalens bredde)"}),
        ("--github-sager", {"action": "store_true", "help": "til CI: åbn eller opdatér én GitHub-sag pr. "
                                                            "ansvarlig (bruger gh og GH_TOKEN)"})]),
    "new-page": (cmd_new_page, [
        ("--title", {"help": "sidens titel, fx \"Hvem gør hvad?\""}),
        ("--section", {"help": "afsnit: vejledning, kompetenceforloeb, redaktoerer eller om"}),
        ("--owner", {"help": "ansvarlig: et id fra docs/_data/kontakter.yml (standard: redaktionen)"}),
        ("--description", {"help": "én sætning om siden til søgeresultater"}),
        ("--audience", {"default": "medarbejdere", "help": "målgruppe (standard: medarbejdere)"}),
        ("--fil", {"help": "filnavn uden .md (standard: lavet ud fra titlen)"}),
        DOCS_DIR]),
    "linkcheck": (cmd_linkcheck, [
        ("--site-dir", {"help": "et bygget site, der skal tjekkes (standard: byg sitet først)"}),
        DOCS_DIR,
        ("--out", {"default": str(paths.ROOT / ".cache" / "linkcheck" / "rapport"),
                   "help": "hvor rapporten skrives (standard: .cache/linkcheck/rapport/)"}),
        ("--timeout", {"type": int, "default": 20, "help": "sekunder pr. forespørgsel (standard: 20)"}),
        ("--max-retries", {"type": int, "default": 3, "help": "antal nye forsøg (standard: 3)"}),
        ("--cache-dir", {"help": "hvor lychees cache ligger (standard: .cache/linkcheck/)"}),
        ("--no-cache", {"action": "store_true", "help": "tjek alt forfra uden cache"}),
        ("--include-loopback", {"action": "store_true",
                                "help": "kun til test: tjek også adresser på 127.x og localhost"}),
        ("--only-url", {"metavar": "PRÆFIKS",
                        "help": "kun til test: tjek kun adresser, der begynder med PRÆFIKS"})]),
    "schema": (cmd_schema, []),
    "offline": (cmd_offline, []),
    "publish": (cmd_publish, [
        ("version", {"metavar": "UDGAVE", "nargs": "?", "default": "",
                     "help": "en planlagt udgaves navn, fx 2027-01-01 (uden: dagens udgave)"}),
        ("--gaeldende-fra", {"default": "", "metavar": "ÅÅÅÅ-MM-DD",
                             "help": "datoen, hvor udgaven begynder at gælde, fx 2026-12-01"}),
        ("--genudgiv", {"default": "", "metavar": "ja",
                        "help": "skriv 'ja' for at offentliggøre en eksisterende udgave igen"}),
        ("--branch", {"default": "gh-pages", "help": "grenen, udgaverne ligger på (standard: gh-pages)"})]),
    "oversaettelser": (cmd_translations, [
        DOCS_DIR,
        ("--streng", {"action": "store_true", "help": "afslut med fejl, hvis noget halter eller mangler"})]),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitekit", description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    for name, (func, options) in COMMANDS.items():
        p = sub.add_parser(name, help=func.__doc__, description=func.__doc__)
        for flag, kwargs in options:
            p.add_argument(flag, **kwargs)
        if name != "review":  # review reads its own --dato
            p.add_argument("--dato", type=dt.date.fromisoformat, metavar="ÅÅÅÅ-MM-DD",
                           help="dagens dato for gennemgange (standard: i dag)")
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    from sitekit import sitesettings

    sitesettings.export()  # SITE_URL and EDIT_URI from sitet.yml, for every command
    reviews.TODAY = args.dato if isinstance(args.dato, dt.date) else None
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
