"""The pull request's Danish summary (scripts/sitekit/pr_summary.py), run locally on
a fixture change: the real `make check` output of a changed page becomes a
comment with file, line and what to do; the preview of the change is built with
the offline settings CI uses for the downloadable preview."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_checks import run_check

from conftest import FIXTURES, ROOT
from sitekit.build import build_site
from sitekit.offline import OFFLINE_ENV
from sitekit.pages import parse_page
from sitekit.pr_summary import HELP_PAGES, MARKER, Item, markdown, parse


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The passing fixture site after an editor's change with two mistakes."""
    docs = tmp_path_factory.mktemp("pr") / "docs"
    shutil.copytree(FIXTURES / "checks" / "ok" / "docs", docs)
    page = docs / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nRing til [[kontakt vink navn]], eller læs [siden om VINK](vink.md).\n\n"
                    "![](billede.png)\n", encoding="utf-8")
    return docs, run_check(docs)


def test_every_problem_of_the_change_is_in_the_comment_with_file_line_and_what_to_do(changed):
    docs, result = changed
    assert result.returncode == 1
    problems = parse(result.stdout)
    files = {p.file for p in problems}
    assert len(files) == 1 and next(iter(files)).endswith("docs/index.md")
    text_lines = result.stdout.count("Sådan retter du det:")
    assert len(problems) >= 2 and sum(1 for p in problems if p.hint) == text_lines
    lines = len(docs.joinpath("index.md").read_text(encoding="utf-8").splitlines())
    assert {p.line for p in problems} >= {lines - 2, lines}  # the link and the image

    md = markdown(problems, result.returncode, preview_url="https://example.invalid/artefakt",
                  run_url="https://example.invalid/run", blob_url="https://example.invalid/blob/abc")
    assert md.startswith(MARKER + "\n## Tjek af din ændring")
    assert f"**{len(problems)} fejl i 1 fil.**" in md
    file = next(iter(files))
    assert f"### `{file}`" in md
    assert f"- linje {lines}: Billedet har ingen alternativ tekst." in md  # outside the repo: no link
    for p in problems:
        assert p.hint.replace("_", "\\_").replace("*", "\\*")[:40] in md
    assert "**Sådan retter du det:**" in md
    assert "[forhaandsvisning.zip](https://example.invalid/artefakt)" in md


def test_the_preview_of_the_change_is_built_like_ci_builds_it(changed, tmp_path):
    docs, _ = changed
    page = docs / "index.md"
    broken = page.read_text(encoding="utf-8")
    page.write_text(broken.replace("[siden om VINK](vink.md)", "VINK").replace("![](billede.png)",
                                                                               "![Kort](billede.png)"),
                    encoding="utf-8")
    try:
        fixed = run_check(docs)
        assert fixed.returncode == 0, fixed.stdout
        assert "**Ingen fejl.**" in markdown(parse(fixed.stdout), fixed.returncode, preview_url="x")
        site = tmp_path / "preview"
        result = build_site(site, docs_dir=docs, env=OFFLINE_ENV)
        assert result.returncode == 0, result.stdout + result.stderr
        html = (site / "index.html").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", html)
        assert "Ring til VINK / Team Forebyggelse af Ekstremisme, eller læs VINK." in text  # the shortcode is rendered
    finally:
        page.write_text(broken, encoding="utf-8")


def test_json_from_check_is_read_too():
    data = {"problems": [{"file": "docs/a.md", "line": 3, "check": "links", "message": "Linket virker ikke.",
                          "hint": "Ret linket."}]}
    problems = parse(json.dumps(data))
    assert problems == [Item("docs/a.md", 3, "Linket virker ikke.", "Ret linket.")]
    md = markdown(problems, 1, blob_url="https://github.com/org/repo/blob/abc")
    # ?plain=1: the link opens the Markdown file's source at the line, not the rendered page.
    assert ("- [linje 3](https://github.com/org/repo/blob/abc/docs/a.md?plain=1#L3): Linket virker ikke.  \n"
            "  **Sådan retter du det:** Ret linket.") in md
    assert "ingen forhåndsvisning" in md


def test_a_failed_check_without_located_problems_is_not_reported_as_green():
    md = markdown([], [], 2, run_url="https://example.invalid/run")
    assert "Tjekket fejlede" in md and "Ingen fejl" not in md


def test_the_help_pages_are_named_by_their_real_titles():
    md = markdown([], [], 0, blob_url="https://github.com/org/repo/blob/abc")
    for page in HELP_PAGES:
        title = parse_page(ROOT / page).meta["title"]
        assert f"[{title}](https://github.com/org/repo/blob/abc/{page})" in md
    assert "Sådan laver du en pull request" not in md


def test_command_line_writes_the_markdown(changed, tmp_path):
    _, result = changed
    out = tmp_path / "tjek.txt"
    out.write_text(result.stdout, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "sitekit.pr_summary", str(out), "--exit-code", "1"],
                         cwd=ROOT / "scripts", capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(MARKER) and "fejl i 1 fil" in run.stdout


def test_make_check_json_gives_the_summary_the_same_errors_and_keeps_warnings_apart(changed, tmp_path):
    """`make check JSON=…` (CI): the errors of the text list, and an overdue review only as a warning,
    never counted as a mistake. The text form says the same."""
    docs, _ = changed
    path = tmp_path / "tjek.json"
    result = run_check(docs, "2099-06-01", "--json", str(path))
    assert result.returncode == 1, result.stdout
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = result.stdout.splitlines()[-1].split(" fejl")[0]
    assert len(data["problems"]) == int(errors) >= 2
    assert data["warnings"] and all("gennemgået" in w["message"] for w in data["warnings"])
    for found in (parse(path.read_text(encoding="utf-8")), parse(result.stdout)):
        md = markdown(found, result.returncode)
        assert f"**{errors} fejl i 1 fil.**" in md
        assert f"Advarsler (ikke fejl, de stopper ikke din ændring): {len(data['warnings'])}" in md
        warning = next(p for p in found if p.warning)
        assert not warning.message.startswith("Advarsel") and "gennemgået" in warning.message
