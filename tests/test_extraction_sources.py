"""Attribution: sources, their basis and claims, anonymous and document sources
(generator/extraction/sources.py). Each test runs a short article written for it (no corpus text)."""

from __future__ import annotations

from extraction_helpers import credited, entities_by_name, run, sources_by_name


def test_according_to_and_quote_sources():
    ex = run(
        'According to Reuters, the bridge reopened on Tuesday. "We are ready," said Maria Olsen.\n'
        "Officials said the port would stay shut."
    )
    rows = {(s.name, s.kind): s for s in ex.sources}
    assert rows[("Reuters", "outlet")].claims[0].text == "the bridge reopened on Tuesday"
    assert rows[("Maria Olsen", "person")].claims[0].text == "We are ready"
    anon = rows[("Officials", "anonymous")].claims[0]
    assert anon.anonymous_only and anon.text == "the port would stay shut"


def test_basis_told_reporters():
    ex = run("Mayor Paula Green told reporters that the water was safe.")
    src = ex.sources[0]
    assert (src.name, src.basis) == ("Paula Green", "told reporters")


def test_military_rank_and_inverted_quote():
    ex = run('"We trained hard for two weeks," said Spc. Dana Whitfield, a gunner from Ohio.')
    assert "Dana Whitfield" in entities_by_name(ex)
    assert sources_by_name(ex)["Dana Whitfield"].claims[0].text == "We trained hard for two weeks"


def test_coordinated_verbs_share_the_subject():
    ex = run(
        "Jane Porter pressed for a ceasefire, underlined the need for aid and stressed "
        "the role of the courts."
    )
    claims = [c.text for c in sources_by_name(ex)["Jane Porter"].claims]
    assert len(claims) == 3 and claims[2] == "the role of the courts"


def test_document_and_resolution_sources():
    ex = run(
        "Figures show a record number of crossings last year.\n\n"
        "Resolution 2401 demanded full access for aid convoys."
    )
    rows = sources_by_name(ex)
    assert rows["Figures"].kind == "document"
    assert rows["Resolution 2401"].claims[0].text == "full access for aid convoys"


def test_quote_of_several_sentences_and_it_added():
    ex = run(
        'The Northern Telegraph Agency (NTA) reported the clash. "The enemy fled. Order is '
        'restored," said NTA. "We remain ready," it added.'
    )
    src = sources_by_name(ex)["NTA"]
    texts = [c.text for c in src.claims]
    assert texts[0].startswith("The enemy fled") and "We remain ready" in texts


def test_released_the_following_statement_takes_the_quote():
    ex = run(
        "Gen. Ruth Calloway, the fleet commander, released the following statement today:\n\n"
        '"We grieve with the families of the crew."'
    )
    src = sources_by_name(ex)["Ruth Calloway"]
    assert src.claims[0].text == "We grieve with the families of the crew"


def test_bare_lower_case_title_refers_to_the_person_named_before():
    ex = run(
        'Defence Secretary Omar Haddad visited the base. "It was a proud day," Haddad said. '
        'The secretary added, "The crews did well."'
    )
    claims = [c.text for c in sources_by_name(ex)["Omar Haddad"].claims]
    assert "The crews did well" in claims


def test_lower_case_institution_is_a_source_with_its_own_words():
    ex = run("The city argued that the school owed no tax on its chapel.")
    src = sources_by_name(ex)["city"]
    assert src.kind == "government"
    assert src.claims[0].text == "the school owed no tax on its chapel"


def test_the_group_claimed_refers_to_the_organisation_named_before():
    ex = run(
        "The Northern Liberation Front attacked the depot on Monday. "
        "The group claimed it had destroyed four trucks."
    )
    src = sources_by_name(ex)["Northern Liberation Front"]
    assert src.claims[0].text == "it had destroyed four trucks"


def test_unnamed_spokesman_of_a_named_body():
    ex = run("A Transport Ministry spokesman said the line would reopen on Friday.")
    src = sources_by_name(ex)["Transport Ministry spokesman"]
    assert src.kind == "government"
    assert src.claims[0].text == "the line would reopen on Friday"


