"""The site's own settings in one file, sitet.yml: the public address, the
GitHub organisation and repository, and the editors' team.

`python -m sitekit` exports them as SITE_URL and EDIT_URI (read by
mkdocs-base.yml) unless the environment already has them (tests, a one-off
build). `make review` lists what is unset (sitekit.placeholders), and
publishing refuses in Danish while the address or the edit link is unset:
an edition never gets the preview's address http://127.0.0.1:8000/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .paths import ROOT

FILE = ROOT / "sitet.yml"
MARK = "UDFYLDES"
WHAT = {
    "adresse": "sitets offentlige adresse (adresse)",
    "organisation": "organisationen på GitHub (organisation)",
    "repository": "repositoriet på GitHub (repository)",
    "redaktoerteam": "redaktørernes team på GitHub (redaktoerteam)",
}
_LOCAL = re.compile(r"^https?://(127\.|localhost|\[::1\]|0\.0\.0\.0)", re.I)


def load(path: Path = FILE) -> dict[str, str]:
    """The settings; a missing file or key is unset ('')."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if Path(path).is_file() else None
    data = data if isinstance(data, dict) else {}
    return {key: str(data.get(key) or "").strip() for key in WHAT}


def is_set(value: str) -> bool:
    return bool(value) and MARK not in value


def unset(path: Path = FILE) -> list[tuple[int, str]]:
    """(line, Danish what) for each setting still to fill in."""
    settings = load(path)
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).is_file() else []
    line_of = {key: next((i for i, text in enumerate(lines, 1) if text.startswith(key + ":")), 1) for key in WHAT}
    return [(line_of[key], what) for key, what in WHAT.items() if not is_set(settings[key])]


def environ(path: Path = FILE) -> dict[str, str]:
    """SITE_URL and EDIT_URI from the settings that are set."""
    s = load(path)
    env = {}
    if is_set(s["adresse"]):
        env["SITE_URL"] = s["adresse"].rstrip("/") + "/"
    if is_set(s["organisation"]) and is_set(s["repository"]):
        env["EDIT_URI"] = f"https://github.com/{s['organisation']}/{s['repository']}/edit/main/docs/"
    return env


def export(path: Path = FILE) -> None:
    for key, value in environ(path).items():
        if not os.environ.get(key):  # an empty variable is unset too
            os.environ[key] = value


def publish_problems(env: dict[str, str] | None = None, path: Path = FILE) -> list[str]:
    """Why an edition must not be published now (Danish; empty when it may)."""
    env = dict(environ(path), **(os.environ if env is None else env))
    problems = []
    address = env.get("SITE_URL", "")
    if not address or MARK in address or _LOCAL.match(address) or not address.startswith(("https://", "http://")):
        problems.append("Sitets offentlige adresse er ikke sat. Skriv den ved 'adresse:' i sitet.yml, "
                        "fx https://vejledning.example.dk/ (se \"Sæt sitet op\" i README.md).")
    if MARK in env.get("EDIT_URI", MARK):
        problems.append("Knappen 'Redigér denne side' peger stadig på en pladsholder. Skriv organisationen "
                        "og repositoriet på GitHub ved 'organisation:' og 'repository:' i sitet.yml.")
    return problems
