"""The extraction cache: unchanged seeds are not extracted again, changed ones are."""

from __future__ import annotations

from conftest import make_project

from generator import pipeline
from generator.extract import extract as real_extract
from generator.pipeline import generate
from generator.report import Reporter


def test_unchanged_seeds_come_from_the_cache(tmp_path, monkeypatch):
    opts = make_project(
        tmp_path / "p", {"b.md": "---\ntitle: Second\n---\nOfficials in Oslo said so.\n"}
    )
    first = generate(opts, Reporter(-1))
    pages = {p: p.read_text() for p in (opts.root / "briefings").rglob("*.md")}

    def no_extraction(*args, **kwargs):
        raise AssertionError("extract() called for an unchanged seed")

    monkeypatch.setattr(pipeline, "extract", no_extraction)
    second = generate(opts, Reporter(-1))
    assert second.exit_code == first.exit_code == 0
    assert {p: p.read_text() for p in (opts.root / "briefings").rglob("*.md")} == pages
    assert second.unchanged  # nothing changed: not even rendered again

    calls = []
    monkeypatch.setattr(
        pipeline, "extract", lambda doc, o: calls.append(doc.seed) or real_extract(doc, o)
    )
    (opts.root / "seeds" / "b.md").write_text(
        "---\ntitle: Second, revised\n---\nOfficials in Oslo said more.\n"
    )
    third = generate(opts, Reporter(-1))
    assert calls == ["seeds/b.md"]
    assert "reports/b.md" in third.report.written


def test_registry_change_invalidates_the_cache(tmp_path, monkeypatch):
    opts = make_project(tmp_path / "p")
    generate(opts, Reporter(-1))
    calls = []
    monkeypatch.setattr(
        pipeline, "extract", lambda doc, o: calls.append(doc.seed) or real_extract(doc, o)
    )
    registry = opts.root / "entities.yml"
    registry.write_text(registry.read_text() + "\n- name: Mike Pence\n  type: PERSON\n")
    generate(opts, Reporter(-1))
    assert len(calls) == 1


def test_the_place_tables_are_kept_in_the_cache_folder_and_used_next_time(tmp_path, monkeypatch):
    from generator.cache import warm_gazetteer
    from generator.extraction import gazetteer

    built = gazetteer.snapshot()
    warm_gazetteer(tmp_path)
    assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1

    def no_data():
        raise AssertionError("the tables were built again")

    monkeypatch.setattr(gazetteer, "_built", None)
    monkeypatch.setattr(gazetteer, "_city_tables", no_data)
    warm_gazetteer(tmp_path)
    assert gazetteer.snapshot() == built
    assert gazetteer.lookup("Berlin").type == "PLACE"
    assert "Orlando" in gazetteer.given_name_cities()


def test_an_unreadable_place_table_file_is_built_again(tmp_path, monkeypatch):
    from generator.cache import warm_gazetteer
    from generator.extraction import gazetteer

    built = gazetteer.snapshot()
    warm_gazetteer(tmp_path)
    (kept,) = tmp_path.glob("gazetteer-*.marshal")
    kept.write_bytes(b"\x00garbage")
    monkeypatch.setattr(gazetteer, "_built", None)
    warm_gazetteer(tmp_path)
    assert gazetteer.snapshot() == built
    assert kept.read_bytes() != b"\x00garbage"
