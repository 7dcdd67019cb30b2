"""The weekly workflow's one issue per owner (scripts/sitekit/review_issues.py),
tested on data and through `python -m sitekit review --github-sager` with a
stand-in `gh` program that records what it is asked to do (never GitHub)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT
from sitekit import metadata, reviews
from sitekit.review_issues import Action, bodies, owner_of, plan

PAGEMETA = FIXTURES / "pagemeta" / "docs"
ON = dt.date(2026, 11, 26)


def _wanted():
    contacts = metadata.contacts_for(PAGEMETA)
    return bodies(reviews.collect(PAGEMETA, ON, contacts), contacts, ON)


def test_one_issue_body_per_owner_with_overdue_pages_and_markers():
    wanted = _wanted()
    assert set(wanted) == {"vink"}
    title, body = wanted["vink"]
    assert title == "Gennemgang: VINK / Team Forebyggelse af Ekstremisme"
    assert owner_of({"body": body}) == "vink"
    assert "| `docs/gammel.md` (" in body and "**Overskredet**" in body and "15. januar 2021" in body
    assert "`tests/fixtures/pagemeta/docs/gammel.md`, linje 22: Denne oplysning er ikke kontrolleret." in body
    assert "docs/index.md" not in body  # due in a year: not yet
    assert "make review EJER=vink" in body


def test_plan_creates_updates_and_closes_so_each_owner_has_one_issue():
    wanted = {"vink": ("Gennemgang: VINK", "ny tekst\n"), "dks": ("Gennemgang: DKS", "tekst\n"),
              "pet": None}
    existing = [
        {"number": 3, "title": "Gennemgang: VINK", "body": "<!-- gennemgang-ejer: vink -->\ngammel"},
        {"number": 9, "title": "Gennemgang: VINK", "body": "<!-- gennemgang-ejer: vink -->\nkopi"},
        {"number": 5, "title": "Gennemgang: DKS", "body": "tekst\n"},  # no tag: not ours
        {"number": 7, "title": "Gennemgang: PET", "body": "<!-- gennemgang-ejer: pet -->"},
    ]
    assert plan(wanted, existing) == [
        Action("create", "dks", None, "Gennemgang: DKS", "tekst\n"),
        Action("close", "pet", 7),
        Action("edit", "vink", 3, "Gennemgang: VINK", "ny tekst\n"),
        Action("close", "vink", 9),
    ]
    same = [{"number": 3, "title": "Gennemgang: VINK", "body": "ny tekst\n"}]
    assert plan({"vink": ("Gennemgang: VINK", "ny tekst\n")},
                [dict(same[0], body="<!-- gennemgang-ejer: vink -->\n")]) == \
        [Action("edit", "vink", 3, "Gennemgang: VINK", "ny tekst\n")]


FAKE_GH = """#!/usr/bin/env python3
import json, os, sys
log = os.environ["GH_LOG"]
args = sys.argv[1:]
if args[:2] == ["issue", "list"]:
    print(open(os.environ["GH_ISSUES"]).read())
    sys.exit(0)
stdin = sys.stdin.read() if "--body-file" in args else ""
with open(log, "a") as f:
    f.write(json.dumps({"args": args, "stdin": stdin}) + "\\n")
"""


def _run_workflow_step(tmp_path: Path, existing: list[dict]) -> tuple[subprocess.CompletedProcess, list[dict]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh.log"
    log.unlink(missing_ok=True)
    issues = tmp_path / "issues.json"
    issues.write_text(json.dumps(existing), encoding="utf-8")
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", GH_LOG=str(log), GH_ISSUES=str(issues))
    result = subprocess.run([sys.executable, "-m", "sitekit", "review", "--docs-dir", str(PAGEMETA),
                             "--dato", ON.isoformat(), "--github-sager"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return result, calls


def test_the_weekly_run_opens_one_issue_then_updates_it_in_place(tmp_path):
    first, calls = _run_workflow_step(tmp_path, [])
    assert first.returncode == 0, first.stderr
    assert [c["args"][:2] for c in calls] == [["issue", "create"]]
    assert calls[0]["args"][calls[0]["args"].index("--label") + 1] == "gennemgang"
    body = calls[0]["stdin"]
    assert "Opretter en sag for 'vink'" in first.stdout

    # Next week the issue exists with the same text: nothing to do.
    same, calls = _run_workflow_step(tmp_path, [{"number": 12, "title": "Gennemgang: VINK / Team Forebyggelse af Ekstremisme",
                                                 "body": body}])
    assert same.returncode == 0 and calls == []
    assert "Sagerne er allerede opdateret." in same.stdout

    # Changed text: the same issue is edited, no second one opened.
    old = body.replace("15. januar 2021", "1. januar 2021")
    edited, calls = _run_workflow_step(tmp_path, [{"number": 12, "title": "Gennemgang: VINK / Team Forebyggelse af Ekstremisme",
                                                   "body": old}])
    assert [c["args"][:3] for c in calls] == [["issue", "edit", "12"]]
    assert calls[0]["stdin"] == body
