"""Rules and the statistical model combined (generator/extraction/combine.py, descriptors.py and
the model's part of resolve.py). Each combination rule has its own short article, written for it."""

from __future__ import annotations

from extraction_helpers import entities_by_name, run, sources_by_name

from generator.extract import extract
from generator.model import Document
from generator.options import Options


def types(ex):
    return {e.name: e.type for e in ex.entities}


def test_company_sharing_a_personal_name_is_an_organisation():
    ex = run(
        "Wells Fargo rose 3 percent on Friday after the bank beat forecasts. "
        "Analysts at Lazard Freres said the results were strong. James Wells, a fund manager "
        "in Boston, said he had bought more shares."
    )
    got = types(ex)
    assert got["Wells Fargo"] == "ORG" and got["Lazard Freres"] == "ORG"
    assert got["James Wells"] == "PERSON"
    assert sources_by_name(ex)["Analysts at Lazard Freres"].kind == "organization"


def test_the_rules_alone_read_such_companies_as_people():
    text = "Analysts at Lazard Freres said the results were strong."
    doc = Document(seed="t.txt", name="t", format="txt", text=text)
    ex = extract(doc, Options(registry=None, extractor="rules"))
    assert types(ex)["Lazard Freres"] == "PERSON"  # what the model is there to correct


def test_an_unknown_company_that_acts_is_an_organisation_and_its_nominal_is_it():
    ex = run(
        "Nvidia reported record revenue on Wednesday. The chipmaker said demand for its "
        "processors had doubled. Nvidia shares rose 5 percent in late trading."
    )
    assert types(ex)["Nvidia"] == "ORG"
    claims = [c.text for c in sources_by_name(ex)["Nvidia"].claims]
    assert "demand for its processors had doubled" in claims


def test_a_descriptor_beside_a_name_gives_its_type():
    ex = run(
        "Shares in the retailer Kessington fell on Monday. Marlow, a small town in Kent, lost "
        "its last bank branch. Rivian, the electric truck maker, cut its outlook."
    )
    got = types(ex)
    assert got["Kessington"] == "ORG" and got["Rivian"] == "ORG" and got["Marlow"] == "PLACE"


def test_cities_on_both_sides_of_a_result_are_teams():
    ex = run(
        "Wellington beat Auckland on Saturday. Coach Tana Rewi said the team had trained hard."
    )
    got = entities_by_name(ex)
    assert got["Wellington"].type == "ORG" and got["Wellington"].subtype == "team"
    assert got["Auckland"].type == "ORG"
    assert got["Tana Rewi"].type == "PERSON"


def test_a_titled_person_keeps_the_rules_reading():
    ex = run("Foreign Minister Anya Petrova said the talks would resume in Geneva on Monday.")
    person = entities_by_name(ex)["Anya Petrova"]
    assert person.type == "PERSON" and person.roles == ["Foreign Minister"]
    assert types(ex)["Geneva"] == "PLACE"


def test_a_country_acting_in_a_government_release_is_a_state():
    ex = run(
        "Russia must withdraw its forces from the border, the Foreign Office said in a statement. "
        "Britain and France called on Russia to respect the ceasefire. Russia has rejected the "
        "demand."
    )
    russia = entities_by_name(ex)["Russia"]
    assert (russia.type, russia.subtype) == ("ORG", "state")
    src = sources_by_name(ex)["Foreign Office"]
    assert src.basis == "in a statement" and src.kind == "government"


def test_a_country_in_news_is_a_place():
    ex = run("Floods hit northern Italy on Sunday. Rescuers in Italy said 40 people were missing.")
    assert types(ex)["Italy"] == "PLACE"


def test_what_the_rules_reject_the_model_does_not_bring_back():
    ex = run(
        "The pro-Moscow camp won four seats. Delegates arrived in Trinidad and Tobago on Monday."
    )
    got = types(ex)
    assert "Moscow" not in got and "Tobago" not in got
    assert got["Trinidad and Tobago"] == "PLACE"


def test_units_and_file_formats_are_not_organisations():
    ex = run(
        "The new plant will produce 40 MW of power, the company said in a PDF released on "
        "Tuesday. Its CEO, Dana Holt, said the plant would open in June."
    )
    got = types(ex)
    assert not {"MW", "PDF", "CEO"} & set(got)
    assert got["Dana Holt"] == "PERSON"


def test_a_person_described_by_their_employer_stays_a_person():
    ex = run(
        '"We are thrilled with the result," said Karen Doyle, a spokeswoman for the company.\n\n'
        '"It was a tough decision," Doyle added.'
    )
    doyle = entities_by_name(ex)["Karen Doyle"]
    assert doyle.type == "PERSON" and [m.text for m in doyle.mentions] == ["Karen Doyle", "Doyle"]


def test_a_full_name_read_as_a_person_outweighs_its_surname_read_as_a_company():
    # the model reads "Christie's" alone as the auction house; the full name says who it is
    ex = run(
        "TRENTON - Gov. Chris Christie signed the budget on Friday. Christie's office said the "
        "state would cut spending. Christie's aides did not comment. Christie's plan drew "
        "criticism from Democrats, who said Christie's cuts went too far. Christie will travel "
        "to Camden next week."
    )
    assert types(ex)["Chris Christie"] == "PERSON"


def test_an_organisation_the_model_reads_where_the_rules_saw_none_is_kept():
    ex = run(
        "The sheriff's office uses Project Lifesaver to find people who wander. Families can "
        "sign up for Project Lifesaver at no cost. Mentors from Big Brothers Big Sisters met "
        "the students on Friday."
    )
    got = types(ex)
    assert got.get("Project Lifesaver") == "ORG" and got.get("Big Brothers Big Sisters") == "ORG"


def test_a_one_word_name_read_once_inside_a_sentence_is_typed():
    ex = run(
        "It has become clear to researchers that Freud was right about the idle mind. "
        "The Obama administration asked for more money last year."
    )
    got = types(ex)
    assert got.get("Freud") == "PERSON" and got.get("Obama") == "PERSON"


def test_the_models_wider_organisation_replaces_the_rules_fragment():
    ex = run(
        "Penguins are highly susceptible to disease, Gwen Harlow of the University of Otago "
        "said to New Scientist on Monday."
    )
    assert types(ex).get("New Scientist") == "ORG"


def test_products_and_programmes_are_neither_bodies_places_nor_people():
    ex = run(
        "NASA said the Space Launch System would fly in 2018. The Space Shuttle flew its last "
        "mission in 2011. Users of Windows XP were told to upgrade, Halvorsen Labs said."
    )
    got = types(ex)
    assert not {"Space Launch System", "Space Shuttle", "Windows XP"} & set(got)
    assert got.get("Halvorsen Labs") == "ORG"