def test_according_to_lower_case_officials_is_anonymous():
    ex = run("Twelve people were hurt, according to hospital officials.")
    src = sources_by_name(ex)["hospital officials"]
    assert src.kind == "anonymous"
    assert src.claims[0].text == "Twelve people were hurt"


def test_owner_of_a_report_is_the_source_and_the_report_the_basis():
    ex = run("Greenwatch's annual report on river pollution found that nitrates had doubled.")
    src = sources_by_name(ex)["Greenwatch"]
    assert src.basis == "annual report on river pollution"
    assert src.claims[0].text == "nitrates had doubled"


def test_document_seen_by_an_outlet_keeps_the_outlet_as_basis():
    ex = run('A leaked memo seen by the Daily Clarion says "staff cuts are planned".')
    src = sources_by_name(ex)["leaked memo"]
    assert src.kind == "document" and src.basis == "seen by the Daily Clarion"
    assert "Daily Clarion" not in sources_by_name(ex)


def test_second_verb_of_a_coordinated_sentence_keeps_the_subject():
    ex = run(
        "Mayor Ines Varga condemns the arson attack and reiterates that the library will reopen."
    )
    claims = [c.text for c in sources_by_name(ex)["Ines Varga"].claims]
    assert claims == ["the library will reopen"]


def test_quote_then_source_then_venue_basis():
    ex = run('"It is time to say goodbye," Acme says on its company blog.')
    src = sources_by_name(ex)["Acme"]
    assert src.claims[0].text == "It is time to say goodbye"
    assert src.basis == "on its company blog"


def test_basis_with_a_dated_statement_and_a_leading_in_a_statement():
    ex = run(
        "Minister Paula Reyes said in a Jan. 5 statement that the port would reopen. "
        "In a statement, Senator Hugo Lind said the vote was fair."
    )
    srcs = sources_by_name(ex)
    assert srcs["Paula Reyes"].basis == "in a Jan. 5 statement"
    assert srcs["Hugo Lind"].basis == "In a statement"


def test_it_said_refers_to_the_last_organisation():
    ex = run(
        "The Harbour Authority closed the quay on Sunday. In a notice, it said repairs would "
        "take a week."
    )
    assert sources_by_name(ex)["Harbour Authority"].claims[0].text == "repairs would take a week"


def test_comments_on_a_topic_is_not_a_claim():
    ex = run("Minister Carl Oduya comments on the flood report")
    assert "Carl Oduya" not in sources_by_name(ex)


def test_transcript_speaker_label_is_a_source_without_cue():
    ex = run(
        "Secretary of State Ana Morel met reporters in Lima.\n\n"
        "MINISTER MOREL: We talked about the border and the new crossing points.\n\n"
        "QUESTION: Will it open soon?"
    )
    src = sources_by_name(ex)["Ana Morel"]
    assert src.claims[0].text == "We talked about the border and the new crossing points"
    assert "Question" not in sources_by_name(ex)


def test_plural_pronoun_takes_the_group_named_before():
    ex = run(
        "The researchers found that yields fell by a tenth. "
        "They estimated that losses would double by 2050."
    )
    claims = [c.text for c in sources_by_name(ex)["researchers"].claims]
    assert claims == ["yields fell by a tenth", "losses would double by 2050"]


def test_one_poster_and_the_page_are_sources():
    ex = run(
        'One poster wrote that "the site went down at noon". '
        "The site's help page explains that the outage was planned."
    )
    srcs = sources_by_name(ex)
    assert srcs["One poster"].kind == "anonymous"
    assert any(s.kind == "document" for s in ex.sources if "page" in s.name)


def test_according_to_a_capitalised_posting():
    ex = run("The festival drew six million visitors, according to an Internet posting.")
    src = sources_by_name(ex)["Internet posting"]
    assert src.kind == "document"
    assert src.claims[0].text == "The festival drew six million visitors"


def test_department_of_a_subject_is_an_organisation():
    ex = run("The U.S. Department of Agriculture notes that ozone harms soybeans.")
    assert entities_by_name(ex)["U.S. Department of Agriculture"].type == "ORG"
    assert sources_by_name(ex)["U.S. Department of Agriculture"].claims[0].text == (
        "ozone harms soybeans"
    )


