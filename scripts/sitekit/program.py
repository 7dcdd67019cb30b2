"""The training programme (kompetenceforløb) as data: docs/_data/program.yml.

One file holds every module's own plan (the "drejebog" on the module page) and
every format of the course (3 hours, 1 hour, a full day). From it we render:

* ``<!-- drejeark: tre-timer -->``: a one-page run sheet with clock times from a
  start time (a no-JavaScript default; training.js recomputes from a time
  input), group/plenary splits, the group plan, what to print and how many
  copies, the board plan and the materials list;
* ``<!-- drejebog: modul-1 -->``: a module's own plan plus its short versions
  in each format, so the module page and the run sheets cannot disagree;
* ``<!-- modulinfo: modul-1 -->``: the module's "Varighed" and "Materialer" lines;
* ``<!-- tid: modul-2#case-2a -->``: a case's "Tid:" line in the trainer notes (the module
  alone and every format that runs it); ``<!-- minutter: modul-2#case-2a -->``: its minutes
  inline (the cases page). A time typed by hand on those pages is a mistake (typed_times).

The times must add up: the parts of an item add up to the item, a case's group
and plenary minutes add up to the case, and the items add up to the format.
The data is a pydantic model (its JSON Schema: docs/_data/program.schema.json); a
mistake raises ProgramError with the file, the line and what to do, in Danish.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import Field, PrivateAttr, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError
from pymdownx.slugs import slugify

from . import render
from .mdtext import mask_code
from .pages import DataModel, Text, iter_page_bodies, load_data, unknown_key, wrong, yaml_line
from .paths import DATA
from .problems import DataError, Problem

DATA_FILE = DATA / "program.yml"
CHECK = "kompetenceforløb"
HINT = "Ret tallene eller felterne i programmet. Forklaringen står øverst i filen."
MARKER = re.compile(r"<!--\s*(?P<kind>drejeark|drejebog|modulinfo|tid|minutter|udskrivspakke):"
                    r"\s*(?P<id>[a-z0-9-]+(?:#[a-z0-9-]+)?)\s*-->")
# Pages where every time a trainer sees comes from the programme, and a time typed by hand.
TIMED_PAGES = re.compile(r"(^|/)kompetenceforloeb/(modul-[^/]*|cases)\.md$")
TYPED_TIME = re.compile(r"\*\*Tid:|\b(\d+|et|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|femten|tyve|tredive)"
                        r"\s*(minutter|minut|min\.)", re.I)
FORMS = ("plenum", "oplæg", "grupper", "hver for sig", "pause")  # shown capitalized: "Hver for sig"


class ProgramError(DataError):
    """program.yml or a marker is wrong."""


# --- the data model: the keys editors write are the aliases ------------------------------
# The models' docstrings are the descriptions editors see in the JSON Schema (docs/_data/*.schema.json): Danish.

Minutes = Annotated[int, Field(strict=True, ge=0)]


def _times(kind: str, total: int, minutes: int, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, "times", {"total": total, "minutes": minutes, **ctx})


class Print(DataModel):
    """Noget, der skal udskrives: hvad, og pr. deltager, gruppe eller underviser."""

    what: Text = Field(alias="hvad")
    per: Literal["deltager", "gruppe", "underviser"] = Field(alias="pr")
    page: Text = Field("", alias="side")  # the page to print (a case's page comes from the case)


class Item(DataModel):
    """Et punkt i en plan: titel og minutter; evt. form, case (med grupper og plenum), modul, afsnit, udskriv og dele."""

    title: Text = Field(alias="titel")
    minutes: Minutes = Field(alias="minutter")
    form: Literal[tuple(FORMS)] | None = None  # type: ignore[valid-type]
    case: str = ""             # "modul-1#case-1b": the case the item runs
    alternatives: list[str] = Field([], alias="eller")  # cases the trainer may run instead, same times
    groups: Minutes = Field(0, alias="grupper")    # minutes in groups (cases)
    plenary: Minutes = Field(0, alias="plenum")    # minutes in plenary (cases)
    module: str = Field("", alias="modul")         # id of the module this block runs
    section: str = Field("", alias="afsnit")       # "modul-2#drejebog": where the material is
    prints: list[Print] = Field([], alias="udskriv")
    parts: list[Item] = Field([], alias="dele", min_length=1)
    say: Text = Field("", alias="sig")              # the run sheet's script: one line each
    ask: Text = Field("", alias="spørg")
    do: Text = Field("", alias="gør")
    show: Text = Field("", alias="vis")

    @model_validator(mode="after")
    def _add_up(self) -> Item:
        self.section = self.section or self.case
        if self.case:
            if self.groups + self.plenary != self.minutes:
                raise _times("case_times", self.groups + self.plenary, self.minutes, title=self.title,
                             groups=self.groups, plenary=self.plenary)
            self.form = self.form or ("grupper" if self.groups else "plenum")
        if self.parts and (total := sum(p.minutes for p in self.parts)) != self.minutes:
            raise _times("parts_times", total, self.minutes, title=self.title)
        return self


class _Block(DataModel):
    """What a module and a format share: a plan of items that adds up to the minutes."""

    title: Text = Field(alias="titel")
    page: Text = Field(alias="side")
    minutes: Minutes = Field(alias="minutter")
    board: list[Text] = Field([], alias="tavle")
    materials: list[Text] = Field([], alias="materialer")

    def _add_up(self, items: list[Item]) -> None:
        if (total := sum(i.minutes for i in items)) != self.minutes:
            raise _times("times", total, self.minutes)


class Module(_Block):
    """Et modul: titel, side, målgruppe, minutter, plan (punkterne skal give minutterne), materialer og tavle."""

    audience: Text = Field(alias="målgruppe")
    plan: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _plan_adds_up(self) -> Module:
        self._add_up(self.plan)
        return self


class Format(_Block):
    """Et format (fx tre timer): titel, side, minutter, start, deltagere, gruppestørrelse og punkter."""

    start: Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
    participants: Minutes = Field(alias="deltagere")
    group_size: Minutes = Field(alias="gruppestørrelse")
    items: list[Item] = Field(alias="punkter", min_length=1)
    pack: Text = Field("", alias="pakke")  # the page "Udskriv alt til …" (<!-- udskrivspakke: id -->)

    @model_validator(mode="after")
    def _items_add_up(self) -> Format:
        if not 2 <= self.group_size <= self.participants:
            raise PydanticCustomError("group_size", "group size")
        self._add_up(self.items)
        return self

    @property
    def groups(self) -> int:
        return math.ceil(self.participants / self.group_size)

    def group_plan(self) -> str:
        n, rest = divmod(self.participants, self.group_size)
        if rest == 0:
            return f"{n} grupper à {self.group_size}"
        # e.g. 18 participants in groups of 4: 3 groups of 4 and 2 of 3.
        small = self.groups * self.group_size - self.participants
        return (f"{self.groups - small} grupper à {self.group_size} og {small} "
                f"{'gruppe' if small == 1 else 'grupper'} à {self.group_size - 1}")


class Program(DataModel):
    """Programmet for kompetenceforløbet: moduler og formater."""

    modules: dict[str, Module] = Field(alias="moduler")
    formats: dict[str, Format] = Field(alias="formater")
    _path: Path = PrivateAttr(DATA_FILE)
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> Path:
        return self._path

    def format_items(self) -> Iterator[tuple[tuple, Item]]:
        """Every item of every format, parts included, with its location in the file."""
        for fid, fmt in self.formats.items():
            yield from _walk(fmt.items, ("formater", fid))


# --- validation: each mistake at its line ----------------------------------------------------

def _what(loc: tuple) -> str:
    kind = {"moduler": "modulet", "formater": "formatet"}.get(loc[0] if loc else "", "")
    return f"{kind} '{loc[1]}'" if kind and len(loc) > 1 else "programmet"


def _message(loc: tuple, kind: str, value: Any, ctx: dict) -> str:
    """A Danish sentence for one pydantic error at ``loc`` (the keys as the editor wrote them)."""
    what, key = _what(loc), loc[-1] if loc else ""
    if len(loc) < 2 and kind in ("missing", "dict_type", "model_type"):
        return "Filen skal have afsnittene 'moduler:' og 'formater:'."
    if kind == "case_times":
        return (f"Tiderne passer ikke i punktet '{ctx['title']}': grupper {ctx['groups']} + plenum {ctx['plenary']} = "
                f"{ctx['total']} minutter, men punktet har {ctx['minutes']}. Ret 'grupper', 'plenum' eller "
                "'minutter', så de passer.")
    if kind == "parts_times":
        return (f"Tiderne passer ikke i punktet '{ctx['title']}': delene tager {ctx['total']} minutter, men punktet "
                f"har {ctx['minutes']}. Ret minuttallene, så de passer.")
    if kind == "times":
        return (f"Tiderne passer ikke i {what}: punkterne tager {ctx['total']} minutter, men {what} skal vare "
                f"{ctx['minutes']} minutter. Ret minuttallene, så de passer.")
    if kind == "group_size":
        return f"{what}: 'gruppestørrelse' skal være mellem 2 og antallet af deltagere."
    if kind == "extra_forbidden":
        model = Program if len(loc) == 1 else {"udskriv": Print, "plan": Item, "punkter": Item, "dele": Item}.get(
            loc[-3] if len(loc) > 2 else "", Module if loc[0] == "moduler" else Format)
        return f"{what}: " + unknown_key(key, [f.alias or n for n, f in model.model_fields.items()])
    if key == "form":
        return f"{what}: ukendt form '{value}'. Brug en af: {', '.join(FORMS)}."
    if "udskriv" in loc:
        return f"{what}: hver linje i 'udskriv' skal have 'hvad' og 'pr' (deltager, gruppe, underviser)."
    if key == "start":
        return f"{what}: 'start' skal være et klokkeslæt som \"09:00\"."
    if key in ("plan", "punkter", "dele"):
        return f"{what} mangler '{key}' (en liste med punkter)."
    if key in ("tavle", "materialer") or (len(loc) > 1 and loc[-2] in ("tavle", "materialer")):
        return f"{what}: '{loc[-2] if isinstance(key, int) else key}' skal være en liste med tekster."
    if kind.startswith("int") or kind.startswith("greater"):
        return f"{what}: '{key}' skal være et helt antal minutter (fandt {value!r})."
    if isinstance(key, int):
        return f"{what}: hvert punkt skal have 'titel' og 'minutter'."
    return f"{what}: " + wrong(key, kind, value)


def _references(prog: Program) -> list[tuple[tuple, str]]:
    """Items that name a module the programme does not have."""
    return [(loc, f"{_what(loc)}: modulet '{ref}' findes ikke under 'moduler:' (kendte: {', '.join(prog.modules)}).")
            for loc, item in prog.format_items()
            if (ref := item.module or item.section.split("#")[0]) and ref not in prog.modules
            and not ref.endswith(".md")] + _scripts(prog)


def _scripts(prog: Program) -> list[tuple[tuple, str]]:
    """A format with a script (sig/spørg/gør or vis) needs one on every row."""
    found = []
    for fid in prog.formats:
        rows = [(loc, i) for loc, i in prog.format_items() if loc[1] == fid]
        if any(i.say or i.ask or i.do or i.show for _, i in rows):
            found += [(loc, f"{_what(loc)}: punktet '{i.title}' mangler {', '.join(missing)}. Drejearket er et "
                       "manuskript: hvert punkt har én linje med 'sig', 'spørg' og 'gør' eller 'vis'.")
                      for loc, i in rows if (missing := [k for k, v in (("'sig'", i.say), ("'spørg'", i.ask),
                                                                       ("'gør' eller 'vis'", i.do or i.show)) if not v])]
    return found


def validate(data: Any) -> list[tuple[tuple, str]]:
    """Every mistake in the programme: (location in the file, Danish sentence)."""
    try:
        return _references(Program.model_validate(data))
    except ValidationError as exc:
        # A plan's times are checked on the whole plan: the mistake is on its 'minutter' line.
        return [(e["loc"] + (("minutter",) if e["type"] == "times" else ()),
                 _message(e["loc"], e["type"], e.get("input"), e.get("ctx") or {})) for e in exc.errors()]


def load(path: Path = DATA_FILE) -> Program:
    """The programme; raises ProgramError with every mistake at its line."""
    data, lines = load_data(path, validate, ProgramError, CHECK, HINT)
    prog = Program.model_validate(data)
    prog._path, prog._lines = Path(path), lines
    return prog


HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s*\{#(?P<id>[^}\s]+)[^}]*\})?\s*$", re.M)


def heading_ids(markdown: str) -> list[str]:
    """The anchors of a page's headings, as the build makes them (toc with pymdownx's slugify)."""
    slug = slugify(case="lower")
    return [m.group("id") or slug(re.sub(r"[*_`]", "", m.group("text")), "-") for m in HEADING.finditer(markdown)]


def missing_cases(prog: Program, docs_dir: Path) -> list[Problem]:
    """Every case or section the programme names whose module page has no heading with its anchor."""
    found = []
    for loc, item in prog.format_items():
        for target in dict.fromkeys(t for t in (item.case, item.section) if "#" in t and ".md" not in t):
            mid, _, anchor = target.partition("#")
            page = Path(docs_dir) / prog.modules[mid].page
            text = page.read_text(encoding="utf-8") if page.is_file() else ""
            if target == item.case and "{#" + anchor + "}" not in text:
                message = (f"Casen '{item.case}' findes ikke: siden {prog.modules[mid].page} har ingen "
                           f"overskrift med {{#{anchor}}}.")
            elif anchor not in heading_ids(text):
                message = f"Afsnittet '{target}' findes ikke: siden {prog.modules[mid].page} har ingen overskrift med det anker."
            else:
                continue
            found.append(Problem.at(prog.path, yaml_line(prog._lines, loc), CHECK, message,
                                    "Ret 'case' eller 'afsnit' i programmet, eller giv overskriften det rigtige anker."))
    return found


def presentation_data(program: Program, mid: str, markdown: str, link: Callable[[str], str]) -> str:
    """A hidden element that tells training.js which sections each format shows, in the run sheet's order,
    with their minutes ("anker:minutter ..."), the next module's presentation in that format, and which
    sections are for the trainer only."""
    headings = [m for m in HEADING.finditer(markdown) if m.group(0).startswith("## ")]
    ids = heading_ids("\n".join(m.group(0) for m in headings))
    ends = [m.start() for m in headings[1:]] + [len(markdown)]
    skip = [i for i, m, end in zip(ids, headings, ends, strict=True)
            if re.search(r"<!--\s*(modulinfo|drejebog):", markdown[m.end():end])]
    attrs = [f'data-skjul="{" ".join(skip)}"']
    for fid, fmt in program.formats.items():
        parts = [p for item in fmt.items if item.module == mid for p in (item.parts or [item])]
        rows = [(p.section.partition("#")[2], p.minutes) for p in parts if p.section.startswith(mid + "#")]
        if rows and len(rows) == len(parts):  # else the format shows the whole module
            attrs.append(f'data-forloeb-{fid}="{" ".join(f"{a}:{n}" for a, n in rows)}" data-titel-{fid}="{fmt.title}"')
            order = [i.module for i in fmt.items if i.module]
            if (nxt := order.index(mid) + 1) < len(order):
                attrs.append(f'data-naeste-{fid}="{_link(program, order[nxt], link, fid)}"')
    return f'<div class="kf-forloeb" hidden {" ".join(attrs)}></div>'


def _walk(items: list[Item], loc: tuple = (), key: str = "punkter") -> Iterator[tuple[tuple, Item]]:
    """Every item, parts included, with its location in the file below ``loc``."""
    for i, item in enumerate(items):
        yield loc + (key, i), item
        yield from _walk(item.parts, loc + (key, i), "dele")


# --- rendering --------------------------------------------------------------------

def clock(start: str, offset: int) -> str:
    h, m = map(int, start.split(":"))
    total = (h * 60 + m + offset) % (24 * 60)
    return f"{total // 60:02d}.{total % 60:02d}"


def _split(item: Item) -> str:
    if item.case:
        text = ", ".join(f"{name} {n} min." for name, n in (("grupper", item.groups), ("plenum", item.plenary)) if n)
        return text[:1].upper() + text[1:]
    return (item.form or "").capitalize()


def print_items(fmt: Format) -> list[tuple[str, int, str]]:
    """(what, copies, where: a page path or a case "modul-1#case-1b") in programme order."""
    seen: dict[str, list] = {}
    for _, item in _walk(fmt.items):
        for p in item.prints:
            entry = seen.setdefault(p.what, [p.what, 0, p.page or item.case])
            entry[1] += {"deltager": fmt.participants, "gruppe": fmt.groups, "underviser": 1}[p.per]
    return [tuple(e) for e in seen.values()]


ACTION_CARD = "vejledning/handlekort.md"


def case_card(markdown: str, anchor: str) -> str:
    """A case's participant tab (dedented Markdown) from its module page."""
    m = re.search(r"^## .*?\s*\{#" + re.escape(anchor) + r"\}\s*$", markdown, re.M)
    if not m:
        raise ProgramError(f"Casen '{anchor}' findes ikke på modulsiden.")
    section = markdown[m.end():].split("\n## ", 1)[0]
    participant = section.split('=== "Deltager"', 1)[-1].split('=== "Underviser"', 1)[0]
    return "\n".join(line[4:] if line.startswith("    ") else line.strip()
                     for line in participant.strip("\n").split("\n"))


