"""Assemble: order, unique slugs, one entity page per real-world thing, related briefings."""

from __future__ import annotations

import datetime as dt

from generator.assemble import assemble
from generator.extract import extract
from generator.model import Document, Metadata
from generator.options import Options


def doc(name: str, text: str, date: str | None = None, slug: str | None = None) -> Document:
    meta = Metadata(
        title=name.title(), date=dt.date.fromisoformat(date) if date else None, slug=slug
    )
    return Document(seed=f"{name}.md", name=name, format="md", text=text, meta=meta)


def site_of(*docs: Document):
    return assemble([(d, extract(d, Options(registry=None))) for d in docs])


def test_newest_first_undated_last_and_unique_slugs():
    site = site_of(
        doc("a", "Officials in Oslo said so.", "2021-01-01", slug="same"),
        doc("b", "Officials in Riga said so.", None, slug="same"),
        doc("c", "Officials in Vienna said so.", "2024-05-01"),
    )
    assert [b.title for b in site.briefings] == ["C", "A", "B"]
    assert sorted(b.slug for b in site.briefings) == ["c", "same", "same-2"]


def test_one_entity_page_across_briefings_with_every_mention():
    site = site_of(
        doc("x", "President Donald Trump spoke in Ohio on Monday, aides said.", "2024-01-02"),
        doc("y", "Donald Trump later met donors in Texas, Reuters reported.", "2024-01-03"),
    )
    pages = [p for p in site.entities.values() if p.name == "Donald Trump"]
    assert len(pages) == 1
    assert sorted(r.briefing for r in pages[0].refs) == ["x", "y"]
    assert all("Trump" in r.text for r in pages[0].refs)


def test_related_briefings_share_entities():
    site = site_of(
        doc("p", "Angela Merkel met Emmanuel Macron in Berlin, officials said.", "2024-01-01"),
        doc(
            "q", "Emmanuel Macron and Angela Merkel spoke again in Berlin on Friday.", "2024-01-02"
        ),
        doc("r", "Farmers in Kenya reported a good harvest in Nakuru.", "2024-01-03"),
    )
    by_slug = {b.slug: b for b in site.briefings}
    assert by_slug["p"].related[:1] == ["q"]
    assert "r" not in by_slug["p"].related
    merkel = next(p for p in site.entities.values() if p.name == "Angela Merkel")
    assert any(site.entities[k].name == "Emmanuel Macron" for k, _ in merkel.co_mentioned)
