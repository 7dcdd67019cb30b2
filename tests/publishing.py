"""Publishing as CI publishes after a merge, into throw-away git repositories:
a bare "origin", an editor's clone that merges to main, and a fresh checkout
for each CI run that runs the publish workflow's own steps
(.github/workflows/publish.yml, by step id) and pushes to origin. Shared by
test_publish.py, test_nginx.py and test_offline.py through the session
fixtures ``published_site`` and ``published_editions`` in conftest.py.

The real site is published once (``publish_real_site``: the edition with its
offline copy): it proves that the real pages publish, and its edition is the
built site every other test reads (``built_site``: what readers get). The editions
themselves are published from a small site (the real tools and configuration,
a handful of pages; ``publish_two_editions``): three merges, two on one day (the
second publishes that day's edition again) and one the next day (a new
edition; the first day's stays as it was)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "NO_MKDOCS_2_WARNING": "1"}
# Two days with merges: each day's edition is named by its date. Days far ahead of every date in
# the pages (a review or translation dated after 'today' is an error; an overdue review only warns),
# so that editors' new dates never fail the publishing tests.
EDITIONS = (("2099-12-01", "2099-12-01"), ("2099-12-02", "2099-12-02"))
# The real site's one edition.
REAL_EDITION = "2099-11-30"
# The throw-away site's own settings (sitet.yml): publishing refuses without them.
ADDRESS = "https://vejledning.example.invalid/"
SETTINGS = {"adresse": ADDRESS, "organisation": "eksempel", "repository": "radikalisering",
            "redaktoerteam": "eksempel/redaktionen"}
# A page only the first edition has: its banner must lead to the newest
# edition's start page.
GONE_PAGE = "docs/om/tidligere-side.md"
# The second merge of the first day adds this sentence to a page.
SAME_DAY_PAGE, SAME_DAY_TEXT = "docs/om/index.md", "Denne sætning kom med den anden ændring samme dag."
# The second edition's line in the changes list (docs/om/aendringer.md).
CHANGE_SECTION = "Næste udgave"
CHANGE_LINE = "- [VINK – hvad kan du få hjælp til?](../vejledning/vink.md): Siden er gennemgået."


def workflow_steps(*ids: str) -> str:
    """The publish workflow's own shell commands of the steps with these ids, in order."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["publish"]["steps"]
    by_id = {s["id"]: s["run"] for s in steps if "id" in s}
    return "\n".join(by_id[i] for i in ids)


@dataclass
class Published:
    origin: Path         # the bare repository CI pushes to
    repo: Path           # the editor's clone: merges land on main and are pushed
    out: Path            # origin's gh-pages branch, unpacked
    env: dict
    first_tree: str = ""        # git tree of the first day's edition after its second merge
    first_tree_before: str = ""  # the same after the first merge only
    ci: Path | None = None      # the last CI checkout
    runs: int = 0

    def versions(self) -> list[dict]:
        return json.loads((self.out / "versions.json").read_text(encoding="utf-8"))

    def git(self, *args: str, cwd: Path | None = None) -> str:
        return subprocess.run(["git", *args], cwd=cwd or self.origin, env=self.env, capture_output=True,
                              text=True, check=True).stdout.strip()

    def merge(self, message: str) -> None:
        """Commit what the editor changed in ``repo``, and push it to main."""
        self.git("add", "--all", cwd=self.repo)
        self.git("commit", "--quiet", "--message", message, cwd=self.repo)
        self.git("push", "--quiet", "origin", "main", cwd=self.repo)

    def checkout(self) -> Path:
        """A fresh CI checkout of main with every branch (actions/checkout, fetch-depth: 0)."""
        self.runs += 1
        ci = self.origin.parent / f"ci-{self.runs}"
        self.git("clone", "--quiet", str(self.origin), str(ci), cwd=self.origin.parent)
        # The shared venv stands in for the workflow's install step.
        from conftest import share_venv

        share_venv(ci)
        self.ci = ci
        return ci

    def ci_run(self, day: str, *steps: str, ci: Path | None = None) -> subprocess.CompletedProcess:
        """The workflow's steps after a push to main, on ``day`` (DATO: 'today' for make)."""
        return subprocess.run(["bash", "-euo", "pipefail", "-c", workflow_steps(*steps)], cwd=ci or self.checkout(),
                              capture_output=True, text=True, timeout=600,
                              env=dict(self.env, DATO=day, VERSION="", GAELDENDE_FRA="", GENUDGIV="", TOKEN=""))

    def make_publish(self, version: str, valid_from: str, republish: str = "") -> subprocess.CompletedProcess:
        """A planned edition by hand, in the last CI checkout (not pushed)."""
        return subprocess.run(["make", "publish"], cwd=self.ci, capture_output=True, text=True, timeout=600,
                              env=dict(self.env, VERSION=version, GAELDENDE_FRA=valid_from, GENUDGIV=republish))


def write_settings(repo: Path, **settings: str) -> None:
    (repo / "sitet.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")


