"""Procedures written once as data and rendered everywhere: "what do I do?"
(docs/_data/foerste-skridt.yml) and "what happens after VINK" (docs/_data/efter-vink.yml).
The fields are explained at the top of each data file and in its JSON Schema
(docs/_data/procedure.schema.json); a mistake is reported on its line.

``[[første-skridt]]`` renders the steps as a numbered list, ``[[første-skridt
diagram]]`` as an inline SVG (no JavaScript, no files) in a figure whose text
alternative is the same steps as a list; likewise ``[[efter-vink]]``. The plugin
(sitekit/plugin) renders contact shortcodes in the output too, so contact
shortcodes in the data become links. Links in the data are written from docs/.

``contradictions`` finds hand-written numbered lists that name the steps in
another order than the data (by the steps' ``noegleord``).
"""

from __future__ import annotations

import html
import posixpath
import re
import textwrap
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from . import render
from .mdtext import mask_code
from .pages import DataModel, Line, load_data, unknown_key, wrong
from .paths import DATA, GUIDANCE, TRAINING, in_scope
from .problems import DataError
from .shortcodes import Shortcode, ShortcodeError

# Shortcode name -> data file under docs/_data/.
PROCEDURES = {"første-skridt": "foerste-skridt.yml", "efter-vink": "efter-vink.yml"}
CHECK = "første skridt"
HINT = "Ret datafilen. Felterne står forklaret øverst i filen."
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CONTACT = re.compile(r"\[\[\s*kontakt\s+([\w-]+)(?:\s+([\w-]+))?\s*\]\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# A number of three digits or more, outside a contact shortcode and a paragraph (§ 114): a phone number.
_NUMBER = re.compile(r"(?<![§\w\[])(?<!§ )\d{3,}(?![\w\]])")


class ProcedureError(DataError):
    """A procedure's data file has mistakes."""


Folded = Annotated[str, AfterValidator(lambda v: " ".join(v.split()))]  # may be empty


# The models' docstrings are the descriptions editors see in the JSON Schema (docs/_data/*.schema.json): Danish.
class _Model(DataModel):
    model_config = ConfigDict(frozen=True)


class Step(_Model):
    """Et trin: id, goer (hvad du gør), evt. hvis, tekst, akut og noegleord."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    action: Line = Field(alias="goer")                 # Markdown, shown in the list and the diagram
    condition: Folded = Field("", alias="hvis")      # a question; empty when the step always applies
    text: Folded = Field("", alias="tekst")          # Markdown, list only
    acute: bool = Field(False, alias="akut")
    keywords: tuple[Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v,
                                                   json_schema_input_type=str | int)], ...] = Field((), alias="noegleord")

    @property
    def lead(self) -> str:
        """The condition in bold, then the action; without a condition the action in bold."""
        return f"**{self.condition}** {self.action}" if self.condition else f"**{self.action}**"

    @model_validator(mode="after")
    def _no_numbers(self) -> Step:
        if _NUMBER.search(_CONTACT.sub("", f"{self.condition} {self.action} {self.text}")):
            raise PydanticCustomError("number", "number")
        return self


class Procedure(_Model):
    """En procedure: titel, figurtekst og 2 til 9 trin."""

    name: SkipJsonSchema[str] = ""                     # the shortcode name
    title: Line = Field(alias="titel")
    caption: Line = Field(alias="figurtekst")
    steps: list[Step] = Field(alias="trin", min_length=2, max_length=9)

    @model_validator(mode="after")
    def _unique_ids(self) -> Procedure:
        ids = [s.id for s in self.steps]
        if twice := sorted({i for i in ids if ids.count(i) > 1}):
            raise PydanticCustomError("twice", "twice", {"index": ids.index(twice[0], ids.index(twice[0]) + 1),
                                                         "id": twice[0]})
        return self

    @property
    def key(self) -> str:
        """The ASCII name for classes and ids: the data file's stem (foerste-skridt)."""
        return PROCEDURES[self.name].rsplit(".", 1)[0]


def data_file(name: str, docs_dir: Path | str | None = None, lang: str = "da") -> Path:
    """The data file; another language's is beside it: foerste-skridt.en.yml."""
    base = Path(docs_dir) / "_data" if docs_dir is not None else DATA
    file = PROCEDURES[name]
    return base / (file if lang == "da" else file.replace(".yml", f".{lang}.yml"))


def _message(loc: tuple, kind: str, ctx: dict, value: Any = None) -> tuple[tuple, str]:
    """(location, Danish sentence) for one pydantic error."""
    if kind == "twice":
        return ("trin", ctx["index"], "id"), f"Trin {ctx['index'] + 1} ('{ctx['id']}'): id'et findes to gange."
    if len(loc) < 2 or loc[0] != "trin":
        if kind == "extra_forbidden":
            return loc, "Filen: " + unknown_key(loc[0], ["titel", "figurtekst", "trin"])
        if loc and loc[0] == "trin":
            return loc, "Feltet 'trin' skal være en liste med 2 til 9 trin."
        return loc, f"Feltet '{loc[0]}' mangler." if loc else "Filen skal have felterne titel, figurtekst og trin."
    where, key = f"Trin {loc[1] + 1}", loc[2] if len(loc) > 2 else None
    return loc, {
        "number": f"{where}: skriv ikke numre i trinnet. Brug [[kontakt ID telefon]] fra docs/_data/kontakter.yml.",
        "extra_forbidden": f"{where}: " + unknown_key(key, [f.alias or n for n, f in Step.model_fields.items()]),
        "string_pattern_mismatch": f"{where}: " + wrong("id", kind),
        "model_type": f"{where} skal have felterne id og goer.",
    }.get(kind, f"{where}: feltet '{key}' mangler (hvad du gør)." if key == "goer" and kind in ("missing", "string_too_short")
          else f"{where}: 'noegleord' skal være en liste af ord." if key == "noegleord"
          else f"{where}: " + wrong(key, kind, value))


def validate(data: Any) -> list[tuple[tuple, str]]:
    """Every mistake in a procedure's data: (location in the file, Danish sentence)."""
    try:
        Procedure.model_validate(data)
    except ValidationError as exc:
        return [_message(e["loc"], e["type"], e.get("ctx") or {}, e.get("input")) for e in exc.errors()]
    return []


def load(name: str, docs_dir: Path | str | None = None, lang: str = "da") -> Procedure:
    data, _ = load_data(data_file(name, docs_dir, lang), validate, ProcedureError, CHECK, HINT)
    return Procedure.model_validate({**data, "name": name})


def load_all(docs_dir: Path | str | None = None, lang: str = "da") -> dict[str, Procedure]:
    """Every procedure whose data file exists (a fixture site may have none)."""
    return {name: load(name, docs_dir, lang) for name in PROCEDURES if data_file(name, docs_dir, lang).is_file()}


# --- text --------------------------------------------------------------------------

def _relink(markdown: str, page_src: str) -> str:
    """Links written from docs/ made relative to the page at ``page_src``."""
    here = posixpath.dirname(page_src)

    def sub(m: re.Match) -> str:
        target = m.group(1)
        if re.match(r"^[a-z]+:|^#|^/", target):
            return m.group(0)
        path, hash_sign, anchor = target.partition("#")
        return f"]({posixpath.relpath(path, here or '.')}{hash_sign}{anchor})"

    return _LINK.sub(sub, markdown)


def plain(markdown: str, contacts: dict[str, dict[str, Any]]) -> str:
    """Text without Markdown: contact shortcodes become the field's value or the
    contact's name, links their text, emphasis nothing."""

    def contact(m: re.Match) -> str:
        entry = contacts.get(m.group(1), {})
        value = entry.get(m.group(2) or "navn", m.group(0))
        return " ".join(str(value).split())

    text = _CONTACT.sub(contact, markdown)
    text = _MD_LINK.sub(r"\1", text)
    return re.sub(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)", "", text)


def step_line(step: Step, contacts: dict[str, dict[str, Any]]) -> str:
    """A step as one plain sentence pair: the diagram's and the text alternative's wording."""
    action = plain(step.action, contacts)
    return f"{step.condition} {action}" if step.condition else action


def render_list(proc: Procedure, page_src: str, indented: bool = False) -> str:
    """The steps as a Markdown numbered list, wrapped for styling and tests. md_in_html reads
    ``markdown="1"`` only at the top level; in a tab or box the attribute would reach the HTML."""
    attr = "" if indented else ' markdown="1"'
    items = [f"{n}. " + _relink(f"{step.lead} {step.text}".rstrip(), page_src) for n, step in enumerate(proc.steps, 1)]
    return "\n".join([f'<div class="procedure procedure-{proc.key}"{attr}>', "", *items, "", "</div>"])


# --- the diagram ---------------------------------------------------------------------

WIDTH = 340
MARGIN = 8
PAD = 10
FONT = 14
LINE = 19
GAP = 30          # room for the arrow between two boxes
WRAP = 36         # characters per line at FONT in a box WIDTH - 2 * (MARGIN + PAD) wide
COLOURS = {False: ("#f3f6fb", "#274b7a"), True: ("#fdeceb", "#a4161a")}


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False) or [""]


