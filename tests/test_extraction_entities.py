"""Mention finding and entity building: names, places, organisations, countries and groups
(generator/extraction/entities.py, gazetteer.py, resolve.py). Each test runs a short article
written for it (no corpus text)."""

from __future__ import annotations

from extraction_helpers import entities_by_name, mention_texts, run, sources_by_name

from generator.extraction.entities import _weapons
from generator.extraction.gazetteer import find_and_names
from generator.extraction.resolve import _drops_given_name
from generator.model import Entity, Span


def test_country_aliases_are_one_place():
    ex = run("The U.S. and the United States Navy differ. America's view is firm.")
    assert "United States" in entities_by_name(ex)


def test_surname_alone_that_is_also_a_city_joins_the_person():
    ex = run("Petty Officer Mark Dayton was hurt on Monday. Dayton had served for ten years.")
    assert [m.text for m in entities_by_name(ex)["Mark Dayton"].mentions] == [
        "Mark Dayton",
        "Dayton",
    ]
    assert "Dayton" not in entities_by_name(ex)


def test_country_acting_as_a_state_is_an_org_and_a_place_stays_a_place():
    ex = run(
        "Norway signed the treaty on Monday. Norway also pledged new funds, and Norway "
        "will send experts. Flooding hit towns in Chile."
    )
    names = entities_by_name(ex)
    assert names["Norway"].type == "ORG"
    assert names["Chile"].type == "PLACE"


def test_match_score_makes_teams():
    ex = run("Group B — Peru 2 – 1 Chile\n\nPeru beat Chile in Lima.")
    assert (
        entities_by_name(ex)["Peru"].type == "ORG" and entities_by_name(ex)["Chile"].type == "ORG"
    )


def test_nationality_and_state_body_is_an_org():
    ex = run("Iraqi security forces and the Syrian army moved north. The Assad regime denied it.")
    names = entities_by_name(ex)
    for name in ("Iraqi security forces", "Syrian army", "Assad regime"):
        assert names[name].type == "ORG"


def test_pro_prefix_is_not_a_place_mention():
    ex = run("The pro-Moscow camp won four seats in the vote.")
    assert "Moscow" not in entities_by_name(ex)


def test_unknown_word_after_a_locative_is_a_place():
    ex = run("Fighting continued near Qaryatayn on Sunday.")
    assert entities_by_name(ex)["Qaryatayn"].type == "PLACE"


def test_international_given_name_makes_a_person_at_sentence_start():
    ex = run("Nacer Belkadi joined the club in May. Thibaut Lemaire left in June.")
    names = entities_by_name(ex)
    assert names["Nacer Belkadi"].type == "PERSON"
    assert names["Thibaut Lemaire"].type == "PERSON"


def test_country_in_a_match_score_is_a_team():
    ex = run(
        "Group B — Norway 2 – 1 Chile\n\nChile had more of the ball in the first half. "
        "The match was played in Oslo."
    )
    names = entities_by_name(ex)
    assert names["Norway"].type == "ORG" and names["Chile"].type == "ORG"
    assert names["Oslo"].type == "PLACE"


def test_country_owning_a_commitment_or_ministers_is_a_state():
    ex = run(
        "The talks brought together the Foreign Ministers of Peru and of Chile. Peru's "
        "commitment to the deal was welcomed. Peru's support was also noted."
    )
    assert entities_by_name(ex)["Peru"].type == "ORG"


def test_country_whose_possessive_names_land_stays_a_place():
    ex = run("Floods hit Peru's north this week. Roads in Peru were closed.")
    assert entities_by_name(ex)["Peru"].type == "PLACE"


def test_long_and_hyphenated_acronyms_are_organisations():
    ex = run("Officers from USNORTHCOM and JTF-BRAVO met in the port. The F-16 flew over.")
    names = entities_by_name(ex)
    assert names["USNORTHCOM"].type == "ORG" and names["JTF-BRAVO"].type == "ORG"
    assert "F-16" not in names


def test_web_domain_is_an_organisation():
    ex = run("The security firm Vulnlab.com counted 40 flaws in the browser.")
    assert entities_by_name(ex)["Vulnlab.com"].type == "ORG"


def test_unknown_place_keeps_its_type_in_later_mentions():
    ex = run(
        "Rebels took the village of Qalbeen on Monday. Qalbeen had been held by the army "
        "for a year."
    )
    place = entities_by_name(ex)["Qalbeen"]
    assert place.type == "PLACE" and len(place.mentions) == 2


