"""Behaviour of the rules on short texts written for these tests."""

from __future__ import annotations

import datetime as dt

from generator.extract import extract
from generator.extraction.sentences import split_sentences
from generator.model import Document, Metadata
from generator.options import Options


def _run(text: str, date: dt.date | None = None):
    doc = Document(seed="t.txt", name="t", format="txt", text=text, meta=Metadata(date=date))
    return extract(doc, Options(registry=None))


def _names(ex):
    return {e.name: e for e in ex.entities}


def test_abbreviations_do_not_split():
    sents = split_sentences("Dr. Ann Lee met Gen. John F. Park at 9 a.m. in Paris. They talked.")
    assert len(sents) == 2


def test_title_and_possessive_are_not_in_the_name():
    ex = _run("U.S. Secretary of State Jane Marlow visited Peru. Marlow's visit was short.")
    person = _names(ex)["Jane Marlow"]
    assert person.roles == ["U.S. Secretary of State"]
    assert [m.text for m in person.mentions] == ["Jane Marlow", "Marlow"]


def test_appositive_role_after_name():
    ex = _run("Tom Brandt, a spokesman for the ministry, said the road was closed.")
    assert _names(ex)["Tom Brandt"].roles == ["spokesman for the ministry"]


def test_country_aliases_are_one_place():
    ex = _run("The U.S. and the United States Navy differ. America's view is firm.")
    assert "United States" in _names(ex)


def test_according_to_and_quote_sources():
    ex = _run(
        'According to Reuters, the bridge reopened on Tuesday. "We are ready," said Maria Olsen.\n'
        "Officials said the port would stay shut."
    )
    rows = {(s.name, s.kind): s for s in ex.sources}
    assert rows[("Reuters", "outlet")].claims[0].text == "the bridge reopened on Tuesday"
    assert rows[("Maria Olsen", "person")].claims[0].text == "We are ready"
    anon = rows[("Officials", "anonymous")].claims[0]
    assert anon.anonymous_only and anon.text == "the port would stay shut"


def test_basis_told_reporters():
    ex = _run("Mayor Paula Green told reporters that the water was safe.")
    src = ex.sources[0]
    assert (src.name, src.basis) == ("Paula Green", "told reporters")


def test_timeline_resolves_against_date():
    ex = _run("The talks began on Tuesday and ended June 19.", dt.date(2024, 6, 21))
    dates = {t.text: t.date for t in ex.timeline}
    assert dates["on Tuesday"] == dt.date(2024, 6, 18)
    assert dates["June 19"] == dt.date(2024, 6, 19)


def test_dateline_gives_the_date():
    ex = _run("Monday, May 18, 2015\n\nThe rescue went on for days.")
    assert ex.date == dt.date(2015, 5, 18)
    assert ex.summary == [2]


def test_headline_uses_only_text_words():
    ex = _run("The city council is considering a new tax on boats, officials said.")
    words = set(ex.headline.lower().split())
    assert words <= set(
        ["the", "city", "council", "is", "considering", "a", "new", "tax", "on", "boats"]
    )


def test_never_crashes_on_odd_input():
    for text in ["", " ", "\n\n\n", "A" * 10_000, "é" * 500 + ".", "x. " * 50_000, "U.S.\n" * 100]:
        ex = _run(text)
        assert isinstance(ex.entities, list)
