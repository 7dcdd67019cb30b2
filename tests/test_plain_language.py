"""Plain language, measured: LIX at most 40 on the guidance pages.

The unit tests use short Danish texts whose words, sentences and long words
are counted by hand in the comments, so a change in the rules of
scripts/sitekit/lix.py shows up as a failing number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.lix import LIMIT, MIN_WORDS, analyse, guidance_pages
from sitekit.paths import DOCS, rel

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lix"


def test_two_plain_sentences():
    # "Du ringer til VINK." 4 words; "Vi hjælper dig med at vurdere bekymringen." 7 words.
    # Long (> 6 letters): hjælper (7), vurdere (7), bekymringen (11); "ringer" has 6.
    # LIX = 11/2 + 100*3/11 = 5.5 + 27.27 = 32.77
    text = "Du ringer til VINK. Vi hjælper dig med at vurdere bekymringen."
    result = analyse(text)
    assert (result.words, result.sentences, result.long_words) == (11, 2, 3)
    assert analyse(text).score == pytest.approx(5.5 + 300 / 11)


def test_markdown_is_reduced_to_visible_prose():
    page = """---
title: Test med mange lange ord i titlen
description: Beskrivelsen tæller heller ikke med i beregningen.
---

# Hvornår skal du ringe?

Ring til [VINK](https://vink.kk.dk/en/meget/lang/adresse) i dag.

[[kontakt vink]]

```python
print("ignoreret programkode her")
```

| Dato | Regel |
|---|---|
| 2015 | Serviceloven gjaldt |

!!! danger "Er nogen i akut fare"
    Ring til politiet.
"""
    # Heading "Hvornår skal du ringe?": 4 words, 1 long (Hvornår), ends a sentence (1).
    # "Ring til VINK i dag.": 5 words, URL dropped, sentence 2.
    # Shortcode, code and front matter: nothing.
    # Table cells "Dato", "Regel", "2015", "Serviceloven gjaldt": 5 words, 4 sentences (3..6),
    #   1 long (Serviceloven; "gjaldt" has 6 letters, "2015" has none).
    # Admonition title without punctuation: 5 words, no sentence of its own; it joins
    #   "Ring til politiet." (3 words, 1 long) into sentence 7.
    # Words 4+5+5+5+3 = 22, sentences 7, long 3.
    result = analyse(page)
    assert (result.words, result.sentences, result.long_words) == (22, 7, 3)
    assert analyse(page).score == pytest.approx(22 / 7 + 300 / 22)


def test_abbreviations_numbers_and_dates_do_not_end_sentences():
    text = ("Det står i Barnets lov § 20, stk. 3. Fristen er fire måneder fra 1. januar. "
            "Se bl.a. Ankestyrelsen.")
    # Words (§ is not a word): Det står i Barnets lov 20, stk. 3. | Fristen er fire måneder
    # fra 1. januar. | Se bl.a. Ankestyrelsen. = 8 + 7 + 3 = 18 words, 3 sentences.
    # "stk. 3" and "1. januar" do not split (next token is not a capital letter);
    # "bl.a. Ankestyrelsen" does not split (known abbreviation).
    # Long: Barnets, Fristen, måneder, Ankestyrelsen = 4 ("januar" has 6 letters).
    result = analyse(text)
    assert (result.words, result.sentences, result.long_words) == (18, 3, 4)
    assert analyse(text).score == pytest.approx(18 / 3 + 400 / 18)


def test_heading_is_a_sentence_only_when_it_ends_like_one():
    # "Sådan er det i dag" + "Du ringer." = 7 words in one sentence, no long words.
    assert analyse("## Sådan er det i dag\n\nDu ringer.\n") == analyse("Sådan er det i dag du ringer.")
    assert analyse("## Sådan er det i dag\n\nDu ringer.\n").score == pytest.approx(7.0)
    # "Hvad gør du?" is a sentence of its own: 5 words, 2 sentences.
    assert analyse("## Hvad gør du?\n\nDu ringer.\n").score == pytest.approx(2.5)


def test_list_items_end_sentences_and_empty_text_scores_zero():
    # Three items of two words each: 6 words, 3 sentences, no long words.
    assert analyse("1. Tal sammen\n2. Skriv ned\n3. Ring op\n").score == pytest.approx(2.0)
    assert analyse("---\ntitle: Tom\n---\n").score == 0.0


def test_the_2015_memo_fails_the_limit():
    # The memo's long official sentences show that the metric can fail (about 50).
    score = analyse((FIXTURES / "notat-2015-uddrag.txt").read_text(encoding="utf-8")).score
    assert score > LIMIT
    assert 45 < score < 55


@pytest.mark.parametrize("path", guidance_pages(DOCS), ids=lambda p: rel(p, DOCS))
def test_guidance_page_is_plain_language(path: Path):
    result = analyse(path.read_text(encoding="utf-8"))
    if result.words < MIN_WORDS:
        # A stub ("Siden er under udarbejdelse.") is too short for LIX to mean anything.
        return
    assert result.score <= LIMIT, (
        f"{rel(path)} har LIX {result.score:.1f} (højst {LIMIT:.0f}): {result.words} ord, "
        f"{result.sentences} sætninger, {result.long_words} lange ord. "
        "Skriv kortere sætninger og vælg kortere ord."
    )