def test_unknown_name_listed_with_a_known_place_is_a_place():
    ex = run("Aid convoys reached Aleppo and Kfarnaya before dawn.")
    assert entities_by_name(ex)["Kfarnaya"].type == "PLACE"


def test_surname_after_an_inverted_speech_verb_is_a_person():
    ex = run('"The bridge will hold," said Okonjo. The engineers agreed.')
    assert entities_by_name(ex)["Okonjo"].type == "PERSON"
    assert sources_by_name(ex)["Okonjo"].claims[0].text == "The bridge will hold"


def test_military_battery_is_an_organisation_not_a_person():
    ex = run("Sgt. Lena Fox, a gunner in Abel Battery, said the drill went well.")
    names = entities_by_name(ex)
    assert names["Abel Battery"].type == "ORG"
    assert sources_by_name(ex)["Lena Fox"].claims[0].text == "the drill went well"


def test_a_name_does_not_run_over_a_line_break():
    ex = run("Talks on the crisis in Ukraine\nMarta Kowalski\nThe minister spoke first.")
    names = entities_by_name(ex)
    assert names["Ukraine"].type == "PLACE"
    assert not any("\n" in m.text for e in ex.entities for m in e.mentions)


def test_trailing_weekday_is_not_part_of_a_place():
    ex = run("Two bombs went off in Basra Province on Tuesday, police said.")
    assert "Basra Province" in [m.text for e in ex.entities for m in e.mentions]


def test_place_span_takes_its_district_or_province_head_word():
    ex = run("Aid reached Mosul district this week, and later Al-Raqqa province.")
    spans = {m.text for e in ex.entities if e.type == "PLACE" for m in e.mentions}
    assert "Mosul district" in spans and "Al-Raqqa province" in spans


def test_arabic_article_prefix_finds_the_known_place():
    ex = run("Shelling hit al-Mosul overnight.")
    assert any(e.type == "PLACE" and e.name == "Mosul" for e in ex.entities)


def test_unknown_name_after_in_is_a_place_even_before_a_verb_of_saying():
    ex = run("The strike in Qarbeta shows how far the war has spread.")
    assert entities_by_name(ex)["Qarbeta"].type == "PLACE"


def test_list_of_unknown_places_takes_the_type_of_its_first_item():
    ex = run("Shelling was reported near Tell Duran, Sarmeen and Halbuna on the same day.")
    names = entities_by_name(ex)
    assert names["Sarmeen"].type == "PLACE" and names["Halbuna"].type == "PLACE"


def test_towns_including_names_places():
    ex = run("Troops retook several towns in the north including Qaraqun and Zummar.")
    names = entities_by_name(ex)
    assert names["Qaraqun"].type == "PLACE" and names["Zummar"].type == "PLACE"


def test_two_word_unknown_name_near_a_place_cue_is_a_place():
    ex = run(
        "Fighting continued around the Wadi Salma area. A soldier died in the vicinity of "
        "Ayn Dara last week."
    )
    names = entities_by_name(ex)
    assert names["Wadi Salma"].type == "PLACE" and names["Ayn Dara"].type == "PLACE"


def test_two_word_name_after_bare_in_stays_unplaced():
    ex = run("He resigned his post in Civic Forward last year.")
    assert (
        "Civic Forward" not in entities_by_name(ex)
        or entities_by_name(ex)["Civic Forward"].type != "PLACE"
    )


def test_first_level_subdivision_is_a_place():
    ex = run("Car bombs struck Diyala on Monday. The governor of Lombardia resigned.")
    names = entities_by_name(ex)
    assert names["Diyala"].type == "PLACE" and names["Lombardia"].type == "PLACE"


def test_compass_region_of_a_continent_is_a_place():
    ex = run("Operations in Southwest Asia will continue, the wing said.")
    assert entities_by_name(ex)["Southwest Asia"].type == "PLACE"


def test_contraction_is_never_a_name():
    ex = run('"We visited Dallas, and I’m proud of the crew," she said.')
    assert "I’m" not in entities_by_name(ex)


def test_acronym_of_a_facility_joins_the_facility():
    ex = run(
        "Crews gathered at the Hartley Space Center (HSC) in Alabama. Later the HSC staff cheered."
    )
    center = entities_by_name(ex)["Hartley Space Center"]
    assert center.type == "FACILITY" and "HSC" in [m.text for m in center.mentions]


def test_body_named_before_a_title_word_is_an_entity():
    ex = run("At the launch, NASA Administrator Karen Fell spoke. U.S. Senator Bill Odom agreed.")
    names = entities_by_name(ex)
    assert names["NASA"].type == "ORG"
    assert names["United States"].type == "PLACE"
    assert names["Karen Fell"].type == "PERSON"


