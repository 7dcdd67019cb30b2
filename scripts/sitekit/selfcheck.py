"""Self-checks (selvtjek) for the training modules.

The questions live in one plain data file, docs/_data/selvtjek.yml, that an
editor can change without touching HTML. A page asks for a set with a marker
on a line of its own::

    <!-- selvtjek: modul-1 -->

and the hook (overrides/hooks/selfcheck.py) replaces the marker with HTML
that works in three ways:

* without JavaScript: each question has a "Se svaret" <details> with the
  right answer and the explanation;
* with JavaScript (docs/assets/javascripts/selfcheck.js): the reader picks an
  option and presses "Tjek svar"; the feedback appears in an aria-live region;
* in search: the answers are marked ``data-search-exclude``, so Material's
  search plugin leaves them out of the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import DATA

DATA_FILE = DATA / "selvtjek.yml"
MARKER = re.compile(r"^<!--\s*selvtjek:\s*(?P<id>[a-z0-9-]+)\s*-->\s*$", re.M)
# The answer key of every set, for the trainer's page.
KEY_MARKER = re.compile(r"^<!--\s*selvtjek-svar\s*-->\s*$", re.M)
_LETTERS = "abcdefgh"


class SelfCheckError(ValueError):
    """The data file or a marker is wrong; the message says what to fix, in Danish."""


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    correct: int
    explanation: str
    read_more: tuple[tuple[str, str], ...] = ()  # (link text, page path relative to docs/)
    why: tuple[str, ...] = ()  # per option: why it is right or wrong ("" if not given)


def _question(set_id: str, number: int, raw: object) -> Question:
    where = f"{DATA_FILE.name}, {set_id}, spørgsmål {number}"
    if not isinstance(raw, dict):
        raise SelfCheckError(f"{where}: skal have felterne spørgsmål, svar og forklaring.")
    text = str(raw.get("spørgsmål") or "").strip()
    options = raw.get("svar") or []
    explanation = str(raw.get("forklaring") or "").strip()
    if not text or not explanation:
        raise SelfCheckError(f"{where}: 'spørgsmål' og 'forklaring' skal udfyldes.")
    if not isinstance(options, list) or not 2 <= len(options) <= len(_LETTERS):
        raise SelfCheckError(f"{where}: 'svar' skal være en liste med 2 til {len(_LETTERS)} svar.")
    texts, correct, why = [], [], []
    for i, option in enumerate(options):
        if isinstance(option, dict):
            texts.append(str(option.get("tekst") or "").strip())
            why.append(str(option.get("hvorfor") or "").strip())
            if option.get("rigtigt") is True:
                correct.append(i)
        else:
            texts.append(str(option).strip())
            why.append("")
    if not all(texts):
        raise SelfCheckError(f"{where}: hvert svar skal have en 'tekst'.")
    if len(correct) != 1:
        raise SelfCheckError(f"{where}: præcis ét svar skal have 'rigtigt: true' (fandt {len(correct)}).")
    read_more = []
    for link in raw.get("læs_mere") or []:
        if not isinstance(link, dict) or not link.get("tekst") or not link.get("side"):
            raise SelfCheckError(f"{where}: hvert link i 'læs_mere' skal have 'tekst' og 'side'.")
        read_more.append((str(link["tekst"]), str(link["side"])))
    return Question(text, tuple(texts), correct[0], explanation, tuple(read_more), tuple(why))


def load(path: Path = DATA_FILE) -> dict[str, list[Question]]:
    """All question sets in the data file, by id (e.g. "modul-1")."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SelfCheckError(f"{Path(path).name} kan ikke læses som YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise SelfCheckError(f"{Path(path).name}: skal være en liste af sæt, fx 'modul-1:'.")
    sets = {}
    for set_id, questions in raw.items():
        if not isinstance(questions, list) or not questions:
            raise SelfCheckError(f"{Path(path).name}, {set_id}: skal være en liste med spørgsmål.")
        sets[str(set_id)] = [_question(str(set_id), n, q) for n, q in enumerate(questions, 1)]
    return sets


