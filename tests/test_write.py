import pytest

from generator.errors import WriteRefused
from generator.write import DocsWriter


def test_first_write_then_unchanged(tmp_path):
    report = DocsWriter(tmp_path).write_all({"a.md": "A", "sub/b.md": "B"})
    assert sorted(report.written) == ["a.md", "sub/b.md"]
    again = DocsWriter(tmp_path).write_all({"a.md": "A", "sub/b.md": "B"})
    assert again.written == [] and sorted(again.unchanged) == ["a.md", "sub/b.md"]


def test_hand_written_file_is_never_overwritten(tmp_path):
    (tmp_path / "index.md").write_text("my own home page")
    report = DocsWriter(tmp_path).write_all({"index.md": "generated"})
    assert (tmp_path / "index.md").read_text() == "my own home page"
    assert report.kept_foreign == ["index.md"]
    assert any("index.md" in n for n in report.notices())


def test_edited_generated_file_survives_rebuild_and_removal(tmp_path):
    DocsWriter(tmp_path).write_all({"a.md": "v1", "b.md": "v1"})
    (tmp_path / "a.md").write_text("v1 plus an editor's note")
    report = DocsWriter(tmp_path).write_all({"a.md": "v2", "b.md": "v2"})
    assert (tmp_path / "a.md").read_text() == "v1 plus an editor's note"
    assert report.kept_edited == ["a.md"]
    assert (tmp_path / "b.md").read_text() == "v2"
    # seed gone: the edited page stays, the untouched one goes
    (tmp_path / "b.md").write_text("v2")
    gone = DocsWriter(tmp_path).write_all({})
    assert (tmp_path / "a.md").exists() and not (tmp_path / "b.md").exists()
    assert gone.deleted == ["b.md"]


def test_refuses_paths_outside_the_docs_folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for bad in ("../evil.md", "/etc/evil.md", ".briefing-manifest.json"):
        with pytest.raises(WriteRefused):
            DocsWriter(docs).write_all({bad: "x"})
    assert not (tmp_path / "evil.md").exists()


def test_no_temporary_files_left_behind(tmp_path):
    DocsWriter(tmp_path).write_all({"a.md": "A" * 10000})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".briefing-manifest.json", "a.md"]


def test_interrupted_run_leaves_files_recognisable(tmp_path):
    """The journal records new hashes before writing, so a half-written run is resumable."""
    w = DocsWriter(tmp_path)
    w.write_all({"a.md": "v1"})
    # simulate a run killed after the journal was saved and the file rewritten
    w2 = DocsWriter(tmp_path)
    w2.manifest["a.md"] = [*w2.manifest["a.md"], __import__("hashlib").sha256(b"v2").hexdigest()]
    w2._save(w2.manifest, {}, finished=False)
    (tmp_path / "a.md").write_text("v2")
    report = DocsWriter(tmp_path).write_all({"a.md": "v3"})
    assert report.written == ["a.md"] and (tmp_path / "a.md").read_text() == "v3"


def test_killed_before_rewrite_does_not_pass_for_unchanged(tmp_path):
    """Journal says [old, new] but the run died before writing: the file still holds the old
    page, so the next run with the same new page must write it (bug found in review)."""
    import hashlib

    DocsWriter(tmp_path).write_all({"a.md": "old"})
    w = DocsWriter(tmp_path)
    w.manifest["a.md"] = [*w.manifest["a.md"], hashlib.sha256(b"new").hexdigest()]
    w._save(w.manifest, {}, finished=False)
    report = DocsWriter(tmp_path).write_all({"a.md": "new"})
    assert report.written == ["a.md"] and (tmp_path / "a.md").read_text() == "new"


def test_edit_is_noticed_even_when_the_size_stays(tmp_path):
    DocsWriter(tmp_path).write_all({"a.md": "generated text"})
    (tmp_path / "a.md").write_text("GENERATED TEXT")  # same size, new content and mtime
    report = DocsWriter(tmp_path).write_all({"a.md": "regenerated"})
    assert report.kept_edited == ["a.md"]
    assert (tmp_path / "a.md").read_text() == "GENERATED TEXT"


def test_written_pages_are_readable_like_any_file(tmp_path):
    """mkstemp makes private 0600 files; pages must get the usual mode (bug found in review)."""
    import os
    import stat

    DocsWriter(tmp_path).write_all({"a.md": "A"})
    mode = stat.S_IMODE((tmp_path / "a.md").stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask


def test_temporaries_of_a_killed_run_are_swept_by_the_next(tmp_path):
    DocsWriter(tmp_path).write_all({"reports/a.md": "v1"})
    w = DocsWriter(tmp_path)
    w._save(w.manifest, {}, finished=False)  # the journal of a run killed mid-write
    leftover = tmp_path / "reports" / ".a.md.abcd1234.tmp"
    leftover.write_text("half a page")
    DocsWriter(tmp_path)
    assert not leftover.exists()


def test_a_finished_run_is_not_swept_again(tmp_path):
    DocsWriter(tmp_path).write_all({"reports/a.md": "v1"})
    foreign = tmp_path / "reports" / ".a.md.abcd1234.tmp"
    foreign.write_text("not from a killed run: the last run finished")
    DocsWriter(tmp_path)
    assert foreign.exists()


@pytest.mark.parametrize("junk", ['{"files": ["a.md"]}', '{"files": {"a.md": 5}, "stat": 3}', "[]"])
def test_a_malformed_manifest_counts_as_none(tmp_path, junk):
    (tmp_path / ".briefing-manifest.json").write_text(junk)
    (tmp_path / "a.md").write_text("written by an editor")
    report = DocsWriter(tmp_path).write_all({"a.md": "generated"})
    assert report.kept_foreign == ["a.md"]
    assert (tmp_path / "a.md").read_text() == "written by an editor"
