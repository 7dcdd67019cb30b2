"""The training portal (kompetenceforløb) in a real browser: participant and
trainer tabs, self-checks by keyboard and without JavaScript, answers kept out
of search, the presentation view, fictional cases, and axe in the states the
every-page test does not reach."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from sitekit import selfcheck

pytestmark = pytest.mark.browser

MODULES = [
    "kompetenceforloeb/modul-1-forstaa-radikalisering/",
    "kompetenceforloeb/modul-2-bekymring/",
    "kompetenceforloeb/modul-3-boern-unge-familier/",
    "kompetenceforloeb/modul-4-hjemvendte-samarbejde/",
]
TRAINING = ["kompetenceforloeb/", "kompetenceforloeb/cases/", *MODULES]
MODULE_1 = MODULES[0]


# --- tabs -------------------------------------------------------------------------

@pytest.mark.parametrize("path", MODULES)
def test_every_tab_set_has_participant_then_trainer(page, site_url, path):
    page.goto(site_url + path)
    sets = page.locator(".tabbed-set")
    assert sets.count() >= 4
    for i in range(sets.count()):
        labels = sets.nth(i).locator(".tabbed-labels > label").all_inner_texts()
        # print.css names the blocks by position: Deltager first, Underviser second.
        assert [t.strip() for t in labels] == ["Deltager", "Underviser"], labels


def test_trainer_tab_shows_trainer_notes_and_hides_participant_view(page, site_url):
    page.goto(site_url + MODULE_1)
    first = page.locator(".tabbed-set").first
    blocks = first.locator(".tabbed-block")
    expect(blocks.nth(0)).to_be_visible()
    expect(blocks.nth(1)).to_be_hidden()
    first.locator(".tabbed-labels > label", has_text="Underviser").click()
    expect(blocks.nth(1)).to_be_visible()
    expect(blocks.nth(0)).to_be_hidden()
    # Linked tabs: every set on the page now shows the trainer's view, whether the click came
    # before Material's script started (material-later.js links the sets) or after.
    drejebog = page.locator("#drejebog ~ .tabbed-set").first
    expect(drejebog.locator("table").first).to_be_visible()


def test_tabs_are_linked_in_the_moment_between_materials_script_and_its_tabs(page, site_url):
    """Material's script has run, but it mounts its tab component a moment later: a tab chosen
    then is still chosen in every set (this failed under load when material-later.js stopped
    linking as soon as the script had run)."""
    page.goto(site_url + MODULE_1)
    # Right after the script has run (a microtask: before any timer of Material's can fire).
    page.evaluate("""() => window.addEventListener("sitekit:material", () => queueMicrotask(() => {
        window.mountedAtClick = !!document.querySelector(".tabbed-labels--linked");
        document.querySelector(".tabbed-set .tabbed-labels > label:nth-child(2)").click();
    }), {once: true})""")
    page.mouse.move(5, 5)  # the reader's first pointer move starts Material's script
    drejebog = page.locator("#drejebog ~ .tabbed-set").first
    expect(drejebog.locator("table").first).to_be_visible()
    assert page.evaluate("() => window.mountedAtClick") is False  # the click came in that moment
    # Once Material has mounted the tabs, its own linking takes over (and remembers the choice).
    expect(page.locator(".tabbed-labels--linked").first).to_be_attached()
    page.locator(".tabbed-set").first.locator(".tabbed-labels > label", has_text="Deltager").click()
    expect(drejebog.locator("table").first).to_be_hidden()
    assert page.evaluate("() => __md_get('__tabs')")[0] == "Deltager"


# --- self-checks ------------------------------------------------------------------

def _tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_self_check_by_keyboard_only_announces_feedback(page, site_url):
    page.goto(site_url + MODULE_1)
    question = page.locator("#selvtjek-modul-1-1")
    live = question.locator('[aria-live="polite"]')
    assert live.inner_text() == ""
    # The explanation is not given away before the reader answers.
    assert not question.locator("details").is_visible()

    _tab_to(page, "#selvtjek-modul-1-1 input[type=radio]")
    page.keyboard.press("Space")                     # picks option a (wrong)
    _tab_to(page, "#selvtjek-modul-1-1 .selvtjek__tjek")
    page.keyboard.press("Enter")
    assert live.inner_text().startswith("Ikke helt")
    # Feedback says why the chosen answer is wrong, then why the right one is right.
    assert "Tro er lovlig" in live.inner_text()
    assert "accepterer i stigende grad vold" in live.inner_text()

    page.keyboard.press("Shift+Tab")                 # back to the checked radio
    page.keyboard.press("ArrowDown")                 # option b (right)
    assert question.locator("#selvtjek-modul-1-1-b").is_checked()
    _tab_to(page, "#selvtjek-modul-1-1 .selvtjek__tjek")
    page.keyboard.press("Space")
    assert live.inner_text().startswith("Rigtigt")
    assert live.get_attribute("role") == "status"


def test_self_check_questions_are_fieldsets_with_legend_and_labels(page, site_url):
    page.goto(site_url + MODULE_1)
    fieldsets = page.locator("fieldset.selvtjek__spoergsmaal")
    assert fieldsets.count() == 3
    for i in range(fieldsets.count()):
        fs = fieldsets.nth(i)
        assert fs.locator("legend").inner_text().startswith(f"Spørgsmål {i + 1}:")
        for radio in fs.locator("input[type=radio]").all():
            assert fs.locator(f'label[for="{radio.get_attribute("id")}"]').count() == 1


def test_without_javascript_the_answer_is_in_details(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + MODULE_1)
    question = page.locator("#selvtjek-modul-1-2")
    assert not question.locator(".selvtjek__tjek").is_visible()
    answer = question.locator(".selvtjek__hvorfor")
    assert not answer.is_visible()
    question.locator("summary", has_text="Se svaret").click()
    assert answer.is_visible()
    assert "Ingen profil eller tjekliste" in answer.inner_text()
    # Without JavaScript the reader still learns why each wrong answer is wrong.
    assert "Det er diskrimination" in question.locator(".selvtjek__valgliste").inner_text()


def test_answers_are_not_in_the_search_index(built_site: Path):
    index = html.unescape(json.dumps(json.loads((built_site / "search" / "search_index.json").read_text()),
                                     ensure_ascii=False).replace('\\"', '"'))
    sets = selfcheck.load()
    assert len(sets) >= 4
    for questions in sets.values():
        for q in questions:
            # The questions are searchable; the explanations are not.
            assert q.text in index
            assert q.explanation not in index, q.explanation
    assert "Rigtigt svar" not in index


def test_a_set_needs_exactly_one_right_answer(tmp_path):
    data = tmp_path / "selvtjek.yml"
    data.write_text("modul-x:\n  - spørgsmål: Hvad?\n    svar:\n      - tekst: a\n        rigtigt: true\n"
                    "      - tekst: b\n        rigtigt: true\n    forklaring: Fordi.\n", encoding="utf-8")
    with pytest.raises(selfcheck.SelfCheckError, match="præcis ét svar"):
        selfcheck.load(data)


def test_an_unknown_set_stops_the_build():
    with pytest.raises(selfcheck.SelfCheckError, match="findes ikke"):
        selfcheck.render_markers("<!-- selvtjek: modul-99 -->\n", selfcheck.load(), "x.md", str)


# --- presentation view ---------------------------------------------------------------

def test_presentation_view_toggles_and_ends_when_you_leave_the_module(page, site_url):
    page.goto(site_url + MODULE_1)
    button = page.locator(".kf-praesentation-knap")
    assert page.locator(".md-header").is_visible()
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert "kf-praesentation" in page.get_attribute("html", "class")
    assert button.get_attribute("aria-pressed") == "true"
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    big = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert big >= 20
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.locator(".md-header").is_visible()
    button.click()
    assert not page.locator(".md-header").is_visible()

    page.goto(site_url + MODULES[1])                 # a new module starts as an ordinary page
    assert page.locator(".md-header").is_visible()
    assert "kf-praesentation" not in (page.get_attribute("html", "class") or "")


def test_presentation_view_from_the_address(page, site_url):
    page.goto(site_url + MODULE_1 + "?praesentation")
    assert not page.locator(".md-header").is_visible()
    page.locator(".kf-praesentation-afslut").click()
    assert page.locator(".md-header").is_visible()


def test_presentation_view_without_javascript(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + MODULE_1)
    assert page.locator(".md-header").is_visible()
    page.locator("a.kf-uden-js", has_text="Vis som præsentation").click()
    assert not page.locator(".md-header").is_visible()
    # Without JavaScript too, the projector never shows the trainer's tab.
    # (the tab labels are hidden there; choose the trainer tab as a stored choice would)
    page.evaluate("document.querySelectorAll('.tabbed-set > input:nth-of-type(2)').forEach(i => i.checked = true)")
    assert page.locator(".tabbed-set > input:nth-of-type(2)").first.is_checked()
    assert _visible_trainer_blocks(page) == 0
    page.locator("a.kf-praesentation-slut").click()
    assert page.locator(".md-header").is_visible()


# --- content ------------------------------------------------------------------------

@pytest.mark.parametrize("path", MODULES)
def test_module_has_goals_audience_duration_plan_and_a_fictional_case(built_site, path):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    for must in ("Hvad lærer du?", "Målgruppe", "Varighed", "Materialer", 'id="drejebog"',
                 "<table>", 'class="selvtjek"', "vejledning/"):
        assert must in html, must
    cases = re.findall(r'<h2 id="(case-[^"]+)"', html)
    assert cases
    for case in cases:
        section = html.split(f'id="{case}"', 1)[1].split("<h2", 1)[0]
        assert "Casen er opdigtet" in section, case


# In the page, as a reader does it: the first of every three self-check questions answered
# right, the next wrong, the third not at all, "Tjek svar" pressed in each; then the trainer
# tab chosen, once Material's script (started by the pointer) has set up the tabs (it marks
# their labels "linked": a tab chosen in one set is then chosen in every set). Returns what is shown.
_ANSWER_ALL_AND_SHOW_TRAINER = """async () => {
  const ready = () => document.documentElement.classList.contains('js') &&
    [...document.querySelectorAll('.tabbed-labels')].every(l => l.classList.contains('tabbed-labels--linked'));
  for (let waited = 0; !ready() && waited < 10000; waited += 20) await new Promise(r => setTimeout(r, 20));
  const questions = [...document.querySelectorAll('.selvtjek__spoergsmaal')];
  questions.forEach((q, i) => {
    const pick = [q.querySelector('input[data-rigtigt]'), q.querySelector('input:not([data-rigtigt])'), null][i % 3];
    if (pick) pick.click();
    q.querySelector('.selvtjek__tjek').click();
  });
  const trainer = [...document.querySelectorAll('.tabbed-labels > label')].find(l => l.textContent.includes('Underviser'));
  if (trainer) trainer.click();
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {
    questions: questions.length,
    answered: document.querySelectorAll('.selvtjek__feedback:not(:empty)').length,
    right: document.querySelectorAll('.selvtjek__feedback--rigtigt').length,
    wrong: document.querySelectorAll('.selvtjek__feedback--forkert').length,
    sets: document.querySelectorAll('.tabbed-set').length,
    trainer: document.querySelectorAll('.tabbed-set > input:nth-of-type(2):checked').length,
  };
}"""


def test_training_pages_pass_axe_with_feedback_and_trainer_tab_shown(page, site_url):
    # Material's stylesheet turns its colour transitions (tab labels) off for a reader who asks
    # for reduced motion: axe sees the colours the transitions end in, at once.
    page.emulate_media(reduced_motion="reduce")
    for path in TRAINING:
        page.goto(site_url + path)
        page.mouse.move(200, 300)                    # starts Material's script
        shown = page.evaluate(_ANSWER_ALL_AND_SHOW_TRAINER)
        # Every question has its feedback; every tab set shows the trainer's tab (linked tabs).
        assert shown["answered"] == shown["questions"], (path, shown)
        assert shown["right"] == (shown["questions"] + 2) // 3, (path, shown)
        assert shown["wrong"] == (shown["questions"] + 1) // 3, (path, shown)
        assert shown["trainer"] == shown["sets"], (path, shown)
        assert axe_violations(page) == [], path
    # The modules have self-checks and tabs.
    assert shown["questions"] and shown["sets"]


# --- presentation cannot leak, one section per screen --------------------------------

def _visible_trainer_blocks(page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll('.tabbed-set > .tabbed-content > .tabbed-block:nth-child(2)')]
        .filter(b => b.offsetParent !== null || b.getClientRects().length).length""")


