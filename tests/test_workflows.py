"""The GitHub workflows cannot run here, so their safety rules are checked as
data: no permissions by default, least permissions per job, a timeout on every
job, concurrency, and every action pinned to a full commit SHA."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
MINE = ["ci.yml", "publish.yml", "review-report.yml"]


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_safe_defaults(name):
    wf = load(name)
    assert wf["permissions"] == {}, "permissions: {} at the top"
    assert "concurrency" in wf
    for job_id, job in wf["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] <= 60, job_id
        assert "permissions" in job, f"{job_id}: least permissions per job"
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_pull_requests_run_the_same_make_targets_as_ci_run():
    wf = load("ci.yml")
    assert "pull_request" in wf["on"]
    runs = " ".join(s.get("run", "") for job in wf["jobs"].values() for s in job["steps"])
    for target in ("make check", "make build", "make test", "scripts/bootstrap.sh system"):
        assert target in runs
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci_run


def test_publish_keeps_old_versions_and_full_history():
    wf = load("publish.yml")
    # An edition is published on purpose, with its number and date.
    assert set(wf["on"]["workflow_dispatch"]["inputs"]) == {"udgave", "gaeldende_fra", "genudgiv"}
    job = wf["jobs"]["publish"]
    assert job["permissions"] == {"contents": "write"}
    assert wf["concurrency"]["cancel-in-progress"] is False
    checkout = next(s for s in job["steps"] if "actions/checkout@" in s.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    # The same make target an editor runs locally (tests/test_publish.py runs this line).
    assert 'make publish VERSION="$VERSION"' in runs and "git push origin gh-pages" in runs
    assert "${{" not in runs  # inputs reach the shell as environment variables only
    assert "mike delete" not in runs and "--force" not in runs


def test_weekly_review_report_keeps_one_issue_per_owner():
    wf = load("review-report.yml")
    assert "schedule" in wf["on"]
    job = wf["jobs"]["report"]
    # Reads the repository; writes issues only (one per owner, see test_review_issues.py).
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    runs = [s.get("run", "") for s in job["steps"]]
    assert any("make review" in r for r in runs)
    issue_step = next(s for s in job["steps"] if "--github-sager" in s.get("run", ""))
    assert issue_step["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_pre_commit_runs_make_check():
    cfg = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = cfg["repos"][0]["hooks"][0]
    assert cfg["repos"][0]["repo"] == "local"
    assert hook["entry"] == "make check" and hook["language"] == "system"


def test_codeowners_placeholders_are_marked():
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "PLACEHOLDERS" in text
    owners = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert owners and all("@ORGANISATION-UDFYLDES/" in ln for ln in owners)
