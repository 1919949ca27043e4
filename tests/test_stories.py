"""Stories: grouping reports of one event, what each added, corroboration, grades, disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_seeds import LONERS, PORT, STORY_SEEDS, TALKS

from generator.assemble import assemble
from generator.extract import extract
from generator.ingest import read_seed
from generator.memo import RenderMemo
from generator.model import Site
from generator.options import Options
from generator.storypages import render_stories


def site_from(tmp: Path, seeds: dict[str, str], reliability: dict[str, str] | None = None) -> Site:
    tmp.mkdir(parents=True, exist_ok=True)
    opts = Options(root=tmp, registry=None)
    items = []
    for name, text in seeds.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        doc = read_seed(path, opts)
        items.append((doc, extract(doc, opts)))
    return assemble(items, reliability)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return site_from(tmp_path_factory.mktemp("stories"), STORY_SEEDS)


def story_with(site: Site, slug: str):
    return site.stories[site.story_of[slug]]


def test_reports_of_one_event_form_one_story_and_loners_stay_out(site):
    groups = sorted(sorted(r.briefing for r in s.reports) for s in site.stories.values())
    assert groups == [sorted(PORT), sorted(TALKS)]
    for slug in LONERS:
        assert slug not in site.story_of, slug


def test_reports_are_in_time_order(site):
    story = story_with(site, "port-ap")
    by_slug = {b.slug: b for b in site.briefings}
    dates = [by_slug[r.briefing].date for r in story.reports]
    assert dates == sorted(dates)


def test_a_pinned_story_holds_and_takes_its_name(site):
    story = story_with(site, "pinned")
    assert story.name == "Aden port explosion" and story.pinned
    assert story.key == "aden-port-explosion"


def test_story_none_keeps_a_matching_report_out(tmp_path):
    wire = STORY_SEEDS["talks-wire.md"].replace("story: none\n", "")
    site = site_from(tmp_path, {**STORY_SEEDS, "talks-wire.md": wire})
    assert site.story_of["talks-wire"] == site.story_of["talks-nyt"]


def test_two_different_pins_never_merge(tmp_path):
    seeds = dict(STORY_SEEDS)
    seeds["port-ap.md"] = seeds["port-ap.md"].replace("source:", "story: Another story\nsource:")
    site = site_from(tmp_path, seeds)
    assert site.story_of["port-ap"] != site.story_of["pinned"]
    assert site.stories[site.story_of["port-ap"]].name == "Another story"


def test_each_report_says_what_it_added(site):
    story = story_with(site, "port-bbc")
    by_slug = {b.slug: b for b in site.briefings}
    report = next(r for r in story.reports if r.briefing == "port-bbc")
    added = [by_slug["port-bbc"].sentence(i).text for i in report.added]
    assert any("Houthi" in t for t in added)
    assert not any("rescue teams" in t for t in added)  # the earlier reports said it
    names = {site.entities[k].name for k in report.new_entities}
    assert "Mohammed Abdulsalam" in names and "Khaled Al-Ameri" not in names


def test_a_claim_three_outlets_report_is_confirmed_with_each_basis(site):
    story = story_with(site, "port-ap")
    claim = next(c for c in story.claims if "rescue teams" in c.text)
    assert sorted(claim.outlets) == ["Associated Press", "BBC News", "Reuters"]
    assert claim.grade == 1
    assert any(s.basis == "told Reuters" for s in claim.support)


def test_anonymous_only_claims_never_grade_one(site):
    graded = [c for s in site.stories.values() for c in s.claims]
    anonymous = [c for c in graded if all(s.anonymous for s in c.support if s.source)]
    assert anonymous and all(c.grade > 1 for c in anonymous)
    witnesses = next(c for c in graded if c.text.startswith("Witnesses"))
    assert witnesses.grade == 4  # one outlet, anonymous sourcing only


def test_reliability_letter_comes_from_the_registry_else_f(tmp_path):
    site = site_from(tmp_path, STORY_SEEDS, reliability={"reuters": "B"})
    supports = [s for st in site.stories.values() for c in st.claims for s in c.support]
    assert {s.reliability for s in supports if s.outlet == "Reuters"} == {"B"}
    assert {s.reliability for s in supports if s.outlet != "Reuters"} == {"F"}


def test_different_numbers_are_a_disagreement_with_both_sentences(site):
    story = story_with(site, "port-ap")
    numbers = [d for d in story.disagreements if d.kind == "number"]
    assert len(numbers) == 1
    values = {(s.briefing, s.value) for s in numbers[0].sides}
    assert ("port-ap", "15") in values and ("port-reuters", "12") in values
    claim = next(c for c in story.claims if "killed 15" in c.text)
    assert claim.disputed and claim.grade >= 4


def test_different_places_are_a_disagreement(site):
    talks = story_with(site, "talks-nyt")
    [place] = [d for d in talks.disagreements if d.kind == "place"]
    assert {(s.briefing, s.value) for s in place.sides} == {
        ("talks-nyt", "Oslo"),
        ("talks-axios", "Muscat"),
    }
    port = story_with(site, "port-ap")
    values = {s.value for d in port.disagreements if d.kind == "place" for s in d.sides}
    assert values == {"Mombasa", "Djibouti"}


def test_story_page_quotes_both_sides_and_links_every_report(site):
    pages = render_stories(site, RenderMemo())
    text = pages["stories/aden-port-explosion.md"]
    for slug in PORT:
        assert f"(../reports/{slug}.md)" in text
    assert "killed 15 people" in text and "killed 12 people" in text
    assert "(../reports/port-ap.md#s1)" in text and "(../reports/port-reuters.md#s1)" in text
    index = pages["stories/index.md"]
    assert index.index("Iran and US envoys") < index.index("Aden port explosion")  # latest first


SPELLINGS = {
    "ferry-a.md": """---