def _repository(base: Path, small: bool) -> Published:
    """This checkout's files in the editor's clone (with ``small``, a small site instead of the
    real pages), the site's settings, and an empty bare origin."""
    origin, repo = base / "origin.git", base / "repo"
    env = dict(os.environ, **GIT_ENV)
    env.pop("PYTHONPATH", None)  # the clone's hooks find the clone's scripts/
    for key in ("SITE_URL", "EDIT_URI"):
        env.pop(key, None)  # the settings come from the clone's sitet.yml, as on CI
    # As on CI: the venv is not activated, so it is not on PATH.
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep) if d != venv_bin)
    published = Published(origin, repo, base / "gh-pages", env)
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file() and not (small and name.startswith("docs/") and not name.startswith(SMALL_KEEPS)):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    if small:
        _small_site(repo)
    write_settings(repo, **SETTINGS)
    published.git("init", "--quiet", "--bare", "--initial-branch", "main", str(origin), cwd=base)
    published.git("init", "--quiet", "--initial-branch", "main", cwd=repo)
    published.git("remote", "add", "origin", str(origin), cwd=repo)
    return published


def _unpack(published: Published) -> Published:
    published.out.mkdir()
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=published.origin, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(published.out)], input=archive, check=True)
    return published


# The small site keeps the real site's look and contacts, and has these pages (and an English
# translation of two of them); its menus (mkdocs.yml, and the English one in mkdocs-base.yml) list them.
SMALL_KEEPS = ("docs/assets/", "docs/_snippets/", "docs/_data/kontakter")
SMALL_PAGES = {"index.md": "Forside", "vejledning/index.md": "Vejledning", "vejledning/vink.md": "VINK",
               "om/index.md": "Om sitet", "om/aendringer.md": "Hvad er ændret?"}
SMALL_ENGLISH = ("index.md", "vejledning/vink.md")


def _small_site(repo: Path) -> None:
    from conftest import small_page

    for page, title in SMALL_PAGES.items():
        (repo / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (repo / "docs" / page).write_text(small_page(title), encoding="utf-8")
        if page in SMALL_ENGLISH:
            (repo / "docs" / page.replace(".md", ".en.md")).write_text(
                small_page(title).replace(f"# {title}", f"# In English: {title}"), encoding="utf-8")
    changes = repo / "docs" / "om" / "aendringer.md"
    changes.write_text(changes.read_text(encoding="utf-8") + "\n## Første udgave\n\nDen første udgave.\n",
                       encoding="utf-8")
    (repo / "mkdocs.yml").write_text("INHERIT: mkdocs-base.yml\n\nnav:\n" + "".join(
        f"  - {page}\n" for page in SMALL_PAGES), encoding="utf-8")
    config = repo / "mkdocs-base.yml"
    text, count = re.subn(r"(          nav:\n            - Home: index.md\n)(?:( {12}| {16}).*\n)+",
                          r"\1            - vejledning/vink.md\n", config.read_text(encoding="utf-8"))
    assert count == 1, "the English menu in mkdocs-base.yml has changed"
    config.write_text(text, encoding="utf-8")


def publish_real_site(base: Path) -> Published:
    """The real site, merged once and published by CI: the day's edition, pushed. The workflow's
    `make check` step runs in the editions scenario (a small site); the real site's `make check`
    runs in the fresh clone (test_fresh_clone.py). The edition's build is itself strict: an error
    stops it before anything is committed."""
    published = _repository(base, small=False)
    published.merge("Første ændring")
    result = published.ci_run(REAL_EDITION, "edition", "push")
    assert result.returncode == 0, result.stdout + result.stderr
    return _unpack(published)


def publish_two_editions(base: Path) -> Published:
    published = _repository(base, small=True)
    repo = published.repo
    # The first edition has one page more; it is gone in the second.
    shutil.copy2(repo / "docs" / "om" / "index.md", repo / GONE_PAGE)
    # Reached by links only, not from the menu (a page missing from the menu fails the build).
    config = repo / "mkdocs-base.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "not_in_nav: |\n", "not_in_nav: |\n  /" + GONE_PAGE.removeprefix("docs/") + "\n", 1), encoding="utf-8")
    (version, _), (version2, _) = EDITIONS

    # Day 1, first merge: the check, then the first edition.
    published.merge("Første ændring")
    result = published.ci_run(version, "check", "edition", "push")
    assert result.returncode == 0, result.stdout + result.stderr
    published.first_tree_before = published.git("rev-parse", f"gh-pages:{version}")
    # Day 1, second merge: that day's edition again.
    page = repo / SAME_DAY_PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n{SAME_DAY_TEXT}\n", encoding="utf-8")
    published.merge("Anden ændring samme dag")
    result = published.ci_run(version, "edition", "push")
    assert result.returncode == 0, result.stdout + result.stderr
    published.first_tree = published.git("rev-parse", f"gh-pages:{version}")
    # Day 2: a page is gone, another changed and named in the changes list.
    published.git("rm", "--quiet", GONE_PAGE, cwd=repo)
    changes = repo / "docs" / "om" / "aendringer.md"
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text.replace("## ", f"## {CHANGE_SECTION}\n\n{CHANGE_LINE}\n\n## ", 1), encoding="utf-8")
    published.merge("Ændring dagen efter")
    result = published.ci_run(version2, "edition", "push")
    assert result.returncode == 0, result.stdout + result.stderr
    return _unpack(published)
