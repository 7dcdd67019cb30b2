"""The Danish summary that CI posts on a pull request: every problem `make check`
found (file, line, what to do) and where to see a preview of the built site.

The input is what `make check JSON=tjek.json` writes (sitekit.problems.as_json:
``{"problems": [...], "warnings": [...]}``, each with ``file``, ``line``, ``message``,
``hint``), or the checker's text ("fil:linje: besked", perhaps followed by "Sådan retter
du det: …"; a warning says "Advarsel:"). Warnings (an overdue review) are listed apart:
they never fail the check. .github/workflows/ci.yml shows the Markdown as the job's
summary and uploads it; .github/workflows/pr-comment.yml, which never checks out the
pull request's code, posts it as one comment that each new push updates, found again
by the hidden marker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "<!-- tjek-opsummering -->"
# The editor guide's pages the comment points to (their titles are read from the pages).
HELP_PAGES = ("docs/redaktoerer/tjek.md", "docs/redaktoerer/ret-en-side.md")
# "fil:linje: besked" or "fil: besked"; a file has a "/" or a "." in its name.
_LOCATED = re.compile(r"^(?P<file>[^\s:]*[/.][^\s:]*)(?::(?P<line>\d+))?: (?P<message>\S.*)$")
_HINT = re.compile(r"^\s+Sådan retter du det: (?P<hint>.+)$")


@dataclass
class Item:
    file: str
    line: int | None
    message: str
    hint: str = ""
    warning: bool = False

    @property
    def sort_line(self) -> int:
        return self.line or 0


def parse_text(text: str) -> list[Item]:
    """The problems in the checker's Danish text output."""
    problems: list[Item] = []
    for raw in text.splitlines():
        hint = _HINT.match(raw)
        if hint and problems:
            problems[-1].hint = hint.group("hint").strip()
        elif m := _LOCATED.match(raw):
            message = m.group("message").strip()
            problems.append(Item(m.group("file"), int(m.group("line")) if m.group("line") else None,
                                 message.removeprefix("Advarsel: "), warning=message.startswith("Advarsel: ")))
        elif raw.strip() and problems and raw.startswith("    ") and not problems[-1].hint:
            problems[-1].message += " " + raw.strip()  # a message that goes on over several lines
    return problems


def _item(data: dict[str, Any], warning: bool = False) -> Item:
    line = data.get("line")
    return Item(str(data.get("file", "")), int(line) if line else None, str(data.get("message", "")),
                str(data.get("hint") or ""), warning)


def parse(text: str) -> list[Item]:
    """JSON when the input is JSON, else the text form."""
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            return parse_text(text)
        return [_item(d) for d in data.get("problems", [])] + [_item(d, True) for d in data.get("warnings", [])]
    return parse_text(text)


def _md(text: str) -> str:
    """Text safe inside Markdown: no HTML, no accidental tables or emphasis."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("*", "\\*").replace("_", "\\_"))


def _where(item: Item, blob_url: str) -> str:
    label = f"linje {item.line}" if item.line else "hele filen"
    if blob_url and item.file and not item.file.startswith("/"):
        # ?plain=1: GitHub shows a Markdown file as source, so #L45 lands on the line.
        anchor = f"?plain=1#L{item.line}" if item.line else ""
        return f"[{label}]({blob_url.rstrip('/')}/{item.file}{anchor})"
    return label


def help_links(blob_url: str = "") -> list[tuple[str, str]]:
    """(title, address) of the help pages, by the titles the pages have."""
    from .pages import parse_page
    from .paths import ROOT

    return [(str(parse_page(ROOT / page).meta.get("title")),
             f"{blob_url.rstrip('/')}/{page}" if blob_url else "") for page in HELP_PAGES]


def markdown(problems: list[Item], exit_code: int, preview_url: str = "",
             run_url: str = "", blob_url: str = "") -> str:
    """The comment: problems grouped by file, what to do for each, then the preview."""
    from . import render

    return render("pr-opsummering.md", marker=MARKER, problems=problems, exit_code=exit_code,
                  preview_url=preview_url, run_url=run_url, md=_md, where=lambda item: _where(item, blob_url),
                  help=help_links(blob_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dansk opsummering af tjekket til en pull request.")
    parser.add_argument("check_output", help="fil med output fra `make check` (tekst eller JSON)")
    parser.add_argument("--exit-code", type=int, default=0, help="tjekkets exit-kode")
    parser.add_argument("--preview-url", default="", help="adresse på forhåndsvisningen (artefakt)")
    parser.add_argument("--run-url", default="", help="adresse på kørslen")
    parser.add_argument("--blob-url", default="", help="https://github.com/ORG/REPO/blob/SHA, til links til linjer")
    args = parser.parse_args(argv)
    problems = parse(Path(args.check_output).read_text(encoding="utf-8"))
    sys.stdout.write(markdown(problems, args.exit_code, args.preview_url, args.run_url, args.blob_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