def svg(proc: Procedure, contacts: dict[str, dict[str, Any]], uid: str) -> str:
    """The procedure drawn as boxes from top to bottom, one per step, with arrows. A step's
    condition is bold on the first lines, its action below: the text alternative's words."""
    boxes, y = [], MARGIN
    for number, step in enumerate(proc.steps, start=1):
        head = _wrap(f"{number}. {step.condition}") if step.condition else []
        body = _wrap(("" if step.condition else f"{number}. ") + plain(step.action, contacts))
        height = 2 * PAD + LINE * (len(head) + len(body)) - (LINE - FONT)
        fill, stroke = COLOURS[step.acute]
        boxes.append({"id": step.id, "y": y, "height": height, "lines": head + body, "head": len(head),
                      "fill": fill, "stroke": stroke, "acute": step.acute})
        y += height + GAP
    svg = render("procedure.svg", boxes=boxes, width=WIDTH, height=y - GAP + MARGIN, uid=uid, title=proc.title,
                 m=MARGIN, pad=PAD, font=FONT, line_height=LINE, gap=GAP)
    return "".join(line.strip() for line in svg.splitlines())


SUMMARY = {"da": "Læs tegningen som tekst", "en": "Read the diagram as text"}


def render_figure(proc: Procedure, contacts: dict[str, dict[str, Any]], uid: str, lang: str = "da") -> str:
    """The diagram in a figure with a caption and the steps as text (one HTML block, no blank lines)."""
    items = "".join(f"<li>{html.escape(step_line(s, contacts))}</li>" for s in proc.steps)
    title = proc.title if proc.title.endswith((".", "?", "!", ":")) else proc.title + "."  # a sentence before the caption
    return (f'<figure class="procedure-figur procedure-figur-{proc.key}" id="{uid}">'
            + svg(proc, contacts, uid)
            + f"<figcaption><strong>{html.escape(title)}</strong> {html.escape(proc.caption)}"
            # In the caption: a figure may hold only one caption, first or last (valid HTML).
            + f'<details class="procedure-tekst"><summary>{SUMMARY.get(lang, SUMMARY["da"])}</summary>'
            + f'<ol id="{uid}-tekst">{items}</ol></details></figcaption></figure>')


