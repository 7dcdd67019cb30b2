"""`make check` on an editor's machine without Hunspell: the spell check is
skipped with a Danish warning and the rest still runs; in CI it never is."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES, ROOT

MISSPELLED = FIXTURES / "checks" / "misspelling" / "docs"


def _check(docs, **env):
    # A PATH without /usr/bin: Hunspell cannot be found, as on a machine without it.
    full = {k: v for k, v in os.environ.items() if k not in ("CI", "SITEKIT_SPELLING")}
    full.update(PATH="/nonexistent", **env)
    return subprocess.run([sys.executable, "-m", "sitekit", "check", "--docs-dir", str(docs), "--dato", "2026-11-26"],
                          cwd=ROOT, env=full, capture_output=True, text=True, timeout=120)


def test_without_hunspell_an_editor_gets_a_danish_warning_and_the_other_checks():
    result = _check(FIXTURES / "checks" / "ok" / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stavekontrollen er sprunget over, fordi programmet hunspell ikke er installeret" in result.stderr
    assert "Traceback" not in result.stderr
    broken = _check(FIXTURES / "checks" / "missing-alt" / "docs")
    assert broken.returncode == 1  # the other checks still run


def test_in_ci_a_missing_hunspell_fails_the_check():
    result = _check(MISSPELLED, CI="true")
    assert result.returncode == 1
    assert "hunspell" in (result.stdout + result.stderr).lower()
    assert "sprunget over" not in result.stderr