def test_plural_nationality_is_a_group():
    ex = run("We congratulate the Syrians who fought for their town. Iraqis voted in May.")
    names = entities_by_name(ex)
    assert names["Syrians"].type == "ORG" and names["Iraqis"].type == "ORG"


def test_nationality_with_people_or_community_is_a_group():
    ex = run("The Iraqi people voted. The Yazidi community returned home.")
    names = entities_by_name(ex)
    assert names["Iraqi people"].type == "ORG" and names["Yazidi community"].type == "ORG"


def test_leader_of_a_regime_is_a_person_elsewhere():
    ex = run("The Karimov regime fell in June. Karimov has left the country.")
    names = entities_by_name(ex)
    assert names["Karimov regime"].type == "ORG"
    assert names["Karimov"].type == "PERSON"
    assert [m.text for m in names["Karimov"].mentions] == ["Karimov"]


def test_generational_suffix_does_not_hide_the_surname():
    ex = run("Petty Officer Daniel R. Hollis III died on Monday.\n\nHollis's service was long.")
    person = entities_by_name(ex)["Daniel R. Hollis III"]
    assert [m.text for m in person.mentions] == ["Daniel R. Hollis III", "Hollis"]


def test_military_operation_is_an_event_not_a_person():
    ex = run("Operation Desert Lantern said in a statement that the strikes hit two sites.")
    names = entities_by_name(ex)
    assert names["Operation Desert Lantern"].type == "EVENT"


def test_arabic_place_word_is_not_a_given_name():
    ex = run("Shells fell near the Wadi Hamra area on Sunday.")
    assert entities_by_name(ex)["Wadi Hamra"].type == "PLACE"


def test_name_with_arabic_particle_is_one_person():
    ex = run("The envoy later met Yusuf al-Rahmani, who leads the talks.")
    assert entities_by_name(ex)["Yusuf al-Rahmani"].type == "PERSON"


def test_kunya_names_a_person():
    ex = run("On Friday, Abu Hamza al-Tikriti, a senior commander, was killed in a strike.")
    assert entities_by_name(ex)["Abu Hamza al-Tikriti"].type == "PERSON"


def test_hyphenated_given_name_after_a_family_name_is_a_person():
    ex = run("The Harbour Party's Chan Wai-ming beat the incumbent, and Seo Min-Jae came third.")
    names = entities_by_name(ex)
    assert names["Chan Wai-ming"].type == "PERSON"
    assert names["Seo Min-Jae"].type == "PERSON"


def test_transcript_labels_and_numerals_are_not_organisations():
    ex = run("QUESTION: Will the talks go on?\nANSWER: Yes. Part XVII was shown at 15:00 GMT.")
    assert not {"QUESTION", "ANSWER", "XVII", "GMT"} & set(entities_by_name(ex))


def test_camp_name_is_a_facility():
    ex = run("Rockets struck Camp Valora overnight, officials said.")
    assert entities_by_name(ex)["Camp Valora"].type == "FACILITY"


def test_name_with_and_inside_is_one_name():
    ex = run("Delegates from Bosnia and Herzegovina arrived in Trinidad and Tobago on Monday.")
    names = entities_by_name(ex)
    assert "Bosnia and Herzegovina" in names and "Trinidad and Tobago" in names
    assert "Herzegovina" not in names and "Tobago" not in names


def test_long_form_group_name_joins_its_acronym():
    ex = run(
        "The coalition fights the Islamic State of Iraq and the Levant (ISIL). ISIL lost ground."
    )
    ent = entities_by_name(ex)["Islamic State of Iraq and the Levant"]
    assert ent.type == "ORG" and len(ent.mentions) == 3
    assert "Iraq" not in entities_by_name(ex)


def test_and_names_scan_handles_punctuation_and_word_edges():
    text = "Bosnia and Herzegovina, Trinidad and Tobago; xBosnia and Herzegovina"
    assert [f for _, _, f in find_and_names(text)] == [
        "Bosnia and Herzegovina",
        "Trinidad and Tobago",
    ]


def test_countries_listed_after_ministers_of_all_act():
    text = (
        "The envoy met the Foreign Ministers of Chile, Peru, Uruguay and Paraguay this week. "
        "Peru and Uruguay signed first."
    )
    names = entities_by_name(run(text))
    for country in ("Chile", "Peru", "Uruguay", "Paraguay"):
        assert names[country].type == "ORG", country


