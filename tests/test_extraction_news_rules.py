"""Rules added for news text in general; each test uses a short article written for it."""

from __future__ import annotations

import time

from generator.extract import extract
from generator.model import Document
from generator.options import Options


def _run(text: str):
    doc = Document(seed="t.txt", name="t", format="txt", text=text)
    return extract(doc, Options(registry=None))


def _names(ex):
    return {e.name: e for e in ex.entities}


def _sources(ex):
    return {s.name: s for s in ex.sources}


def test_person_ends_a_run_after_an_organisation_and_title():
    ex = _run("At the launch, Agency Administrator Paul Brenner announced three new sites.")
    person = _names(ex)["Paul Brenner"]
    assert person.type == "PERSON" and person.roles == ["Agency Administrator"]


def test_title_of_department_then_name():
    ex = _run("Minister of Transport Ilaria Benotti said the bridge would reopen.")
    assert _names(ex)["Ilaria Benotti"].roles == ["Minister of Transport"]
    assert _sources(ex)["Ilaria Benotti"].claims[0].text == "the bridge would reopen"


def test_military_rank_and_inverted_quote():
    ex = _run('"We trained hard for two weeks," said Spc. Dana Whitfield, a gunner from Ohio.')
    assert "Dana Whitfield" in _names(ex)
    assert _sources(ex)["Dana Whitfield"].claims[0].text == "We trained hard for two weeks"


def test_surname_alone_that_is_also_a_city_joins_the_person():
    ex = _run("Petty Officer Mark Dayton was hurt on Monday. Dayton had served for ten years.")
    assert [m.text for m in _names(ex)["Mark Dayton"].mentions] == ["Mark Dayton", "Dayton"]
    assert "Dayton" not in _names(ex)


def test_bare_title_refers_to_the_person_with_that_role():
    ex = _run(
        "Foreign Secretary Alan Brooke met his counterpart. The Foreign Secretary said: "
        '"We agreed to meet again."'
    )
    person = _names(ex)["Alan Brooke"]
    assert [m.text for m in person.mentions] == ["Alan Brooke", "Foreign Secretary"]
    assert _sources(ex)["Alan Brooke"].claims[0].text.startswith("We agreed")


def test_country_acting_as_a_state_is_an_org_and_a_place_stays_a_place():
    ex = _run(
        "Norway signed the treaty on Monday. Norway also pledged new funds, and Norway "
        "will send experts. Flooding hit towns in Chile."
    )
    names = _names(ex)
    assert names["Norway"].type == "ORG"
    assert names["Chile"].type == "PLACE"


def test_match_score_makes_teams():
    ex = _run("Group B — Peru 2 – 1 Chile\n\nPeru beat Chile in Lima.")
    assert _names(ex)["Peru"].type == "ORG" and _names(ex)["Chile"].type == "ORG"


def test_nationality_and_state_body_is_an_org():
    ex = _run("Iraqi security forces and the Syrian army moved north. The Assad regime denied it.")
    names = _names(ex)
    for name in ("Iraqi security forces", "Syrian army", "Assad regime"):
        assert names[name].type == "ORG"


def test_pro_prefix_is_not_a_place_mention():
    ex = _run("The pro-Moscow camp won four seats in the vote.")
    assert "Moscow" not in _names(ex)


def test_unknown_word_after_a_locative_is_a_place():
    ex = _run("Fighting continued near Qaryatayn on Sunday.")
    assert _names(ex)["Qaryatayn"].type == "PLACE"


def test_coordinated_verbs_share_the_subject():
    ex = _run(
        "Jane Porter pressed for a ceasefire, underlined the need for aid and stressed "
        "the role of the courts."
    )
    claims = [c.text for c in _sources(ex)["Jane Porter"].claims]
    assert len(claims) == 3 and claims[2] == "the role of the courts"


def test_document_and_resolution_sources():
    ex = _run(
        "Figures show a record number of crossings last year.\n\n"
        "Resolution 2401 demanded full access for aid convoys."
    )
    rows = _sources(ex)
    assert rows["Figures"].kind == "document"
    assert rows["Resolution 2401"].claims[0].text == "full access for aid convoys"


def test_quote_of_several_sentences_and_it_added():
    ex = _run(
        'The Northern Telegraph Agency (NTA) reported the clash. "The enemy fled. Order is '
        'restored," said NTA. "We remain ready," it added.'
    )
    src = _sources(ex)["NTA"]
    texts = [c.text for c in src.claims]
    assert texts[0].startswith("The enemy fled") and "We remain ready" in texts


def test_huge_inputs_stay_fast():
    for text in ("B" * 3_000_000, "Foo Bar Baz " * 250_000, '"Hi there," said Al Roe. ' * 40_000):
        start = time.perf_counter()
        ex = _run(text)
        assert isinstance(ex.entities, list)
        assert time.perf_counter() - start < 8
