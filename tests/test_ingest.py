import json
import os
from pathlib import Path

import pytest
from conftest import SEED

from generator.errors import SeedError
from generator.ingest import find_seeds, read_seed, sidecar_path
from generator.options import Options


def _opts(tmp_path: Path) -> Options:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return Options(root=tmp_path)


def _seed(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / "seeds" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_utf8_txt_text_is_the_file_exactly(tmp_path):
    opts = _opts(tmp_path)
    raw = SEED.read_text(encoding="utf-8")
    doc = read_seed(_seed(tmp_path, "a.txt", raw), opts)
    assert doc.text == raw
    assert doc.format == "txt" and doc.name == "a"


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    opts = _opts(tmp_path)
    text = "---\ntitle: Talks resume\ndate: 2024-05-02\nsource: Example Wire\ntags: [iran, talks]\nlicense: CC BY 4.0\n---\nBody sentence one.\n"
    doc = read_seed(_seed(tmp_path, "a.md", text), opts)
    assert doc.text == "Body sentence one.\n"
    assert doc.meta.title == "Talks resume"
    assert doc.meta.date.isoformat() == "2024-05-02"
    assert doc.meta.tags == ["iran", "talks"]
    assert doc.meta.license == "CC BY 4.0"


def test_txt_sidecar_supplies_only_metadata_keys(tmp_path):
    opts = _opts(tmp_path)
    path = _seed(tmp_path, "b.txt", "Some text here.")
    sidecar = {"title": "T", "source_url": "https://example.org/x", "entities": [1], "license": "L"}
    (tmp_path / "seeds" / "b.json").write_text(json.dumps(sidecar))
    doc = read_seed(path, opts)
    assert doc.meta.title == "T" and doc.meta.url == "https://example.org/x"
    assert doc.meta.license == "L"
    assert find_seeds(tmp_path / "seeds") == [path]  # the sidecar is not a seed


def test_html_main_text_is_extracted(tmp_path):
    opts = _opts(tmp_path)
    html = (
        "<html><head><title>Ministers meet in Vienna</title><script>var x=1;</script></head>"
        "<body><nav>Home | About</nav><article><h1>Ministers meet in Vienna</h1>"
        + "".join(
            f"<p>Paragraph {i}: the foreign ministers met in Vienna on Tuesday to discuss "
            "the nuclear agreement and sanctions relief, officials said.</p>"
            for i in range(6)
        )
        + "</article><footer>Copyright</footer></body></html>"
    )
    doc = read_seed(_seed(tmp_path, "c.html", html), opts)
    assert "foreign ministers met in Vienna" in doc.text
    assert "var x" not in doc.text
    assert doc.meta.title == "Ministers meet in Vienna"


@pytest.mark.parametrize(
    "data",
    [
        "Café owners in Zürich said “no”.".encode("cp1252"),
        "\ufeffCafé owners in Zürich said “no”.".encode("utf-16-le"),
        "Café owners in Zürich said “no”.".encode("utf-16"),
    ],
)
def test_legacy_and_utf16_encodings_are_read(tmp_path, data):
    doc = read_seed(_seed(tmp_path, "d.txt", data), _opts(tmp_path))
    assert "Café owners in Zürich" in doc.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "whitespace"), (bytes(range(256)) * 40, "binary")],
)
def test_unreadable_seed_is_one_line_error_naming_it(tmp_path, data, reason):
    path = _seed(tmp_path, "bad.txt", data)
    with pytest.raises(SeedError) as err:
        read_seed(path, _opts(tmp_path))
    message = str(err.value)
    assert "bad.txt" in message and "\n" not in message
    assert reason in message or "binary" in message


def test_yaml_alias_bomb_is_refused(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n---\nText.\n"
    with pytest.raises(SeedError, match="aliases"):
        read_seed(_seed(tmp_path, "bomb.md", bomb), _opts(tmp_path))


def test_python_object_tag_is_refused(tmp_path):
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nText.\n"
    with pytest.raises(SeedError, match="front matter"):
        read_seed(_seed(tmp_path, "obj.md", text), _opts(tmp_path))


def test_invalid_date_is_dropped_with_a_note(tmp_path):
    doc = read_seed(_seed(tmp_path, "d.md", "---\ndate: 2024-13-45\n---\nText.\n"), _opts(tmp_path))
    assert doc.meta.date is None
    assert any("date" in w for w in doc.warnings)


def test_symlink_out_of_seeds_is_not_followed(tmp_path):
    opts = _opts(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret words")
    link = tmp_path / "seeds" / "link.txt"
    os.symlink(secret, link)
    with pytest.raises(SeedError, match="outside"):
        read_seed(link, opts)


def test_hidden_files_and_folders_are_not_seeds(tmp_path):
    opts = _opts(tmp_path)
    _seed(tmp_path, ".draft.txt", "x")
    _seed(tmp_path, ".git/config", "x")
    keep = _seed(tmp_path, "no extension", "Text without extension.")
    assert find_seeds(opts.root / "seeds") == [keep]
    assert read_seed(keep, opts).format == "txt"


def test_sidecar_names_follow_the_suffix_rule(tmp_path):
    for name in ["a.txt", "a.b.md", "noext", "a.", "v1.2/report.html", "v1.2/notes"]:
        path = Path(tmp_path, name)
        expected = path.with_suffix(".json") if path.suffix else path.parent / f"{path.name}.json"
        assert sidecar_path(str(path)) == str(expected), name
