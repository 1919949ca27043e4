"""What the user sees on the terminal (generator/report.py)."""

from __future__ import annotations

import io
import time

from rich.console import Console

from generator.report import Reporter


def test_progress_shows_count_and_an_estimate_of_the_time_left():
    reporter = Reporter()
    buf = io.StringIO()
    reporter.err = Console(file=buf, force_terminal=True, width=120)

    def slow():
        for i in range(4):
            time.sleep(0.3)
            yield i

    assert list(reporter.progress(slow(), 4, "Extracting")) == [0, 1, 2, 3]
    shown = buf.getvalue()
    assert "Extracting" in shown and "/4" in shown and "left" in shown
    assert "0:00:0" in shown.split("left", 1)[1]  # the estimate follows "left"


def test_quiet_shows_no_progress():
    reporter = Reporter(-1)
    buf = io.StringIO()
    reporter.err = Console(file=buf, force_terminal=True)
    assert list(reporter.progress(iter(range(3)), 3, "Extracting")) == [0, 1, 2]
    assert buf.getvalue() == ""
