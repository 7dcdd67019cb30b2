"""Danish spell check: Hunspell with Debian's dictionary and the project word list."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from sitekit.paths import DOCS
from sitekit.spelling import check_docs, load_word_list, prose


def _docs(tmp_path: Path, body: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "---\ntitle: Kontakt VINK\ndescription: Sådan kontakter du VINK.\n---\n\n" + body, encoding="utf-8")
    return docs


def test_misspelling_found_with_file_line_and_suggestion():
    found = check_docs(FIXTURES / "checks" / "misspelling" / "docs")
    assert [(m.path.name, m.line, m.word) for m in found] == [("index.md", 16, "radikalisreing")]
    assert "radikalisering" in found[0].suggestions


def test_correct_danish_passes(tmp_path):
    docs = _docs(tmp_path, "# Kontakt\n\nDu kan ringe til VINK, når du er bekymret for en borger.\n")
    assert check_docs(docs) == []


def test_title_and_description_are_checked(tmp_path):
    docs = _docs(tmp_path, "Tekst.\n")
    (docs / "index.md").write_text("---\ntitle: Bekymmring\n---\n\nTekst.\n", encoding="utf-8")
    assert [(m.line, m.word) for m in check_docs(docs)] == [(2, "Bekymmring")]


def test_code_links_and_shortcodes_are_not_prose(tmp_path):
    body = ("# Side\n\nSe [siden](https://eksempel.example/xqzvw) og `kodeordxq`.\n\n"
            "```\nfejlxqz\n```\n\n[[kontakt ssp-koebenhavn]]\n\nLæs mere på stopekstremisme.dk.\n")
    docs = _docs(tmp_path, body)
    assert check_docs(docs) == []
    text = prose(body)
    assert "xqzvw" not in text and "kodeordxq" not in text and "fejlxqz" not in text
    assert text.count("\n") == body.count("\n")


def test_word_list_and_glossary_accept_words(tmp_path):
    docs = _docs(tmp_path, "Ordet Frobnitzqa og Qzyx står her.\n")
    assert {m.word for m in check_docs(docs)} == {"Frobnitzqa", "Qzyx"}
    (docs / "_data").mkdir()
    (docs / "_data" / "ordliste-stavning.txt").write_text("# kommentar\nFrobnitzqa  # et navn\n", encoding="utf-8")
    (docs / "_snippets").mkdir()
    (docs / "_snippets" / "ordliste.md").write_text("*[Qzyx]: En forklaring\n", encoding="utf-8")
    assert check_docs(docs) == []


def test_project_word_list_is_in_use():
    words = load_word_list()
    assert "Sagsnr" in words and "syrienskrigere" in words


def test_real_docs_are_spelled_right():
    assert [f"{m.path.relative_to(DOCS)}:{m.line}: {m.word}" for m in check_docs(DOCS)] == []