def test_presentation_opens_on_participant_tab_after_trainer_tab_was_chosen(page, site_url):
    page.goto(site_url + MODULES[0])
    # Material's script starts at the reader's first move; it is what remembers the tab.
    page.mouse.move(200, 300)
    expect(page.locator("html.js")).to_have_count(1)
    page.locator(".tabbed-labels > label", has_text="Underviser").first.click()
    # Material remembers the tab: the next module opens on the trainer tab...
    page.goto(site_url + MODULES[1])
    expect(page.locator(".tabbed-set > input:nth-of-type(2)").first).to_be_checked()
    assert _visible_trainer_blocks(page) > 0
    # ...but never in presentation view, on any screen.
    page.goto(site_url + MODULES[1] + "?praesentation")
    page.wait_for_timeout(300)
    assert not page.locator(".md-header").is_visible()
    status = page.locator(".kf-dias-status")
    total = int(status.inner_text().rsplit(" ", 1)[1])
    assert total >= 6
    seen = []
    for n in range(1, total + 1):
        assert status.inner_text() == f"Afsnit {n} af {total}"
        assert _visible_trainer_blocks(page) == 0, n
        text = page.evaluate("document.querySelector('.md-content').innerText")
        assert "Pointer, du skal have frem" not in text, n
        seen.append(page.evaluate("[...document.querySelectorAll('.kf-dias-aktiv')].map(e => e.textContent).join(' ')"))
        page.locator(".kf-dias-naeste").click()
    assert len(set(seen)) == total                   # a different section on every screen
    assert "Hvad gør du først?" in " ".join(seen)
    page.keyboard.press("PageUp")
    assert status.inner_text() == f"Afsnit {total - 1} af {total}"
    page.keyboard.press("ArrowLeft")
    assert status.inner_text() == f"Afsnit {total - 2} af {total}"
    # Only the current section is on screen.
    headings = [h for h in page.locator("h2").all() if h.is_visible()]
    assert len(headings) == 1
    assert axe_violations(page) == []