def test_the_parse_finds_speakers_the_patterns_miss():
    ex = run(
        "The Financial Times reported on Sunday that the board had met twice to discuss a sale.\n\n"
        "A doctor at the hospital told reporters that three patients remained in critical "
        "condition.\n\nShareholders were told by the chairman that dividends would be cut."
    )
    rows = {s.name: s for s in ex.sources}
    assert rows["Financial Times"].kind == "outlet"
    assert rows["Financial Times"].claims[0].text == "the board had met twice to discuss a sale"
    doctor = rows["doctor"]
    assert doctor.basis == "told reporters" and doctor.kind == "anonymous"
    assert doctor.claims[0].text == "three patients remained in critical condition"
    assert rows["chairman"].claims[0].text == "dividends would be cut"


def test_a_name_inside_the_claim_is_not_an_independent_source():
    ex = run(
        "Jo Park said that Alan Reed had promised the old bridge would reopen to traffic in May."
        "\n\nAlan Reed said the old bridge would reopen to traffic in May."
    )
    rows = sources_by_name(ex)
    assert rows["Jo Park"].claims and rows["Alan Reed"].claims
    for src in ex.sources:
        for claim in src.claims:
            assert not claim.corroborated_by, (src.name, claim.text)


def test_independent_sources_corroborate():
    ex = run(
        "Officials at the transport ministry said the old bridge would reopen to traffic in May.\n\n"
        "Engineers from Halden Works also said the old bridge would reopen to traffic in May."
    )
    flagged = [c for s in ex.sources for c in s.claims if c.corroborated_by]
    assert len(flagged) == 2


def test_told_a_listener_is_the_basis_not_the_claim():
    ex = run("Witnesses told police they heard three shots shortly after midnight.")
    src = sources_by_name(ex)["Witnesses"]
    assert src.basis == "told police"
    assert src.claims[0].text == "they heard three shots shortly after midnight"


def test_common_news_attributions():
    ex = run(
        "Dr. Jane Roe of Harvard University said the results were encouraging.\n\n"
        "According to a statement from the company, sales rose 8 percent in the quarter.\n\n"
        "The lawsuit alleges that the firm misled investors about its debts.\n\n"
        "Apple Inc said on Thursday it would invest $1 billion in a new campus.\n\n"
        "A report by the Pew Research Center found that most adults get news from social media."
    )
    rows = {s.name: s for s in ex.sources}
    assert rows["Dr. Jane Roe"].claims[0].text == "the results were encouraging"
    assert "Harvard University" not in rows
    assert rows["a statement"].kind == "document"
    assert rows["a statement"].claims[0].text == "sales rose 8 percent in the quarter"
    assert rows["lawsuit"].kind == "document"
    assert rows["Apple Inc"].claims[0].text == "it would invest $1 billion in a new campus"


def test_an_age_stands_for_the_person_named_before():
    ex = run('Tom Reyes runs the plant.\n\n"The market is changing fast," the 34-year-old said.')
    assert sources_by_name(ex)["Tom Reyes"].claims[0].text == "The market is changing fast"


def test_a_quote_goes_on_in_the_next_sentence():
    ex = run(
        '"We will appeal," said Mayor Lena Ortiz, who took office in 2019. "This ruling is wrong '
        'and we know it."\n\n"Nobody asked us," a resident said.'
    )
    claims = [c.text for c in sources_by_name(ex)["Lena Ortiz"].claims]
    assert len(claims) == 1  # one quote over two sentences is one claim
    assert claims[0].startswith("We will appeal") and claims[0].endswith("we know it")


def test_told_listeners_on_a_call():
    ex = run(
        "Chief executive Dave Calhoun told analysts on a conference call that the company was "
        "working closely with regulators."
    )
    src = sources_by_name(ex)["Dave Calhoun"]
    assert src.basis.startswith("told analysts")
    assert src.claims[0].text == "the company was working closely with regulators"


