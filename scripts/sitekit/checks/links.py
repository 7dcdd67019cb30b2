"""`make check`: internal links, anchors, images and assets, offline.

Builds the site to a temporary folder (about a second for the real site) and
reads two things: MkDocs' own link validation (Markdown links and anchors) from
the build log, and sitekit.links over the built HTML (raw HTML links, anchors on
other pages, images, stylesheets and scripts). The build hook is switched off
for this build, so nothing is reported twice.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .. import links
from ..build import build_site
from ..paths import DOCS
from ..problems import Problem

NAME = "links"

_MKDOCS_LINK = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an|an? [\w ]+?) link '(?P<target>[^']+)'"
                          r"(?P<rest>.*)$")
_REASONS = [
    ("not found among documentation files", "Linket '{t}' peger på en fil, der ikke findes.",
     "Ret stien, så den peger på en .md-fil, der findes (stien er relativ til filen selv), eller fjern linket."),
    ("does not contain an anchor", "Linket '{t}' peger på et afsnit, der ikke findes på siden.",
     "Ret delen efter #, så den svarer til en overskrift på siden, eller fjern delen efter #."),
    ("absolute link", "Linket '{t}' er en absolut adresse (det starter med /).",
     "Link til .md-filen med en relativ sti, fx ../vejledning/vink.md. Så virker linket overalt."),
    ("unrecognized relative link", "Linket '{t}' peger ikke på en side eller fil, MkDocs kender.",
     "Link til .md-filen med en relativ sti, fx ../vejledning/vink.md."),
]


def _from_build_log(output: str, docs_dir: Path) -> list[Problem]:
    problems = []
    for line in output.splitlines():
        if not line.startswith("WARNING"):
            continue
        m = _MKDOCS_LINK.search(line)
        if not m:
            continue
        message, hint = f"Linket '{m['target']}' virker ikke.", "Ret eller fjern linket."
        for needle, msg, tip in _REASONS:
            if needle in m["rest"] or needle in line:
                message, hint = msg.format(t=m["target"]), tip
                break
        source = docs_dir / m["file"]
        problems.append(Problem.at(source, links.line_in_source(source, m["target"].split("#")[0] or m["target"]),
                                   NAME, message, hint))
    return problems


def check(docs_dir: Path) -> list[Problem]:
    docs_dir = Path(docs_dir)
    use_dir_urls = os.environ.get("USE_DIRECTORY_URLS", "true").lower() not in ("false", "0", "no")
    root_path = urlsplit(os.environ.get("SITE_URL", "/")).path or "/"
    with tempfile.TemporaryDirectory(prefix="sitekit-links-") as tmp:
        site = Path(tmp) / "site"
        result = build_site(site, docs_dir=docs_dir, auto_nav=docs_dir.resolve() != DOCS.resolve(),
                            env={"SITEKIT_LINKS_HOOK": "off"})
        output = result.stdout + result.stderr
        problems = _from_build_log(output, docs_dir)
        if not (site / "index.html").is_file() and not any(site.rglob("*.html")):
            errors = [line for line in output.splitlines() if line.startswith(("ERROR", "WARNING"))]
            return problems or [Problem.at(docs_dir, None, NAME,
                                           "Sitet kunne ikke bygges, så linkene blev ikke tjekket. "
                                           + " ".join(errors[-3:]),
                                           "Kør `make build` og ret den første fejl, den viser.")]
        warned = links.mkdocs_link_warnings(output.splitlines())
        seen = {(p.file, p.message) for p in problems}
        also = None
        if docs_dir.resolve() != DOCS.resolve():
            also = {"assets/" + p for p in links.static_files(DOCS / "assets")}
        for lp in links.check_site(site, links.sources_from_docs(docs_dir, use_dir_urls), root_path,
                                   also_present=also):
            path = docs_dir / lp.source if lp.source else site / lp.page
            problem = Problem.at(path, links.line_in_source(path, lp.target) if lp.source else None,
                                 NAME, lp.message, lp.hint)
            # MkDocs reported the same Markdown link already (e.g. a missing image).
            if (problem.file, problem.message) in seen or links.already_reported(lp, warned):
                continue
            seen.add((problem.file, problem.message))
            problems.append(problem)
    return problems
