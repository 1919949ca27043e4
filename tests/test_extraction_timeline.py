"""Time references and the dateline (generator/extraction/timeline.py)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import run

from generator.extraction.timeline import find_timeline


def test_timeline_resolves_against_date():
    ex = run("The talks began on Tuesday and ended June 19.", dt.date(2024, 6, 21))
    dates = {t.text: t.date for t in ex.timeline}
    assert dates["on Tuesday"] == dt.date(2024, 6, 18)
    assert dates["June 19"] == dt.date(2024, 6, 19)


def test_dateline_gives_the_date():
    ex = run("Monday, May 18, 2015\n\nThe rescue went on for days.")
    assert ex.date == dt.date(2015, 5, 18)
    assert ex.summary == [2]


def test_timeline_finds_dates_in_any_case():
    refs, _ = find_timeline(
        "TODAY the board met; on 4 MAY 2020 and Last week it did too.", [], None
    )
    texts = [r.text for r in refs]
    assert "TODAY" in texts and "4 MAY 2020" in texts and "Last week" in texts
