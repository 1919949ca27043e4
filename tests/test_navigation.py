"""Browsing across briefings in Chromium: home -> tag, timeline, entity type, source pages,
and search ranking a briefing's summary above another briefing's original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser_page, static_server
from conftest import make_project

from generator.pipeline import build
from generator.report import Reporter

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FILLER = " ".join(
    f"The committee met for the {n}th time in Geneva, officials said." for n in range(1, 30)
)
SEEDS = {
    "grain.md": "---\ntitle: Grain corridor reopens\ndate: 2024-07-02\ntags: [trade, Black Sea]\n---\n"
    "The grain corridor through the Bosporus reopened on Tuesday, the Turkish defence ministry said.\n"
    "Reuters reported that the first convoy of zeppelins carried wheat to Istanbul.\n",
    "talks.md": "---\ntitle: Committee talks drag on\ndate: 2023-03-14\ntags: [diplomacy]\n---\n"
    f"{FILLER}\nOne delegate joked about zeppelins near the end of the meeting.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    opts = make_project(tmp_path_factory.mktemp("nav"), SEEDS)
    assert build(opts, Reporter(-1)) == 0
    return opts.root / "site"


def test_home_to_tag_to_briefing(site):
    with static_server(site) as base, browser_page() as page:
        page.goto(base)
        with page.expect_navigation():
            page.locator("article a", has_text="trade").first.click()
        assert "Tag: trade" in page.locator("article h1").inner_text()
        with page.expect_navigation():
            page.locator("article a", has_text="Grain corridor reopens").click()
        assert page.locator("#entity-sidebar").is_visible()
        assert page.external_requests == []


def test_home_to_timeline_year_to_briefing(site):
    with static_server(site) as base, browser_page() as page:
        page.goto(base)
        with page.expect_navigation():
            page.locator("article a", has_text="by date").click()
        years = page.locator("article li a").all_inner_texts()
        assert years.index("2024") < years.index("2023")
        with page.expect_navigation():
            page.locator("article a", has_text="2023").click()
        assert "March 2023" in page.locator("article").inner_text()
        with page.expect_navigation():
            page.locator("article a", has_text="Committee talks drag on").click()
        assert "Committee talks drag on" in page.locator("article h1").inner_text()


def test_entity_and_source_pages_link_back_to_briefings(site):
    with static_server(site) as base, browser_page() as page:
        page.goto(base + "reports/grain/")
        with page.expect_navigation():
            page.locator("#entity-sidebar a", has_text="Istanbul").click()
        assert "Istanbul" in page.locator("article h1").inner_text()
        assert page.locator("article a", has_text="Grain corridor reopens").count() == 1
        page.goto(base + "reports/grain/")
        with page.expect_navigation():
            page.locator("#source-table a", has_text="Reuters").click()
        assert "Reuters" in page.locator("article h1").inner_text()
        assert "basis" in page.locator("article").inner_text().lower()
        with page.expect_navigation():
            page.locator("article a", has_text="Grain corridor reopens").click()
        assert page.url.startswith(base + "reports/grain/")


def test_summary_match_outranks_a_mention_deep_in_another_text(site):
    with static_server(site) as base, browser_page() as page:
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("zeppelins", delay=40)
        page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
        hrefs = page.locator(".md-search-result__item a").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))"
        )
        briefings = [h for h in hrefs if "/reports/" in h]
        assert briefings[0].endswith("/reports/grain/"), hrefs
