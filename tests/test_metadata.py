"""The front matter schema (scripts/sitekit/metadata.py), on real page files,
and the build refusing bad front matter that MkDocs alone would accept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitekit.build import build_site
from sitekit.metadata import contacts_for, validate_file
from sitekit.paths import DOCS

TODAY = dt.date(2026, 11, 26)
GOOD = """---
title: "Hvem gør hvad?"
description: En kort sætning.
owner: redaktionen
last_reviewed: 2026-11-26
review_months: 12
audience:
  - medarbejdere
sources:
  - title: Stop ekstremisme – om ekstremisme
    url: https://stopekstremisme.dk/ekstremisme
  - title: Barnets lov
    ref: Barnets lov, LBK nr. 282 af 17/03/2025
---

# Hvem gør hvad?
"""


def problems_for(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "side.md"
    page.write_text(text, encoding="utf-8")
    return [f"{p.line}: {p.message}" for p in validate_file(page, contacts_for(DOCS), TODAY)]


def test_good_page_has_no_problems(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize("old, new, expected", [
    ("review_months: 12", "review_months: 0", "6: 'review_months: 0' er uden for det tilladte"),
    ("review_months: 12", "review_months: 25", "6: 'review_months: 25' er uden for det tilladte"),
    ("review_months: 12", "review_months: 1.5", "6: Feltet 'review_months' skal være et helt tal"),
    ("review_months: 12", "review_months: 1 år", "6: Feltet 'review_months' skal være et helt tal"),
    ("review_months: 12", "review_months: true", "6: Feltet 'review_months' skal være et helt tal"),
    ("last_reviewed: 2026-11-26", "last_reviewed: 2026-11-27", "5: 'last_reviewed' ligger i fremtiden"),
    ("last_reviewed: 2026-11-26", 'last_reviewed: "2026-11-26"', "5: 'last_reviewed' er ikke en rigtig dato"),
    ("last_reviewed: 2026-11-26", "last_reviewed: 2026-11-26 10:00:00", "5: 'last_reviewed' er ikke en rigtig dato"),
    ("last_reviewed: 2026-11-26", "last_reviewed: 2026-13-01", "5: En dato findes ikke i kalenderen"),
    ("last_reviewed: 2026-11-26", "last_reviewed: 26-11-2026", "5: 'last_reviewed' er ikke en rigtig dato"),
    ("last_reviewed: 2026-11-26", "last_reviewed: 2026-02-29", "5: En dato findes ikke i kalenderen"),
    ("owner: redaktionen", "owner: Redaktionen", "4: 'owner: Redaktionen' findes ikke i kontaktfilen"),
    ("  - medarbejdere", "  - Medarbejdere", "8: Ukendt målgruppe 'Medarbejdere'"),
    ("audience:\n  - medarbejdere", "audience: medarbejdere", "7: 'audience' skal være en liste"),
    ("    url: https://stopekstremisme.dk/ekstremisme", "    url: stopekstremisme.dk",
     "11: Kilde nr. 1 har en adresse, der ikke er en webadresse"),
    ("  - title: Barnets lov\n", "  - titel: Barnets lov\n", "12: Kilde nr. 2 mangler en titel"),
    (GOOD[GOOD.index("sources:"):GOOD.index("---\n\n#")], "sources: []\n", "9: Feltet 'sources' er tom"),
    ("description: En kort sætning.", "description: " + "a" * 161, "3: Beskrivelsen er 161 tegn lang"),
    ('title: "Hvem gør hvad?"', "title: Kontakt: VINK", "2: Front matter er ikke gyldig YAML"),
])
def test_each_mistake_is_reported_on_its_line(tmp_path, old, new, expected):
    assert old in GOOD
    found = problems_for(tmp_path, GOOD.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_page_without_front_matter(tmp_path):
    assert problems_for(tmp_path, "# Side\n") == ["1: Siden mangler metadata (front matter) øverst."]


def _site_with(tmp_path: Path, index_text: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "om").mkdir(parents=True)
    (docs / "index.md").write_text(index_text, encoding="utf-8")
    for name in ("om/index.md", "om/tilgaengelighed.md"):
        (docs / name).write_text(GOOD, encoding="utf-8")
    return docs


def test_build_fails_on_invalid_yaml_front_matter(tmp_path):
    """MkDocs 1.6 alone drops invalid YAML front matter silently; the hook does not."""
    docs = _site_with(tmp_path, GOOD.replace('title: "Hvem gør hvad?"', "title: Kontakt: VINK"))
    result = build_site(tmp_path / "site", docs_dir=docs, today="2026-11-26")
    assert result.returncode != 0
    assert "index.md:2: Front matter er ikke gyldig YAML" in result.stdout, result.stdout


def test_build_fails_on_wrong_metadata(tmp_path):
    docs = _site_with(tmp_path, GOOD.replace("owner: redaktionen", "owner: findes-ikke"))
    result = build_site(tmp_path / "site", docs_dir=docs, today="2026-11-26")
    assert result.returncode != 0
    assert "index.md:4: 'owner: findes-ikke' findes ikke" in result.stdout


def test_build_passes_with_good_metadata(tmp_path):
    docs = _site_with(tmp_path, GOOD)
    result = build_site(tmp_path / "site", docs_dir=docs, today="2026-11-26")
    assert result.returncode == 0, result.stdout + result.stderr


def test_published_json_schemas_are_up_to_date():
    """Editors' editors validate front matter with docs/_data/metadata.schema.json, and the data files
    with theirs (python -m sitekit schema writes them)."""
    from sitekit.metadata import SCHEMA_FILE, schemas

    for path, text in schemas().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: kør python -m sitekit schema"
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert set(schema["required"]) == {"title", "description", "owner", "last_reviewed", "review_months",
                                       "audience", "sources"}
    assert schema["additionalProperties"] is False
