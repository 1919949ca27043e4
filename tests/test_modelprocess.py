"""The statistical model loaded in a forked process answers as the model loaded here would."""

from __future__ import annotations

import os

import pytest

from generator.extraction import statistical
from generator.modelprocess import ModelProcess

TEXT = "Angela Merkel met officials of Siemens in Berlin on Monday, the ministry said."


def test_the_model_process_answers_as_the_model_here_does():
    here = statistical.find_entities(TEXT), statistical.parse(TEXT, [(0, len(TEXT))])
    with ModelProcess():
        there = statistical.find_entities(TEXT), statistical.parse(TEXT, [(0, len(TEXT))])
    assert there == here
    assert {e.label for e in there[0]} >= {"PERSON", "ORG", "PLACE"}


def test_a_missing_model_in_the_process_is_raised_here(monkeypatch):
    def missing(path=None):
        raise statistical.ModelError("the statistical model is missing; reinstall it")

    monkeypatch.setattr(statistical, "load", missing)
    with ModelProcess(), pytest.raises(statistical.ModelError, match="missing"):
        statistical.find_entities(TEXT)


def test_the_model_is_loaded_here_when_its_process_dies(monkeypatch):
    parent, real = os.getpid(), statistical.load

    def dies_in_the_child(path=None):
        if os.getpid() != parent:
            os._exit(9)
        return real(path)

    monkeypatch.setattr(statistical, "load", dies_in_the_child)
    with ModelProcess():
        found = statistical.find_entities(TEXT)
    assert any(e.label == "PERSON" and TEXT[e.start : e.end] == "Angela Merkel" for e in found)


def test_calls_are_answered_here_again_once_the_process_is_closed(monkeypatch):
    process = ModelProcess()
    process.close()
    monkeypatch.setattr(ModelProcess, "_ask", lambda *a: pytest.fail("asked a closed process"))
    assert statistical.find_entities(TEXT)
