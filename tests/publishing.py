"""Two editions of the real site, published as the publish workflow does, into
a throw-away git repository (shared by test_publish.py and test_nginx.py
through the session fixture ``published_editions`` in conftest.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "NO_MKDOCS_2_WARNING": "1"}
EDITIONS = (("2026.1", "2026-12-01"), ("2027.1", "2027-12-01"))
# A page only the first edition has: its banner must lead to the newest
# edition's start page.
GONE_PAGE = "docs/om/tidligere-side.md"
# The second edition's line in the changes list (docs/om/aendringer.md).
CHANGE_SECTION = "Næste udgave"
CHANGE_LINE = "- [VINK – hvad kan du få hjælp til?](../vejledning/vink.md): Siden er gennemgået."


def publish_command() -> str:
    """The publish workflow's own publish step, without git config (the test
    sets the committer) and without pushing (nothing leaves the machine)."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["publish"]["steps"]
    run = next(s["run"] for s in steps if "make publish" in s.get("run", ""))
    lines = [line for line in run.splitlines() if not line.lstrip().startswith(("git ", "#"))]
    return "\n".join(lines)


@dataclass
class Published:
    repo: Path
    out: Path            # the gh-pages branch, unpacked
    first_tree: str      # git tree of 2026.1/ right after it was published
    env: dict

    def versions(self) -> list[dict]:
        return json.loads((self.out / "versions.json").read_text(encoding="utf-8"))

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.repo, env=self.env, capture_output=True,
                              text=True, check=True).stdout.strip()

    def make_publish(self, version: str, valid_from: str, republish: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-euc", publish_command()], cwd=self.repo, capture_output=True,
                              text=True, timeout=300,
                              env=dict(self.env, VERSION=version, GAELDENDE_FRA=valid_from, GENUDGIV=republish))


def publish_two_editions(base: Path) -> Published:
    repo = base / "repo"
    env = dict(os.environ, **GIT_ENV)
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    # The first edition has one page more; it is gone in the second.
    shutil.copy2(repo / "docs" / "om" / "index.md", repo / GONE_PAGE)
    # Reached by links only, not from the menu (a page missing from the menu fails the build).
    config = repo / "mkdocs-base.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "not_in_nav: |\n", "not_in_nav: |\n  /" + GONE_PAGE.removeprefix("docs/") + "\n", 1), encoding="utf-8")
    env.pop("PYTHONPATH", None)  # the clone's hooks find the clone's scripts/
    # As on CI: the venv is not activated, so it is not on PATH. The clone
    # shares this checkout's venv through a symlink.
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep) if d != venv_bin)
    (repo / ".venv").symlink_to(Path(sys.prefix))
    published = Published(repo, base / "gh-pages", "", env)
    for cmd in (["init", "--quiet", "--initial-branch", "main"], ["add", "--all"],
                ["commit", "--quiet", "--message", "Første udgave"]):
        published.git(*cmd)
    (version, valid_from), (version2, valid_from2) = EDITIONS
    result = published.make_publish(version, valid_from)
    assert result.returncode == 0, result.stdout + result.stderr
    published.first_tree = published.git("rev-parse", f"gh-pages:{version}")
    published.git("rm", "--quiet", GONE_PAGE)
    # The second edition changes a page and says so in the changes list.
    changes = repo / "docs" / "om" / "aendringer.md"
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text.replace("## ", f"## {CHANGE_SECTION}\n\n{CHANGE_LINE}\n\n## ", 1), encoding="utf-8")
    published.git("add", "--all")
    published.git("commit", "--quiet", "--message", "Anden udgave")
    result = published.make_publish(version2, valid_from2)
    assert result.returncode == 0, result.stdout + result.stderr
    published.out.mkdir()
    published.git(f"--work-tree={published.out}", "restore", "--source=gh-pages", "--worktree", "--", ".")
    return published