def test_listed_places_after_in_stay_places():
    names = entities_by_name(run("Floods hit towns in Peru and Bolivia this week."))
    assert names["Peru"].type == "PLACE" and names["Bolivia"].type == "PLACE"


def test_country_subject_of_an_infinitive_acts():
    names = entities_by_name(
        run("The minister pressed for Norway to use its influence with the parties.")
    )
    assert names["Norway"].type == "ORG"


def test_country_before_an_aside_and_a_modal_acts():
    names = entities_by_name(run("Its backers, notably Portugal, are blocking the vote."))
    assert names["Portugal"].type == "ORG"


def test_country_before_a_noun_ending_in_s_does_not_act():
    names = entities_by_name(run("The ministers discussed the Chile crisis in Lima."))
    assert names["Chile"].type == "PLACE"


def test_weapon_scan_finds_modified_heads_only():
    text = (
        "Car bombs, car bombs and barrel bombs, anti-tank missiles, a car-missile, non-nuclear "
        "weapons, IEDs and chemical munitions (one chemical munition)."
    )
    found = [m.text for m in _weapons(text)]
    assert "car bombs" in found and "barrel bombs" in found and "anti-tank missiles" in found
    assert "nuclear weapons" in found and "IEDs" in found and "chemical munitions" in found
    assert not any(f.split()[-1] == "missile" for f in found)  # no "car-missile"
    assert "chemical munition" not in found


def test_people_of_a_place_are_one_group():
    ex = run("After months of siege, the people of Lyon can hope again.")
    assert entities_by_name(ex)["people of Lyon"].type == "ORG"
    assert "Lyon" not in entities_by_name(ex)


def test_place_and_its_country_are_one_mention():
    ex = run("The raid near Lyon, France, was the second this year.")
    names = entities_by_name(ex)
    assert [m.text for m in names["Lyon"].mentions] == ["Lyon, France"]
    assert "France" not in names and not names["Lyon"].aliases


def test_country_list_is_not_a_place_with_its_country():
    names = entities_by_name(run("Talks in Lyon, France and Spain followed."))
    assert "France" in names and "Spain" in names


def test_unknown_place_before_its_country_is_a_place():
    ex = run("The strike hit a depot near Qaryatein, Syria, on Monday.")
    assert entities_by_name(ex)["Qaryatein"].type == "PLACE"


def test_unknown_name_before_region_is_a_place():
    ex = run("The president of the Tarvesa region, Ana Bell, spoke on Monday.")
    assert entities_by_name(ex)["Tarvesa"].type == "PLACE"


def test_plural_towns_of_is_a_place_cue():
    ex = run("Bombs went off today in the towns of Qarsu and Belen in the north.")
    assert entities_by_name(ex)["Qarsu"].type == "PLACE"


def test_domain_and_country_name_an_agency():
    ex = run("A Statistics Norway report was published. Health Canada spokeswoman Mia Roy said so.")
    names = entities_by_name(ex)
    assert names["Statistics Norway"].type == "ORG" and names["Health Canada"].type == "ORG"


def test_government_of_a_country_is_an_organisation():
    ex = run("Britain will keep supporting the government of Chile to rebuild the port.")
    assert entities_by_name(ex)["government of Chile"].type == "ORG"


def test_country_before_strikes_acts():
    ex = run("A Danish report said Danish warplanes flew. A Norway strike hit a depot.")
    assert entities_by_name(ex)["Norway"].type == "ORG"


def test_arabic_article_at_the_start_of_a_run_is_kept():
    ex = run("Officials said al-Qaida fighters left the town.")
    assert "al-Qaida" in entities_by_name(ex)


def test_hyphenated_country_pair_is_two_acting_states():
    names = entities_by_name(run("The leaders praised Chile-Peru co-operation on fishing."))
    assert names["Chile"].type == "ORG" and names["Peru"].type == "ORG"
    names = entities_by_name(run("Troops crossed the Chile-Peru border at night."))
    assert names["Chile"].type == "PLACE" and names["Peru"].type == "PLACE"


def test_municipality_of_a_place_is_an_organisation():
    ex = run("The request was made by the Municipality of Vento last year.")
    assert entities_by_name(ex)["Municipality of Vento"].type == "ORG"


def test_plural_of_a_nationality_is_a_group():
    ex = run("Late in the game the Chileans took the lead.")
    assert entities_by_name(ex)["Chileans"].type == "ORG"


def test_name_owned_by_a_party_is_a_person():
    ex = run("In the east, the Harbour Party's Mirren Tobal won a seat.")
    assert entities_by_name(ex)["Mirren Tobal"].type == "PERSON"