def test_he_and_she_take_the_last_person_of_that_pronoun():
    ex = run(
        "Dana Whitcombe stayed at the hospital with her husband, Marek Olund, for a week. "
        "Mr. Olund could no longer speak by then.\n\n"
        '"I was afraid he would choke," she says. "Nobody came to help."'
    )
    src = sources_by_name(ex)["Dana Whitcombe"]
    assert src.claims[0].text.startswith("I was afraid he would choke")
    assert "Marek Olund" not in sources_by_name(ex)


def test_a_first_person_paragraph_after_a_speaker_goes_on_with_their_claim():
    ex = run(
        "Talks take time, Priya Raman said at the hearing.\n\n"
        "I have been meeting those founders for years, and when the moment came we knew "
        "them well.\n\n"
        "The hearing resumes on Monday."
    )
    claims = [c.text for c in sources_by_name(ex)["Priya Raman"].claims]
    assert any(c.startswith("I have been meeting those founders") for c in claims)
    assert not any("hearing resumes" in c for c in claims)


def test_a_trailing_venue_is_the_basis_and_the_clause_before_the_claim():
    ex = run(
        "The deal was never about money, Priya Raman said at the trial. "
        "Rivals move fast, she said according to a transcript seen by the court."
    )
    src = [s for s in ex.sources if s.name == "Priya Raman"]
    got = {(s.basis, c.text) for s in src for c in s.claims}
    assert ("at the trial", "The deal was never about money") in got
    assert (
        "according to a transcript seen by the court",
        "Rivals move fast",
    ) in got


def test_research_groups_relatives_and_studies_are_sources():
    ex = run(
        "The team found that the shoes carried 20 kinds of bacteria.\n\n"
        "Studies have shown that boots spread disease between colonies.\n\n"
        "Police thought it might have been a robbery gone wrong.\n\n"
        "A doctor told the paper that the patient was stable."
    )
    names = {s.name.lower() for s in ex.sources}
    assert {"the team", "studies", "police", "a doctor"} <= names


def test_calling_someone_up_is_not_a_claim():
    ex = run("Later that night Dana Whitcombe called him up and went to the store.")
    assert not ex.sources


def test_say_the_researchers_inverted_after_the_claim():
    ex = run(
        "The findings explain how choices form, say the researchers, and more tests will "
        "follow.\n\nAfter the shooting, police at first thought it was a robbery gone wrong."
    )
    got = {s.name.lower(): s for s in ex.sources}
    assert got["the researchers"].claims[0].text == "The findings explain how choices form"
    assert got["police"].claims[0].text == "it was a robbery gone wrong"


def test_staff_of_a_body_relative_clauses_and_trailing_documents():
    ex = run(
        "Old laptop batteries can light homes for a year, researchers at Halvorsen Labs say.\n\n"
        "The firm is in a lawsuit with Tarrant Media, which accuses it of copying trade "
        "secrets.\n\n"
        "She followed him back to the county in her pickup, search warrant documents say."
    )
    got = sources_by_name(ex)
    assert got["researchers at Halvorsen Labs"].kind == "organization"
    assert got["researchers at Halvorsen Labs"].claims[0].text.startswith("Old laptop batteries")
    assert "copying trade secrets" in got["Tarrant Media"].claims[0].text
    docs = got["search warrant documents"]
    assert (docs.kind, docs.claims[0].text) == (
        "document",
        "She followed him back to the county in her pickup",
    )


def test_showing_off_and_requesting_money_are_not_claims():
    ex = run(
        "At its booth, Halvorsen Labs showed off a guitar that plays games. The mission got "
        "$100 million, though Senator Dana Whitcombe had requested just $15 million for it."
    )
    assert not ex.sources


def test_a_place_after_in_is_where_the_source_is_not_the_source():
    ex = run(
        "Researchers at Halvorsen Labs in Bangalore found that most old batteries still work.\n\n"
        "Officials at the embassy in Oslo said the talks had failed."
    )
    names = {s.name for s in ex.sources}
    assert "Researchers at Halvorsen Labs" in names
    assert "Bangalore" not in names and "Oslo" not in names


def test_an_area_known_as_a_name_is_a_place():
    ex = run(
        "The shooting was reported in the unincorporated area known as Good Hope. Deputies "
        "arrived at 9:30 p.m."
    )
    assert {e.name: e.type for e in ex.entities}.get("Good Hope") == "PLACE"


