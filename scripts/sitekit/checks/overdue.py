"""Pages past their review date. The site shows readers a warning for them;
this check makes sure editors see it before anyone else does."""

from __future__ import annotations

from pathlib import Path

from ..pages import parse_page
from ..pages import FrontMatterError, iter_page_paths
from ..problems import Problem
from ..reviews import danish_date, review_of, today


def check(docs_dir: Path) -> list[Problem]:
    problems = []
    on = today()
    for path in iter_page_paths(docs_dir):
        try:
            page = parse_page(path)
        except FrontMatterError:
            continue  # reported by the front matter check
        review = review_of(page.meta, on)
        if review and review.overdue:
            problems.append(Problem.at(
                path, page.line_of("last_reviewed"), "gennemgang",
                f"Siden skulle have været gennemgået senest {danish_date(review.due)}. "
                "Læserne ser nu en advarsel om, at siden kan være forældet.",
                "Gennemgå hele siden og ret det, der er forældet. Skriv så dagens dato i "
                "'last_reviewed' (ÅÅÅÅ-MM-DD).",
            ))
    return problems
