"""The editors' path through GitHub, checked as data (workflows cannot run here):
the pull request job that posts the Danish summary and the preview, and who
approves what (CODEOWNERS: content and menu to editors, configuration to
developers). The summary script itself is tested in test_pr_summary.py."""

from __future__ import annotations

import pathspec
import pytest
import yaml

from conftest import ROOT


def _workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_pull_requests_get_a_danish_summary_and_a_preview():
    job = _workflow("ci.yml")["jobs"]["summary-and-preview"]
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = job["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make check" in runs and "make offline" in runs
    assert "-m sitekit.pr_summary" in runs and "--post" in runs
    upload = next(s for s in steps if "actions/upload-artifact@" in s.get("uses", ""))
    assert upload["with"]["name"] == "forhaandsvisning"
    assert upload["with"]["path"] == "dist/radikalisering-offline/"
    post = next(s for s in steps if "--post" in s.get("run", ""))
    assert "${{ steps.upload.outputs.artifact-url }}" in post["env"]["PREVIEW_URL"]
    # The check's failure is reported, not hidden: its exit code goes to the summary.
    check = next(s for s in steps if s.get("id") == "check")
    assert "status=$status" in check["run"]


def _owners(path: str) -> str:
    """The owners GitHub would ask for `path`: the last matching line wins."""
    owners = ""
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *teams = line.split()
        if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path):
            owners = " ".join(teams)
    return owners


@pytest.mark.parametrize("path", ["docs/vejledning/ny-side.md", "docs/index.md", "mkdocs.yml",
                                  "docs/_data/kontakter.yml", "docs/redaktoerer/billeder/tjek.png"])
def test_content_and_menu_belong_to_the_editors(path):
    owners = _owners(path)
    assert "/redaktionen" in owners and "/udviklere" not in owners, (path, owners)


@pytest.mark.parametrize("path", ["mkdocs-base.yml", "overrides/main.html", "scripts/sitekit/__main__.py",
                                  "tests/test_serve.py", ".github/workflows/ci.yml", ".github/CODEOWNERS",
                                  ".devcontainer/devcontainer.json", "Makefile", "requirements.txt"])
def test_configuration_belongs_to_the_developers(path):
    assert _owners(path).endswith("@ORGANISATION-UDFYLDES/udviklere"), path
