"""The seed article: entities, roles, sources, sentences, headline (what the site relies on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import extract
from generator.model import Document
from generator.options import Options

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_d7325ed9ddf325b5.txt"


@pytest.fixture(scope="module")
def ex():
    doc = Document(seed=str(SEED), name=SEED.stem, format="txt", text=SEED.read_text("utf-8"))
    return extract(doc, Options(registry=None))


def _ent(ex, name):
    return next(e for e in ex.entities if e.name == name)


def test_sentence_runs_over_us_line_break(ex):
    s6 = ex.sentences[5]
    assert "U.S.\nPresident Donald Trump" in s6.text
    assert len(ex.sentences) == 15


def test_people_and_roles(ex):
    assert any("President" in r for r in _ent(ex, "Donald Trump").roles)
    assert _ent(ex, "Abbas Araghchi").roles == ["Iran’s Foreign Minister"]
    assert _ent(ex, "Steve Wittorf").roles == ["special representative for the Middle East"]
    assert _ent(ex, "Mike Pence").roles == ["Vice President"]
    assert len(_ent(ex, "Donald Trump").mentions) == 4


def test_other_entities(ex):
    types = {e.name: e.type for e in ex.entities}
    for name in ("Axios", "The New York Times", "CNN", "The Wall Street Journal", "White House"):
        assert types[name] == "ORG"
    for name in ("Iran", "Israel", "Tehran", "Qom", "United States", "Middle East"):
        assert types[name] == "PLACE"
    assert types["Fordo"] == "FACILITY"
    assert types["anti-bunker bombs"] == "WEAPON"


def test_sources(ex):
    rows = {(s.name, s.basis): s for s in ex.sources}
    assert rows[("Axios", "citing anonymous sources")].claims[0].sentence == 2
    assert rows[("Axios", "citing anonymous sources")].claims[0].anonymous_only
    assert rows[("Axios", "")].claims[0].sentence == 6
    assert ("The New York Times", "citing its own sources") in rows
    assert ("CNN", "") in rows
    wsj = "drawing on insights from Middle Eastern and European officials"
    assert ("The Wall Street Journal", wsj) in rows
    assert rows[("Tehran", "through intermediaries")].kind == "government"
    assert ("Donald Trump", "") in rows


def test_meeting_is_corroborated_transfer_is_not(ex):
    rows = {(s.name, s.basis): s for s in ex.sources}
    assert rows[("Axios", "")].claims[0].corroborated_by
    assert not rows[("Axios", "citing anonymous sources")].claims[0].corroborated_by


def test_headline_and_summary(ex):
    assert ex.headline.startswith("U.S. administration reportedly considering")
    assert "anti-bunker bombs to Israel" in ex.headline
    assert ex.summary == [1, 2]
    assert all(1 <= i <= len(ex.sentences) for i in ex.key_points)


def test_timeline(ex):
    assert [t.text for t in ex.timeline] == ["Earlier in the week"]
