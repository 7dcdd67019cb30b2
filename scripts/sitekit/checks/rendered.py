"""Personal data, spelling, abbreviations and unfinished text, checked on what readers get: the prose
of each rendered page (sitekit.prose; code is left out) with its title and description. A finding is
reported at the page's own line when its Markdown has it, else at the line of the data file that put
it on the page, as the images' lines are found (checks/content.py). Text copied from elsewhere (the
review list, the sources of the front matter) is left to where it is written."""

from __future__ import annotations

import re
from pathlib import Path

from .. import glossary, i18n, spelling
from ..mdtext import mask_code
from ..pages import FrontMatterError, real_date, split_front_matter
from ..paths import data_file
from ..problems import Problem
from .unfinished import LEFTOVER

# The data files whose text the build puts on pages.
DATA_FILES = ("beslutningsguide.yml", "selvtjek.yml", "program.yml", "foerste-skridt.yml", "efter-vink.yml",
              "kontakter.yml")
# DDMMYY-XXXX or DDMMYYXXXX, not part of a longer number.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")


def plausible_cpr(day: str, month: str, year: str) -> bool:
    return any(real_date(f"{century}{year}-{month}-{day}") for century in ("19", "20"))


def _words(text: str) -> str:
    """The text without addresses, e-mail addresses, file names and paths: not words to spell."""
    return " ".join(t for t in text.split() if not re.search(r"/|@|\w\.\w", t))


def _page(path: Path, whole: bool) -> list[str]:
    """A page's lines without code; of the front matter only the title and description (what readers get),
    unless ``whole`` (a CPR number is never published, not even in the page's source)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    try:
        body_line = split_front_matter(text)[2]
    except FrontMatterError:
        body_line = 1
    lines = mask_code(text).splitlines()
    return [line if whole or n >= body_line or line.startswith(("title:", "description:")) else ""
            for n, line in enumerate(lines, start=1)]


def _values(path: Path) -> list[str]:
    """A data file's lines without comments and keys (ids are not text)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return ["" if line.lstrip().startswith("#") else re.sub(r"^\s*(- )?[\w-]+:(\s|$)", "", line) for line in lines]


class Finder:
    """The lines of a page's Markdown, else of the data files, where a word or number stands."""

    def __init__(self, docs_dir: Path):
        self.docs = Path(docs_dir)
        self.data = {p: _values(p) for p in (self.docs / "_data" / name for name in DATA_FILES)}

    def at(self, src: str, needle: str, first: bool = False, whole: bool = False) -> list[tuple[Path, int | None, bool]]:
        """(file, line, whether the file is the page itself) for each line holding ``needle``; none when the
        text was copied onto the page from elsewhere (the review list), where it is checked."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")
        page = self.docs / src
        for path, text, own in [(page, _page(page, whole), True)] + [(p, t, False) for p, t in self.data.items()]:
            found = [(path, n, own) for n, line in enumerate(text, start=1) if pattern.search(line)]
            if found:
                return found[:1] if first else found
        return [(page, None, True)] if whole else []


def problems(docs_dir: Path, prose: dict[str, str], memo: dict[str, bool] | None = None) -> list[Problem]:
    """Every finding on the rendered pages; ``prose``: page -> the text readers get. ``memo``: Hunspell's answers."""
    where, found, misspelled = Finder(docs_dir), [], []
    path = data_file(docs_dir, "_snippets/ordliste.md")
    entries = glossary.load(path) if path.is_file() else None
    # A line without its colon is one mistake at that line (abbreviations.py), not one on every page using the word.
    broken = {name for _, name, _ in glossary.mistakes(path)} if entries is not None else set()
    danish = {src: text for src, text in prose.items() if i18n.page_language(src) == i18n.DEFAULT}
    try:
        wrong = spelling.unknown({w for text in danish.values() for w in spelling._WORD.findall(_words(text))}, docs_dir, memo)
    except RuntimeError as exc:  # only where spelling is required (CI): elsewhere it is skipped with a note
        wrong = set()
        found.append(Problem.at(Path(docs_dir), None, "stavning", f"Stavningen blev ikke tjekket: {exc}",
                                "Installer Debian-pakkerne hunspell og hunspell-da (`make system` som root)."))
    for src, text in sorted(prose.items()):
        for number in dict.fromkeys(m.group(0) for m in _CPR.finditer(text) if plausible_cpr(*m.groups()[:3])):
            found += [Problem.at(file, line, "persondata",
                                 "Her står noget, der ligner et CPR-nummer. CPR-numre må aldrig stå på sitet.",
                                 "Slet nummeret. Er det ikke et CPR-nummer, så skriv det på en anden måde, fx med punktummer.")
                      for file, line, _ in where.at(src, number, whole=True)]
        for token in sorted(glossary.abbreviations_in(_words(text)) - glossary.NOT_ABBREVIATIONS):
            if LEFTOVER.fullmatch(token):
                found += [Problem.at(file, line, "ufærdig side", f"Siden er ikke færdig: '{token}' står i teksten.",
                                     "Gør det færdigt, der mangler, og slet markeringen. Skal ordet vises som eksempel, "
                                     "så skriv det som kode mellem `backticks`.") if own else
                          Problem.at(file, line, "ufærdig side", f"Teksten er ikke færdig: '{token}' står i den.",
                                     "Gør det færdigt, der mangler, og slet markeringen.")
                          for file, line, own in where.at(src, token)]
            elif entries is not None and not glossary.is_defined(token, entries) and token not in broken:
                found += [Problem.at(file, line, "forkortelser", f"Forkortelsen '{token}' er ikke forklaret i ordlisten.",
                                     f"Tilføj en linje i docs/_snippets/ordliste.md: *[{token}]: forklaring på dansk."
                                     + (" Skriv også forklaringen i teksten første gang på siden. Er det ikke en "
                                        "forkortelse, så skriv ordet med små bogstaver." if own else ""))
                          for file, line, own in where.at(src, token, first=True)]
        misspelled += [(word, file, line) for word in sorted(set(spelling._WORD.findall(_words(danish.get(src, "")))) & wrong)
                       for file, line, _ in where.at(src, word)]
    hints = spelling.suggestions(sorted({word for word, _, _ in misspelled}))
    found += [Problem.at(file, line, "stavning",
                         f"Ukendt ord: '{word}'." + (f" Mente du: {', '.join(hints[word])}?" if hints[word] else ""),
                         "Ret stavningen. Er ordet rigtigt (fx et navn eller et fagord), så tilføj det på sin egen "
                         "linje i docs/_data/ordliste-stavning.txt.")
              for word, file, line in misspelled]
    # A data file's text on several pages is one finding.
    return list(dict.fromkeys(found))