def _open_notes(page, url: str):
    """The presentation at url, and the trainer's notes window it opens, loaded."""
    page.goto(url)
    with page.expect_popup() as popup:
        page.locator(".kf-noter-knap").click()
    popup.value.wait_for_load_state()
    return popup.value


def test_trainer_notes_follow_in_a_second_window(page, site_url):
    notes = _open_notes(page, site_url + MODULES[3] + "?praesentation")
    notes.wait_for_timeout(700)
    page.keyboard.press("End")
    notes.wait_for_function("document.querySelector('.kf-dias-aktiv') && "
                            "[...document.querySelectorAll('.kf-dias-aktiv')].some(e => e.tagName === 'H2')")
    page.keyboard.press("Home")
    for _ in range(5):
        page.keyboard.press("PageDown")
    heading = page.locator("h2.kf-dias-aktiv").inner_text()
    notes.wait_for_function("h => [...document.querySelectorAll('h2.kf-dias-aktiv')].some(e => e.innerText === h)",
                            arg=heading)
    text = notes.evaluate("document.querySelector('.md-content').innerText")
    assert "Deltager" not in text.split("\n")[0]
    visible_trainer = notes.evaluate("""() => [...document.querySelectorAll('.tabbed-block:nth-child(2)')]
        .filter(b => b.getClientRects().length).length""")
    assert visible_trainer >= 1
    assert not notes.locator(".md-header").is_visible()


