"""Adding a page to the menu as a text edit (scripts/sitekit/navedit.py): the
rest of the file stays byte for byte as it was, on any YAML file whose `nav:`
is a top-level key."""

from __future__ import annotations

import pytest
import yaml

from sitekit.navedit import NavEditError, add_page, nav_files

MKDOCS = """\
# The menu, with comments that must survive.
site_name: Test
nav:
  - Forside: index.md
  # Guidance for staff.
  - Vejledning:
      - vejledning/index.md
      - "Hvem gør hvad?": vejledning/hvem.md   # a titled entry
      - Underafsnit:
          - vejledning/under/a.md

  - 'Om sitet':
      - om/index.md
# After the menu.
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def _add(tmp_path, text, uri, title, folder):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    line = add_page(path, uri, title, folder)
    return path.read_text(encoding="utf-8"), line


def test_entry_goes_after_the_last_line_of_its_section_with_the_siblings_indent(tmp_path):
    out, line = _add(tmp_path, MKDOCS, "vejledning/ny.md", "Vejledning", "vejledning")
    expected = MKDOCS.replace("          - vejledning/under/a.md\n",
                              "          - vejledning/under/a.md\n      - vejledning/ny.md\n")
    assert out == expected
    assert out.splitlines()[line - 1] == "      - vejledning/ny.md"


def test_section_found_by_quoted_title_and_comments_kept(tmp_path):
    out, _ = _add(tmp_path, MKDOCS, "om/ny.md", "Om sitet", "om")
    assert out == MKDOCS.replace("      - om/index.md\n", "      - om/index.md\n      - om/ny.md\n")


def test_unknown_section_is_added_at_the_end_of_the_menu(tmp_path):
    out, line = _add(tmp_path, MKDOCS, "redaktoerer/ny.md", "For redaktører", "redaktoerer")
    assert out == MKDOCS.replace("      - om/index.md\n",
                                 "      - om/index.md\n  - For redaktører:\n      - redaktoerer/ny.md\n")
    assert out.splitlines()[line - 1] == "      - redaktoerer/ny.md"


def test_menu_file_that_inherits_a_base_config_with_items_at_column_zero(tmp_path):
    text = "INHERIT: overrides/mkdocs-base.yml\nnav:\n- Forside: index.md\n- Vejledning:\n  - vejledning/index.md\n"
    out, _ = _add(tmp_path, text, "vejledning/ny.md", "Vejledning", "vejledning")
    assert out == text + "  - vejledning/ny.md\n"
    assert list(nav_files(yaml.safe_load(out)["nav"]))[-1] == "vejledning/ny.md"


def test_an_entry_already_in_the_menu_is_not_added_twice(tmp_path):
    out, line = _add(tmp_path, MKDOCS, "vejledning/hvem.md", "Vejledning", "vejledning")
    assert out == MKDOCS and line == 8


@pytest.mark.parametrize("text, message", [
    ("nav: [index.md]\n", "skrevet på én linje"),
    ("site_name: x\n", "ingen menu"),
    ("nav:\n  - Vejledning:\n      - a.md\n    - b.md\n", "mkdocs.yml:4: Filen er ikke gyldig YAML"),
])
def test_a_menu_that_cannot_be_edited_is_left_alone(tmp_path, text, message):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NavEditError, match=message):
        add_page(path, "vejledning/ny.md", "Vejledning", "vejledning")
    assert path.read_text(encoding="utf-8") == text
