"""Numbers with what they count, the basis of number disagreements between reports."""

from __future__ import annotations

from generator.textsim import quantities


def units(sentence: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities(sentence)]


def test_a_number_is_read_with_the_word_it_counts():
    assert units("Rescuers pulled 230 people from the rubble.") == [(230.0, "people")]
    assert units("Macron won 65.5 per cent of the vote.") == [(65.5, "percent")]
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


def test_a_toll_is_one_unit_however_the_report_words_it():
    for sentence in (
        "At least 230 people were killed in the quake.",
        "The quake killed 230, officials said.",
        "The blast left at least 230 dead.",
        "Officials reported 230 deaths on Wednesday.",
        "At least 230 people have been confirmed dead.",
        "The death toll in the region rose to 230.",
    ):
        assert units(sentence) == [(230.0, "dead")], sentence
    assert units("The blast killed 15 people and injured 200 others.") == [
        (15.0, "dead"),
        (200.0, "injur"),
    ]
    assert units("Drivers pay a road toll of 5 dollars.") == [(5.0, "dollar")]