def render_print_pack(program: Program, fid: str, docs_dir: Path, page_src: str) -> str:
    """Markdown for "Udskriv alt til …": the print list with copies and where each thing is (a page, or
    a page number in this pack: one case card per page after the list), then the case cards."""
    fmt = program.formats[fid]
    rows, cards = [], []
    items = print_items(fmt) + [("Handlekort: hvad gør du, når du er bekymret?", fmt.participants, ACTION_CARD)]
    for what, n, where in items:
        if "#" in where:
            mid, _, anchor = where.partition("#")
            page = Path(docs_dir) / program.modules[mid].page
            body = case_card(page.read_text(encoding="utf-8"), anchor)
            cards.append(f'<div class="kf-kort" markdown>\n\n## {what} {{#kort-{anchor}}}\n\n{body}\n\n</div>')
            place = f"Side {len(cards) + 1} i denne pakke"
        elif where == ACTION_CARD and not (Path(docs_dir) / where).is_file():
            place = f"Siden {where}"  # another change adds the action card: named until it exists
        else:
            place = f"[Åbn siden, og udskriv den]({_md_link(page_src, where)})" if where else ""
        rows.append(f"| {what} | {n} | {place} |")
    return "\n".join(["| Hvad | Antal | Hvor |", "|---|---|---|", *rows, "", *cards])


