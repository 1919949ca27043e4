"""Robustness and speed: huge or pathological inputs stay fast and never crash, and the
fast regex builders (generator/extraction/fastre.py) keep their meaning."""

from __future__ import annotations

import time

from extraction_helpers import run

from generator.extraction.fastre import fast_alternation, trie


def test_never_crashes_on_odd_input():
    for text in ["", " ", "\n\n\n", "A" * 10_000, "é" * 500 + ".", "x. " * 50_000, "U.S.\n" * 100]:
        ex = run(text)
        assert isinstance(ex.entities, list)


def test_huge_inputs_stay_fast():
    for text in ("B" * 3_000_000, "Foo Bar Baz " * 250_000, '"Hi there," said Al Roe. ' * 40_000):
        start = time.perf_counter()
        ex = run(text)
        assert isinstance(ex.entities, list)
        assert time.perf_counter() - start < 8


def test_trie_matches_exactly_the_words():
    import re

    rx = re.compile(rf"\b(?:{trie(['said', 'says', 'sa', 'told'])})\b")
    assert [m.group() for m in rx.finditer("sa said says saying told tol")] == [
        "sa",
        "said",
        "says",
        "told",
    ]
    alt = re.compile(rf"(?:{fast_alternation('said|claimed responsibility|claimed')})")
    assert alt.match("claimed responsibility").group() == "claimed responsibility"
