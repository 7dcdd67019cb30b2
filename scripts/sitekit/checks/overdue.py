"""Pages past their review date: a warning, never an error. The site shows
readers a banner for them; this makes sure editors see it too. Time alone must
not break the build of an unrelated change."""

from __future__ import annotations

from pathlib import Path

from ..pages import FrontMatterError, iter_page_paths, parse_page
from ..problems import WARNING, Problem
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
                "'last_reviewed' (ÅÅÅÅ-MM-DD).", level=WARNING))
    return problems
