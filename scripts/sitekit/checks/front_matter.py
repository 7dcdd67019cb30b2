"""Front matter: valid YAML and the one schema (scripts/sitekit/metadata.py)."""

from __future__ import annotations

from pathlib import Path

from ..metadata import validate_docs
from ..problems import Problem
from ..reviews import today


def check(docs_dir: Path) -> list[Problem]:
    return validate_docs(docs_dir, today())