def test_pro_prefix_drops_only_the_adjective():
    ex = run("The pro-Beijing Unity Party lost two seats; Pro-Beijing DLPB held one.")
    names = entities_by_name(ex)
    assert names["Unity Party"].type == "ORG" and names["DLPB"].type == "ORG"
    assert not any("Beijing" in n for n in names)


def test_street_names_are_places():
    ex = run("The papers were found on Castlebrook Road near the station.")
    assert entities_by_name(ex)["Castlebrook Road"].type == "PLACE"


def test_outlet_named_by_an_ordinary_word_is_the_word_at_a_sentence_start():
    ex = run("Time permitting, reporters may ask questions. He later told Time it was fine.")
    ent = entities_by_name(ex)["Time"]
    assert [m.text for m in ent.mentions] == ["Time"] and ent.mentions[0].start > 40


def test_a_model_designation_after_a_number_is_no_organisation():
    ex = run("Deliveries of its 737 MAX jets will slip. Coalition jets hit 3 ISIL positions.")
    names = entities_by_name(ex)
    assert "MAX" not in names and "ISIL" in names


def test_stock_tickers_units_and_spelled_out_codes_are_not_organisations():
    ex = run(
        "Shares of Halvorsen Marine Inc. (NYSE: HMX) and Tarrant Foods (TRFD.L) fell on Monday. "
        "The pitcher has a 2.40 ERA this season. Congress passed a continuing resolution (CR) "
        "instead. The 507th ARW flew the mission."
    )
    names = set(entities_by_name(ex))
    assert not {"HMX", "TRFD", "L", "ERA", "CR"} & names
    assert "507th ARW" in names  # a unit of the armed forces, named with its ordinal


def test_monuments_memorials_and_cemeteries_are_places():
    ex = run(
        "Crews inspected the Halloway Monument on Monday and closed the Dunmore Memorial. "
        "Mourners gathered at Greenfield Cemetery."
    )
    got = {e.name: e.type for e in ex.entities}
    assert {
        got.get(n) for n in ("Halloway Monument", "Dunmore Memorial", "Greenfield Cemetery")
    } <= {
        "PLACE",
        "FACILITY",
    }


def test_a_city_played_against_in_a_sports_report_is_the_team():
    sport = run(
        "Lindqvist pitched seven innings in a 5-3 win against Boston on Wednesday. He is 8-2 "
        "versus Kansas City in his career."
    )
    got = {e.name: e.type for e in sport.entities}
    assert got.get("Boston") == "ORG" and got.get("Kansas City") == "ORG"
    council = run("The council voted 5-3 against Boston's plan to widen the road.")
    assert {e.name: e.type for e in council.entities}.get("Boston") == "PLACE"


def test_a_months_abbreviation_before_a_day_is_no_organisation():
    ex = run(
        "The bill was slated to be voted on by the House Dec. 11, and the funding expired at "
        "midnight of Dec. 11. The agency will report by Jan. 9."
    )
    names = set(entities_by_name(ex))
    assert not any("Dec" in n or "Jan" in n for n in names)


def test_plural_abbreviations_and_hyphenated_adjectives_are_not_names():
    ex = run(
        "The software lacks support for conflict resolution across DVRs, Halvorsen Labs said. "
        "Skipping directly to house shopping in FiOS-connected neighborhoods may save time."
    )
    names = set(entities_by_name(ex))
    assert not {"DVRs", "FiOS-connected"} & names and "Halvorsen Labs" in names


def test_an_honorific_inside_a_name_is_no_title():
    ex = run(
        "Crowds gathered outside Notre Dame Cathedral on Tuesday. Later that evening the "
        "rector of Notre Dame thanked the firefighters. Dame Judi Wexford said she wept."
    )
    got = {e.name: e.type for e in ex.entities}
    assert got.get("Notre Dame Cathedral") == "FACILITY"
    assert "Cathedral" not in got
    assert mention_texts(ex, "Notre Dame Cathedral") == ["Notre Dame Cathedral", "Notre Dame"]
    assert got.get("Judi Wexford") == "PERSON"


def test_a_plural_noun_or_pronoun_opening_a_sentence_is_no_name():
    ex = run(
        "The river burst its banks overnight. Authorities say the water is still rising. "
        "Families told reporters they had nowhere to go. Everyone agreed the warning came late."
    )
    names = set(entities_by_name(ex))
    assert not {"Authorities", "Families", "Everyone"} & names
    assert "Authorities" in sources_by_name(ex)


