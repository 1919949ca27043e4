"""Stories end to end: story pages, the story index, briefing links and Atom feeds in the site
built by MkDocs under a sub-path site URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest
from conftest import make_project
from lxml import etree
from lxml import html as lxml_html
from story_seeds import LONERS, PORT, STORY_SEEDS, TALKS

from generator.options import Options
from generator.pipeline import build
from generator.report import Reporter

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/desk/"
HOSTILE_STORY = """---
title: "<b>Port</b> reopens ]]> <!-- after blast"
date: 2025-03-21
source: "<i>Evil</i> Wire"
story: "<script>window.__pwned_story = 1</script> Port & trade"
tags: ["<img src=x onerror=alert(1)>", "ports"]
---
Officials said <script>window.__pwned_body = 1</script> the port reopened & trade resumed.
"""
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Options:
    seeds = {**STORY_SEEDS, "hostile-story.md": HOSTILE_STORY}
    opts = make_project(tmp_path_factory.mktemp("stories-site"), seeds)
    assert build(opts, Reporter(-1), site_url=SITE_URL) == 0
    return opts


def page(opts: Options, rel: str) -> lxml_html.HtmlElement:
    return lxml_html.parse(str(opts.root / "site" / rel / "index.html")).getroot()


def resolve(opts: Options, rel: str, href: str) -> tuple[Path, str]:
    """The built file a relative link on page `rel` points to, and its fragment."""
    target, _, fragment = href.partition("#")
    path = (opts.root / "site" / rel / target).resolve()
    return (path / "index.html" if path.is_dir() else path), fragment


def test_story_page_links_every_report_in_time_order(built):
    root = page(built, "stories/aden-port-explosion")
    links = [a.get("href") for a in root.cssselect(".story-reports h3 + p a")]
    assert [h.split("/")[-2] for h in links] == PORT  # oldest first
    for href in links:
        assert resolve(built, "stories/aden-port-explosion", href)[0].is_file()


def test_each_disagreement_quotes_both_sentences_with_links(built):
    rel = "stories/aden-port-explosion"
    root = page(built, rel)
    blocks = root.cssselect(".story-disagreement")
    texts = [" ".join(b.text_content().split()) for b in blocks]
    number = next(t for t in texts if "numbers" in t)
    assert "killed 15 people" in number and "killed 12 people" in number
    place = next(t for t in texts if "places" in t)
    assert "Mombasa" in place and "Djibouti" in place
    for block in blocks:
        for a in block.cssselect("a[href*='#s']"):
            path, fragment = resolve(built, rel, a.get("href"))
            target = lxml_html.parse(str(path)).getroot()
            assert target.cssselect(f"span.sentence#{fragment}"), a.get("href")
    talks = page(built, "stories/iran-and-us-envoys-to-meet-in-oslo")
    text = " ".join(talks.cssselect(".story-disagreement")[0].text_content().split())
    assert "Oslo" in text and "Muscat" in text


def test_claims_show_grade_basis_and_outlets(built):
    root = page(built, "stories/aden-port-explosion")
    rows = [" ".join(tr.text_content().split()) for tr in root.cssselect("article table tr")]
    confirmed = next(r for r in rows if "rescue teams" in r)
    assert confirmed.startswith("F1 confirmed") and "told Reuters" in confirmed


def test_briefings_link_to_their_story_and_loners_do_not(built):
    for slug in PORT + TALKS:
        links = page(built, f"reports/{slug}").cssselect(".briefing-story a")
        assert len(links) == 1
        path, _ = resolve(built, f"reports/{slug}", links[0].get("href"))
        assert path.parent.parent.name == "stories", slug
    for slug in LONERS:
        assert not page(built, f"reports/{slug}").cssselect(".briefing-story")


def test_story_index_lists_stories_by_latest_update(built):
    items = [
        " ".join(li.text_content().split()) for li in page(built, "stories").cssselect("article li")
    ]
    names = [i.split(" · ")[1] for i in items]
    assert names.index("Iran and US envoys to meet in Oslo") < names.index("Aden port explosion")
    assert len(items) == 3  # the hostile seed's own pinned story too


def feed(built: Options, rel: str):
    raw = (built.root / "site" / rel).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed, etree.fromstring(raw)


def test_site_feed_has_every_briefing_with_absolute_urls_under_the_sub_path(built):
    parsed, _ = feed(built, "feeds/all.xml")
    slugs = {urlparse(e.link).path.split("/")[-2] for e in parsed.entries}
    assert slugs == {n.removesuffix(".md") for n in STORY_SEEDS} | {"hostile-story"} | {
        p.name for p in (built.root / "site" / "reports").iterdir() if p.name.startswith("000")
    }
    for e in parsed.entries:
        assert e.link.startswith(SITE_URL + "reports/") and e.id == e.link
        local = built.root / "site" / e.link.removeprefix(SITE_URL) / "index.html"
        assert local.is_file(), e.link
    self_link = next(x for x in parsed.feed.links if x.rel == "self")
    assert self_link.href == SITE_URL + "feeds/all.xml"


def test_story_entity_and_tag_feeds_exist_and_are_linked_from_their_pages(built):
    for rel, feed_rel in (
        ("stories/aden-port-explosion", "feeds/stories/aden-port-explosion.xml"),
        ("entities/khaled-al-ameri", "feeds/entities/khaled-al-ameri.xml"),
        ("tags/ports", "feeds/tags/ports.xml"),
    ):
        hrefs = [
            link.get("href")
            for link in page(built, rel).cssselect(
                "link[rel~=alternate][type='application/atom+xml']"
            )
        ]
        assert any(h.endswith(feed_rel) for h in hrefs), (rel, hrefs)
        assert any(resolve(built, rel, h)[0] == built.root / "site" / feed_rel for h in hrefs)
    parsed, _ = feed(built, "feeds/stories/aden-port-explosion.xml")
    assert {urlparse(e.link).path.split("/")[-2] for e in parsed.entries} == set(PORT)
    parsed, _ = feed(built, "feeds/entities/khaled-al-ameri.xml")
    assert {urlparse(e.link).path.split("/")[-2] for e in parsed.entries} == {
        "port-ap",
        "port-reuters",
        "port-bbc",
    }


def test_seed_text_is_never_markup_in_a_feed(built):
    for rel in ("feeds/all.xml", "feeds/tags/ports.xml"):
        _, tree = feed(built, rel)
        tags = {el.tag for el in tree.iter() if isinstance(el.tag, str)}
        assert all(t.startswith(ATOM) for t in tags), tags
        entry = next(
            e
            for e in tree.iter(f"{ATOM}entry")
            if e.findtext(f"{ATOM}id").endswith("/hostile-story/")
        )
        assert entry.findtext(f"{ATOM}title") == "<b>Port</b> reopens ]]> <!-- after blast"
        assert entry.find(f"{ATOM}title").get("type") == "text"
        assert "<script>" in entry.findtext(f"{ATOM}summary")  # as text, not an element
    story_pages = list((built.root / "site" / "stories").glob("*/index.html"))
    for p in story_pages:
        assert "<script>window.__pwned" not in p.read_text(encoding="utf-8")


def test_story_and_entity_pages_draw_their_timeline_as_svg(built):
    svg = page(built, "stories/aden-port-explosion").cssselect(".story-timeline svg")
    assert len(svg) == 1 and svg[0].get("role") == "img"
    labels = {" ".join(t.text_content().split()) for t in svg[0].cssselect("text")}
    assert {"Associated Press", "Reuters", "BBC News", "2025-03-10", "2025-03-20"} <= labels
    dots = svg[0].cssselect("circle")
    assert len(dots) == len(PORT)
    assert len(svg[0].cssselect("circle.disputed")) == 3  # AP, Reuters and the BBC disagree
    bars = page(built, "entities/khaled-al-ameri").cssselect(".entity-timeline svg rect")
    counts = [int(b.cssselect("title")[0].text_content().split(": ")[1].split()[0]) for b in bars]
    assert sorted(counts) == [1, 2]  # two briefings on 10 March, one on 11 March


def test_whats_new_pages_show_new_briefings_moved_stories_and_new_entities(built):
    def section(root, heading: str) -> str:
        h2 = next(h for h in root.cssselect("article h2") if h.text_content().startswith(heading))
        parts, node = [], h2.getnext()
        while node is not None and node.tag != "h2":
            parts.append(" ".join(node.text_content().split()))
            node = node.getnext()
        return " ".join(parts)

    first = page(built, "new/2025-03-10")
    assert "Deadly blast hits Aden" in section(first, "2 new briefings")
    assert "Aden port explosion: new story" in section(first, "Stories that moved")
    assert "Khaled Al-Ameri" in section(first, "New to the site")
    later = page(built, "new/2025-03-11")
    moved = section(later, "Stories that moved")
    assert "new story" not in moved and "1 new report" in moved
    fresh = section(later, "New to the site")
    assert "Mohammed Abdulsalam" in fresh and "Khaled Al-Ameri" not in fresh
    week = page(built, "new/2025-W11")
    assert "4 new briefings" in week.text_content()  # 10 to 12 March
    index = " ".join(page(built, "new").text_content().split())
    assert index.index("2025-W14") < index.index("2025-W11")


@pytest.mark.browser
def test_search_filters_narrow_the_results_without_a_new_query(built):
    from browser import browser_page, static_server

    site = built.root / "site"
    with static_server(site) as base, browser_page() as page:
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("port", delay=50)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(state="visible", timeout=15_000)
        story = page.locator(".briefing-filters select[name='story']")
        story.wait_for(state="attached", timeout=15_000)
        page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 4"
        )
        before = {a.get_attribute("href") for a in results.all()}
        value = next(
            v
            for v in story.locator("option").evaluate_all("os => os.map(o => o.value)")
            if v.startswith("Aden port")
        )
        story.select_option(value)
        page.wait_for_function(
            f"() => document.querySelectorAll('.md-search-result__item').length < {len(before)}"
        )
        after = {a.get_attribute("href") for a in results.all()}
        assert after and after < before | after
        allowed = {*PORT, "aden-port-explosion"}
        assert all(h.rstrip("/").split("/")[-1] in allowed for h in after), after
        assert box.input_value() == "port"  # no new query typed
        page.locator(".briefing-filters select[name='story']").select_option("")
        box.fill("")
        page.locator(".briefing-filters select[name='entity type']").select_option("Person")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.md-search-result__item a')]"
            ".every(a => a.href.includes('/entities/'))"
            " && document.querySelectorAll('.md-search-result__item').length > 0"
        )
        assert page.external_requests == []


def test_story_book_prints_the_story_then_every_report(built):
    from pypdf import PdfReader

    from generator.pdf import make_pdfs, story_book_name

    assert make_pdfs(built, Reporter(-1), story="aden-port-explosion") == 0
    reader = PdfReader(str(built.root / "pdf" / story_book_name("aden-port-explosion")))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    by_slug = {
        n.removesuffix(".md"): t.split("title: ")[1].split("\n")[0] for n, t in STORY_SEEDS.items()
    }
    for slug in PORT:
        assert text.count(by_slug[slug]) >= 2, slug  # in the contents and as a chapter
    assert "Where reports disagree" in text and "killed 15 people" in text
    assert text.index("Where reports disagree") < text.rindex(by_slug["port-ap"])
    assert make_pdfs(built, Reporter(-1), story="no-such-story") == 1
