"""Danish spell check with Hunspell and Debian's dictionary (hunspell-da).

Hunspell is a system program. An editor's machine without it (no root, a Mac)
still runs `make check`: the spell check is skipped with a Danish warning on
stderr. In CI (CI=true) or with SITEKIT_SPELLING=kraev it is never skipped: a
missing Hunspell is an error there, so every pull request is spelled.

All words of all pages go to one `hunspell -a` call, so the whole site takes
well under a second. Words that are right but not in the dictionary (names,
abbreviations, professional terms) go in the project word list
docs/_data/ordliste-stavning.txt; the abbreviations explained in the glossary
(docs/_snippets/ordliste.md) are accepted too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import DATA, SNIPPETS

DICTIONARY = Path("/usr/share/hunspell/da_DK")
WORD_LIST = DATA / "ordliste-stavning.txt"
GLOSSARY = SNIPPETS / "ordliste.md"

_LETTERS = r"[A-Za-zÀ-ÖØ-öø-ÿ]+"
# A word, with hyphenated compounds kept whole: "post-its", "SSP-samarbejdet".
_WORD = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
def load_word_list(path: Path = WORD_LIST, glossary: Path = GLOSSARY) -> set[str]:
    """Accepted words: the project word list and the glossary's abbreviations."""
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).is_file() else []
    words = {line.split("#", 1)[0].strip() for line in lines} - {""}
    if Path(glossary).is_file():
        for m in re.finditer(r"^\*\[([^\]]+)\]:", Path(glossary).read_text(encoding="utf-8"), re.M):
            words.update(_WORD.findall(m.group(1)))
    return words


def _accepted(word: str, words: set[str]) -> bool:
    if word in words or word.lower() in words or word.capitalize() in words:
        return True
    # Genitive of an accepted name or abbreviation: VINKs, SSP's.
    return word.endswith("s") and word[:-1] in words


SKIPPED = ("Bemærk: stavekontrollen er sprunget over, fordi {what} ikke er installeret på denne maskine. "
           "Stavningen bliver tjekket, når du laver en pull request. Vil du tjekke den selv, så brug "
           "dev containeren (se README) eller bed om Debian-pakkerne hunspell og hunspell-da.")


def missing(dictionary: Path = DICTIONARY) -> str | None:
    """What is missing for the spell check, in Danish, or None when it can run."""
    if shutil.which("hunspell") is None:
        return "programmet hunspell"
    if not Path(str(dictionary) + ".dic").is_file():
        return f"den danske ordbog ({dictionary}.dic, pakken hunspell-da)"
    return None


def required() -> bool:
    """CI always spells; an editor's machine may skip when Hunspell is missing."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes") or \
        os.environ.get("SITEKIT_SPELLING", "").lower() in ("kraev", "kræv", "required")


def _hunspell(option: str, lines: str, dictionary: Path) -> str:
    """What ``hunspell OPTION`` prints for ``lines``."""
    if lack := missing(dictionary):
        raise RuntimeError(f"Stavekontrollen kan ikke køre: {lack} mangler. Installer Debian-pakkerne "
                           "hunspell og hunspell-da (`make system` som root).")
    return subprocess.run(["hunspell", option, "-i", "utf-8", "-d", str(dictionary)], input=lines, capture_output=True,
                          text=True, encoding="utf-8", check=True, timeout=120).stdout


def hunspell(words: list[str], dictionary: Path = DICTIONARY) -> dict[str, dict[str, tuple[str, ...]]]:
    """For each word Hunspell finds fault with: the (sub)words it does not know,
    each with up to three suggestions. Hunspell checks the parts of a
    hyphenated word ("SSP-samarbejdet") one by one."""
    # "^" makes Hunspell read each line as plain text, never as a command.
    # After a version line, each input line gives one result line per word and an empty line.
    blocks = _hunspell("-a", "".join(f"^{w}\n" for w in words), dictionary).split("\n\n")
    blocks[0] = blocks[0].split("\n", 1)[1] if "\n" in blocks[0] else ""
    unknown: dict[str, dict[str, tuple[str, ...]]] = {}
    for word, block in zip(words, blocks, strict=False):
        for line in block.splitlines():
            if line.startswith("& "):
                head, _, sugg = line.partition(": ")
                unknown.setdefault(word, {})[head.split()[1]] = tuple(x.strip() for x in sugg.split(",")[:3])
            elif line.startswith("# "):
                unknown.setdefault(word, {})[line.split()[1]] = ()
    return unknown


def flagged(words: list[str], dictionary: Path = DICTIONARY, memo: dict[str, bool] | None = None) -> list[str]:
    """The words Hunspell finds fault with, without suggestions (``hunspell -l``, many times
    faster). It lists the faulty (sub)words; a word is kept when it or one of its hyphenated parts is listed.
    ``memo`` keeps the answers between calls (the preview's rebuilds ask only for new words)."""
    memo = {} if memo is None else memo
    if new := [w for w in words if w not in memo]:
        listed = set(_hunspell("-l", "".join(f"{w}\n" for w in new), dictionary).split())
        memo.update({w: w in listed or any(part in listed for part in w.split("-")) for w in new})
    return [w for w in words if memo[w]]


def unknown(seen: set[str], docs_dir: Path, memo: dict[str, bool] | None = None) -> set[str]:
    """The misspelled words among ``seen`` (the words readers get)."""
    lack = missing()
    if lack is not None and not required():
        print(SKIPPED.format(what=lack), file=sys.stderr)
        return set()
    accepted = load_word_list()
    own = Path(docs_dir) / "_data" / "ordliste-stavning.txt"
    if own.is_file() and own.resolve() != WORD_LIST.resolve():
        accepted = accepted | load_word_list(own, Path(docs_dir) / "_snippets" / "ordliste.md")
    # Every distinct word not in the word list goes to Hunspell once.
    faulted = flagged(sorted(w for w in seen if len(w) > 1 and not _accepted(w, accepted)), memo=memo)
    # A hyphenated word Hunspell does not know whole ("SSP-samarbejdet") is
    # right when each part is known or accepted: ask once more for the parts.
    parts = flagged(sorted({p for w in faulted if "-" in w for p in w.split("-")
                            if len(p) > 1 and not _accepted(p, accepted)}), memo=memo)
    return {w for w in faulted if "-" not in w or any(p in parts for p in w.split("-"))}


def suggestions(words: list[str]) -> dict[str, tuple[str, ...]]:
    """Up to three suggestions per misspelled word; for a hyphenated word without its own, those of its
    first wrong part. Suggestions cost Hunspell far more than the check: ask only for the words reported."""
    first = {w: next(iter(found.values())) for w, found in (hunspell(words) if words else {}).items()}
    parts = sorted({p for w in words if "-" in w and not first.get(w) for p in w.split("-")})
    of_parts = {p: next(iter(found.values())) for p, found in (hunspell(parts) if parts else {}).items()}
    return {w: first.get(w) or next((of_parts[p] for p in w.split("-") if p in of_parts), ()) for w in words}
