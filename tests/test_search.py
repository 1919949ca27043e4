"""Search after edits: the bundles answer as a clean index would, in Chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser import browser_page, need_chromium, static_server
from conftest import make_project
from story_seeds import STORY_SEEDS

import generator.search
from generator.buildstate import BuildState
from generator.options import Options
from generator.pipeline import build
from generator.report import Reporter

START = ["port-ap.md", "port-reuters.md", "talks-nyt.md", "loner-yemen.md"]


def built(options: Options) -> Options:
    assert build(options, Reporter(-1)) == 0
    return options


def project(root: Path, names: list[str]) -> Options:
    make_project(root, {n: STORY_SEEDS[n] for n in names}, with_seed=False)
    return Options(root=root, registry=None, extractor="rules")


def found(site: Path, word: str, filters: dict[str, str] | None = None) -> list[str]:
    """The result URLs the site's search box shows for a word (all of them, in order)."""
    script = """async ([word, filters]) => {
        const names = (await (await fetch("bundles.json")).json());
        const at = n => new URL(n + "/", location.href).href;
        const pf = await import(at(names.bundles[0]) + "pagefind.js");
        await pf.options({baseUrl: "/"});
        for (const n of names.bundles.slice(1)) await pf.mergeIndex(at(n), {baseUrl: "/"});
        const dead = new Set(names.superseded);
        const search = await pf.search(word, {filters});
        const seen = new Set();
        const live = search.results.filter(r => {
            if (dead.has(r.id) || seen.has(r.id)) return false;
            seen.add(r.id);
            return true;
        });
        return Promise.all(live.map(async r => (await r.data()).url));
    }"""
    with static_server(site) as base, browser_page() as page:
        page.goto(base + "pagefind/bundles.json")  # a page whose own search box loads nothing
        return page.evaluate(script, [word, filters or {}])


def typed(site: Path, word: str) -> list[str]:
    """The links the search box lists after typing a word."""
    with static_server(site) as base, browser_page() as page:
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(word, delay=30)
        page.locator(".md-search-result__meta", has_text="matching").wait_for(timeout=15_000)
        return page.locator(".md-search-result__item a").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))"
        )


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Options:
    """Built once; then one report edited (a word in, a word out), one added, one deleted."""
    need_chromium()
    options = built(project(tmp_path_factory.mktemp("search") / "p", START))
    seeds = options.root / "seeds"
    reuters = seeds / "port-reuters.md"
    text = reuters.read_text("utf-8").replace("Mombasa", "Zanzibar")
    reuters.write_text(text + "\nDivers from Quellbrook joined the search.\n", "utf-8")
    (seeds / "port-bbc.md").write_text(STORY_SEEDS["port-bbc.md"], "utf-8")
    (seeds / "loner-yemen.md").unlink()
    return built(options)


def test_an_edit_is_found_by_its_new_words_and_not_its_old_ones(edited):
    site = edited.root / "site"
    manifest = json.loads((site / "pagefind" / "bundles.json").read_text())
    assert manifest["bundles"][-1] == "recent" and manifest["superseded"]
    assert any("port-reuters" in u for u in found(site, "Quellbrook"))
    assert not any("port-reuters" in u for u in found(site, "Mombasa"))
    assert any("port-reuters" in u for u in typed(site, "Quellbrook"))


def test_added_reports_are_found_and_deleted_ones_are_not(edited):
    site = edited.root / "site"
    assert any("port-bbc" in u for u in found(site, "Djibouti"))
    assert not any("loner-yemen" in u for u in found(site, "harvest"))
    assert not any("loner-yemen" in u for u in typed(site, "harvest"))


def test_filters_still_narrow_merged_bundles(edited):
    site = edited.root / "site"
    everything = found(site, "explosion")
    briefings = found(site, "explosion", {"kind": "Briefing"})
    assert briefings and all("/reports/" in u for u in briefings)
    assert len(briefings) < len(everything)


def test_the_results_are_those_of_a_clean_index(edited, tmp_path):
    clean = project(tmp_path / "clean", [])
    shutil.rmtree(clean.root / "seeds")
    shutil.copytree(edited.root / "seeds", clean.root / "seeds")
    built(clean)
    for word in ("Quellbrook", "Mombasa", "Djibouti", "harvest", "Oslo", "port", "Zanzibar"):
        mine, theirs = found(edited.root / "site", word), found(clean.root / "site", word)
        assert sorted(mine) == sorted(theirs), word


