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
A mistake raises ProgramError with the file, the line and what to do, in Danish.
"""

from __future__ import annotations

import html
import math
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .paths import DATA, rel
from .problems import Problem

DATA_FILE = DATA / "program.yml"
CHECK = "kompetenceforløb"
MARKER = re.compile(r"^<!--\s*(?P<kind>drejeark|drejebog|modulinfo):\s*(?P<id>[a-z0-9-]+)\s*-->\s*$", re.M)
FORMS = {
    "plenum": "Plenum",
    "oplæg": "Oplæg",
    "grupper": "Grupper",
    "hver for sig": "Hver for sig",
    "pause": "Pause",
}
PER = {"deltager", "gruppe", "underviser"}


class ProgramError(ValueError):
    """program.yml is wrong; the message names the file, the line and the fix, in Danish."""

    def problem(self, path: Path) -> Problem:
        """The mistake for the collector: "<file>, linje N: …" becomes the Problem's line."""
        m = re.match(r"^.*?, linje (?P<line>\d+): (?P<msg>.*)$", str(self), re.S)
        return Problem.at(path, int(m["line"]) if m else None, CHECK, m["msg"] if m else str(self),
                          "Ret tallene eller felterne i programmet. Forklaringen står øverst i filen.")


# --- reading with line numbers ---------------------------------------------------------

class _LineDict(dict):
    line = 0                       # the line of the mapping's first key
    lines: dict[str, int] = {}     # the line of each key


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    d = _LineDict(loader.construct_mapping(node, deep=True))
    d.line = node.start_mark.line + 1
    d.lines = {k.value: k.start_mark.line + 1 for k, _v in node.value if isinstance(k, yaml.ScalarNode)}
    return d


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass
class Item:
    title: str
    minutes: int
    form: str = ""
    case: str = ""             # "modul-1#case-1b": the case the item runs
    groups: int = 0            # minutes in groups (cases)
    plenary: int = 0           # minutes in plenary (cases)
    module: str = ""           # id of the module this block runs
    section: str = ""          # "modul-1#case-1b" or "modul-2#drejebog": where the material is
    prints: tuple[tuple[str, str], ...] = ()   # (what, per)
    parts: list[Item] = field(default_factory=list)
    line: int = 0


@dataclass
class Module:
    id: str
    title: str
    page: str
    audience: str
    materials: tuple[str, ...]
    board: tuple[str, ...]
    plan: list[Item]
    minutes: int
    line: int = 0


@dataclass
class Format:
    id: str
    title: str
    page: str
    minutes: int
    start: str
    participants: int
    group_size: int
    items: list[Item]
    board: tuple[str, ...]
    materials: tuple[str, ...]
    line: int = 0

    @property
    def groups(self) -> int:
        return math.ceil(self.participants / self.group_size)

    def group_plan(self) -> str:
        n, rest = divmod(self.participants, self.group_size)
        if rest == 0:
            return f"{n} grupper à {self.group_size}"
        # e.g. 18 participants in groups of 4: 3 groups of 4 and 2 of 3.
        groups = math.ceil(self.participants / self.group_size)
        small = groups * self.group_size - self.participants
        return (f"{groups - small} grupper à {self.group_size} og {small} "
                f"{'gruppe' if small == 1 else 'grupper'} à {self.group_size - 1}")


@dataclass
class Program:
    modules: dict[str, Module]
    formats: dict[str, Format]
    path: Path


def _where(path: Path, line: int) -> str:
    return f"{rel(path)}, linje {line}"


