"""The training programme as data (docs/_data/program.yml): the times add up in
every format and module, a broken file stops the real build with a Danish
message naming the file and the line, the run sheets show clock times from the
start time, and the module pages agree with the programme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from sitekit import program
from sitekit.build import build_site
from sitekit.paths import DOCS

PROGRAM = program.load()
FORMATS = {"tre-timer": 180, "en-time": 60, "heldag": 360}


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.parts)


@pytest.mark.parametrize("fid,minutes", FORMATS.items())
def test_each_format_adds_up(fid, minutes):
    fmt = PROGRAM.formats[fid]
    assert fmt.minutes == minutes == sum(i.minutes for i in fmt.items)
    for item in _walk(fmt.items):
        if item.parts:
            assert sum(p.minutes for p in item.parts) == item.minutes, item.title
        if item.case:
            assert item.groups + item.plenary == item.minutes, item.title


def test_three_hours_keeps_forms_of_extremism_a_dilemma_and_the_new_cases():
    fmt = PROGRAM.formats["tre-timer"]
    titles = [i.title for i in _walk(fmt.items)]
    cases = {i.case for i in _walk(fmt.items) if i.case}
    assert "Former for ekstremisme" in titles
    assert "modul-2#case-2b" in cases                      # the dilemma
    # Right-wing, anti-authority and online radicalisation of a young teenager.
    assert {"modul-1#case-1b", "modul-2#case-2c", "modul-3#case-3b"} <= cases
    assert "Former for ekstremisme" in [i.title for i in _walk(PROGRAM.formats["en-time"].items)]


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = (DOCS / "_data" / "program.yml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "program.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_items_that_do_not_add_up_name_the_file_and_line(tmp_path):
    path = _broken(tmp_path, "    minutter: 180\n", "    minutter: 175\n")
    line = path.read_text(encoding="utf-8").splitlines().index("    minutter: 175") + 1
    with pytest.raises(program.ProgramError) as err:
        program.load(path)
    assert f"program.yml:{line}: Tiderne passer ikke" in str(err.value)
    assert "Tiderne passer ikke" in str(err.value) and "180" in str(err.value)


def test_a_case_split_that_does_not_add_up_is_refused(tmp_path):
    path = _broken(tmp_path, "            grupper: 10\n            plenum: 5\n",
                   "            grupper: 10\n            plenum: 6\n")
    with pytest.raises(program.ProgramError, match=r"program\.yml:\d+: Tiderne passer ikke i punktet 'Case"):
        program.load(path)


def test_parts_that_do_not_add_up_are_refused(tmp_path):
    path = _broken(tmp_path, "          - titel: Former for ekstremisme\n            minutter: 7\n",
                   "          - titel: Former for ekstremisme\n            minutter: 9\n")
    with pytest.raises(program.ProgramError, match="delene tager 37 minutter"):
        program.load(path)


def test_a_broken_programme_stops_the_build(tmp_path):
    result = build_site(tmp_path / "site", docs_dir=FIXTURES / "sites" / "program-broken" / "docs")
    assert result.returncode != 0
    assert re.search(r"program\.yml:24: Tiderne passer ikke i punktet 'Case'", result.stdout), result.stdout


def test_clock_times_and_group_plan():
    assert program.clock("09:00", 0) == "09.00"
    assert program.clock("08:45", 190) == "11.55"
    fmt = PROGRAM.formats["tre-timer"]
    assert fmt.group_plan() == "5 grupper à 4"
    fmt18 = program.Format(**{**fmt.__dict__, "participants": 18})
    assert fmt18.group_plan() == "3 grupper à 4 og 2 grupper à 3"
    copies = {what: n for what, n, _ in program.print_items(fmt)}
    assert copies["Evalueringsskema"] == 20
    assert copies['Casen "Chatten i spillet" (modul 3)'] == 5


@pytest.mark.parametrize("fid", FORMATS)
def test_run_sheet_page(built_site, fid):
    page = (built_site / "kompetenceforloeb" / f"drejeark-{fid}" / "index.html").read_text(encoding="utf-8")
    fmt = PROGRAM.formats[fid]
    offsets = [int(o) for o in re.findall(r'class="kf-kl" data-offset="(\d+)"', page)]
    assert offsets[-1] == fmt.minutes                  # the last row is the end
    assert f"{program.clock(fmt.start, fmt.minutes)}</span></td><td></td><td>Slut" in page
    for must in ("Hvad skal du udskrive?", "Tavleplan", "Materialer", fmt.group_plan(),
                 'type="time"', "Grupper"):
        assert must in page, must


def test_case_instructions_match_the_programme():
    """A case run in groups says "Drøft i grupper" to the participants; a plenary one "Drøft i plenum"."""
    for fmt in [*PROGRAM.formats.values()]:
        for item in _walk(fmt.items):
            if not item.case:
                continue
            mid, anchor = item.case.split("#")
            text = (DOCS / PROGRAM.modules[mid].page).read_text(encoding="utf-8")
            section = text.split("{#" + anchor + "}", 1)[1].split("\n## ", 1)[0]
            participant = section.split('=== "Underviser"', 1)[0]
            want = "Drøft i grupper" if item.groups else "Drøft i plenum"
            assert want in participant, (fmt.id, item.case)


def test_module_pages_take_duration_and_plan_from_the_programme(built_site):
    page = (built_site / "kompetenceforloeb" / "modul-4-hjemvendte-samarbejde" / "index.html").read_text(
        encoding="utf-8")
    assert "45 minutter. I forløbet på tre timer: 30 minutter" in page
    assert "I forløbet på tre timer (30 minutter" in page


def test_a_case_without_its_anchor_names_the_programme_line(tmp_path):
    """The times add up, but the case the run sheet names has no heading {#case} on its module page."""
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "sites" / "program-broken" / "docs", docs)
    data = docs / "_data" / "program.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("plenum: 10", "plenum: 5"), encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "program.yml:24: Casen 'modul-1#case' findes ikke: siden index.md har ingen overskrift med {#case}." \
        in result.stdout, result.stdout
    assert "Tiderne passer ikke" not in result.stdout


def test_a_time_typed_by_hand_on_a_module_page_fails_the_build_at_its_line(tmp_path):
    docs = FIXTURES / "sites" / "typed-time" / "docs"
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    line = (docs / "kompetenceforloeb" / "modul-1-test.md").read_text(encoding="utf-8").splitlines().index(
        "**Tid:** 10 minutter i grupper, 5 minutter i plenum.") + 1
    assert re.search(rf"modul-1-test\.md:{line}: Tiden '\*\*Tid:' er skrevet i hånden", result.stdout), result.stdout
    assert result.stdout.count("er skrevet i hånden") == 1         # inline code is an example, not a time
    assert program.typed_times(DOCS) == []                          # the real pages type none


def _section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]


