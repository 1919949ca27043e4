"""The run as a whole: nothing-changed fast path, errors and notices repeated, edits respected."""

from __future__ import annotations

import dataclasses

from conftest import make_project

from generator import pipeline
from generator.pipeline import generate
from generator.report import Reporter


def test_second_run_with_nothing_changed_does_no_work(tmp_path, monkeypatch):
    opts = make_project(tmp_path / "p", {"bad.txt": ""})
    first = generate(opts, Reporter(-1))
    assert first.exit_code == 1

    def boom(*args, **kwargs):
        raise AssertionError("no rendering expected")

    monkeypatch.setattr(pipeline, "render_site", boom)
    again = Reporter(-1)
    second = generate(opts, again)
    assert second.unchanged and second.done
    assert second.exit_code == 1, "a failing seed still fails the run"
    assert any("bad.txt" in line for line in again.log)


def test_any_change_leaves_the_fast_path(tmp_path):
    opts = make_project(tmp_path / "p")
    generate(opts, Reporter(-1))
    docs = opts.root / "briefings"
    page = next((docs / "reports").glob("000*.md"))
    # a generated page deleted by hand comes back
    page.unlink()
    assert not generate(opts, Reporter(-1)).unchanged
    assert page.exists()
    # a new seed is built
    (opts.root / "seeds" / "new.md").write_text("---\ntitle: New one\n---\nOfficials said so.\n")
    result = generate(opts, Reporter(-1))
    assert not result.unchanged and (docs / "reports" / "new.md").exists()
    # an edited page is kept, and the notice comes again on the fast path
    page.write_text(page.read_text() + "\nEDIT\n")
    generate(opts, Reporter(-1))
    again = Reporter(-1)
    assert generate(opts, again).unchanged
    assert any("kept" in line and page.name in line for line in again.log)
    assert "EDIT" in page.read_text()


def test_one_changed_seed_rewrites_only_the_pages_it_affects(tmp_path, monkeypatch):
    seeds = {
        f"s{i}.md": f"---\ntitle: Harbour report {i}\ndate: 2024-01-1{i}\n---\n"
        f"The port authority in {city} said ships resumed sailing, Reuters reported.\n"
        for i, city in enumerate(["Oslo", "Riga", "Tallinn", "Gdansk"])
    }
    opts = make_project(tmp_path / "p", seeds, with_seed=False)
    generate(opts, Reporter(-1))
    rendered = []
    real = pipeline.render_site

    def spy(site, name, memo, jobs=1, *args):
        pages = real(site, name, memo, jobs, *args)
        rendered.append(memo.rendered)
        return pages

    monkeypatch.setattr(pipeline, "render_site", spy)
    (opts.root / "seeds" / "s2.md").write_text(
        seeds["s2.md"] + "Officials in Tallinn added a note.\n"
    )
    result = generate(opts, Reporter(-1))
    written = set(result.report.written)
    assert "reports/s2.md" in written
    assert not written & {"reports/s0.md", "reports/s1.md", "reports/s3.md"}
    assert rendered[0] < len(result.report.unchanged) + len(written) // 2
    # the briefing page shows the new sentence
    assert (
        "Officials in Tallinn added a note" in (opts.root / "briefings/reports/s2.md").read_text()
    )


def test_render_workers_only_while_the_run_fits_in_memory(tmp_path):
    opts = dataclasses.replace(make_project(tmp_path / "p"), jobs=2, memory_mb=1024)
    assert pipeline.render_jobs(opts, 100 * 2**20) == 2, "a small model renders in parallel"
    assert pipeline.render_jobs(opts, 300 * 2**20) == 1, "(2 + 2) x 300 MB would pass 1 GB"
    bigger = dataclasses.replace(opts, memory_mb=4096)
    assert pipeline.render_jobs(bigger, 300 * 2**20) == 2


