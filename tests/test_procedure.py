"""One answer to "what do I do?": the first steps (docs/_data/foerste-skridt.yml)
and what happens after VINK (docs/_data/efter-vink.yml) are written once as
data, rendered as a list and as a generated diagram, and no page can state the
steps in another order.

Checked in the built HTML and with a real (small) build that must fail.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from sitekit import contacts, decision_guide, procedure
from sitekit.build import build_site

DOCS = ROOT / "docs"
GUIDE = "vejledning/skal-jeg-kontakte-vink/"
# Every page that states the first steps, and so must render them from the data.
FIRST_STEP_PAGES = [
    "index.html",
    "vejledning/naar-du-er-bekymret/index.html",
    "vejledning/hvem-goer-hvad/index.html",
    "vejledning/beredskab-for-hjemvendte/index.html",
    "kompetenceforloeb/modul-2-bekymring/index.html",
] + [f"{GUIDE}{sid}/index.html" for sid in ("ring-til-politiet", "ring-114", "barn-eller-ung", "faa-raad-hos-vink")]
DIAGRAM_PAGES = {"foerste-skridt": "vejledning/naar-du-er-bekymret/index.html",
                 "efter-vink": "vejledning/efter-vink/index.html"}


def _text(fragment: str) -> str:
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(htmllib.unescape(fragment).split())


def _read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _contacts() -> dict:
    return contacts.load_contacts()


# --- the data ----------------------------------------------------------------------------

def test_the_procedure_is_the_one_the_sources_give():
    first = procedure.load("første-skridt")
    ids = [s.id for s in first.steps]
    # Acute danger: 112 first; not acute but a crime may be planned: 114; a child:
    # the duty to notify (yours, not waiting for VINK); then leader and VINK.
    assert ids[:4] == ["akut-fare", "ikke-akut", "barn", "leder-og-vink"]
    lines = [procedure.step_line(s, _contacts()) for s in first.steps]
    assert "Ring 112." in lines[0] and "114" in lines[1]
    barn = first.steps[2]
    assert "Barnets lov § 133" in barn.text and "venter ikke på VINK" in barn.text
    assert "også når du er i tvivl" in first.steps[3].text
    assert procedure.load("efter-vink").steps[3].action.endswith("Den mødes hver 14. dag.")


def test_the_data_writes_no_phone_numbers():
    for name in procedure.PROCEDURES:
        text = procedure.data_file(name).read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        body = re.sub(r'noegleord: \[.*\]|\[\[[^\]]*\]\]', "", body)
        assert not re.search(r"\b11[24]\b", body), name
    assert "[[kontakt politi telefon]]" in procedure.data_file("første-skridt").read_text(encoding="utf-8")


@pytest.mark.parametrize("breakage, expected", [
    ({"trin": []}, "2 til 9 trin"),
    ({"trin": [{"id": "A b", "goer": "x"}, {"id": "b", "goer": "y"}]}, "små bogstaver"),
    ({"trin": [{"id": "a", "goer": "x"}, {"id": "a", "goer": "y"}]}, "findes to gange"),
    ({"trin": [{"id": "a"}, {"id": "b", "goer": "y"}]}, "'goer' mangler"),
    ({"trin": [{"id": "a", "goer": "Ring 112."}, {"id": "b", "goer": "y"}]}, "skriv ikke numre"),
    ({"trin": [{"id": "a", "goer": "x", "farve": "rød"}, {"id": "b", "goer": "y"}]}, "ukendt felt 'farve'"),
])
def test_broken_data_is_refused_in_danish(breakage: dict, expected: str):
    data = {"titel": "T", "figurtekst": "F", **breakage}
    problems = procedure.validate(data)
    assert any(expected in message for _, message in problems), problems


# --- drift: hand-written lists --------------------------------------------------------------

# The first steps as pages stated them before they were written once as data.
OLD_FRONT_PAGE = """1. **Tal med din leder.** Sammen ser I på det.
2. **Find ud af, hvad der ligger bag.**
3. **Få råd hos VINK.** Du kan få råd, også når du er i tvivl.
4. **Er nogen i fare, så ring til politiet.** Det gælder kun, når der er akut fare.
"""
OLD_CHILD_ANSWER = """1. Tal med din leder om bekymringen.
2. Vurder sammen med din leder, om I skal underrette kommunen. Som offentligt
   ansat kan du have pligt til at underrette (Barnets lov § 133).