def _link(program: Program, section: str, link: Callable[[str], str], fid: str = "") -> str:
    """The address of a page, or the presentation of a module's section (in a format: that format's sections)."""
    mid, _, anchor = section.partition("#")
    if mid.endswith(".md"):
        return link(mid) + (f"#{anchor}" if anchor else "")
    target = link(program.modules[mid].page)
    return target + "?praesentation" + (f"={fid}" if fid else "") + (f"&afsnit={quote(anchor)}" if anchor else "")


def render_run_sheet(program: Program, fid: str, link: Callable[[str], str]) -> str:
    fmt = program.formats[fid]
    rows, offset = [], 0
    for item in fmt.items:
        # Only a module's block has the format's own sections; other rows show the whole module.
        in_format = fid if item.module else ""
        rows.append(_row(program, item, offset, link, in_format))
        sub = offset
        for part in item.parts:
            rows.append(_row(program, part, sub, link, in_format, part=True))
            sub += part.minutes
        offset += item.minutes
    return render("drejeark.html", fmt=fmt, fid=fid, rows=rows, end=offset, clock=clock,
                  prints=_pack_pages(fmt), pack=fmt.pack and link(fmt.pack)).rstrip("\n")


def _pack_pages(fmt: Format) -> list[tuple[str, int, str]]:
    """The print list with each case card's page in the print pack (render_print_pack's order)."""
    cards = iter(range(2, 100))
    return [(what, n, f"side {next(cards)} i \"Udskriv alt\"" if fmt.pack and "#" in where else "")
            for what, n, where in print_items(fmt)]


