"""The training programme (kompetenceforløb) as data: docs/_data/program.yml.

One file holds every module's own plan (the "drejebog" on the module page) and
every format of the course (3 hours, 1 hour, a full day). From it we render:

* ``<!-- drejeark: tre-timer -->``: a one-page run sheet with clock times from a
  start time (a no-JavaScript default; training.js recomputes from a time
  input), group/plenary splits, the group plan, what to print and how many
  copies, the board plan and the materials list;
* ``<!-- drejebog: modul-1 -->``: a module's own plan plus its short versions
  in each format, so the module page and the run sheets cannot disagree;
* ``<!-- modulinfo: modul-1 -->``: the module's "Varighed" and "Materialer" lines.

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

from pydantic import Field, PrivateAttr, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .pages import DataModel, Text, load_data, unknown_key, wrong, yaml_line
from .paths import DATA
from .problems import DataError, Problem

DATA_FILE = DATA / "program.yml"
CHECK = "kompetenceforløb"
HINT = "Ret tallene eller felterne i programmet. Forklaringen står øverst i filen."
MARKER = re.compile(r"^<!--\s*(?P<kind>drejeark|drejebog|modulinfo):\s*(?P<id>[a-z0-9-]+)\s*-->\s*$", re.M)
FORMS = {
    "plenum": "Plenum",
    "oplæg": "Oplæg",
    "grupper": "Grupper",
    "hver for sig": "Hver for sig",
    "pause": "Pause",
}


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


class Item(DataModel):
    """Et punkt i en plan: titel og minutter; evt. form, case (med grupper og plenum), modul, afsnit, udskriv og dele."""

    title: Text = Field(alias="titel")
    minutes: Minutes = Field(alias="minutter")
    form: Literal[tuple(FORMS)] | None = None  # type: ignore[valid-type]
    case: str = ""             # "modul-1#case-1b": the case the item runs
    groups: Minutes = Field(0, alias="grupper")    # minutes in groups (cases)
    plenary: Minutes = Field(0, alias="plenum")    # minutes in plenary (cases)
    module: str = Field("", alias="modul")         # id of the module this block runs
    section: str = Field("", alias="afsnit")       # "modul-2#drejebog": where the material is
    prints: list[Print] = Field([], alias="udskriv")
    parts: list[Item] = Field([], alias="dele", min_length=1)

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
        def walk(items: list[Item], loc: tuple, key: str) -> Iterator[tuple[tuple, Item]]:
            for i, item in enumerate(items):
                yield loc + (key, i), item
                yield from walk(item.parts, loc + (key, i), "dele")

        for fid, fmt in self.formats.items():
            yield from walk(fmt.items, ("formater", fid), "punkter")


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
            if (ref := item.module or item.section.split("#")[0]) and ref not in prog.modules]


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


def missing_cases(prog: Program, docs_dir: Path) -> list[Problem]:
    """Every case the programme names whose module page has no heading with its anchor {#case-…}."""
    found = []
    for loc, item in prog.format_items():
        if not item.case:
            continue
        mid, _, anchor = item.case.partition("#")
        page = Path(docs_dir) / prog.modules[mid].page
        if "{#" + anchor + "}" not in (page.read_text(encoding="utf-8") if page.is_file() else ""):
            found.append(Problem.at(prog.path, yaml_line(prog._lines, loc), CHECK,
                                    f"Casen '{item.case}' findes ikke: siden {prog.modules[mid].page} har ingen "
                                    f"overskrift med {{#{anchor}}}.",
                                    "Ret 'case' i programmet, eller giv casens overskrift det rigtige anker."))
    return found


def _walk(items: list[Item]):
    for item in items:
        yield item
        yield from _walk(item.parts)


# --- rendering --------------------------------------------------------------------

def clock(start: str, offset: int) -> str:
    h, m = map(int, start.split(":"))
    total = (h * 60 + m + offset) % (24 * 60)
    return f"{total // 60:02d}.{total % 60:02d}"


def _split(item: Item) -> str:
    if item.case:
        bits = []
        if item.groups:
            bits.append(f"Grupper {item.groups} min.")
        if item.plenary:
            bits.append(f"plenum {item.plenary} min.")
        text = ", ".join(bits)
        return text[:1].upper() + text[1:]
    return FORMS.get(item.form, "")


def copies(fmt: Format, per: str) -> int:
    return {"deltager": fmt.participants, "gruppe": fmt.groups, "underviser": 1}[per]


def print_list(fmt: Format) -> list[tuple[str, int]]:
    """What to print before the session and how many copies, in programme order."""
    seen: dict[str, int] = {}
    for item in _walk(fmt.items):
        for p in item.prints:
            seen[p.what] = seen.get(p.what, 0) + copies(fmt, p.per)
    return list(seen.items())


def _link(program: Program, section: str, link: Callable[[str], str]) -> str:
    mid, _, anchor = section.partition("#")
    target = link(program.modules[mid].page)
    return target + (f"#{anchor}" if anchor else "")


def render_run_sheet(program: Program, fid: str, link: Callable[[str], str]) -> str:
    from . import render

    fmt = program.formats[fid]
    rows, offset = [], 0
    for item in fmt.items:
        rows.append(_row(program, item, offset, link))
        sub = offset
        for part in item.parts:
            rows.append(_row(program, part, sub, link, part=True))
            sub += part.minutes
        offset += item.minutes
    return render("drejeark.html", fmt=fmt, fid=fid, rows=rows, end=offset, clock=clock,
                  prints=print_list(fmt)).rstrip("\n")


def _row(program: Program, item: Item, offset: int, link: Callable[[str], str], part: bool = False) -> dict:
    target = item.section or (item.module and item.module + "#")
    href = _link(program, target.rstrip("#"), link) if target else ""
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


def render_markers(markdown: str, program: Program, page_src: str, link: Callable[[str], str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, key = match.group("kind"), match.group("id")
        known = program.formats if kind == "drejeark" else program.modules
        if key not in known:
            raise ProgramError(f"{page_src}: '{kind}: {key}' findes ikke i {DATA_FILE.name} "
                               f"(kendte: {', '.join(known)}).")
        if kind == "drejeark":
            return "\n" + render_run_sheet(program, key, link) + "\n"
        if kind == "drejebog":
            return render_module_plan(program, key, page_src)
        return render_module_info(program, key)

    return MARKER.sub(replace, markdown)
