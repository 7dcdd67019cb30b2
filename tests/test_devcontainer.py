"""The dev container (Windows, Mac, GitHub Codespaces): Debian 12, a user who is
not root, and a setup whose every command exists. Validated here because CI
cannot start a container."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import ROOT

DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"
SETUP = ROOT / ".devcontainer" / "setup.sh"


def _config() -> dict:
    return json.loads(DEVCONTAINER.read_text(encoding="utf-8"))


def test_debian_12_and_not_root():
    config = _config()
    assert config["image"].endswith(":bookworm")  # Debian 12, as the README promises
    assert config["remoteUser"] == config["containerUser"] == "vscode"
    assert 8000 in config["forwardPorts"]  # make serve's port


def test_the_setup_it_runs_exists_and_is_valid_shell():
    config = _config()
    command = config["postCreateCommand"]
    script = re.fullmatch(r"bash (\S+)", command).group(1)
    assert (ROOT / script) == SETUP and SETUP.is_file()
    subprocess.run(["bash", "-n", str(SETUP)], check=True)


def test_every_make_target_it_uses_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    used = re.findall(r"(?<![\w-])make (?!git\b)([\w./-]+)", SETUP.read_text(encoding="utf-8") + json.dumps(_config()))
    assert used
    stamp = re.search(r"^STAMP := \$\(VENV\)/(\S+)", makefile, re.M).group(1)
    for target in used:
        if target == f".venv/{stamp}":
            continue  # the file target $(STAMP)
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), target


def test_it_installs_what_make_check_needs_without_chromium():
    setup = SETUP.read_text(encoding="utf-8")
    for pkg in ("python3-venv", "make", "hunspell", "hunspell-da"):
        assert re.search(rf"\s{re.escape(pkg)}(\s|$)", setup), pkg
    assert "chromium" not in setup.split("apt-get install", 1)[1].split("\n\n")[0].split("make ")[0]


def test_the_data_files_are_checked_against_their_published_schemas():
    """In the editor, a misspelt key in a data file is marked as the editor types (the YAML extension)."""
    from sitekit.metadata import schemas

    config = _config()["customizations"]["vscode"]
    assert "redhat.vscode-yaml" in config["extensions"]
    published = {p.relative_to(ROOT).as_posix() for p in schemas()}
    for schema, globs in config["settings"]["yaml.schemas"].items():
        assert schema in published, schema
        assert all(list(ROOT.glob(g)) for g in globs), globs