def test_a_large_recent_bundle_is_folded_into_new_base_bundles(tmp_path, monkeypatch):
    options = built(project(tmp_path / "p", START))
    monkeypatch.setattr(generator.search, "RECENT_MIN", 0)
    monkeypatch.setattr(generator.search, "RECENT_SHARE", 0.0)
    reuters = options.root / "seeds" / "port-reuters.md"
    reuters.write_text(reuters.read_text("utf-8") + "\nDivers from Quellbrook.\n", "utf-8")
    built(options)
    site = options.root / "site"
    manifest = json.loads((site / "pagefind" / "bundles.json").read_text())
    assert manifest == {"bundles": ["b0"], "superseded": []}
    assert any("port-reuters" in u for u in found(site, "Quellbrook"))


def test_bundles_stay_small_on_a_large_site(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.search, "BUNDLE_PAGES", 10)
    options = built(project(tmp_path / "p", START))
    site = options.root / "site"
    manifest = json.loads((site / "pagefind" / "bundles.json").read_text())
    assert len(manifest["bundles"]) > 2
    for name in manifest["bundles"]:
        entry = json.loads((site / "pagefind" / name / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] < 20
    assert any("port-ap" in u for u in found(site, "explosion"))


def test_a_search_update_stopped_half_way_is_completed_by_the_next_run(tmp_path, monkeypatch):
    options = built(project(tmp_path / "p", START))
    reuters = options.root / "seeds" / "port-reuters.md"
    reuters.write_text(reuters.read_text("utf-8") + "\nDivers from Quellbrook.\n", "utf-8")
    real = generator.search.pagefind

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.search, "pagefind", killed)
    with pytest.raises(KeyboardInterrupt):
        build(options, Reporter(-1))
    assert not BuildState(options).read("site-search")
    monkeypatch.setattr(generator.search, "pagefind", real)
    built(options)
    assert any("port-reuters" in u for u in found(options.root / "site", "Quellbrook"))


def test_recent_changes_frozen_and_merged_search_as_a_clean_index(tmp_path, monkeypatch):
    """Each build re-indexes only the pages changed since the last frozen bundle was made;
    beyond RECENT_PAGES of them they are frozen as a bundle, and beyond MAX_FROZEN frozen
    bundles those are indexed again as one. Edits, a page put back as it was, an addition and
    a deletion across both: the search box finds what a clean index finds."""
    need_chromium()
    monkeypatch.setattr(generator.search, "RECENT_PAGES", 1)
    monkeypatch.setattr(generator.search, "MAX_FROZEN", 2)
    options = built(project(tmp_path / "p", START))
    seeds = options.root / "seeds"
    reuters = seeds / "port-reuters.md"
    original = reuters.read_text("utf-8")
    reuters.write_text(original.replace("Mombasa", "Zanzibar"), "utf-8")
    built(options)  # several pages changed: frozen as a bundle
    site = options.root / "site"
    assert "m1" in json.loads((site / "pagefind" / "bundles.json").read_text())["bundles"]
    reuters.write_text(original + "\nDivers from Quellbrook joined the search.\n", "utf-8")
    (seeds / "port-bbc.md").write_text(STORY_SEEDS["port-bbc.md"], "utf-8")
    built(options)
    (seeds / "loner-yemen.md").unlink()
    built(options)  # the third frozen bundle: the three indexed again as one
    bundles = json.loads((site / "pagefind" / "bundles.json").read_text())["bundles"]
    assert bundles[-1] == "m4" and not {"m1", "m2", "m3"} & set(bundles)
    clean = project(tmp_path / "clean", [])
    shutil.rmtree(clean.root / "seeds")
    shutil.copytree(seeds, clean.root / "seeds")
    built(clean)
    for word in ("Quellbrook", "Mombasa", "Djibouti", "harvest", "Oslo", "port", "Zanzibar"):
        mine, theirs = found(site, word), found(clean.root / "site", word)
        assert sorted(mine) == sorted(theirs), word


def test_a_failed_freeze_among_full_frozen_bundles_indexes_everything_again(tmp_path, monkeypatch):
    """Pagefind failing while the recent bundle is frozen, with the frozen bundles already at
    their limit, makes the update give up (the search step then indexes the whole site) instead
    of crashing on the bundle it could not make."""
    site = tmp_path / "site"
    for n in range(3):
        (site / f"p{n}").mkdir(parents=True)
        (site / f"p{n}" / "index.html").write_text(f"<p>page {n}</p>", "utf-8")
    (site / "pagefind").mkdir()
    monkeypatch.setattr(generator.search, "RECENT_PAGES", 1)
    monkeypatch.setattr(generator.search, "MAX_FROZEN", 1)
    monkeypatch.setattr(generator.search, "pagefind", lambda *args: None)
    previous = {
        "bundles": 1,
        "base": {f"p{n}/index.html": [0, f"id{n}", "old"] for n in range(3)},
        "frozen": [{"name": "m1", "pages": {"p0/index.html": ["id9", "older"]}}],
        "recent": {},
        "serial": 1,
    }
    written = [f"p{n}/index.html" for n in range(3)]
    assert generator.search._update(site, previous, written, [], Reporter(-1)) is None
