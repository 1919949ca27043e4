"""Numbers with what they count, the basis of number disagreements between reports."""

from __future__ import annotations

from generator.textsim import quantities


def units(sentence: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities(sentence)]


def test_a_number_is_read_with_the_word_it_counts():
    assert units("At least 230 people were killed in the quake.") == [(230.0, "people")]
    assert units("The quake killed 15, officials said.") == [(15.0, "kill")]
    assert units("Macron won 65.5 per cent, Le Pen 34.5%.") == [
        (65.5, "percent"),
        (34.5, "percent"),
    ]


def test_compounds_scales_and_years():
    assert units("A 12-year-old girl was trapped.") == [(12.0, "year-old")]
    assert units("Disney offered $71.3 billion for the studios.") == [(71.3e9, "dollar")]
    assert units("The cathedral was finished in 1345.") == []
    assert units("The ship sails on 12 May and returns on June 3.") == []
    assert (
        units("The crash site was 62 km from the city.")[0][1]
        == units("The crash site was 60 kilometres from the city.")[0][1]
    )