def _row(program: Program, item: Item, offset: int, link: Callable[[str], str], fid: str,
         part: bool = False) -> dict:
    target = item.section or item.module
    href = _link(program, target, link, fid) if target else ""
    return {"item": item, "part": part, "offset": offset, "form": _split(item), "href": href}


def _plan_table(items: list[Item], indent: str) -> list[str]:
    rows = [f"{indent}| Tid | Indhold | Form |", f"{indent}|---|---|---|"]
    offset = 0
    for item in items:
        rows.append(f"{indent}| {offset}–{offset + item.minutes} min. | {item.title} | {_split(item)} |")
        offset += item.minutes
    return rows


def _md_link(page_src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def render_module_plan(program: Program, mid: str, page_src: str) -> str:
    """Markdown for the module page: participant tab, and the plans in the trainer tab."""
    module = program.modules[mid]
    lines = ['=== "Deltager"', "",
             "    Underviseren styrer tiden. Du skal bare være med. Ingen skal fortælle om rigtige borgere.", "",
             '=== "Underviser"', "",
             f"    **Modulet alene ({module.minutes} minutter):**", ""]
    lines += _plan_table(module.plan, "    ")
    for fmt in program.formats.values():
        for item in fmt.items:
            if item.module == mid:
                lines += ["", f"    **I {fmt.title.lower()} ({item.minutes} minutter,"
                          f" [se drejearket]({_md_link(page_src, fmt.page)})):**", ""]
                lines += _plan_table(item.parts or [item], "    ")
    if module.board:
        lines += ["", "    **Tavleplan:**", ""]
        lines += [f"    {n}. {b}" for n, b in enumerate(module.board, 1)]
    return "\n".join(lines)


def render_module_info(program: Program, mid: str) -> str:
    module = program.modules[mid]
    short = [f"i {fmt.title.lower()}: {item.minutes} minutter" for fmt in program.formats.values()
             for item in fmt.items if item.module == mid]
    extra = (" " + "; ".join(short).capitalize() + ".") if short else ""
    return (f"- **Varighed:** {module.minutes} minutter.{extra}\n"
            f"- **Materialer:** {'; '.join(module.materials)}.")


def case_runs(program: Program, case: str) -> list[tuple[str, Item]]:
    """(where, item) for each plan that runs ``case``: the module alone first, then each format."""
    def runs(items: list[Item]) -> list[Item]:
        return [i for _, i in _walk(items) if case in (i.case, *i.alternatives)]

    mid = case.partition("#")[0]
    found = [("modulet alene", i) for i in runs(program.modules[mid].plan)] if mid in program.modules else []
    return found + [(fmt.title.lower(), i) for fmt in program.formats.values() for i in runs(fmt.items)]


def render_case_time(program: Program, case: str, inline: bool) -> str:
    """The times of a case: "20 minutter" (inline) or the trainer notes' "Tid:" line."""
    if not (found := case_runs(program, case)):
        raise ProgramError(f"Casen '{case}' står ikke i {DATA_FILE.name}: skriv den som 'case' eller under "
                           "'eller' i et modul eller et format.")
    if inline:
        return f"{found[0][1].minutes} minutter"
    seen = dict.fromkeys(f"{where.capitalize()}: {i.minutes} min. ({_split(i).lower()})" for where, i in found)
    return "**Tid:** " + ". ".join(seen) + "."


def typed_times(docs_dir: Path) -> list[Problem]:
    """A time typed by hand on a module page or the cases page (outside code and markers)."""
    return [Problem.at(path, body_line + n, CHECK,
                       f"Tiden '{m.group(0)}' er skrevet i hånden. Tider på modulsiderne og casesiden kommer fra "
                       "docs/_data/program.yml.",
                       "Skriv <!-- tid: modul-id#case-id --> (linjen \"Tid:\") eller <!-- minutter: modul-id#case-id "
                       "-->, og ret tiden i programmet.")
            for path, body, body_line in iter_page_bodies(docs_dir)
            if TIMED_PAGES.search(path.relative_to(docs_dir).as_posix())
            for n, line in enumerate(mask_code(body).split("\n")) if (m := TYPED_TIME.search(line))]


def render_markers(markdown: str, program: Program, page_src: str, link: Callable[[str], str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, key = match.group("kind"), match.group("id")
        if kind in ("tid", "minutter"):
            return render_case_time(program, key, kind == "minutter")
        known = program.formats if kind in ("drejeark", "udskrivspakke") else program.modules
        if key not in known:
            raise ProgramError(f"{page_src}: '{kind}: {key}' findes ikke i {DATA_FILE.name} "
                               f"(kendte: {', '.join(known)}).")
        if kind == "drejeark":
            return "\n" + render_run_sheet(program, key, link) + "\n"
        if kind == "udskrivspakke":
            return render_print_pack(program, key, program.path.parent.parent, page_src)
        if kind == "drejebog":
            return presentation_data(program, key, markdown, link) + "\n\n" + render_module_plan(program, key, page_src)
        return render_module_info(program, key)

    return MARKER.sub(replace, markdown)
