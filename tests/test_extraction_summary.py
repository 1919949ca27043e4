"""Sentence splitting and what is built from sentences: headline and summary
(generator/extraction/sentences.py, headline.py, summary.py)."""

from __future__ import annotations

from extraction_helpers import run

from generator.extraction.sentences import split_sentences


def test_abbreviations_do_not_split():
    sents = split_sentences("Dr. Ann Lee met Gen. John F. Park at 9 a.m. in Paris. They talked.")
    assert len(sents) == 2


def test_headline_uses_only_text_words():
    ex = run("The city council is considering a new tax on boats, officials said.")
    words = set(ex.headline.lower().split())
    assert words <= set(
        ["the", "city", "council", "is", "considering", "a", "new", "tax", "on", "boats"]
    )


def test_bottom_line_starts_with_the_lead_not_a_dateline_or_credit():
    ex = run(
        "By Jane Smith\nPhoto: Getty Images\nLONDON, June 3 (AP) — British lawmakers voted on "
        "Monday to hold an early election in December.\n\nThe vote passed by 438 to 20."
    )
    first = ex.sentences[ex.summary[0] - 1].text
    assert first.startswith("British lawmakers voted on Monday")


def test_fused_headings_are_not_the_bottom_line():
    ex = run(
        "Markets Business World Economy Tech Stocks Slide As Fed Signals Rate Hike\n"
        "Stocks fell sharply on Wednesday after the central bank signalled a rate rise."
    )
    assert ex.sentences[ex.summary[0] - 1].text.startswith("Stocks fell sharply")


def test_a_date_as_dateline_does_not_open_the_bottom_line():
    ex = run(
        "December 28, 2014: Markets opened lower on Monday as neither the bulls nor the bears "
        "could gin up support.\n\nThe Dow fell 20 points by noon."
    )
    first = ex.sentences[ex.summary[0] - 1].text
    assert first.startswith("Markets opened lower")
