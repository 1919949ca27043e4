"""The site step rebuilds only what changed, and the site it leaves equals a clean build."""

from __future__ import annotations

import contextlib
import gzip
import shutil
from pathlib import Path

from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_seeds import STORY_SEEDS

from generator.options import Options
from generator.pipeline import build
from generator.report import Reporter

NAMES = sorted(STORY_SEEDS)
START = NAMES[:3]


def project_with(root: Path, names: list[str]) -> Options:
    make_project(root, {n: STORY_SEEDS[n] for n in names}, with_seed=False)
    return Options(root=root, registry=None, extractor="rules")


def built(options: Options) -> Options:
    assert build(options, Reporter(-1)) == 0
    return options


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of site/ but the search index (checked by the search tests), gzip unpacked."""
    out = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith("pagefind/"):
            data = path.read_bytes()
            out[rel] = gzip.decompress(data) if rel.endswith(".gz") else data
    return out


def assert_same_as_clean_build(options: Options, tmp: Path) -> None:
    clean = project_with(tmp / "clean", [])
    shutil.rmtree(clean.root / "seeds")
    shutil.copytree(options.root / "seeds", clean.root / "seeds")
    built(clean)
    mine, theirs = site_files(options.root / "site"), site_files(clean.root / "site")
    assert sorted(mine) == sorted(theirs)
    different = [rel for rel in mine if mine[rel] != theirs[rel]]
    assert different == []


def edit(seeds: Path, name: str, n: int) -> None:
    path = seeds / name
    path.write_text(path.read_text("utf-8") + f"\nTugs reached Quay {n} by noon.\n", "utf-8")


operations = st.lists(
    st.tuples(st.sampled_from(["edit", "add", "delete", "rename"]), st.integers(0, 50)),
    min_size=2,
    max_size=5,
)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=operations)
def test_any_sequence_of_seed_changes_ends_equal_to_a_clean_build(tmp_path_factory, steps):
    tmp = tmp_path_factory.mktemp("seq")
    options = built(project_with(tmp / "p", START))
    seeds = options.root / "seeds"
    for n, (op, pick) in enumerate(steps):
        present = sorted(p.name for p in seeds.iterdir())
        absent = [m for m in NAMES if m not in present]
        name = present[pick % len(present)] if present else None
        if op == "add" and absent:
            added = absent[pick % len(absent)]
            (seeds / added).write_text(STORY_SEEDS[added], "utf-8")
        elif op == "edit" and name:
            edit(seeds, name, n)
        elif op == "delete" and name and len(present) > 1:
            (seeds / name).unlink()
        elif op == "rename" and name:
            (seeds / name).rename(seeds / f"r{n}-{name}")
        built(options)
        if n == 0:
            assert_same_as_clean_build(options, tmp / f"after-{n}")
    assert_same_as_clean_build(options, tmp / "end")


def test_nothing_changed_rebuilds_nothing(tmp_path, capsys):
    options = built(project_with(tmp_path / "p", START))
    site = options.root / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert build(options, Reporter(0)) == 0
    assert "the site is up to date" in capsys.readouterr().err
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_an_edited_hand_written_page_reaches_the_site(tmp_path):
    options = built(project_with(tmp_path / "p", START))
    page = options.root / "briefings" / "about.md"
    page.write_text("# About\n\nWritten by the desk.\n", "utf-8")
    built(options)
    assert "Written by the desk." in (options.root / "site" / "about" / "index.html").read_text()
    page.write_text("# About\n\nRewritten by the desk.\n", "utf-8")
    built(options)
    assert "Rewritten by the desk." in (options.root / "site" / "about" / "index.html").read_text()
    page.unlink()
    built(options)
    assert not (options.root / "site" / "about").exists()


def test_a_change_to_the_site_setup_rebuilds_everything(tmp_path):
    options = built(project_with(tmp_path / "p", START))
    config = options.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Briefings", "site_name: Desk"))
    built(options)
    assert "Desk" in (options.root / "site" / "entities" / "index.html").read_text()
    override = options.root / "site_overrides" / "assets" / "briefing.css"
    override.write_text(override.read_text() + "\n/* desk colours */\n")
    built(options)
    assert "desk colours" in (options.root / "site" / "assets" / "briefing.css").read_text()
    clean = project_with(tmp_path / "clean", START)
    shutil.copy(config, clean.root / "mkdocs.yml")
    shutil.copy(override, clean.root / "site_overrides" / "assets" / "briefing.css")
    built(clean)
    assert site_files(options.root / "site") == site_files(clean.root / "site")


def test_a_run_stopped_during_the_site_step_is_completed_by_the_next(tmp_path, monkeypatch):
    from mkdocs.commands import build as mkdocs_build

    from generator import sitebuild
    from generator.pipeline import feed_site_url, generate

    options = built(project_with(tmp_path / "p", START))
    for n, name in enumerate(START):
        edit(options.root / "seeds", name, n)
    assert generate(options, Reporter(-1)).exit_code == 0
    pages = []
    real = mkdocs_build._build_page

    def stop_after_one(page, *args, **kwargs):
        if pages:
            raise KeyboardInterrupt  # as if the process were killed here
        pages.append(page)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", stop_after_one)
    with contextlib.suppress(KeyboardInterrupt):
        sitebuild.build(options, options.root / "site", feed_site_url(None))
    monkeypatch.undo()
    assert len(pages) == 1
    built(options)
    assert_same_as_clean_build(options, tmp_path)


def test_a_broken_link_fails_an_incremental_build_too(tmp_path):
    options = built(project_with(tmp_path / "p", START))
    page = options.root / "briefings" / "notes.md"
    page.write_text("# Notes\n\nSee [the missing page](missing.md).\n", "utf-8")
    assert build(options, Reporter(-1)) == 1
    page.write_text("# Notes\n\nNothing missing.\n", "utf-8")
    assert build(options, Reporter(-1)) == 0


def test_a_large_build_generates_in_its_own_process_with_the_same_result(tmp_path, monkeypatch):
    import generator.pipeline

    options = project_with(tmp_path / "p", START)
    (options.root / "seeds" / "broken.txt").write_bytes(b"\x00" * 10)
    monkeypatch.setattr(generator.pipeline, "GENERATE_APART_FROM", 0)
    assert build(options, Reporter(-1)) == 1  # the bad seed is counted, the rest is built
    (options.root / "seeds" / "broken.txt").unlink()
    assert build(options, Reporter(-1)) == 0
    assert_same_as_clean_build(options, tmp_path)


def test_a_page_reverted_after_a_killed_run_is_built_again(tmp_path, monkeypatch):
    from mkdocs.commands import build as mkdocs_build

    from generator import sitebuild
    from generator.pipeline import feed_site_url, generate

    options = built(project_with(tmp_path / "p", START))
    seed = options.root / "seeds" / START[0]
    original = seed.read_text("utf-8")
    edit(options.root / "seeds", START[0], 7)
    assert generate(options, Reporter(-1)).exit_code == 0
    real = mkdocs_build._build_page
    built_pages = []

    target = f"reports/{Path(START[0]).stem}.md"

    def stop_after_the_edited_page(page, *args, **kwargs):
        done = real(page, *args, **kwargs)
        if page.file.src_uri == target:
            built_pages.append(page)
            raise KeyboardInterrupt  # killed right after the edited page was written
        return done

    monkeypatch.setattr(mkdocs_build, "_build_page", stop_after_the_edited_page)
    with contextlib.suppress(KeyboardInterrupt):
        sitebuild.build(options, options.root / "site", feed_site_url(None))
    monkeypatch.undo()
    assert built_pages
    seed.write_text(original, "utf-8")  # the editor puts the seed back
    built(options)
    assert_same_as_clean_build(options, tmp_path)


def test_mkdocs_set_up_ahead_of_the_docs_tree_builds_what_a_clean_build_does(tmp_path):
    """The site step's process sets MkDocs up while the docs tree is still being generated:
    Files and Pages of paths still there are reused, new paths get new ones, removed ones go."""
    from generator import sitebuild
    from generator.pipeline import feed_site_url, generate

    options = built(project_with(tmp_path / "p", START))
    url = feed_site_url(None)
    warm = sitebuild.warm_up(options, options.root / "site", url, False)
    assert warm is not None and warm.files
    made_ahead = dict(warm.files)
    seeds = options.root / "seeds"
    edit(seeds, START[0], 1)
    (seeds / START[1]).unlink()
    (seeds / NAMES[5]).write_text(STORY_SEEDS[NAMES[5]], "utf-8")
    assert generate(options, Reporter(-1)).exit_code == 0
    changes = sitebuild.build(options, options.root / "site", url, warm=warm)
    assert changes.ok and not changes.full and changes.written
    reused = [rel for rel in made_ahead if rel not in warm.files]
    assert f"reports/{Path(START[0]).stem}.md" in reused
    assert_same_as_clean_build(options, tmp_path)


def test_mkdocs_set_up_ahead_is_not_used_once_the_setup_changed(tmp_path):
    from generator import sitebuild
    from generator.pipeline import feed_site_url

    options = built(project_with(tmp_path / "p", START))
    url = feed_site_url(None)
    warm = sitebuild.warm_up(options, options.root / "site", url, False)
    assert warm is not None
    config = options.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Briefings", "site_name: Desk"))
    assert not warm.valid(sitebuild.environment(options, url, False))
    assert sitebuild.build(options, options.root / "site", url, warm=warm).full
    assert "Desk" in (options.root / "site" / "entities" / "index.html").read_text()


def test_a_site_step_started_ahead_and_not_needed_writes_nothing(tmp_path):
    from generator.pipeline import start_site_step

    options = built(project_with(tmp_path / "p", START))
    site = options.root / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    state = (options.root / ".cache" / "briefing" / "site-state.json").read_bytes()
    step = start_site_step(options)
    step.warm()
    step.cancel()
    assert step.proc.returncode is not None
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    assert (options.root / ".cache" / "briefing" / "site-state.json").read_bytes() == state


def test_many_changed_pages_built_by_two_processes_equal_a_clean_build(tmp_path):
    from generator import sitebuild
    from generator.pipeline import feed_site_url, generate

    options = built(project_with(tmp_path / "p", START))
    for name in NAMES[3:6]:
        (options.root / "seeds" / name).write_text(STORY_SEEDS[name], "utf-8")
    edit(options.root / "seeds", START[0], 2)
    assert generate(options, Reporter(-1)).exit_code == 0
    changes = sitebuild.build(options, options.root / "site", feed_site_url(None), halves=True)
    assert changes.ok and len(changes.written) >= sitebuild.SPLIT_FROM
    assert_same_as_clean_build(options, tmp_path)


def test_the_sitemap_is_kept_for_edits_and_written_when_pages_come_or_go(tmp_path):
    options = built(project_with(tmp_path / "p", START))
    sitemap = options.root / "site" / "sitemap.xml"
    before = sitemap.stat().st_mtime_ns
    seed = options.root / "seeds" / START[0]
    seed.write_text(seed.read_text("utf-8") + "\nIt rained all day.\n", "utf-8")
    built(options)
    assert sitemap.stat().st_mtime_ns == before  # the same pages, the same day: as it was
    added = NAMES[len(START)]
    (options.root / "seeds" / added).write_text(STORY_SEEDS[added], "utf-8")
    built(options)
    assert sitemap.stat().st_mtime_ns != before
    assert_same_as_clean_build(options, tmp_path / "after-add")
    (options.root / "seeds" / added).unlink()
    built(options)
    assert_same_as_clean_build(options, tmp_path / "after-delete")