title: Ferry runs aground off Gotland
date: 2025-05-02
source: Svenska Dagbladet
---
A passenger ferry ran aground off the island of Gotland on Friday, and all 300 passengers were taken ashore by lifeboat crews.
Captain Jonas Lindqvist told the coast guard that a steering failure caused the grounding near the harbour entrance.
The ferry operator said the vessel would be towed to a shipyard for inspection on 12 May 2025.
""",
    "ferry-b.md": """---
title: Passengers rescued after ferry grounding near Gotland
date: 2025-05-02
source: Dagens Nyheter
---
All 300 passengers were taken ashore by lifeboat crews after a passenger ferry ran aground off Gotland on Friday.
Captain Jonas Lindquist told the coast guard that a steering failure caused the grounding near the harbour entrance.
The vessel will be towed to a shipyard for inspection on 14 May 2025, the ferry operator said.
""",
}


def test_two_spellings_of_a_name_and_two_days_are_disagreements(tmp_path):
    site = site_from(tmp_path, SPELLINGS)
    [story] = site.stories.values()
    names = [d for d in story.disagreements if d.kind == "name"]
    assert len(names) == 1
    assert {s.value for s in names[0].sides} == {"Jonas Lindqvist", "Jonas Lindquist"}
    assert not [d for d in story.disagreements if d.kind == "number"]  # 300 both times
    [day] = [d for d in story.disagreements if d.kind == "date"]
    assert {s.value for s in day.sides} == {"2025-05-12", "2025-05-14"}


def test_an_edited_report_reaches_its_story_page_while_other_stories_come_from_the_memo(tmp_path):
    from conftest import make_project

    from generator.buildstate import BuildState
    from generator.pipeline import generate
    from generator.report import Reporter

    options = make_project(tmp_path / "p", STORY_SEEDS, with_seed=False)
    options = Options(root=options.root, registry=None, extractor="rules")
    assert generate(options, Reporter(-1)).exit_code == 0
    story_page = options.path(options.docs) / "stories" / "aden-port-explosion.md"
    assert "15" in story_page.read_text("utf-8")
    ap = options.path(options.seeds) / "port-ap.md"
    ap.write_text(ap.read_text("utf-8").replace("killed 15 people", "killed 17 people"), "utf-8")
    assert generate(options, Reporter(-1)).exit_code == 0
    text = story_page.read_text("utf-8")
    assert "17" in text and "killed 15 people" not in text
    memo = BuildState(options).read_objects("assemble", _render_code())
    assert sum(k.startswith("story:") for k in memo) == 2  # the edited story's old entry is gone


def _render_code() -> str:
    from generator.cache import RENDER_CODE, code_fingerprint

    return code_fingerprint(RENDER_CODE)


def test_grouping_in_a_second_process_finds_the_same_stories(tmp_path, monkeypatch):
    import generator.assemble

    here = site_from(tmp_path / "a", STORY_SEEDS)
    monkeypatch.setattr(generator.assemble, "PARALLEL_GROUPING_FROM", 0)
    forked = site_from(tmp_path / "b", STORY_SEEDS)
    assert forked.story_of == here.story_of
    assert [s.name for s in forked.stories.values()] == [s.name for s in here.stories.values()]


CREDITS = {
    "dam-a.md": """---
