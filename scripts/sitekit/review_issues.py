"""One GitHub issue per owner for the weekly review (.github/workflows/review-report.yml).

Each owner (an id in docs/_data/kontakter.yml) with pages that are overdue or
due soon, or with "Skal verificeres" on their pages, has one open issue,
labelled "gennemgang". The issue is found again by a hidden line in its body
(``<!-- gennemgang-ejer: ID -->``), so the weekly run updates it instead of
opening a new one; when the owner has nothing left, it is closed.

The GitHub side is the ``gh`` command-line tool (preinstalled on GitHub's
runners); ``plan`` is pure and tested on data, ``apply`` runs ``gh``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from dataclasses import dataclass
from typing import Any

from .reviews import Report, danish_date, for_owner

LABEL = "gennemgang"
# Pages due within this many days are listed, so owners can plan.
HORIZON_DAYS = 60
_TAG = "<!-- gennemgang-ejer: {} -->"


@dataclass(frozen=True)
class Action:
    kind: str           # "create", "edit" or "close"
    owner: str
    number: int | None = None
    title: str = ""
    body: str = ""

    def describe(self) -> str:
        if self.kind == "create":
            return f"Opretter en sag for '{self.owner}': {self.title}"
        if self.kind == "edit":
            return f"Opdaterer sag #{self.number} for '{self.owner}'."
        return f"Lukker sag #{self.number} for '{self.owner}': intet at gennemgå."


def owner_issue(report: Report, owner: str, owner_name: str, on: dt.date) -> tuple[str, str] | None:
    """(title, Markdown body) for one owner, or None when there is nothing to do."""
    mine = for_owner(report, owner)
    soon = on + dt.timedelta(days=HORIZON_DAYS)
    due = [p for p in mine.pages if p.review is None or p.review.due <= soon]
    if not due and not mine.markers:
        return None
    from . import render

    body = render("gennemgang-sag.md", tag=_TAG.format(owner), owner=owner, owner_name=owner_name, on=on,
                  date=danish_date, due=due, markers=mine.markers, horizon_days=HORIZON_DAYS)
    return f"Gennemgang: {owner_name}", body


def bodies(report: Report, contacts: dict[str, dict[str, Any]], on: dt.date) -> dict[str, tuple[str, str] | None]:
    """Every owner that has pages: their issue, or None when there is nothing to do."""
    owners = sorted({p.owner for p in report.pages if p.owner in contacts})
    return {o: owner_issue(report, o, str(contacts[o].get("navn", o)), on) for o in owners}


def owner_of(issue: dict[str, Any]) -> str | None:
    found = re.search(r"<!-- gennemgang-ejer: (.*?) -->", issue.get("body") or "")
    return found and found.group(1).strip() or None


def plan(wanted: dict[str, tuple[str, str] | None], existing: list[dict[str, Any]]) -> list[Action]:
    """What to do on GitHub so each owner has exactly one open issue, up to date.

    ``existing`` is the open issues with the label, as `gh issue list --json
    number,title,body` gives them. A second open issue for the same owner (made
    by hand, say) is closed, so one stays."""
    by_owner: dict[str, list[dict[str, Any]]] = {}
    for issue in sorted(existing, key=lambda i: i["number"]):
        if owner := owner_of(issue):
            by_owner.setdefault(owner, []).append(issue)
    actions: list[Action] = []
    for owner in sorted(set(wanted) | set(by_owner)):
        issues = by_owner.get(owner, [])
        want = wanted.get(owner)
        if want is None:
            actions += [Action("close", owner, i["number"]) for i in issues]
            continue
        title, body = want
        if not issues:
            actions.append(Action("create", owner, None, title, body))
            continue
        first, *extra = issues
        if (first.get("title"), (first.get("body") or "").strip()) != (title, body.strip()):
            actions.append(Action("edit", owner, first["number"], title, body))
        actions += [Action("close", owner, i["number"]) for i in extra]
    return actions


def list_open() -> list[dict[str, Any]]:
    result = subprocess.run(["gh", "issue", "list", "--label", LABEL, "--state", "open", "--limit", "500",
                             "--json", "number,title,body"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout or "[]")


def apply(actions: list[Action]) -> None:
    for a in actions:
        if a.kind in ("create", "edit"):
            which = ["create", "--label", LABEL] if a.kind == "create" else ["edit", str(a.number)]
            subprocess.run(["gh", "issue", *which, "--title", a.title, "--body-file", "-"],
                           input=a.body, text=True, check=True, capture_output=True)
        else:
            subprocess.run(["gh", "issue", "close", str(a.number), "--comment",
                            "Der er ikke noget at gennemgå lige nu. Der kommer en ny sag, når der er."],
                           text=True, check=True, capture_output=True)