def test_a_quote_then_the_speaker_with_a_role_and_a_day():
    ex = run(
        'The ministry welcomed the talks. "This is in the interest of both countries," Chinese '
        "foreign ministry spokesperson Geng Shuang said on Tuesday."
    )
    claims = [c.text for c in sources_by_name(ex)["Geng Shuang"].claims]
    assert claims == ["This is in the interest of both countries"]


def test_an_inverted_quote_credits_the_person_not_the_possessive_before_the_role():
    ex = run(
        '"We had ambitious goals," says Rosetta\'s former mission manager Gerhard Schwehm, who '
        "has worked on the mission for 30 years."
    )
    names = set(sources_by_name(ex))
    assert "Gerhard Schwehm" in names and "Rosetta" not in names


def test_who_is_told_is_not_the_source_and_a_relative_clause_is_skipped():
    ex = run(
        "The ministers fled to the compound, the source, who said he had spoken to people "
        "inside, told Reuters."
    )
    got = sources_by_name(ex)
    assert "Reuters" not in got
    (src,) = [s for s in got.values() if "source" in s.name]
    assert src.basis == "told Reuters"
    assert src.claims[0].text == "The ministers fled to the compound"


def test_a_firm_described_in_an_appositive_says_what_follows_its_verb():
    ex = run(
        "In its review of the drought, Kestrel Analytics, a Nairobi research firm, says Kenya "
        "is at risk of a downturn."
    )
    got = sources_by_name(ex)
    assert "Kenya" not in got
    assert [c.text for c in got["Kestrel Analytics"].claims] == ["Kenya is at risk of a downturn"]


def test_a_long_description_of_the_source_before_said_and_a_venue_after():
    ex = run(
        "Talks with the airlines will resume on Monday, a spokeswoman for the Allied Transport "
        "Workers Union said at a news conference on Friday."
    )
    [src] = ex.sources
    assert "Allied Transport Workers Union" in src.name
    assert [c.text for c in src.claims] == ["Talks with the airlines will resume on Monday"]


def test_an_unnamed_executive_is_a_source():
    ex = run('Worse, as one executive said, "I distrust most of them, so I may miss real ones."')
    claims = [c.text for s in ex.sources for c in s.claims if "executive" in s.name]
    assert claims and claims[0].startswith("I distrust most of them")


def test_writing_in_an_article_is_the_basis_not_the_claim():
    ex = run(
        "Lena Okafor of Tallinn University writes in an accompanying article that the rules must change."
    )
    src = sources_by_name(ex)["Lena Okafor"]
    assert src.basis == "in an accompanying article"
    assert [c.text for c in src.claims] == ["the rules must change"]


def test_groups_that_expect_or_have_long_argued_are_sources():
    ex = run(
        "Authorities expect to learn about more victims in the coming weeks. Critics have long "
        "argued that the rules were too weak."
    )
    got = sources_by_name(ex)
    assert [c.text for c in got["Authorities"].claims] == [
        "to learn about more victims in the coming weeks"
    ]
    assert "Critics" in got


def test_an_inverted_quote_from_one_unnamed_officer():
    ex = run(
        '"If you are exposed to that attack," said one bank security officer, referring to a '
        'basic hack, "then you will fall."'
    )
    (src,) = ex.sources
    assert src.name == "one bank security officer" and src.kind == "anonymous"
    assert src.claims[0].text.startswith("If you are exposed")


def test_a_report_from_a_body_is_the_source_not_the_body():
    ex = run(
        "Despite the damage, a preliminary report from the Park Service said the tower remains "
        "sound. The Harwell Agency has identified the soldier who was killed in the blast."
    )
    got = sources_by_name(ex)
    assert "preliminary report from the Park Service" in got
    assert got["preliminary report from the Park Service"].kind == "document"
    assert "Harwell Agency" not in got  # identifying a soldier is no claim


def test_a_restrictive_clause_between_a_body_and_its_verb_is_skipped():
    ex = run(
        "New figures from the Canadian Realty Association came out on Monday. The group that "
        "represents more than 155,000 agents said sales fell by 30 per cent."
    )
    got = sources_by_name(ex)
    assert "agents" not in got
    claims = [c.text for s in got.values() for c in s.claims]
    assert "sales fell by 30 per cent" in claims