def render_set(set_id: str, questions: list[Question], link: Callable[[str], str]) -> str:
    """The HTML for one set of questions. ``link`` turns a page path (relative
    to docs/) into a URL relative to the current page, or raises SelfCheckError."""
    e = html.escape
    out = [f'<div class="selvtjek" data-selvtjek="{e(set_id)}">']
    for n, q in enumerate(questions, 1):
        qid = f"selvtjek-{set_id}-{n}"
        out.append(f'<fieldset class="selvtjek__spoergsmaal" id="{qid}">')
        out.append(f'<legend>Spørgsmål {n}: {e(q.text)}</legend>')
        for i, option in enumerate(q.options):
            oid = f"{qid}-{_LETTERS[i]}"
            flag = ' data-rigtigt="ja"' if i == q.correct else ""
            out.append(f'<div class="selvtjek__svar"><input type="radio" name="{qid}" id="{oid}" '
                       f'value="{_LETTERS[i]}"{flag}> <label for="{oid}">{e(option)}</label></div>')
        # The button and the live region stay empty until the script runs.
        out.append('<p class="selvtjek__knapper"><button type="button" class="md-button selvtjek__tjek" '
                   'hidden>Tjek svar</button></p>')
        out.append('<div class="selvtjek__feedback" role="status" aria-live="polite"></div>')
        out.append('<details class="selvtjek__forklaring" data-search-exclude="true">')
        out.append('<summary>Se svaret</summary>')
        out.append(f'<p class="selvtjek__rigtigt"><strong>Rigtigt svar:</strong> {e(q.options[q.correct])}</p>')
        out.append(f'<p class="selvtjek__hvorfor">{e(q.explanation)}</p>')
        reasons = [(i, r) for i, r in enumerate(q.why) if r]
        if reasons:
            # Why each answer is right or wrong: listed here without JavaScript;
            # selfcheck.js shows the one the reader chose.
            out.append('<ul class="selvtjek__valgliste">')
            for i, reason in reasons:
                out.append(f'<li class="selvtjek__valg" data-for="{qid}-{_LETTERS[i]}"><strong>{e(q.options[i])}</strong> '
                           f'<span class="selvtjek__valg-hvorfor">{e(reason)}</span></li>')
            out.append('</ul>')
        if q.read_more:
            links = " · ".join(f'<a href="{e(link(side))}">{e(text)}</a>' for text, side in q.read_more)
            out.append(f'<p class="selvtjek__laes">Læs mere: {links}</p>')
        out.append('</details>')
        out.append('</fieldset>')
    out.append('</div>')
    return "\n".join(out)


def render_key(sets: dict[str, list[Question]], link: Callable[[str], str]) -> str:
    """The answer key for trainers: every set, question, right answer and why."""
    e = html.escape
    out = ['<div class="selvtjek-svar" data-search-exclude="true">']
    for set_id, questions in sets.items():
        title = set_id.replace("modul-", "Modul ")
        out.append(f'<h2 id="svar-{e(set_id)}">{e(title)}</h2>')
        out.append('<ol>')
        for q in questions:
            out.append(f'<li><p><strong>{e(q.text)}</strong></p>'
                       f'<p>Rigtigt svar: {e(q.options[q.correct])}</p><p>{e(q.explanation)}</p>')
            wrong = [(q.options[i], r) for i, r in enumerate(q.why) if r and i != q.correct]
            if wrong:
                out.append('<ul>' + "".join(f'<li>{e(o)} Forkert: {e(r)}</li>' for o, r in wrong) + '</ul>')
            out.append('</li>')
        out.append('</ol>')
    out.append('</div>')
    return "\n".join(out)


def render_markers(markdown: str, sets: dict[str, list[Question]], page_src: str,
                   link: Callable[[str], str]) -> str:
    """Replace every ``<!-- selvtjek: id -->`` marker; an unknown id is an error."""

    def replace(match: re.Match[str]) -> str:
        set_id = match.group("id")
        if set_id not in sets:
            known = ", ".join(sorted(sets)) or "ingen"
            raise SelfCheckError(f"{page_src}: selvtjek '{set_id}' findes ikke i {DATA_FILE.name} "
                                 f"(kendte: {known}).")
        return "\n" + render_set(set_id, sets[set_id], link) + "\n"

    markdown = KEY_MARKER.sub(lambda m: "\n" + render_key(sets, link) + "\n", markdown)
    return MARKER.sub(replace, markdown)
