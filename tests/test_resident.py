"""`briefing serve` keeps the site model in memory between edits (generator/resident.py): after
any sequence of seed changes, the docs tree it writes equals a clean generate's, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_seeds import STORY_SEEDS

from generator import assemble
from generator.options import Options
from generator.pipeline import few_collections, generate_unlocked
from generator.report import Reporter
from generator.resident import Resident

NAMES = sorted(STORY_SEEDS)
# Sentences that move entities between briefings: shared names, a new one, a name in another
# case (the entity page takes the name of its first briefing), a source.
LINES = [
    "Abbas Araghchi met Premier Li Qiang in Muscat on Tuesday.",
    "The Food and Agriculture Organization said ferries to Gozo resumed.",
    "Officials at the port of Aden said the Mombasa cargo was inspected, Reuters reported.",
    "ABBAS ARAGHCHI told reporters in Oslo that talks would resume.",
    "Mayor Ilse Kvarn of Tromsø said the Arctic Council would meet in Oslo.",
    "Witnesses told the BBC that the explosion in Aden killed 12 dock workers.",
]
DATES = ["2025-03-11", "2025-03-20", "2025-04-24", "2024-12-31"]


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    """Limits small enough for a dozen seeds to cross them: an entity common to many
    briefings, a full related list, a full co-mention list."""
    monkeypatch.setattr(assemble, "COMMON_ENTITY_LIMIT", 3)
    monkeypatch.setattr(assemble, "MAIN_ENTITIES", 4)
    monkeypatch.setattr(assemble, "RELATED_MAX", 2)
    monkeypatch.setattr(assemble, "CO_MENTIONED_MAX", 3)


def options_for(root: Path) -> Options:
    return Options(root=root, registry=None, extractor="rules", verbose=-1)


def generate(options: Options, resident: Resident | None = None) -> None:
    with few_collections():
        result = generate_unlocked(options, Reporter(-1), resident=resident)
    assert result.done and result.exit_code == 0
    result.finish()


def docs_files(docs: Path) -> dict[str, bytes]:
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in docs.rglob("*")
        if p.is_file() and p.name != ".briefing-manifest.json"
    }


def assert_same_as_clean(options: Options, tmp: Path) -> None:
    make_project(tmp, with_seed=False)
    shutil.rmtree(tmp / "seeds")
    shutil.copytree(options.root / "seeds", tmp / "seeds")
    clean = options_for(tmp)
    generate(clean)
    mine, theirs = docs_files(options.root / "briefings"), docs_files(tmp / "briefings")
    assert sorted(mine) == sorted(theirs)
    assert [rel for rel in mine if mine[rel] != theirs[rel]] == []


def change(seeds: Path, op: str, pick: int, n: int) -> None:
    present = sorted(p.name for p in seeds.iterdir())
    absent = [m for m in NAMES if m not in present]
    name = present[pick % len(present)]
    path = seeds / name
    if op == "add" and absent:
        (seeds / absent[pick % len(absent)]).write_text(STORY_SEEDS[absent[pick % len(absent)]])
    elif op == "delete" and len(present) > 2:
        path.unlink()
    elif op == "rename":
        path.rename(seeds / f"r{n}-{name}")
    elif op == "redate":
        text = path.read_text("utf-8")
        lines = text.splitlines(keepends=True)
        lines = [
            f"date: {DATES[pick % len(DATES)]}\n" if x.startswith("date:") else x for x in lines
        ]
        path.write_text("".join(lines), "utf-8")
    elif op == "retitle":
        text = path.read_text("utf-8")
        path.write_text(text.replace("title: ", f"title: {n} ", 1), "utf-8")
    else:  # edit: a sentence naming other entities, or the first sentence dropped
        text = path.read_text("utf-8")
        if pick % 5 == 4:
            head, sep, body = text.rpartition("---\n")
            first, _, rest = body.partition("\n")
            path.write_text(head + sep + (rest or first + "\n"), "utf-8")
        else:
            path.write_text(text + LINES[pick % len(LINES)] + "\n", "utf-8")


operations = st.lists(
    st.tuples(
        st.sampled_from(["edit", "edit", "add", "delete", "rename", "redate", "retitle"]),
        st.integers(0, 60),
    ),
    min_size=3,
    max_size=7,
)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=operations)
def test_edits_in_one_resident_process_end_equal_to_a_clean_generate(tmp_path_factory, steps):
    tmp = tmp_path_factory.mktemp("resident")
    make_project(tmp / "p", {n: STORY_SEEDS[n] for n in NAMES[:6]}, with_seed=False)
    options = options_for(tmp / "p")
    resident = Resident()
    generate(options, resident)
    for n, (op, pick) in enumerate(steps):
        change(options.root / "seeds", op, pick, n)
        generate(options, resident)
        assert_same_as_clean(options, tmp / f"clean-{n}")


def test_twenty_edits_in_a_row_stay_equal_to_a_clean_generate(tmp_path):
    make_project(tmp_path / "p", {n: STORY_SEEDS[n] for n in NAMES}, with_seed=False)
    options = options_for(tmp_path / "p")
    resident = Resident()
    generate(options, resident)
    seeds = options.root / "seeds"
    for n in range(20):
        change(seeds, "edit", n * 7 + 1, n)
        generate(options, resident)
    assert_same_as_clean(options, tmp_path / "clean")


def test_a_run_of_another_process_between_edits_is_taken_into_account(tmp_path):
    """`briefing build --site-url` (another process) writes the docs tree while serve runs:
    serve's next edit compares with what that run left, not with what serve wrote before."""
    make_project(tmp_path / "p", {n: STORY_SEEDS[n] for n in NAMES[:5]}, with_seed=False)
    options = options_for(tmp_path / "p")
    resident = Resident()
    generate(options, resident)
    with few_collections():
        other = generate_unlocked(options, Reporter(-1), site_url="https://example.org/desk/")
    assert other.exit_code == 0
    assert "example.org" in (options.root / "briefings" / "feeds" / "all.xml").read_text()
    change(options.root / "seeds", "edit", 0, 0)
    generate(options, resident)
    assert_same_as_clean(options, tmp_path / "clean")
