"""Danish spell check: Hunspell with Debian's dictionary and the project word list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT
from sitekit import prose
from sitekit.spelling import load_word_list


def check_docs(docs: Path, out: Path) -> list[tuple[str, int | None, str, str]]:
    """The spelling findings of the strict build (`make check`) of ``docs`` into ``out``/site:
    (file name, line, word, message)."""
    problems = out / "problems.json"
    subprocess.run([sys.executable, "-m", "sitekit", "build", "--docs-dir", str(docs), "--dato", "2026-11-26",
                    "--site-dir", str(out / "site"), "--json", str(problems)],
                   cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT / "scripts")), capture_output=True, text=True, timeout=300)
    found = json.loads(problems.read_text(encoding="utf-8"))["problems"]
    return [(Path(p["file"]).name, p["line"], p["message"].split("'")[1], p["message"])
            for p in found if p["check"] == "stavning"]


def _docs(tmp_path: Path, body: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "---\ntitle: Kontakt VINK\ndescription: Sådan kontakter du VINK.\n---\n\n" + body, encoding="utf-8")
    return docs


def test_misspelling_found_with_file_line_and_suggestion(tmp_path):
    found = check_docs(FIXTURES / "checks" / "misspelling" / "docs", tmp_path)
    assert [(name, line, word) for name, line, word, _ in found] == [("index.md", 16, "radikalisreing")]
    assert "Mente du: radikalisering" in found[0][3]


def test_correct_danish_passes(tmp_path):
    docs = _docs(tmp_path, "# Kontakt\n\nDu kan ringe til VINK, når du er bekymret for en borger.\n")
    assert check_docs(docs, tmp_path) == []


def test_title_and_description_are_checked(tmp_path):
    docs = _docs(tmp_path, "Tekst.\n")
    (docs / "index.md").write_text("---\ntitle: Bekymmring\n---\n\nTekst.\n", encoding="utf-8")
    assert [(line, word) for _, line, word, _ in check_docs(docs, tmp_path)] == [(2, "Bekymmring")]


def test_code_links_and_shortcodes_are_not_prose(tmp_path):
    body = ("# Side\n\nSe [siden](https://eksempel.example/xqzvw) og `kodeordxq`.\n\n"
            "```\nfejlxqz\n```\n\n[[kontakt ssp-koebenhavn]]\n\nLæs mere på stopekstremisme.dk.\n")
    docs = _docs(tmp_path, body)
    assert check_docs(docs, tmp_path) == []
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    text = prose.text(html[html.index("<article"):html.index("</article>")])
    assert "xqzvw" not in text and "kodeordxq" not in text and "fejlxqz" not in text and "Læs mere" in text


def test_word_list_and_glossary_accept_words(tmp_path):
    docs = _docs(tmp_path, "Ordet Frobnitzqa og Qzyx står her.\n")
    assert {word for _, _, word, _ in check_docs(docs, tmp_path)} == {"Frobnitzqa", "Qzyx"}
    (docs / "_data").mkdir()
    (docs / "_data" / "ordliste-stavning.txt").write_text("# kommentar\nFrobnitzqa  # et navn\n", encoding="utf-8")
    (docs / "_snippets").mkdir()
    (docs / "_snippets" / "ordliste.md").write_text("*[Qzyx]: En forklaring\n", encoding="utf-8")
    assert check_docs(docs, tmp_path) == []


def test_project_word_list_is_in_use():
    words = load_word_list()
    assert "Sagsnr" in words and "syrienskrigere" in words


def test_real_docs_are_spelled_right(built_site: Path):
    # The strict build of the real site fails on a misspelling, as `make check` does.
    assert (built_site / "index.html").is_file()
