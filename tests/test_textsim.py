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


def test_both_ends_of_a_range_count_the_same_word_and_show_the_range():
    for sentence in (
        "The boys, aged between 11 and 16, were found alive.",
        "The boys, aged 11 to 16, were found alive.",
        "The boys, aged 11-16, were found alive.",
    ):
        found = quantities(sentence)
        assert [(q.value, q.unit) for q in found] == [(11.0, "aged"), (16.0, "aged")], sentence
        assert {q.text for q in found} == {sentence.split("aged ")[1].split(",")[0]}
    assert units("He faces five to 25 years in prison.") == [(5.0, "year"), (25.0, "year")]
    assert units("He earns between €30-35 million a year.") == [(30e6, "euro"), (35e6, "euro")]


def test_units_written_against_the_number_and_money_in_short():
    assert units("They sat on a ledge about 4km from the entrance.") == [(4.0, "kilometre")]
    assert units("Donors pledged €300m and $2bn.") == [(300e6, "euro"), (2e9, "dollar")]
    assert units("The tower is 300m tall.") == [(300.0, "metre")]


def test_what_is_counted_is_neither_a_number_nor_a_name():
    assert units("Three British divers found the group.") == [(3.0, "diver")]
    assert units("Holders get 0.2745 Disney shares for each Fox share.")[0][1] != "disney"
    assert units("The first quake struck at 4:17am (01:17 GMT).") == []
    assert units("He faces up to 29 years in prison.") == [(29.0, "year")]
