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