def test_two_people_joined_by_and_both_say_it_without_corroborating_each_other():
    ex = run(
        "Rents keep rising. Earl Hypolite and Naomi Zitt-James say they will buy a house soon."
    )
    got = sources_by_name(ex)
    for name in ("Earl Hypolite", "Naomi Zitt-James"):
        (claim,) = got[name].claims
        assert claim.text == "they will buy a house soon" and not claim.corroborated_by


def test_a_described_speaker_after_an_inverted_verb_and_a_day_after_the_subject():
    ex = run(
        '"It has huge consequences," says study co-author Boris Kingma. In what is seen as a '
        "snub, Norway on Tuesday stressed that both sides should talk. Roof has asked to "
        "represent himself at the trial."
    )
    got = sources_by_name(ex)
    assert [c.text for c in got["Boris Kingma"].claims] == ["It has huge consequences"]
    assert [c.text for c in got["Norway"].claims] == ["both sides should talk"]
    assert got["Norway"].basis == ""  # "In what is seen as a snub" is no basis
    assert "Roof" not in got  # asking to do something is no claim


def test_a_lead_phrase_naming_a_statement_is_the_basis():
    ex = run("In a statement on Monday, Tarrant Foods said it would close two plants.")
    assert sources_by_name(ex)["Tarrant Foods"].basis.startswith("In a statement")


def test_documents_are_sources_however_they_are_introduced():
    ex = run(
        "Data shows the pace of recovery remains slow.\n\n"
        "According to a report issued last year by the city auditor, the stadium loses money.\n\n"
        "A survey by Gallup found that most voters oppose the plan.\n\n"
        "The study, published in Nature, found that sea levels are rising faster.\n\n"
        "Research conducted in both monkeys and humans shows that decisions happen early.\n\n"
        "Police records indicate that the suspect had two prior arrests.\n\n"
        "Figures released on Monday by the Bureau of Labor Statistics showed that hiring slowed."
    )
    got = credited(ex, "name", "kind", "basis")
    assert got["the pace of recovery remains slow"][:2] == ("Data", "document")
    assert got["the stadium loses money"][1] == "document"
    assert got["most voters oppose the plan"][:2] == ("survey by Gallup", "document")
    assert got["sea levels are rising faster"] == ("study", "document", "published in Nature")
    assert got["decisions happen early"][:2] == ("Research", "document")
    assert got["the suspect had two prior arrests"][:2] == ("Police records", "document")
    name, kind, basis = got["hiring slowed"]
    assert kind == "document" and "Bureau of Labor Statistics" in basis


def test_research_and_documents_that_find_or_show_are_sources_but_other_things_are_not():
    ex = run(
        "Engineers inspected the span for a week.\n\n"
        "The inspection team concluded that the bridge was unsafe for trucks.\n\n"
        "The autopsy showed that the victim had drowned before the fire.\n\n"
        "The video game shows that players can fly over the city."
    )
    got = credited(ex, "name", "kind")
    assert got["the bridge was unsafe for trucks"] == ("inspection team", "anonymous")
    assert got["the victim had drowned before the fire"] == ("autopsy", "anonymous")
    assert not any("players can fly" in c for c in got)


def test_a_bare_title_is_the_person_the_text_gave_that_role():
    ex = run(
        "US President Donald Trump met Prime Minister Narendra Modi in Delhi on Monday.\n\n"
        "Modi spoke first about trade.\n\n"
        '"Why would there not be a deal," the US President said.\n\n'
        "Judge Ann Cole heard the case of Bradley Axel on Tuesday.\n\n"
        "Axel stayed silent as the judge said the sentence would be read on Friday."
    )
    got = credited(ex, "name")
    assert got["Why would there not be a deal"] == "Donald Trump"
    assert got["the sentence would be read on Friday"] == "Ann Cole"