title: Dam spillway gates opened after heavy rain in Kariba
date: 2025-02-10
source: The Herald
---
Engineers opened three spillway gates at the Kariba dam on Monday after a week of heavy rain upstream.
The water level will fall by two metres before the end of the month, Zambezi River Authority chief executive Munyaradzi Munodawafa said.
Farmers downstream were told to move livestock to higher ground.
""",
    "dam-b.md": """---
title: Kariba dam opens floodgates as rains swell Zambezi
date: 2025-02-10
source: Lusaka Times
---
Three spillway gates at the Kariba dam were opened on Monday after heavy rain upstream for a week.
The water level will fall by two metres before the end of the month, Energy Minister Makozo Chikote said.
Villages along the river were warned to expect higher water.
""",
}


def test_the_same_claim_credited_to_different_people_is_a_disagreement(tmp_path):
    site = site_from(tmp_path, CREDITS)
    [story] = site.stories.values()
    [credit] = [d for d in story.disagreements if d.kind == "attribution"]
    values = " | ".join(sorted(s.value for s in credit.sides))
    assert "Munyaradzi Munodawafa" in values and "Makozo Chikote" in values
    assert {s.sentence for s in credit.sides} == {2}


def test_a_claim_credited_to_the_same_person_in_both_reports_is_no_disagreement(tmp_path):
    same = dict(CREDITS)
    same["dam-b.md"] = same["dam-b.md"].replace(
        "Energy Minister Makozo Chikote said", "Munyaradzi Munodawafa of the river authority said"
    )
    [story] = site_from(tmp_path, same).stories.values()
    assert not [d for d in story.disagreements if d.kind == "attribution"]


def test_a_surname_and_the_full_name_are_one_source():
    from generator.storyfacts import _same_source

    assert _same_source("Weinstein", "Harvey Weinstein")
    assert not _same_source("Makozo Chikote", "Munyaradzi Munodawafa")


TOLLS = {
    "blast-a.md": """---
title: Explosions devastate Varnhold port
date: 2025-08-04
source: Harbour Wire
---
Two massive explosions devastated the port of Varnhold on Tuesday evening, leaving at least 73 people dead across the waterfront.
Warehouse fires burned through the night as rescue crews searched the docks for survivors.
""",
    "blast-b.md": """---
title: Varnhold port blast toll climbs as rescuers search docks
date: 2025-08-05
source: Coastal Courier
---
The explosions at the port of Varnhold on Tuesday evening left at least 158 dead across the waterfront, rescuers said.
Rescue crews searched the docks for survivors as warehouse fires burned through the night.
""",
}


def test_two_tolls_worded_differently_are_a_disagreement(tmp_path):
    [story] = site_from(tmp_path, TOLLS).stories.values()
    [toll] = [d for d in story.disagreements if d.kind == "number"]
    assert {(s.briefing, s.value) for s in toll.sides} == {("blast-a", "73"), ("blast-b", "158")}


AGES = {
    "cave-a.md": """---
title: Missing football team found alive in flooded cave
date: 2025-07-02
source: Northern Post
---
Twelve boys from a youth football team, aged between 11 and 16, were found alive in the flooded cave of Doi Rang with their coach late on Monday.
Rescue divers reached a dry ledge deep inside the cave after nine days of searching.
""",
    "cave-b.md": """---
title: Divers find football team alive in flooded cave
date: 2025-07-03
source: Valley Herald
---
Twelve boys from a youth football team, aged 11 to 17, were found alive with their coach in the flooded cave of Doi Rang.
Rescue divers reached the team on a dry ledge deep inside the cave after nine days of searching.
""",
}


def test_two_ranges_that_differ_are_a_disagreement_quoting_each_range(tmp_path):
    [story] = site_from(tmp_path, AGES).stories.values()
    [ages] = [d for d in story.disagreements if d.kind == "number"]
    assert {(s.briefing, s.value) for s in ages.sides} == {
        ("cave-a", "between 11 and 16"),
        ("cave-b", "11 to 17"),
    }
