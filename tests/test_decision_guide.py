"""The decision guide "Skal jeg kontakte VINK?": the data is a sound graph, a
bad data file fails the build, and a reader without JavaScript (mouse or
keyboard) reaches the right answer on every path."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from conftest import FIXTURES, ROOT
from sitekit import decision_guide as dg
from sitekit.build import build_site

GUIDE_URL = "vejledning/skal-jeg-kontakte-vink/"


def _data() -> dict:
    return yaml.safe_load(dg.GUIDE_FILE.read_text(encoding="utf-8"))


# --- the graph ------------------------------------------------------------------------

def test_real_guide_is_valid_and_every_path_ends_in_an_answer():
    assert dg.validate(_data()) == []
    guide = dg.load()
    paths = guide.paths()
    assert len(paths) >= 4
    for path in paths:
        last = guide.nodes[path[-1][0]]
        assert last.is_answer and last.text and last.next_text
    # The five ends the guide promises: police (112, and 114 when it is not acute),
    # child welfare, VINK, nothing more now.
    ends = {guide.nodes[p[-1][0]].answer for p in paths}
    assert ends == {"Ring til politiet nu", "Ring til politiet, når det ikke er akut",
                    "Følg reglerne for børn og unge", "Få råd hos VINK", "Du behøver ikke gøre mere lige nu"}


def test_answers_use_contact_shortcodes_not_numbers():
    text = dg.GUIDE_FILE.read_text(encoding="utf-8")
    assert "[[kontakt politi telefon]]" in text
    assert not re.search(r"(?<![§\d.,-] )\b112\b", text.replace("[[kontakt politi telefon]]", ""))


def test_start_page_starts_at_the_first_question():
    start = (ROOT / "docs" / GUIDE_URL / "index.md").read_text(encoding="utf-8")
    assert f"]({_data()['start']}.md)" in start


@pytest.mark.parametrize("breakage, expected", [
    ("missing-target", "peger på 'findes-ikke', som ikke findes"),
    ("cycle", "Guiden går i ring"),
    ("dead-end", "skal have 2 til 4 valg"),
    ("no-kind", "skal være enten et spørgsmål"),
    ("unreachable", "kan ikke nås fra start"),
    ("two-parents", "kan nås fra flere spørgsmål"),
    ("answer-without-next", "mangler 'hvad_sker_der_nu'"),
    ("bad-start", "Starttrinnet 'nowhere' findes ikke"),
    ("empty-file", "Filen skal have nøglerne 'start', 'side' og 'trin'."),
])
def test_broken_guides_are_refused_with_a_danish_message(breakage: str, expected: str):
    data = copy.deepcopy(_data())
    steps = data["trin"]
    first = steps[data["start"]]
    if breakage == "missing-target":
        first["valg"][0]["til"] = "findes-ikke"
    elif breakage == "cycle":
        # The second question's last option leads back to the second question.
        second = first["valg"][1]["til"]
        steps[second]["valg"][-1]["til"] = second
    elif breakage == "dead-end":
        first["valg"] = first["valg"][:1]
    elif breakage == "no-kind":
        steps["tomt-trin"] = {"hjaelp": "Intet spørgsmål og intet svar."}
        first["valg"][0]["til"] = "tomt-trin"
    elif breakage == "unreachable":
        steps["glemt-svar"] = {"svar": "Glemt", "tekst": "x", "hvad_sker_der_nu": "y"}
    elif breakage == "two-parents":
        first["valg"][0]["til"] = "faa-raad-hos-vink"
    elif breakage == "answer-without-next":
        del steps["ikke-mere-nu"]["hvad_sker_der_nu"]
    elif breakage == "bad-start":
        data["start"] = "nowhere"
    elif breakage == "empty-file":
        data = None  # what an emptied file reads as
    problems = dg.validate(data)
    assert any(expected in message for _, message in problems), problems


def test_broken_guide_fails_the_build(tmp_path: Path):
    result = build_site(tmp_path / "site", docs_dir=FIXTURES / "sites" / "guide-broken" / "docs")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "beslutningsguide.yml" in out and "'findes-ikke', som ikke findes" in out, out


# --- the built pages ---------------------------------------------------------------------

def test_every_step_is_a_page_with_one_h1(built_site: Path):
    guide = dg.load()
    for sid, node in guide.nodes.items():
        html = (built_site / GUIDE_URL / sid / "index.html").read_text(encoding="utf-8")
        h1s = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert len(h1s) == 1, sid
        assert (node.answer or node.question) in re.sub(r"<[^>]+>|¶", "", h1s[0]), sid
        assert ">Tilbage</a>" in html
        if node.is_answer:
            assert ">Start forfra</a>" in html and "Hvad sker der nu?" in html
        else:
            assert f"trin {guide.step(sid)}</p>" in html


@pytest.mark.browser
def test_every_link_of_the_guide_works_without_javascript(no_js_page, site_url):
    """Every link of the guide, clicked once as a reader without JavaScript would: each option
    of each question (so every path, edge by edge), each step's "Tilbage", each answer's
    "Start forfra"."""
    guide = dg.load()
    page = no_js_page
    clicked: list[tuple[str, str]] = []

    def on(url_end: str, heading: str) -> None:
        # One look at the page: where it is, its heading, and that no script ran
        # (Material swaps "no-js" for "js" when scripts run).
        expect(page).to_have_url(re.compile(re.escape(url_end) + "$"))
        page.wait_for_load_state()
        h1, cls = page.evaluate("() => [document.querySelector('h1').innerText, document.documentElement.className]")
        url = page.url
        assert h1.startswith(heading), (url, h1, heading)
        assert "no-js" in cls.split(), (url, cls)

    def back_to(sid: str | None) -> None:
        page.get_by_role("link", name="Tilbage", exact=True).click()
        if sid is None:
            on(GUIDE_URL, dg.GUIDE_NAME)
        else:
            on(f"{GUIDE_URL}{sid}/", guide.nodes[sid].question)

    def walk(sid: str) -> None:
        """At step ``sid``: follow each of its links once, and come back by "Tilbage"."""
        node = guide.nodes[sid]
        if node.is_answer:
            page.get_by_role("link", name="Start forfra").click()
            on(GUIDE_URL, dg.GUIDE_NAME)
            clicked.append((sid, "Start forfra"))
            page.go_back()
            on(f"{GUIDE_URL}{sid}/", node.answer)
            return
        for option in node.options:
            page.locator(".beslutningsguide-valg").get_by_role("link", name=option.text, exact=True).click()
            target = guide.nodes[option.target]
            on(f"{GUIDE_URL}{option.target}/", target.answer or target.question)
            if option.target not in {t for _, t in clicked}:   # a step two options lead to: once
                walk(option.target)
            clicked.append((sid, option.target))
            back_to(sid)

    page.goto(site_url + GUIDE_URL)
    on(GUIDE_URL, dg.GUIDE_NAME)
    page.get_by_role("link", name="Start guiden").click()
    on(f"{GUIDE_URL}{guide.start}/", guide.nodes[guide.start].question)
    walk(guide.start)
    back_to(None)
    # Every option and every answer's "Start forfra" was clicked, so every path works.
    assert sorted(clicked) == sorted([(sid, o.target) for sid, n in guide.nodes.items() for o in n.options]
                                     + [(sid, "Start forfra") for sid, n in guide.nodes.items() if n.is_answer])
    assert {sid for path in guide.paths() for sid, _ in path} <= {guide.start} | {t for _, t in clicked}


@pytest.mark.browser
def test_keyboard_reaches_the_next_step(no_js_page, site_url):
    guide = dg.load()
    first = guide.nodes[guide.start]
    target = first.options[-1]
    page = no_js_page
    page.goto(site_url + GUIDE_URL + guide.start + "/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == target.text:
            break
    else:
        pytest.fail("Tab never reached the answer link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.target)))
    assert page.locator("h1").inner_text().startswith(guide.nodes[target.target].question)