def _text(raw: dict, key: str, path: Path, what: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProgramError(f"{_where(path, raw.line)}: {what} mangler feltet '{key}' (tekst).")
    return value.strip()


def _minutes(raw: dict, key: str, path: Path, what: str, required: bool = True) -> int:
    value = raw.get(key, None if required else 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProgramError(f"{_where(path, raw.line)}: {what}: '{key}' skal være et helt antal minutter "
                           f"(fandt {value!r}).")
    return value


def _strings(raw: dict, key: str, path: Path) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProgramError(f"{_where(path, raw.line)}: '{key}' skal være en liste med tekster.")
    return tuple(v.strip() for v in value)


def _item(raw: object, path: Path, parent_line: int) -> Item:
    if not isinstance(raw, dict):
        raise ProgramError(f"{_where(path, parent_line)}: hvert punkt skal have 'titel' og 'minutter'.")
    title = _text(raw, "titel", path, "Et punkt")
    what = f"punktet '{title}'"
    item = Item(title, _minutes(raw, "minutter", path, what), line=raw.line)
    item.form = str(raw.get("form") or "")
    if item.form and item.form not in FORMS:
        raise ProgramError(f"{_where(path, raw.line)}: {what}: ukendt form '{item.form}'. "
                           f"Brug en af: {', '.join(FORMS)}.")
    item.case = str(raw.get("case") or "")
    item.module = str(raw.get("modul") or "")
    item.section = str(raw.get("afsnit") or item.case or "")
    prints = []
    for p in raw.get("udskriv") or []:
        if not isinstance(p, dict) or not p.get("hvad") or p.get("pr") not in PER:
            raise ProgramError(f"{_where(path, getattr(p, 'line', raw.line))}: {what}: hver linje i 'udskriv' "
                               f"skal have 'hvad' og 'pr' ({', '.join(sorted(PER))}).")
        prints.append((str(p["hvad"]), str(p["pr"])))
    item.prints = tuple(prints)
    if item.case:
        item.groups = _minutes(raw, "grupper", path, what, required=False)
        item.plenary = _minutes(raw, "plenum", path, what, required=False)
        if item.groups + item.plenary != item.minutes:
            raise ProgramError(
                f"{_where(path, raw.line)}: Tiderne passer ikke i {what}: grupper {item.groups} + plenum "
                f"{item.plenary} = {item.groups + item.plenary} minutter, men punktet har {item.minutes}. "
                "Ret 'grupper', 'plenum' eller 'minutter', så de passer.")
        item.form = item.form or ("grupper" if item.groups else "plenum")
    parts = raw.get("dele")
    if parts is not None:
        if not isinstance(parts, list) or not parts:
            raise ProgramError(f"{_where(path, raw.line)}: {what}: 'dele' skal være en liste med punkter.")
        item.parts = [_item(p, path, raw.line) for p in parts]
        total = sum(p.minutes for p in item.parts)
        if total != item.minutes:
            raise ProgramError(
                f"{_where(path, raw.line)}: Tiderne passer ikke i {what}: delene tager {total} minutter, "
                f"men punktet har {item.minutes}. Ret minuttallene, så de passer.")
    return item


def _items(raw: dict, key: str, path: Path, what: str, minutes: int) -> list[Item]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise ProgramError(f"{_where(path, raw.line)}: {what} mangler '{key}' (en liste med punkter).")
    items = [_item(v, path, raw.line) for v in value]
    total = sum(i.minutes for i in items)
    if total != minutes:
        raise ProgramError(
            f"{_where(path, raw.lines.get('minutter', raw.line))}: Tiderne passer ikke i {what}: punkterne tager {total} minutter, "
            f"men {what} skal vare {minutes} minutter. Ret minuttallene, så de passer.")
    return items


def load(path: Path = DATA_FILE) -> Program:
    path = Path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise ProgramError(f"{_where(path, line)}: filen kan ikke læses som YAML ({exc.problem}). "
                           "Tjek indrykning og kolon.") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("moduler"), dict) \
            or not isinstance(raw.get("formater"), dict):
        raise ProgramError(f"{rel(path)}: filen skal have afsnittene 'moduler:' og 'formater:'.")
    modules = {}
    for mid, m in raw["moduler"].items():
        if not isinstance(m, dict):
            raise ProgramError(f"{rel(path)}: modulet '{mid}' skal have felter.")
        minutes = _minutes(m, "minutter", path, f"modulet '{mid}'")
        modules[mid] = Module(mid, _text(m, "titel", path, f"Modulet '{mid}'"),
                              _text(m, "side", path, f"Modulet '{mid}'"),
                              _text(m, "målgruppe", path, f"Modulet '{mid}'"),
                              _strings(m, "materialer", path), _strings(m, "tavle", path),
                              _items(m, "plan", path, f"modulet '{mid}'", minutes), minutes, m.line)
    formats = {}
    for fid, f in raw["formater"].items():
        if not isinstance(f, dict):
            raise ProgramError(f"{rel(path)}: formatet '{fid}' skal have felter.")
        what = f"formatet '{fid}'"
        minutes = _minutes(f, "minutter", path, what)
        start = _text(f, "start", path, what.capitalize())
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", start):
            raise ProgramError(f"{_where(path, f.line)}: {what}: 'start' skal være et klokkeslæt som \"09:00\".")
        participants = _minutes(f, "deltagere", path, what)
        size = _minutes(f, "gruppestørrelse", path, what)
        if not 2 <= size <= participants:
            raise ProgramError(f"{_where(path, f.line)}: {what}: 'gruppestørrelse' skal være mellem 2 og "
                               "antallet af deltagere.")
        fmt = Format(fid, _text(f, "titel", path, what.capitalize()), _text(f, "side", path, what.capitalize()),
                     minutes, start, participants, size, _items(f, "punkter", path, what, minutes),
                     _strings(f, "tavle", path), _strings(f, "materialer", path), f.line)
        for item in _walk(fmt.items):
            ref = item.module or item.section.split("#")[0]
            if ref and ref not in modules:
                raise ProgramError(f"{_where(path, item.line)}: {what}: modulet '{ref}' findes ikke under "
                                   f"'moduler:' (kendte: {', '.join(modules)}).")
        formats[fid] = fmt
    return Program(modules, formats, path)


def missing_cases(prog: Program, docs_dir: Path) -> list[Problem]:
    """Every case the programme names whose module page has no heading with its anchor {#case-…}."""
    found = []
    for item in (item for fmt in prog.formats.values() for item in _walk(fmt.items) if item.case):
        mid, _, anchor = item.case.partition("#")
        page = Path(docs_dir) / prog.modules[mid].page
        if "{#" + anchor + "}" not in (page.read_text(encoding="utf-8") if page.is_file() else ""):
            found.append(Problem.at(prog.path, item.line, CHECK,
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
        for what, per in item.prints:
            seen[what] = seen.get(what, 0) + copies(fmt, per)
    return list(seen.items())


def _link(program: Program, section: str, link: Callable[[str], str]) -> str:
    mid, _, anchor = section.partition("#")
    target = link(program.modules[mid].page)
    return target + (f"#{anchor}" if anchor else "")


def render_run_sheet(program: Program, fid: str, link: Callable[[str], str]) -> str:
    fmt = program.formats[fid]
    e = html.escape
    out = [f'<div class="kf-drejeark" data-start="{e(fmt.start)}">']
    out.append('<p class="kf-drejeark__fakta">'
               f'<strong>Varighed:</strong> {fmt.minutes} minutter · '
               f'<strong>Deltagere:</strong> {fmt.participants} · '
               f'<strong>Grupper:</strong> {e(fmt.group_plan())}</p>')
    out.append('<p class="kf-drejeark__start">'
               f'<label for="kf-start-{e(fid)}">Starttid</label> '
               f'<input type="time" id="kf-start-{e(fid)}" class="kf-starttid" value="{e(fmt.start)}" '
               'step="300" hidden> '
               f'<span class="kf-uden-js">Tiderne regner fra kl. {e(clock(fmt.start, 0))}. Starter I '
               'på et andet tidspunkt, så læg forskellen til.</span></p>')
    out.append('<table class="kf-drejeark__tabel"><thead><tr><th scope="col">Kl.</th>'
               '<th scope="col">Min.</th><th scope="col">Hvad sker der?</th><th scope="col">Form</th>'
               '</tr></thead><tbody>')
    offset = 0
    for item in fmt.items:
        out.append(_row(program, fmt, item, offset, link, level=0))
        sub = offset
        for part in item.parts:
            out.append(_row(program, fmt, part, sub, link, level=1))
            sub += part.minutes
        offset += item.minutes
    out.append(f'<tr class="kf-drejeark__slut"><td><span class="kf-kl" data-offset="{offset}">'
               f'{clock(fmt.start, offset)}</span></td><td></td><td>Slut</td><td></td></tr>')
    out.append('</tbody></table>')
    out.append('<div class="kf-drejeark__bokse">')
    out.append('<section><h2 id="udskriv">Hvad skal du udskrive?</h2><ul class="kf-drejeark__udskriv">')
    for what, n in print_list(fmt):
        out.append(f'<li><strong>{n} ×</strong> {e(what)}</li>')
    out.append('</ul></section>')
    out.append('<section><h2 id="tavle">Tavleplan</h2><ol>')
    out.extend(f'<li>{e(b)}</li>' for b in fmt.board)
    out.append('</ol></section>')
    out.append('<section><h2 id="materialer">Materialer</h2><ul>')
    out.extend(f'<li>{e(m)}</li>' for m in fmt.materials)
    out.append('</ul></section></div></div>')
    return "\n".join(out)


def _row(program: Program, fmt: Format, item: Item, offset: int, link, level: int) -> str:
    e = html.escape
    title = e(item.title)
    target = item.section or (item.module and item.module + "#")
    if target:
        title = f'<a href="{e(_link(program, target.rstrip("#"), link))}">{title}</a>'
    cls = ' class="kf-drejeark__del"' if level else ""
    return (f'<tr{cls}><td><span class="kf-kl" data-offset="{offset}">{clock(fmt.start, offset)}</span></td>'
            f'<td>{item.minutes}</td><td>{title}</td><td>{e(_split(item))}</td></tr>')


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
