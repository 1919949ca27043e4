"""`briefing serve`: a changed seed reaches the open page by itself within 5 s."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest
from browser import browser_page, free_port, stop_process
from conftest import make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = """---
title: Port reopens after storm
date: 2024-02-01
---
The harbour authority said the port of Valletta reopened on Friday.
"""


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


def test_changed_seed_reloads_the_open_page(tmp_path):
    opts = make_project(tmp_path / "p", {"port.md": SEED}, with_seed=False)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "-q",
            "--root",
            str(opts.root),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/reports/port/"
        wait_http(url, 60)
        with browser_page() as page:
            page.goto(url)
            assert "Valletta" in page.locator("div.original-text").inner_text()
            time.sleep(1)
            seed = opts.root / "seeds" / "port.md"
            seed.write_text(SEED + "Ferries to Gozo resumed at noon, the operator said.\n")
            start = time.monotonic()
            page.locator("div.original-text", has_text="Gozo").wait_for(timeout=5_000)
            assert time.monotonic() - start < 5
            # search works in the preview too (Pagefind indexes it)
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially("Valletta", delay=40)
            page.locator(".md-search-result__item a[href*='reports/port']").first.wait_for(
                timeout=15_000
            )
            assert page.external_requests == []
    finally:
        stop_process(server, timeout=15)
