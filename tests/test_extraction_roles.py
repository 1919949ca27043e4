"""Roles, titles and appositives attached to people (generator/extraction/roles.py,
appositives.py). Each test runs a short article written for it (no corpus text)."""

from __future__ import annotations

from extraction_helpers import entities_by_name, mention_texts, run, sources_by_name


def test_title_and_possessive_are_not_in_the_name():
    ex = run("U.S. Secretary of State Jane Marlow visited Peru. Marlow's visit was short.")
    person = entities_by_name(ex)["Jane Marlow"]
    assert person.roles == ["U.S. Secretary of State"]
    assert [m.text for m in person.mentions] == ["Jane Marlow", "Marlow"]


def test_appositive_role_after_name():
    ex = run("Tom Brandt, a spokesman for the ministry, said the road was closed.")
    assert entities_by_name(ex)["Tom Brandt"].roles == ["spokesman for the ministry"]


def test_person_ends_a_run_after_an_organisation_and_title():
    ex = run("At the launch, Agency Administrator Paul Brenner announced three new sites.")
    person = entities_by_name(ex)["Paul Brenner"]
    assert person.type == "PERSON" and person.roles == ["Agency Administrator"]


def test_title_of_department_then_name():
    ex = run("Minister of Transport Ilaria Benotti said the bridge would reopen.")
    assert entities_by_name(ex)["Ilaria Benotti"].roles == ["Minister of Transport"]
    assert sources_by_name(ex)["Ilaria Benotti"].claims[0].text == "the bridge would reopen"


def test_bare_title_refers_to_the_person_with_that_role():
    ex = run(
        "Foreign Secretary Alan Brooke met his counterpart. The Foreign Secretary said: "
        '"We agreed to meet again."'
    )
    person = entities_by_name(ex)["Alan Brooke"]
    assert [m.text for m in person.mentions] == ["Alan Brooke", "Foreign Secretary"]
    assert sources_by_name(ex)["Alan Brooke"].claims[0].text.startswith("We agreed")


def test_capitalised_title_with_no_named_holder_is_a_person():
    ex = run("The Home Secretary said the plan would go ahead next spring.")
    person = entities_by_name(ex)["Home Secretary"]
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Home Secretary"]


def test_title_before_a_possessive_programme_name_is_not_a_person():
    ex = run("During Prime Minister's Questions the opposition raised the budget.")
    assert "Prime Minister" not in entities_by_name(ex)


def test_comma_set_title_after_a_name_is_a_mention_of_the_person():
    ex = run("Dana Whitcombe, the Interior Ministry Spokesperson, said the road was open.")
    assert "Interior Ministry Spokesperson" in mention_texts(ex, "Dana Whitcombe")


def test_comma_set_title_before_a_name_is_a_mention_of_the_person():
    ex = run("Peru's Prime Minister, Lucia Ferrand said the vote would go ahead.")
    assert "Prime Minister" in mention_texts(ex, "Lucia Ferrand")


def test_title_with_an_initialism_keeps_it_and_drops_the_full_stop():
    ex = run(
        "Gen. Rhea Calloway, commander of U.S. Southern Command said the drill went well. "
        "Tom Brandt, commander of Halvard."
    )
    assert "commander of U.S. Southern Command" in mention_texts(ex, "Rhea Calloway")
    assert "commander of Halvard" in mention_texts(ex, "Tom Brandt")


def test_lower_case_appositive_is_not_added():
    ex = run("Sam Oduya, a local farmer, said the rains came late.")
    assert mention_texts(ex, "Sam Oduya") == ["Sam Oduya"]


def test_office_with_for_is_one_mention_of_its_holder():
    text = (
        "Minister for the Pacific Islands, Harriet Oduya, said the plan would go ahead.\n"
        "Minister for the Pacific Islands Harriet Oduya opened the port."
    )
    ex = run(text)
    names = entities_by_name(ex)
    spans = [m.text for m in names["Harriet Oduya"].mentions]
    assert "Minister for the Pacific Islands" in spans
    assert not any(e.type == "PLACE" and "Pacific" in e.name for e in ex.entities)


def test_unnamed_office_with_for_is_a_person_entity():
    ex = run("The agency is helping the UN High Commissioner for Refugees with the move.")
    assert entities_by_name(ex)["UN High Commissioner for Refugees"].type == "PERSON"