def test_trainer_notes_and_the_cases_page_show_the_programme_times(built_site):
    """The issue's table: the brother, the online community, "Mor ringer" and the dilemma each showed
    different hand-typed times; now every time a trainer sees is the programme's."""
    cases_page = (built_site / "kompetenceforloeb" / "cases" / "index.html").read_text(encoding="utf-8")
    checked = 0
    for mid, module in PROGRAM.modules.items():
        html = (built_site / module.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        for anchor in re.findall(r'<h2 id="(case-[0-9a-z]+)"', html):
            runs = program.case_runs(PROGRAM, f"{mid}#{anchor}")
            notes = _section(html, anchor)
            assert notes.count("<strong>Tid:</strong>") == 1, anchor
            for where, item in runs:
                assert f"{where.capitalize()}: {item.minutes} min." in notes, (anchor, where)
            row = cases_page.split(f'#{anchor}"', 1)[1].split("</tr>", 1)[0]
            assert row.endswith(f"<td>{runs[0][1].minutes} minutter</td>\n"), (anchor, row)
            checked += 1
    assert checked >= 8
    brother = _section((built_site / "kompetenceforloeb" / "modul-4-hjemvendte-samarbejde" / "index.html")
                       .read_text(encoding="utf-8"), "case-4")
    assert "Modulet alene: 15 min. (grupper 8 min., plenum 7 min.)" in brother
    assert "Forløbet på tre timer: 12 min. (grupper 7 min., plenum 5 min.)" in brother


def test_the_three_hour_run_sheet_is_a_script(built_site):
    """Every row says what to say, ask and do or show, and links to what to show; it opens with welcome
    and ground rules ("Svære drøftelser") and closes with time for the evaluation."""
    page = (built_site / "kompetenceforloeb" / "drejeark-tre-timer" / "index.html").read_text(encoding="utf-8")
    body = page.split('<table class="kf-drejeark__tabel">', 1)[1].split("</tbody>", 1)[0]
    rows = [r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)[1:] if ">Slut<" not in r]
    assert len(rows) == len(list(_walk(PROGRAM.formats["tre-timer"].items))) >= 20
    for row in rows:
        assert row.count("<strong>Sig:</strong>") == row.count("<strong>Spørg:</strong>") == 1, row
        assert row.count("<strong>Gør:</strong>") + row.count("<strong>Vis:</strong>") >= 1, row
        if "Pause" not in row:
            assert re.search(r'<a href="[^"]+(\?praesentation|/)', row), row
    assert '<a href="../svaere-droeftelser/"' in rows[0] and "Velkomst og rammer" in rows[0]
    closing = PROGRAM.formats["tre-timer"].items[-1]
    evaluation = [p for p in closing.parts if p.title == "Evaluering"]
    assert evaluation and evaluation[0].minutes >= 5
    assert re.search(r'<a href="\.\./evaluering/"[^>]*>Evaluering</a>', rows[-1])


def test_a_run_sheet_row_without_its_script_is_refused(tmp_path):
    path = _broken(tmp_path, '        spørg: "Er der noget, vi skal tage op efter pausen?"\n', "")
    with pytest.raises(program.ProgramError, match=r"program\.yml:\d+: formatet 'tre-timer': punktet 'Pause' "
                                                    r"mangler 'spørg'"):
        program.load(path)