# --- presentation: screens, formats, keys ----------------------------------------------

def _screen(page) -> dict:
    return page.evaluate("""() => ({
        status: document.querySelector('.kf-dias-status').textContent,
        h2: [...document.querySelectorAll('h2.kf-dias-aktiv')].map(h => h.id),
        text: document.querySelector('.md-content').innerText})""")


def test_the_first_screen_is_title_and_objectives_whatever_the_address_says(page, site_url):
    # The address followed the scroll position: a saved address may point into the middle.
    page.goto(site_url + MODULES[1] + "?praesentation#case-2c")
    first = _screen(page)
    assert first["status"].startswith("Afsnit 1 af ")
    assert first["h2"] == ["hvad-lærer-du"]
    assert "Modul 2" in first["text"] and "Du kan bruge tegn på bekymring" in first["text"]
    assert "Materialer" not in first["text"] and "Vis som præsentation" not in first["text"]


def test_three_hour_presentation_shows_the_run_sheets_sections_in_its_order(page, site_url):
    from sitekit import program

    prog = program.load()
    parts = [p for item in prog.formats["tre-timer"].items if item.module == "modul-3" for p in item.parts]
    want = [p.section.split("#")[1] for p in parts]
    assert want.index("case-3b") < want.index("hvad-sker-der-efter-underretningen")   # not the page's order
    page.goto(site_url + MODULES[2] + "?praesentation=tre-timer#case-3")
    seen = [_screen(page)]
    for _ in want:
        page.locator(".kf-dias-naeste").click()
        seen.append(_screen(page))
    assert seen[0]["h2"] == ["hvad-lærer-du"]
    assert [s["h2"] for s in seen[1:]] == [[w] for w in want]
    assert seen[-1]["status"] == f"Afsnit {len(want) + 1} af {len(want) + 1}"
    at_end = "(m => m.scrollTop + m.clientHeight >= m.scrollHeight - 2)(document.querySelector('.md-main'))"
    for _ in range(10):                              # scroll to the end of the last screen
        if page.evaluate(at_end):
            break
        page.keyboard.press("PageDown")
    with page.expect_navigation():                   # then the next module in the sheet
        page.keyboard.press("PageDown")
    assert page.url.endswith(MODULES[3] + "?praesentation=tre-timer")
    assert _screen(page)["h2"] == ["hvad-lærer-du"]