def shortcode(code: Shortcode, ctx) -> str:
    """[[første-skridt]], [[efter-vink]] and their [[… diagram]] (shortcodes.KNOWN)."""
    proc = ctx.procedures.get(code.name)
    if proc is None:
        raise ShortcodeError(f"Data til {code.text} mangler: docs/_data/{PROCEDURES[code.name]}.")
    if code.args not in ((), ("diagram",)):
        raise ShortcodeError(f"Brug [[{code.name}]] eller [[{code.name} diagram]].")
    if not code.block:
        raise ShortcodeError(f"{code.text} skal stå alene på sin linje.")
    if not code.args:
        return render_list(proc, ctx.src, bool(code.indent))
    ctx.counter["diagram"] = n = ctx.counter.get("diagram", 0) + 1
    return render_figure(proc, ctx.contacts, f"{proc.key}-diagram-{n}", ctx.lang)


# --- drift: hand-written lists ------------------------------------------------------

# Pages whose hand-written lists the build checks against the data. The
# training pages (kompetenceforloeb/) join when modules 2 and 3 render
# [[første-skridt]] instead of their own lists (module 2 still has one).
def in_drift_scope(page_src: str) -> bool:
    return in_scope(page_src, GUIDANCE, TRAINING)


_ITEM = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")


def _keyword(word: str) -> re.Pattern:
    # A word at a word start; a number not part of a paragraph ("§ 114 j") or another number.
    return re.compile(r"(?<![\w§])(?<!§ )(?<!nr\. )" + re.escape(word) + (r"(?!\d)" if word.isdigit() else ""),
                      re.IGNORECASE)


def numbered_lists(markdown: str) -> list[list[tuple[int, str]]]:
    """Every numbered list outside code: its items as (line, text with continuation lines)."""
    lists: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] | None = None
    blank = False
    # Code in any fence (blanked, lines kept) is never a list.
    for number, line in enumerate(mask_code(markdown).split("\n"), start=1):
        m = _ITEM.match(line)
        if m:
            if current is None:
                current = []
                lists.append(current)
            current.append((number, m.group(2)))
            blank = False
        elif not line.strip():
            blank = True
        elif current is not None and (line.startswith((" ", "\t")) or not blank):
            lineno, text = current[-1]
            current[-1] = (lineno, text + " " + line.strip())
        else:
            current = None
    return lists


def contradictions(markdown: str, proc: Procedure) -> list[tuple[int, str]]:
    """Hand-written numbered lists that name the procedure's steps in another order.

    Each item is matched to the earliest step whose keywords it contains; a list
    that names two or more steps must name them in the data's order.
    """
    patterns = [[_keyword(k) for k in step.keywords] for step in proc.steps]
    found = []
    for items in numbered_lists(markdown):
        order = [(line, min(hits)) for line, text in items
                 if (hits := [i for i, pats in enumerate(patterns) if any(p.search(text) for p in pats)])]
        if len({i for _, i in order}) < 2:
            continue
        for (_, a), (line, b) in zip(order, order[1:], strict=False):
            if b < a:
                expected = " → ".join(plain(s.action, {}) if not s.condition else s.condition
                                      for s in proc.steps)
                found.append((line, f"Listen nævner trinnene i en anden rækkefølge end "
                                    f"docs/_data/{PROCEDURES[proc.name]} ({expected}). Brug "
                                    f"[[{proc.name}]] i stedet for at skrive trinnene selv."))
                break
    return found
