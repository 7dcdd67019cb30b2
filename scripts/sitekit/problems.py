"""One shape for every mistake a check finds, worded in Danish for editors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import rel


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in one file: where it is, what is wrong and what to do.

    ``message`` and ``hint`` are Danish sentences an editor can act on.
    """

    file: str
    line: int | None
    check: str
    message: str
    hint: str = ""

    @classmethod
    def at(cls, path: Path | str, line: int | None, check: str, message: str, hint: str = "") -> "Problem":
        return cls(rel(Path(path)), line, check, message, hint)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n    Sådan retter du det: {self.hint}"
        return text


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, with a Danish summary line last."""
    if not problems:
        return "Ingen fejl fundet."
    lines = [p.format() for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.check))]
    files = len({p.file for p in problems})
    noun = "fejl" if len(problems) == 1 else "fejl"
    lines.append(f"\n{len(problems)} {noun} i {files} {'fil' if files == 1 else 'filer'}.")
    return "\n".join(lines)
