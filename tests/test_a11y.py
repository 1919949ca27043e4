"""Reading the site: accessibility (axe-core) and the print stylesheet.

axe-core comes from the npm registry (`./dev test` installs it into .cache/npm); it is injected
into each page of the built site (home, a briefing, an entity page, a source page, in the light
and the dark scheme) and run with its default rule set: no serious or critical violation.
Print: Chromium's print media and its PDF of a briefing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import browser_page, static_server
from conftest import HOSTILE_MD, REPO, make_project
from story_seeds import STORY_SEEDS

from generator.pipeline import build
from generator.report import Reporter

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LINKED_MD = """---
title: Ministers meet in Geneva
date: 2025-06-02
url: https://news.example.org/geneva-talks
---
Foreign Minister Abbas Araghchi met European ministers in Geneva on Friday, Reuters reported.
"""

AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run the README's test command")
    opts = make_project(
        tmp_path_factory.mktemp("a11y"),
        {"hostile.md": HOSTILE_MD, "linked.md": LINKED_MD, **STORY_SEEDS},
    )
    assert build(opts, Reporter(-1)) == 0
    return opts.root / "site"


def page_paths(site: Path) -> dict[str, str]:
    slug = next((site / "reports").glob("000*/")).name
    return {
        "home": "",
        "briefing": f"reports/{slug}/",
        "entity": "entities/abbas-araghchi/",
        "source": "sources/axios/",
        "briefings index": "reports/",
        "entity type": "entities/types/person/",
        "timeline": "timeline/",
        "tags": "tags/",
        "tag": "tags/test/",
        "story": "stories/aden-port-explosion/",
        "stories": "stories/",
    }


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "summary": v["nodes"][0].get("failureSummary", "")[:300],
        }
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "briefing",
        "entity",
        "source",
        "briefings index",
        "timeline",
        "tag",
        "story",
        "stories",
    ],
)
def test_no_serious_or_critical_violation(site, kind, scheme):
    with static_server(site) as base, browser_page() as page:
        page.goto(base + page_paths(site)[kind])
        if scheme != "default":
            page.locator("label[title='Switch to dark mode']").click()
            assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        page.wait_for_load_state("networkidle")
        found = axe_violations(page)
        bad = [v for v in found if v["impact"] in ("serious", "critical")]
        assert bad == [], json.dumps(bad, indent=1, ensure_ascii=False)


def test_print_stylesheet_shows_the_briefing_only(site):
    slug = page_paths(site)["briefing"]
    with static_server(site) as base, browser_page() as page:
        page.goto(base + slug)
        page.emulate_media(media="print")
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
            assert not page.locator(hidden).first.is_visible(), hidden
        sidebar = page.locator("#entity-sidebar").bounding_box()
        bottom = page.locator("div.bottom-line p").first.evaluate(
            """p => { const r = document.createRange(); r.selectNodeContents(p);
                      const b = r.getBoundingClientRect();
                      return {x: b.x, y: b.y + scrollY, width: b.width, height: b.height}; }"""
        )  # the text's box: the paragraph itself is as wide as the page beside a float
        assert sidebar and bottom
        assert sidebar["x"] > bottom["x"] + bottom["width"] - 1  # a box beside the summary
        assert sidebar["y"] < bottom["y"] + bottom["height"]
        wrap = page.locator("#source-table").evaluate(
            "t => [t.scrollWidth, t.parentElement.clientWidth, getComputedStyle(t.parentElement).overflowX]"
        )
        assert wrap[0] <= wrap[1] + 1 and wrap[2] == "visible", wrap
        pdf = page.pdf(format="A4", print_background=True)

        page.goto(base + "reports/linked/")
        page.emulate_media(media="print")
        link = page.locator("article a[href^='https://news.example.org']")
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert "https://news.example.org/geneva-talks" in after

    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4
    first = reader.pages[0].extract_text()
    assert "Abbas Araghchi" in first and "Bottom line" in first
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Skip to content" not in text and "Search" not in text
    assert "citing anonymous sources" in text
