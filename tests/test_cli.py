import json
import subprocess
import sys

from conftest import SEED

from generator.cli import main


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd
    )


def test_help_and_usage_errors():
    ok = run("--help")
    assert ok.returncode == 0 and "generate" in ok.stdout and "extract" in ok.stdout
    assert run("no-such-command").returncode == 2
    assert run("extract").returncode == 2  # FILE is required


def test_extract_jsonl_record_shape(tmp_path):
    proc = run("extract", "--format", "jsonl", str(SEED))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["seed"] == str(SEED)
    assert record["text"] == SEED.read_text(encoding="utf-8")
    assert set(record) >= {"seed", "title", "date", "text", "summary", "entities", "sources"}
    for e in record["entities"]:
        assert e["type"] in {"PERSON", "ORG", "PLACE", "FACILITY", "WEAPON", "EVENT", "OTHER"}
        for m in e["mentions"]:
            assert record["text"][m["start"] : m["end"]] == m["text"]
    for s in record["sources"]:
        assert s["kind"] in {
            "outlet",
            "person",
            "organization",
            "government",
            "document",
            "anonymous",
        }
        for c in s["claims"]:
            assert record["text"][c["start"] : c["end"]] == c["text"]
    for sentence in record["summary"]:
        assert sentence in record["text"]


def test_extract_goes_on_after_a_bad_seed(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code = main(["extract", "--format", "jsonl", str(bad), str(SEED)])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1 and json.loads(out)["seed"] == str(SEED)
    assert "bad.txt" in err and len(err.strip().splitlines()) == 1


def test_generate_reports_failure_in_exit_code(tmp_path):
    from conftest import make_project

    opts = make_project(tmp_path / "p", {"empty.txt": ""})
    proc = run("generate", "--root", str(opts.root))
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr
    assert list((opts.root / "briefings" / "reports").glob("000*.md"))
    quiet = run("generate", "-q", "--root", str(opts.root))
    assert (
        quiet.returncode == 1
        and "empty.txt" in quiet.stderr
        and "briefings from" not in quiet.stderr
    )


def test_seeds_option_builds_from_another_folder(tmp_path):
    from conftest import make_project

    opts = make_project(tmp_path / "p", with_seed=False)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "note.txt").write_text("The envoy arrived in Doha on Sunday, officials said.\n")
    (other / "note.json").write_text(
        '{"title": "Envoy in Doha", "license": "CC BY 4.0", "attribution": "Example Wire"}'
    )
    proc = run("generate", "-q", "--root", str(opts.root), "--seeds", str(other))
    assert proc.returncode == 0, proc.stderr
    page = (opts.root / "briefings" / "reports" / "note.md").read_text()
    assert "Envoy in Doha" in page and "CC BY 4.0" in page and "Example Wire" in page
