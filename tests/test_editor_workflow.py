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
    # The pull request's code runs with a read-only token, also for a fork.
    assert job["permissions"] == {"contents": "read"}
    steps = job["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make check" in runs and "make offline" in runs
    assert "-m sitekit.pr_summary" in runs and '>> "$GITHUB_STEP_SUMMARY"' in runs
    uploads = {s["with"]["name"]: s for s in steps if "actions/upload-artifact@" in s.get("uses", "")}
    assert uploads["forhaandsvisning"]["with"]["path"] == "dist/radikalisering-offline/"
    assert uploads["pr-opsummering"]["with"]["path"] == "opsummering/"
    summary = next(s for s in steps if "sitekit.pr_summary" in s.get("run", ""))
    assert "${{ steps.upload.outputs.artifact-url }}" in summary["env"]["PREVIEW_URL"]
    assert "opsummering/kommentar.md" in summary["run"] and "opsummering/pr-nummer" in summary["run"]
    # The check's failure is reported, not hidden: its exit code goes to the summary, and the
    # job (the editor's one verdict) fails when make check fails, after the summary is written.
    check = next(s for s in steps if s.get("id") == "check")
    assert "status=$status" in check["run"]
    assert "exit 1" in steps[-1]["run"] and steps[-1]["env"]["CHECK_STATUS"] == "${{ steps.check.outputs.status }}"


def test_the_comment_is_posted_from_the_uploaded_summary_without_the_pull_requests_code():
    wf = _workflow("pr-comment.yml")
    job = wf["jobs"]["comment"]
    download = next(s for s in job["steps"] if "actions/download-artifact@" in s.get("uses", ""))
    assert download["with"]["name"] == "pr-opsummering"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    post = job["steps"][-1]["run"]
    # The number from the other run must name the pull request whose head was checked.
    assert "$HEAD_SHA" in post and job["steps"][-1]["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    from sitekit.pr_summary import MARKER

    assert f"marker='{MARKER}'" in post and "--method PATCH" in post and "--method POST" in post


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
                                  ".devcontainer/devcontainer.json", "Makefile", "requirements.txt",
                                  "requirements-dev.txt"])
def test_configuration_belongs_to_the_developers(path):
    assert _owners(path).endswith("/udviklere"), path


def test_the_editor_guide_walks_the_path_the_workflows_take():
    """docs/redaktoerer/ret-en-side.md, step by step, against the workflows and the tools."""
    import datetime as dt
    import re

    from sitekit import editions, sitesettings

    guide = (ROOT / "docs" / "redaktoerer" / "ret-en-side.md").read_text(encoding="utf-8")
    flat = " ".join(guide.split())
    ci, publish = _workflow("ci.yml"), _workflow("publish.yml")
    # The pull request: the editor's verdict and the developers' suite, by the names GitHub shows.
    assert f"**{ci['jobs']['summary-and-preview']['name']}**" in flat
    assert ci["jobs"]["check-build-test"]["name"].startswith("Udviklernes fulde test") and \
        "**Udviklernes fulde test**" in flat
    assert "også når du arbejder i en fork" in flat and "pull_request" in ci["on"]
    # Approval: CODEOWNERS and the editors' team in the site's settings.
    assert "`.github/CODEOWNERS`" in flat and "redaktoerteam" in sitesettings.WHAT and "`redaktoerteam`" in flat
    # The merge publishes by itself: the workflow the guide names runs on a push to main, checks first.
    assert f"GitHub kører **{publish['name']}**" in flat and publish["on"]["push"] == {"branches": ["main"]}
    ids = [s.get("id") for s in publish["jobs"]["publish"]["steps"]]
    assert "først det samme tjek en gang til" in flat and ids.index("check") < ids.index("edition")
    assert "Fejler tjekket, bliver intet offentliggjort." in flat
    # An edition: named by its date, the newest ten in the selector, then "Alle udgaver".
    assert f'"{editions.edition_title("2026-12-07", dt.date(2026, 12, 7))}"' in flat
    assert editions.SHOWN == 10 and "de ti nyeste" in flat and f"**{editions.ALL_EDITIONS_TITLE}**" in flat
    assert f"`/{editions.ALIAS}/`" in flat
    planned = re.search(r"`make publish VERSION=(\S+) GAELDENDE_FRA=(\S+)`", flat)
    assert planned and editions.check_version(planned.group(1)) and "VERSION" in (ROOT / "Makefile").read_text()


def test_the_guide_shows_the_translation_warning_as_the_check_writes_it():
    import datetime as dt

    from sitekit import translations

    guide = (ROOT / "docs" / "redaktoerer" / "ret-en-side.md").read_text(encoding="utf-8")
    example = next(" ".join(block.split("```")[0].split()) for block in guide.split("```text\n")[1:]
                   if "Oversættelsen halter" in block)
    reason = translations.translated_reason(dt.date(2026, 12, 7), dt.date(2026, 11, 30))
    behind = translations.Behind("vejledning/efter-vink.en.md", "vejledning/efter-vink.md", reason)
    [problem] = translations.problems(translations.Status("en", [behind]), ROOT / "docs")
    written = " ".join(problem.format().split("\n")[0].split())
    assert written.startswith(example), (written, example)
    assert "translated_from" in example and not any(len(word) >= 7 and word.isalnum() and any(c.isdigit() for c in word)
                                                   and any(c.isalpha() for c in word) for word in example.split())


def test_the_site_settings_live_in_one_file_and_make_review_lists_what_is_unset(tmp_path):
    import subprocess

    from sitekit import sitesettings

    settings = tmp_path / "sitet.yml"
    settings.write_text("adresse: https://vejledning.example.invalid\norganisation: ORGANISATION-UDFYLDES\n"
                        "repository: radikalisering\n", encoding="utf-8")
    assert sitesettings.unset(settings) == [(2, sitesettings.WHAT["organisation"]),
                                            (1, sitesettings.WHAT["redaktoerteam"])]
    assert sitesettings.environ(settings) == {"SITE_URL": "https://vejledning.example.invalid/"}
    [problem] = sitesettings.publish_problems({}, settings)
    assert problem.startswith("Knappen 'Redigér denne side' peger stadig på en pladsholder.")
    assert len(sitesettings.publish_problems({"SITE_URL": "http://127.0.0.1:8000/"}, settings)) == 2
    # The project's own file: whatever is still unset is listed by make review, at its line.
    review = subprocess.run(["make", "--no-print-directory", "review"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120).stdout
    for line, what in sitesettings.unset():
        assert f"sitet.yml:{line}: {what}." in review, review
    for key, what in sitesettings.WHAT.items():
        if sitesettings.is_set(sitesettings.load()[key]):
            assert what not in review