3. Få gerne råd hos VINK.
"""
RIGHT_ORDER = """1. Er nogen i akut fare, så ring 112.
2. Send underretningen. Pligten venter ikke på VINK.
3. Fortæl din leder det.

1. Straffeloven § 114 j og § 112 nævnes her, men det er ikke trin.
2. Tal med din leder.
"""


@pytest.mark.parametrize("markdown", [OLD_FRONT_PAGE, OLD_CHILD_ANSWER])
def test_a_list_in_another_order_is_found(markdown: str):
    found = procedure.contradictions(markdown, procedure.load("første-skridt"))
    assert len(found) == 1
    line, message = found[0]
    assert "anden rækkefølge" in message and "[[første-skridt]]" in message
    assert line > 1


def test_a_list_in_the_right_order_and_paragraph_numbers_pass():
    assert procedure.contradictions(RIGHT_ORDER, procedure.load("første-skridt")) == []


def test_a_list_in_a_code_example_is_not_a_list():
    """A ```` fence holding ``` lines: an editor's example of what not to write."""
    example = f"````markdown\n```text\n{OLD_FRONT_PAGE}\n```\n````\n"
    assert procedure.contradictions(example, procedure.load("første-skridt")) == []


def test_no_guidance_page_or_guide_answer_states_the_steps_in_another_order():
    first = procedure.load("første-skridt")
    texts = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
             for p in [DOCS / "index.md", *sorted((DOCS / "vejledning").rglob("*.md"))]}
    guide = yaml.safe_load(decision_guide.GUIDE_FILE.read_text(encoding="utf-8"))
    for sid, step in guide["trin"].items():
        texts[f"beslutningsguide.yml#{sid}"] = "\n\n".join(str(step.get(k, "")) for k in ("hjaelp", "tekst",
                                                                                          "hvad_sker_der_nu"))
    found = {name: procedure.contradictions(text, first) for name, text in texts.items()}
    assert {k: v for k, v in found.items() if v} == {}
    assert len(texts) > 15


def test_a_page_in_another_order_fails_the_build(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "sites" / "contacts" / "docs", docs)
    shutil.copy(procedure.data_file("første-skridt"), docs / "_data")
    page = docs / "index.md"
    before = page.read_text(encoding="utf-8") + "\n## Hvad gør du?\n\n"
    page.write_text(before + OLD_FRONT_PAGE, encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    # The first item that breaks the order: "Er nogen i fare" on the list's fourth line.
    line = len(before.splitlines()) + 4
    assert f"index.md:{line}: Listen nævner trinnene i en anden rækkefølge" in out, out
    assert "Sådan retter du det: Slet listen, og skriv [[første-skridt]] på sin egen linje." in out, out


# --- the built pages --------------------------------------------------------------------------

def _rendered_steps(page_html: str) -> list[str]:
    m = re.search(r'<div class="procedure procedure-foerste-skridt"[^>]*>(.*?)</div>', page_html, re.S)
    assert m, "no [[første-skridt]] list"
    return [_text(li) for li in re.findall(r"<li>(.*?)</li>", m.group(1), re.S)]


def test_every_page_that_states_the_steps_renders_the_same_list(built_site: Path):
    first = procedure.load("første-skridt")
    lists = {page: _rendered_steps(_read(built_site, page)) for page in FIRST_STEP_PAGES}
    reference = lists["index.html"]
    assert len(reference) == len(first.steps)
    for step, item in zip(first.steps, reference, strict=True):
        assert item.startswith(procedure.step_line(step, _contacts())), (step.id, item)
    for page, items in lists.items():
        assert items == reference, page
    # The numbers come from the contacts file, as links.
    index = _read(built_site, "index.html")
    assert '<a href="tel:112">112</a>' in index and '<a href="tel:114">114</a>' in index
    assert "[[" not in re.sub(r"<code>.*?</code>", "", index)


def test_front_page_opens_with_the_danger_box_then_the_numbers(built_site: Path):
    article = re.search(r"<article.*?</article>", _read(built_site, "index.html"), re.S).group(0)
    danger = re.search(r'<div class="admonition danger forside-fare">(.*?)</div>', article, re.S)
    assert danger and 'href="tel:112"' in danger.group(1) and 'href="tel:114"' in danger.group(1)
    assert article.index("forside-fare") < article.index('href="tel:40207198"')


def _svg_box_texts(svg: str) -> list[str]:
    boxes = re.findall(r'<g class="procedure-trin[^"]*">(.*?)</g>', svg, re.S)
    return [" ".join(_text(t) for t in re.findall(r"<tspan[^>]*>(.*?)</tspan>", box, re.S)) for box in boxes]


@pytest.mark.parametrize("key, page", DIAGRAM_PAGES.items())
def test_diagram_is_a_figure_with_caption_and_text_alternative_from_the_data(built_site: Path, key: str, page: str):
    name = next(n for n, f in procedure.PROCEDURES.items() if f.startswith(key))
    proc = procedure.load(name)
    page_html = _read(built_site, page)
    m = re.search(rf'<figure class="procedure-figur procedure-figur-{key}" id="([^"]+)">(.*?)</figure>', page_html, re.S)
    assert m, f"no diagram on {page}"
    figure = m.group(2)
    svg = re.search(r"<svg\b[^>]*>.*?</svg>", figure, re.S).group(0)
    assert 'role="img"' in svg and "<script" not in svg and "href=" not in svg
    labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    described = re.search(r'aria-describedby="([^"]+)"', svg).group(1)
    assert f'<title id="{labelled}">{htmllib.escape(proc.title)}</title>' in svg
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)
    assert caption and proc.caption in _text(caption.group(1))
    alternative = re.search(rf'<ol id="{described}">(.*?)</ol>', figure, re.S)
    assert alternative, "the description points to no text alternative"
    expected = [procedure.step_line(s, _contacts()) for s in proc.steps]
    assert [_text(li) for li in re.findall(r"<li>(.*?)</li>", alternative.group(1), re.S)] == expected
    # The drawing says the same, in the same order: "1. " + condition + action.
    drawn = _svg_box_texts(svg)
    assert [re.sub(r"^\d+\. ", "", t) for t in drawn] == expected
    assert [t.split(".")[0] for t in drawn] == [str(i) for i in range(1, len(expected) + 1)]


def test_changing_the_data_changes_the_drawing():
    proc = procedure.load("første-skridt")
    changed = proc.model_copy(update={"steps": list(reversed(proc.steps))})
    a = _svg_box_texts(procedure.svg(proc, _contacts(), "a"))
    b = _svg_box_texts(procedure.svg(changed, _contacts(), "b"))
    assert a != b and a[0].startswith("1. Er nogen i fare") and b[0].startswith("1. Skriv ned")


@pytest.mark.browser
def test_diagram_is_readable_on_a_phone_and_in_print(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for key, path in DIAGRAM_PAGES.items():
            page.goto(site_url + path.removesuffix("index.html"))
            svg = page.locator(f"figure.procedure-figur-{key} svg")
            box = svg.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
            # The drawing's 14-unit text is drawn at 12 px or more.
            view_width = float(svg.get_attribute("viewBox").split()[2])
            assert box["width"] / view_width * procedure.FONT >= 12, box
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            page.emulate_media(media="print")
            assert svg.is_visible()
            page.emulate_media(media="screen")
    finally:
        context.close()
