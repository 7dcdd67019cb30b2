"""Publishing with mike, as the publish workflow does (without --push): a new
edition never removes an old one, and links stay right under a version prefix."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from sitekit.links import check_offline

MIKE = str(Path(sys.executable).parent / "mike")
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "NO_MKDOCS_2_WARNING": "1"}


def deploy_command() -> str:
    """The publish workflow's own deploy step, without --push (nothing leaves
    the machine), so a test run proves the line CI runs."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["publish"]["steps"]
    run = next(s["run"] for s in steps if "mike deploy" in s.get("run", ""))
    assert " --push " in run
    lines = [line for line in run.splitlines() if not line.lstrip().startswith(("git config", "#"))]
    return "\n".join(lines).replace(" --push ", " ")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """This working tree, committed into a fresh repository, with two editions
    deployed; the gh-pages branch unpacked."""
    base = tmp_path_factory.mktemp("publish")
    repo = base / "repo"
    env = dict(os.environ, **GIT_ENV)
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    for cmd in (["init", "--quiet", "--initial-branch", "main"], ["add", "--all"],
                ["commit", "--quiet", "--message", "Udgave til test"]):
        subprocess.run(["git", *cmd], cwd=repo, env=env, check=True)
    env.pop("PYTHONPATH", None)  # the clone's hooks find the clone's scripts/
    # As on CI: the venv is not activated, so it is not on PATH. The clone
    # shares this checkout's venv through a symlink.
    venv_bin = str(Path(MIKE).parent)
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep) if d != venv_bin)
    (repo / ".venv").symlink_to(Path(sys.prefix))
    command = deploy_command()
    for version in ("2026", "2027"):
        result = subprocess.run(["bash", "-euc", command], cwd=repo, env=dict(env, SITE_VERSION=version),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    out = base / "gh-pages"
    out.mkdir()
    subprocess.run(["git", f"--work-tree={out}", "restore", "--source=gh-pages", "--worktree", "--", "."],
                   cwd=repo, env=env, check=True)
    return out


def test_a_new_edition_keeps_the_old_one(published: Path):
    versions = {v["version"]: v["aliases"] for v in json.loads((published / "versions.json").read_text())}
    assert set(versions) == {"2026", "2027"}
    assert versions["2027"] == ["latest"] and versions["2026"] == []
    for version in ("2026", "2027"):
        assert (published / version / "index.html").is_file()
        assert (published / version / "vejledning" / "vink" / "index.html").is_file()


def test_links_stay_right_under_a_version_prefix(published: Path):
    problems = check_offline(published / "2026", root_path="/2026/")
    assert problems == [], "\n".join(p.format() for p in problems)
    html = (published / "2026" / "vejledning" / "vink" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<div class="md-copyright">'):]
    # The footer's link to the accessibility statement is relative, so it stays in the edition.
    assert '<a href="../../om/tilgaengelighed/">Tilgængelighedserklæring</a>' in footer
