"""Index pages: paginated listings, tags, timeline; every link resolves in the built site."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_project
from lxml import html as lxml_html

from generator import listings
from generator.assemble import assemble
from generator.extract import extract
from generator.memo import RenderMemo
from generator.model import Document, Metadata
from generator.options import Options
from generator.pipeline import build
from generator.report import Reporter


def doc(i: int, tags: list[str], year: int | None) -> Document:
    meta = Metadata(
        title=f"Briefing number {i}",
        date=dt.date(year, 1 + i % 12, 1 + i % 28) if year else None,
        tags=tags,
    )
    text = f"Officials in Vienna said talks number {i} went well. Reuters reported more talks."
    return Document(seed=f"s{i}.md", name=f"s{i}", format="md", text=text, meta=meta)


def site_of(docs):
    return assemble([(d, extract(d, Options(registry=None))) for d in docs])


def test_long_listing_is_split_into_linked_pages(monkeypatch):
    monkeypatch.setattr(listings, "PER_PAGE", 4)
    site = site_of([doc(i, [], 2020 + i % 3) for i in range(10)])
    pages = listings.render_listings(site, "Desk", RenderMemo())
    assert {"reports/index.md", "reports/pages/2.md", "reports/pages/3.md"} <= set(pages)
    assert "reports/pages/4.md" not in pages
    assert "](pages/2.md)" in pages["reports/index.md"]
    assert (
        "](3.md)" in pages["reports/pages/2.md"] and "](../index.md)" in pages["reports/pages/2.md"]
    )
    listed = sum(
        pages[p].count("[Briefing number") for p in ("reports/pages/2.md", "reports/pages/3.md")
    )
    assert pages["reports/index.md"].count("- ") >= 4 and listed == 6


def test_tags_and_timeline_pages():
    site = site_of([doc(0, ["Iran", "talks"], 2024), doc(1, ["iran"], 2023), doc(2, [], None)])
    pages = listings.render_listings(site, "Desk", RenderMemo())
    assert "tags/iran/index.md" in pages and "tags/talks/index.md" in pages
    assert (
        pages["tags/iran/index.md"].count("Briefing number") == 2
    )  # tags match case-insensitively
    assert {"timeline/2024/index.md", "timeline/2023/index.md", "timeline/undated/index.md"} <= set(
        pages
    )
    order = pages["timeline/index.md"]
    assert order.index("2024") < order.index("2023") < order.index("Date not stated")


@pytest.mark.slow
def test_every_listing_link_resolves_in_the_built_site(tmp_path, monkeypatch):
    monkeypatch.setattr(listings, "PER_PAGE", 3)
    seeds = {
        f"t{i}.md": f"---\ntitle: Talks {i} in Oslo\ndate: 202{i % 4}-05-0{1 + i % 8}\ntags: [talks, t{i % 2}]\n---\n"
        f"Officials said talks {i} in Oslo went well, Reuters reported.\n"
        for i in range(8)
    }
    opts = make_project(tmp_path / "p", seeds)
    assert build(opts, Reporter(-1)) == 0
    site = opts.root / "site"
    for folder in ("reports", "tags", "timeline", "entities", "sources"):
        for page in (site / folder).rglob("index.html"):
            root = lxml_html.parse(str(page)).getroot()
            for a in root.cssselect("article a[href]"):
                href = a.get("href").split("#")[0]
                if not href or href.startswith(("http", "mailto")):
                    continue
                target = (page.parent / href).resolve()
                target = target / "index.html" if target.is_dir() else target
                assert target.is_file(), f"{page.relative_to(site)} -> {href}"