def test_a_tight_memory_limit_still_generates_the_whole_site(tmp_path, monkeypatch):
    seeds = {f"s{i}.txt": f"Officials in Oslo said talks with Norway's Statoil began {i}.\n"
             for i in range(3)}  # fmt: skip
    seen = []
    real = pipeline.render_site

    def spy(site, name, memo, jobs=1, *args):
        seen.append(jobs)
        return real(site, name, memo, jobs, *args)

    monkeypatch.setattr(pipeline, "render_site", spy)
    tight = dataclasses.replace(make_project(tmp_path / "p", seeds), jobs=2, memory_mb=1)
    result = generate(tight, Reporter(-1))
    assert seen == [1] and result.exit_code == 0
    assert (tight.root / "briefings" / "reports" / "s1.md").is_file()


def test_editing_only_a_sidecar_is_noticed(tmp_path):
    opts = make_project(tmp_path / "p", {"a.txt": "Officials in Oslo said so.\n"}, with_seed=False)
    generate(opts, Reporter(-1))
    (opts.root / "seeds" / "a.json").write_text('{"title": "Oslo talks resume"}')
    again = generate(opts, Reporter(-1))
    assert not again.unchanged
    assert "Oslo talks resume" in (opts.root / "briefings" / "reports" / "a.md").read_text()


def test_the_pages_do_not_depend_on_the_hash_seed(tmp_path):
    """Python randomises string hashing per process: no page may depend on set order."""
    import os
    import subprocess
    import sys

    from conftest import make_project
    from story_seeds import STORY_SEEDS

    trees = []
    for seed in ("1", "2"):
        root = make_project(tmp_path / seed, STORY_SEEDS).root
        env = dict(os.environ, PYTHONHASHSEED=seed)
        cmd = [sys.executable, "-m", "generator", "generate", "-q", "--extractor", "rules"]
        subprocess.run([*cmd, "--root", str(root)], env=env, check=True)
        docs = root / "briefings"
        trees.append(
            {
                p.relative_to(docs).as_posix(): p.read_bytes()
                for p in docs.rglob("*")
                if p.is_file() and p.name != ".briefing-manifest.json"
            }
        )
    assert sorted(trees[0]) == sorted(trees[1])
    assert [k for k in trees[0] if trees[0][k] != trees[1][k]] == []


def test_a_small_extraction_loads_the_model_in_a_process_of_its_own(tmp_path, monkeypatch):
    """A run with a seed or two to extract loads the statistical model beside the rules' own
    start (generator/modelprocess.py) and gives the same briefings as a run that loads it."""
    from generator import modelprocess
    from generator.extraction import statistical

    opened = []

    class Counted(modelprocess.ModelProcess):
        def __init__(self) -> None:
            opened.append(self)
            super().__init__()

    monkeypatch.setattr(pipeline, "ModelProcess", Counted)
    monkeypatch.setattr(statistical, "loaded", lambda: False)
    aside = make_project(tmp_path / "a")
    first = generate(aside, Reporter(-1))
    assert len(opened) == 1 and first.exit_code == 0
    monkeypatch.setattr(statistical, "loaded", lambda: True)
    here = make_project(tmp_path / "b")
    second = generate(here, Reporter(-1))
    assert len(opened) == 1 and second.exit_code == 0
    assert [
        (b.title, b.extraction.entities, b.extraction.sources) for b in first.site.briefings
    ] == [(b.title, b.extraction.entities, b.extraction.sources) for b in second.site.briefings]


def test_a_bad_seed_among_many_extracted_in_workers_fails_alone(tmp_path, monkeypatch):
    """Worker processes send a bad seed's SeedError back pickled (it used to crash the run)."""
    seeds = {
        f"s{i}.md": f"---\ntitle: Report {i}\n---\nOfficials in Oslo said so.\n" for i in range(3)
    }
    opts = make_project(tmp_path / "p", {**seeds, "bad.txt": b"\x00" * 10}, with_seed=False)
    opts = dataclasses.replace(opts, extractor="rules", jobs=2)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    reporter = Reporter(-1)
    result = generate(opts, reporter)
    assert result.exit_code == 1 and len(result.site.briefings) == 3
    assert any("bad.txt" in line for line in reporter.log)