def test_a_plural_descriptor_types_every_name_of_its_list():
    ex = run(
        "Shipping giants Maersberg and Kolvane pledged funds on Monday. Lenders such as "
        "Trevanion, Ostrowe and Delacroix Capital said they would follow. Investors like "
        "Sarah Kowalski stayed away."
    )
    got = {e.name: e.type for e in ex.entities}
    for name in ("Maersberg", "Kolvane", "Trevanion", "Ostrowe", "Delacroix Capital"):
        assert got.get(name) == "ORG", name
    assert got.get("Sarah Kowalski") == "PERSON"


def test_a_surname_of_several_words_or_without_accents_joins_the_full_name():
    ex = run(
        "Marine Le Pen conceded on Sunday night. Le Pen said she had called the winner. "
        "President Enrique Peña Nieto visited the town. Pena Nieto promised help. "
        "Paris mayor Anne Hidalgo spoke next. Mayor Hidalgo said the city would pay."
    )
    got = entities_by_name(ex)
    assert {"Le Pen", "Pena Nieto", "Hidalgo"}.isdisjoint(got)
    assert mention_texts(ex, "Marine Le Pen") == ["Marine Le Pen", "Le Pen"]
    assert mention_texts(ex, "Enrique Peña Nieto") == ["Enrique Peña Nieto", "Pena Nieto"]
    assert mention_texts(ex, "Anne Hidalgo") == ["Anne Hidalgo", "Hidalgo"]


def test_a_company_named_again_without_its_suffix_is_the_same_company():
    ex = run(
        "Harrowgate Corp. agreed to buy the chain on Monday. Harrowgate will pay cash, and "
        "analysts said Harrowgate had overpaid. Streamvale Inc reported a loss. Streamvale said "
        "subscriptions fell. Water still fills the Tabqa Dam. Fighters entered Tabqa on Monday."
    )
    got = entities_by_name(ex)
    assert mention_texts(ex, "Harrowgate Corp") == ["Harrowgate Corp", "Harrowgate", "Harrowgate"]
    assert mention_texts(ex, "Streamvale Inc") == ["Streamvale Inc", "Streamvale"]
    assert got["Tabqa"].type == "PLACE" and got["Tabqa Dam"].type == "FACILITY"


def test_a_name_opening_with_an_ordinal_is_whole():
    ex = run("21st Century Fox declined to comment. The 82nd Airborne Division deployed.")
    names = set(entities_by_name(ex))
    assert {"21st Century Fox", "82nd Airborne Division"} <= names
    assert "1st Century Fox" not in names and "Century Fox" not in names


def test_roads_and_the_ap_abbreviations_of_us_states_are_places():
    ex = run(
        "The suspects drove from Ozark, Ala., to Tampa, Fla., on Interstate 10 and later took "
        'I-30 west. A church in Charleston, S.C., reopened. Richard "Tex" Coe spoke.'
    )
    got = {e.name: (e.type, [m.text for m in e.mentions]) for e in ex.entities}
    assert got["Alabama"] == ("PLACE", ["Ala."]) and got["Florida"] == ("PLACE", ["Fla."])
    assert got["South Carolina"][0] == "PLACE"
    assert got["Interstate 10"][0] == "PLACE" and got["I-30"][0] == "PLACE"
    assert "Texas" not in got  # a nickname in quotes, not the abbreviation (which has a dot)


def test_sports_positions_are_titles_and_plural_names_after_the_are_teams():
    ex = run(
        "QB Dak Prescott threw for 300 yards and two touchdowns as the Cowboys beat the "
        "Buccaneers 27-20. Prescott said the team had earned it."
    )
    got = entities_by_name(ex)
    assert got["Dak Prescott"].type == "PERSON" and "QB" in got["Dak Prescott"].roles
    assert mention_texts(ex, "Dak Prescott") == ["Dak Prescott", "Prescott"]
    assert got["Buccaneers"].type == "ORG" and got["Cowboys"].type == "ORG"
    family = run("Every summer the Finneys rent the same cottage by the lake.")
    assert entities_by_name(family).get("Finneys") is None or (
        entities_by_name(family)["Finneys"].type != "ORG"
    )


def test_a_crafts_name_is_no_body_person_or_place():
    ex = run(
        "The European Space Agency's Rosetta spacecraft will crash into the comet on Friday. "
        "Rosetta and the tiny Philae lander made history. Engineers said Rosetta had done its "
        "job. NASA said the Juno probe was healthy. Funding for a Europa mission was cut."
    )
    names = set(entities_by_name(ex))
    assert not {"Rosetta", "Philae", "Juno"} & names
    assert {"European Space Agency", "NASA"} <= names