def test_run_sheet_rows_open_the_presentation_at_their_section(page, site_url, built_site):
    sheet = (built_site / "kompetenceforloeb" / "drejeark-tre-timer" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./(modul-[^"/]+)/\?praesentation=tre-timer&amp;afsnit=([^"]+)"', sheet)
    assert len(links) >= 14
    module, anchor = links[-1]
    page.goto(site_url + f"kompetenceforloeb/{module}/?praesentation=tre-timer&afsnit={anchor}")
    from urllib.parse import unquote
    assert _screen(page)["h2"] == [unquote(anchor)]


def test_model_answers_go_on_screen_without_the_trainer_tab(page, site_url):
    page.goto(site_url + MODULES[1] + "?praesentation=tre-timer&afsnit=hvad-betyder-det-at-kvalificere-bekymringen")
    answer = page.locator(".kf-dias-aktiv details", has_text="Modelsvar")
    assert not answer.locator("table").is_visible()
    answer.locator("summary").click()
    expect(answer.locator("td", has_text="Han rev brevet fra kommunen over").first).to_be_visible()
    assert _visible_trainer_blocks(page) == 0


BLOCKS_JS = """() => {
    const sel = 'p, li, td, th, h2, h3, dt, dd, .admonition-title, legend, label, summary';
    const all = [...document.querySelector('.md-content__inner').querySelectorAll(sel)];
    return all.filter(b => b.textContent.trim()
        && !b.closest('.tabbed-block:nth-child(2), .tabbed-labels, .page-meta, .md-source-file, '
                      + '.kf-vaerktoej, [hidden], .kf-forloeb, [data-kf-dias="-1"]')
        && !(b.closest('details:not([open])') && !b.matches('summary'))
        && !b.querySelector(sel)).map((b, i) => { b.dataset.kfTest = i; return i; });
}"""
VISIBLE_JS = """() => {
    const bar = document.querySelector('.kf-dias-styring').getBoundingClientRect();
    const main = document.querySelector('.md-main').getBoundingClientRect();
    return [...document.querySelectorAll('[data-kf-test]')].filter(b => {
        const r = b.getBoundingClientRect();
        return r.height > 0 && r.top >= Math.max(main.top, 0) - 0.5 && r.bottom <= bar.top + 0.5;
    }).map(b => +b.dataset.kfTest);
}"""


def test_every_participant_block_of_module_2_is_reached_by_keys_above_the_bar(page, site_url):
    """At 1024×768 with a clicker's keys only: every block of participant text is, at some moment,
    fully on screen and above the control bar (a tall section scrolls before the next key moves on)."""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(site_url + MODULES[1] + "?praesentation")
    hidden = page.evaluate("[...document.querySelectorAll('h2[data-kf-dias=\"-1\"]')].map(h => h.id)")
    assert sorted(hidden) == ["drejebog", "hvem-er-modulet-for-og-hvor-lang-tid-tager-det"]
    blocks = set(page.evaluate(BLOCKS_JS))
    assert len(blocks) > 60
    seen, keys, last = set(), ["ArrowRight", "PageDown", " "], None
    for n in range(300):
        seen |= set(page.evaluate(VISIBLE_JS))
        state = page.evaluate("[document.querySelector('.kf-dias-status').textContent, "
                              "document.querySelector('.md-main').scrollTop]")
        if state == last:
            break
        last = state
        page.keyboard.press(keys[n % 3])
    assert last[0].split()[1] == last[0].split()[3]                  # it ended on the last screen
    assert blocks - seen == set(), page.evaluate(
        "ids => ids.map(i => document.querySelector(`[data-kf-test='${i}']`).textContent.slice(0, 60))",
        sorted(blocks - seen))


def test_notes_window_shows_the_time_left_for_the_section(page, site_url):
    notes = _open_notes(page, site_url + MODULES[3] + "?praesentation=tre-timer&afsnit=case-4")
    expect(notes.locator(".kf-noter-tid")).to_have_text("Tid tilbage af afsnittet: 12 af 12 min.")
    expect(notes.locator("h2.kf-dias-aktiv")).to_have_id("case-4")


# --- around the session -------------------------------------------------------------------

def test_course_certificates_are_made_in_the_browser_and_print(page, site_url):
    """Names typed in the browser become one certificate per page; nothing is stored or sent."""
    import re

    page.goto(site_url + "kompetenceforloeb/kursusbevis/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.mouse.move(200, 300)                     # Material's own script loads at the first move
    expect(page.locator("html.js")).to_have_count(1)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.fill("#kf-bevis-navne", "Deltager Et\n\nDeltager To\nDeltager Tre\n")
    page.fill("#kf-bevis-dato", "2026-12-08")
    page.fill("#kf-bevis-underviser", "Underviser Et")
    page.get_by_role("button", name="Lav kursusbeviser").click()
    cards = page.locator(".kf-bevis")
    expect(cards).to_have_count(3)
    assert cards.nth(1).locator(".kf-bevis__navn").inner_text() == "Deltager To"
    assert "8. december 2026" in cards.nth(0).inner_text()
    assert page.evaluate("window.__printed") == 1
    assert requests == []                                               # nothing sent
    # Nothing typed is stored: only Material's own flag for the edition banner ("…__outdated").
    stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]")
    assert stored[0] == [] and all(k.endswith("__outdated") for k in stored[1]) and stored[2] == "", stored
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 3         # one page per name
    assert requests == []


@pytest.mark.parametrize("path,must", [
    ("invitation", ["Emne: Invitation", "Alle cases er opdigtede", "Før forløbet"]),
    ("opfoelgning", ["fire uger efter forløbet", "Hvad gør du først?", "ikke en tjekliste"]),
])
def test_invitation_and_follow_up_for_leaders(built_site, path, must):
    text = (built_site / "kompetenceforloeb" / path / "index.html").read_text(encoding="utf-8")
    for m in must:
        assert m in html.unescape(text), m
    overview = (built_site / "kompetenceforloeb" / "index.html").read_text(encoding="utf-8")
    assert f'href="{path}/"' in overview


def test_the_toolbar_chooses_the_format_to_present(page, site_url):
    page.goto(site_url + MODULES[2])
    page.get_by_label("Forløb", exact=True).select_option(label="forløbet på tre timer")
    page.locator(".kf-praesentation-knap").click()
    assert _screen(page)["status"] == "Afsnit 1 af 4"                # title + the run sheet's three sections
    page.keyboard.press("Escape")
    page.get_by_label("Forløb", exact=True).select_option(label="hele modulet")
    page.locator(".kf-praesentation-knap").click()
    assert int(_screen(page)["status"].rsplit(" ", 1)[1]) > 4
    assert axe_violations(page) == []
