"""The run as a whole: nothing-changed fast path, errors and notices repeated, edits respected."""

from __future__ import annotations

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