def test_an_outlets_reporter_stays_a_person_however_the_model_reads_the_name():
    ex = run("The jury deliberated for two days. NPR's Debbie Marsh reports from Savannah.")
    assert entities_by_name(ex)["Debbie Marsh"].type == "PERSON"


def test_names_with_particles_are_whole_and_their_surnames_join_them():
    ex = run(
        "The paper was written by Joost van Hoof of Fontys University. Van Hoof says the "
        "savings will grow. Maria de la Cruz agreed, and De la Cruz added that the study "
        "was small."
    )
    assert mention_texts(ex, "Joost van Hoof") == ["Joost van Hoof", "Van Hoof"]
    assert mention_texts(ex, "Maria de la Cruz") == ["Maria de la Cruz", "De la Cruz"]
    assert not {"Hoof", "Cruz"} & set(entities_by_name(ex))


def test_festivals_award_ceremonies_and_tournaments_are_events():
    ex = run(
        "The film won at the Oscars and the Golden Globes before the Harborview Jazz Festival "
        "screened it. Spain won the World Cup, and Epic Games sponsored the Davis Cup."
    )
    got = {e.name: e.type for e in ex.entities}
    for name in ("Oscars", "Golden Globes", "Harborview Jazz Festival", "World Cup", "Davis Cup"):
        assert got.get(name) == "EVENT", name
    assert got.get("Epic Games") == "ORG" and "Cup" not in got


def test_a_one_word_name_employing_a_person_is_a_body():
    ex = run(
        "Skyvane co-pilot Anders Holm landed the plane safely. The Skyvane jet had been "
        "inspected in May. Skyvane said it would cooperate. Defense attorney Maria Lopez "
        "declined to comment."
    )
    got = entities_by_name(ex)
    assert got["Skyvane"].type == "ORG" and len(got["Skyvane"].mentions) == 3
    assert "Defense" not in got


def test_a_dateline_in_capitals_is_a_place():
    ex = run(
        "QAMISHLI, Syria (North Press) - A strong quake hit the region on Monday.\n\n"
        "LE BOURGET, France — Investigators presented their report.\n\n"
        "NATO — The alliance met."
    )
    got = {e.name: e.type for e in ex.entities}
    assert got.get("Qamishli") == "PLACE" and got.get("Le Bourget") == "PLACE"
    assert got.get("NATO") == "ORG"


def test_a_title_word_opening_a_bodys_name_stays_in_it():
    ex = run("The league, Major League Soccer, agreed. General Motors said sales fell.")
    got = {e.name: e.type for e in ex.entities}
    assert got.get("Major League Soccer") == "ORG" and got.get("General Motors") == "ORG"
    assert not any(e.type == "PERSON" for e in ex.entities)


def test_a_subject_of_study_is_no_person():
    ex = run(
        "Ines Varga, an assistant professor of Computing and Mathematical Sciences, led the "
        "work. Mathematical Sciences is her field."
    )
    people = {e.name for e in ex.entities if e.type == "PERSON"}
    assert people == {"Ines Varga"}


def test_a_bodys_name_with_and_inside_is_whole():
    ex = run(
        "The Securities and Exchange Commission and the U.K. Competition and Markets Authority "
        "objected. Turkey's Disaster and Emergency Management Agency counted the dead. "
        "Britain and the European Union agreed."
    )
    got = {e.name: e.type for e in ex.entities}
    for name in (
        "Securities and Exchange Commission",
        "U.K. Competition and Markets Authority",
        "Disaster and Emergency Management Agency",
        "European Union",
    ):
        assert got.get(name) == "ORG", name
    assert "Britain and the European Union" not in got


def test_what_is_bought_or_traded_is_a_body_everywhere_in_the_text():
    ex = run(
        "Halvard Systems agreed to buy Corrigan Holloway for $6 billion. Corrigan Holloway said "
        "the price was fair. Investors bought shares of Marrowfield."
    )
    got = {e.name: e.type for e in ex.entities}
    assert got.get("Corrigan Holloway") == "ORG" and got.get("Marrowfield") == "ORG"
    assert len(entities_by_name(ex)["Corrigan Holloway"].mentions) == 2


def test_well_known_companies_are_bodies_however_the_model_reads_them():
    ex = run(
        "Netflix added subscribers, and Ubisoft delayed a game. Analysts compared Netflix with "
        "Hulu. Mojang released an update."
    )
    got = {e.name: e.type for e in ex.entities}
    assert all(got.get(n) == "ORG" for n in ("Netflix", "Ubisoft", "Hulu", "Mojang")), got