def test_beliefs_and_appeals_are_claims_of_their_subject():
    ex = run(
        "Detectives searched the flat on Monday.\n\n"
        "Police suspected that the suspect was a supplier for the whole region.\n\n"
        "The mayor of Surabaya, Tri Rismaharini, comforted relatives and urged them to be strong.\n\n"
        "Senator Joan Pike vowed to reopen the mine before winter."
    )
    got = credited(ex, "name", "kind")
    assert got["the suspect was a supplier for the whole region"] == ("Police", "government")
    assert got["them to be strong"][0] == "Tri Rismaharini"
    assert got["to reopen the mine before winter"] == ("Joan Pike", "person")


def test_according_to_a_document_of_a_body_an_institution_or_mid_sentence():
    ex = run(
        "Coal lost ground across the region last year.\n\n"
        "Half of the power came from coal in 2015, according to analysis by the Energy "
        "Information Administration.\n\n"
        "Scientists have underestimated the warming, according to the new paper.\n\n"
        "According to the prosecution, the dealer had supplied other dealers for years.\n\n"
        "Cleaner fuel cut pollution, but, according to Rita Hale, the tradeoff has been "
        "faster warming."
    )
    got = credited(ex, "name", "kind")
    eia = got["Half of the power came from coal in 2015"]
    assert eia[0] == "Energy Information Administration"
    assert got["Scientists have underestimated the warming"] == ("new paper", "document")
    assert got["the dealer had supplied other dealers for years"] == (
        "prosecution",
        "government",
    )
    assert got["the tradeoff has been faster warming"] == ("Rita Hale", "person")


def test_a_place_modifying_the_speaker_is_not_the_speaker():
    ex = run(
        "Rain fell across the state on Monday.\n\n"
        "New South Wales firefighters said they finally had the upper hand against the blaze."
    )
    [(name, claim)] = [(s.name, c.text) for s in ex.sources for c in s.claims]
    assert claim == "they finally had the upper hand against the blaze"
    assert name.endswith("firefighters")


def test_what_follows_adding_that_is_another_claim_of_the_same_speaker():
    ex = run(
        '"The waves are three metres high," Tom Soelistyo told reporters, adding that the '
        "search would go on all night.\n\n"
        "On March 25 the ministry announced a hold on exports, adding that it would be lifted "
        "case by case."
    )
    got = credited(ex, "name")
    assert got["The waves are three metres high"] == "Tom Soelistyo"
    assert got["the search would go on all night"] == "Tom Soelistyo"
    assert got["a hold on exports"] == got["it would be lifted case by case"]


def test_evidence_named_by_a_relative_clause_or_messages_and_no_promise_from_weather():
    ex = run(
        "The lab ran a new trial in May.\n\n"
        "The team built on earlier studies, which showed that speed and accuracy were linked.\n\n"
        "The text messages found on his phone showed he had been buying on a commercial scale.\n\n"
        "Wet weather promised to deliver respite for the farms."
    )
    got = credited(ex, "name", "kind")
    assert got["speed and accuracy were linked"][1] == "document"
    assert "messages" in got["he had been buying on a commercial scale"][0]
    assert not any("respite" in claim for claim in got)


def test_items_after_said_and_a_colon_are_each_a_claim_of_the_speaker():
    ex = run(
        "The minister gave a long interview on Friday.\n\n"
        "In a wide-ranging interview, Foreign Minister Ana Ruiz also said:\n\n"
        "The port must stay open to keep trade moving\n\n"
        "She is confident the fishing deal will pass the senate\n\n"
        "Hours later, a storm closed the harbour."
    )
    [src] = [s for s in ex.sources if s.name == "Ana Ruiz"]
    assert [c.text for c in src.claims] == [
        "The port must stay open to keep trade moving",
        "She is confident the fishing deal will pass the senate",
    ]
    assert src.basis == "In a wide-ranging interview"


def test_the_person_urged_to_act_is_not_the_speaker_and_telling_reporters_goes_on():
    ex = run(
        "President Yoon Suk Yeol spoke on Saturday.\n\n"
        "Han Dong-hoon, the leader of the PPP, urged Yoon to step down, telling reporters after "
        "the address that it had become impossible for him to carry out his duties."
    )
    got = credited(ex, "name")
    assert got == {
        "Yoon to step down": "Han Dong-hoon",
        "it had become impossible for him to carry out his duties": "Han Dong-hoon",
    }