def test_two_given_names_before_a_surname_are_one_name():
    ex = run("John David Wicker believes the venue suits championship games.")
    assert "John David Wicker" in entities_by_name(ex)
    assert "John David Wicker" in sources_by_name(ex)


def test_titles_of_works_are_no_entities():
    ex = run(
        "Mara Quell starred in Harbour Lights and later in the film Tin Orchard. Glass Meridian "
        "(1994) made her famous. Her new movie Office Winter Party opens Friday. A series of "
        "Supreme Court rulings followed, and a film about Nelson Mandela won."
    )
    names = set(entities_by_name(ex))
    assert not {"Harbour Lights", "Tin Orchard", "Glass Meridian", "Office Winter Party"} & names
    assert {"Mara Quell", "Supreme Court", "Nelson Mandela"} <= names


def test_a_city_named_like_a_person_after_a_place_cue_is_the_city():
    ex = run(
        "The suspects were arrested in Orlando on Friday. The council met in Austin last week. "
        "Charlotte said she was happy. In Hassan's view the plan failed."
    )
    got = {e.name: e.type for e in ex.entities}
    assert got.get("Orlando") == "PLACE" and got.get("Austin") == "PLACE"
    assert got.get("Charlotte") == "PERSON" and got.get("Hassan") != "PLACE"
    person = run("Austin Rivers scored 20 points in Denver.")
    assert {e.name: e.type for e in person.entities}.get("Austin Rivers") == "PERSON"


def test_us_in_capitals_is_the_country_and_a_disease_is_no_entity():
    ex = run(
        "Currently, the US has the most cases in the world.\n\n"
        "The death count has crossed 10,000 in US, and Ebola cases rose in Dallas.\n\n"
        "Tell us what you saw, the Zika team asked."
    )
    names = entities_by_name(ex)
    assert names["United States"].type == "PLACE"
    assert len(names["United States"].mentions) == 2
    assert "Ebola" not in names and "Zika" not in names


def test_a_named_storm_is_an_event_not_a_person():
    ex = run("Storm Ciarán is expected to dump rain across the south. Hurricane Ian hit Florida.")
    names = entities_by_name(ex)
    assert names["Storm Ciarán"].type == "EVENT"
    assert names["Hurricane Ian"].type == "EVENT"


def test_parliament_and_cabinet_alone_are_bodies():
    ex = run("The bill passed Parliament on Tuesday after the Cabinet agreed to it.")
    names = entities_by_name(ex)
    assert names["Parliament"].type == "ORG"
    assert names["Cabinet"].type == "ORG"


def test_a_full_name_shortened_without_its_given_name_reads_as_a_person():
    # the model may read "Forrest Jones said" as a company; the text's use decides
    def named(*texts: str) -> Entity:
        return Entity(
            texts[0], "PERSON", [Span(n * 40, n * 40 + len(t), t) for n, t in enumerate(texts)]
        )

    assert _drops_given_name(named("Michael Forrest Jones", "Forrest Jones", "Forrest Jones"))
    assert not _drops_given_name(named("Morgan Stanley", "Morgan Stanley"))
    assert not _drops_given_name(named("Goldman Sachs", "Goldman"))


def test_a_one_word_name_that_goes_on_with_its_is_a_company():
    ex = run(
        "Vidyard announced significant updates to its video hosting platform on Tuesday.\n\n"
        "Vidyard has launched new features on its platform for sales teams.\n\n"
        "Larry Ellison praised the update and said his team would use it."
    )
    names = entities_by_name(ex)
    assert names["Vidyard"].type == "ORG"
    assert names["Larry Ellison"].type == "PERSON"


def test_teams_companies_places_and_races_by_the_shape_of_their_names():
    ex = run(
        "The Nottingham Panthers beat the Dundee Stars 4-2 on Saturday.\n\n"
        "Caeneus Minerals said drilling at Mt Berghaus and Roberts Hill had found gold.\n\n"
        "Police closed Goscote Lane after the crash.\n\n"
        "The colt won the Belmont Stakes before the Kentucky Derby.\n\n"
        "The company raised Rs 500 crore."
    )
    names = entities_by_name(ex)
    assert names["Nottingham Panthers"].type == "ORG"
    assert names["Dundee Stars"].type == "ORG"
    assert names["Caeneus Minerals"].type == "ORG"
    assert names["Mt Berghaus"].type == "PLACE"
    assert names["Roberts Hill"].type == "PLACE"
    assert names["Goscote Lane"].type == "PLACE"
    assert names["Belmont Stakes"].type == "EVENT"
    assert names["Kentucky Derby"].type == "EVENT"
    assert "Rs" not in names
