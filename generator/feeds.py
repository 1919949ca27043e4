"""Atom 1.0 feeds (feeds/*.xml in the docs tree): the whole site, each story, entity and tag.

Every URL is absolute under the site URL (a sub-path too). Seed text goes in only as XML text
nodes (ElementTree escapes it) of `type="text"` elements, so no reader renders it as markup.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from urllib.parse import quote

from generator import escape
from generator.listings import tag_index
from generator.memo import Rendered, RenderMemo
from generator.model import Briefing, Site
from generator.templating import Links

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
_EPOCH = dt.date(1970, 1, 1)


def normal_site_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def page_url(site_url: str, docs_path: str) -> str:
    """The absolute URL of a docs page ("reports/x.md" -> ".../reports/x/")."""
    path = docs_path[: -len(".md")] if docs_path.endswith(".md") else docs_path
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return normal_site_url(site_url) + quote(path)


def render_feeds(
    site: Site,
    site_url: str,
    site_name: str,
    memo: RenderMemo,
    made: dict[str, tuple[str | None, str, tuple]] | None = None,
) -> dict[str, Rendered]:
    """`made`: a long-running process's record of each briefing's entry (by slug) with the
    seed (content key) and site URL it was made from, kept from one run to the next."""
    made = {} if made is None else made
    by_slug = {b.slug: b for b in site.briefings}
    order = {b.slug: n for n, b in enumerate(site.briefings)}  # newest first
    feeds: list[tuple[str, str, str, list[Briefing]]] = [
        (Links.site_feed, site_name, "index.md", site.briefings)
    ]
    for story in site.stories.values():
        members = [by_slug[r.briefing] for r in reversed(story.reports)]
        feeds.append(
            (
                Links.story_feed(story.key),
                f"Story: {story.name}",
                f"stories/{story.key}.md",
                members,
            )
        )
    for page in site.entities.values():
        members = _newest((r.briefing for r in page.refs), by_slug, order)
        feeds.append((Links.entity_feed(page.key), page.name, f"entities/{page.key}.md", members))
    for slug, (name, members) in tag_index(site).items():
        feeds.append((Links.tag_feed(slug), f"Tag: {name}", f"tags/{slug}/index.md", members))
    out: dict[str, Rendered] = {}
    known: dict[str, tuple[str, str, str, str, str, tuple[str, ...]]] = {}  # a briefing's entry
    for path, title, page, members in feeds:
        entries = []
        for b in members[:FEED_ENTRIES]:
            if b.slug not in known:
                last = made.get(b.slug)
                if (
                    last is not None
                    and last[0] is not None
                    and last[:2]
                    == (
                        b.document.key,
                        site_url,
                    )
                ):
                    known[b.slug] = last[2]
                else:
                    known[b.slug] = _entry_data(b, site_url)
                    made[b.slug] = (b.document.key, site_url, known[b.slug])
            entries.append(known[b.slug])
        inputs = (site_url, path, title, page, entries)
        out[path] = memo.page(
            path,
            inputs,
            lambda p=path, t=title, pg=page, e=entries: atom(
                site_url, p, escape.visible(t), page_url(site_url, pg), e, site_name
            ),
        )
    return out


def _newest(
    slugs: Iterable[str], by_slug: dict[str, Briefing], order: dict[str, int]
) -> list[Briefing]:
    return [by_slug[s] for s in sorted(set(slugs), key=order.__getitem__)]


def _entry_data(b: Briefing, site_url: str) -> tuple[str, str, str, str, str, tuple[str, ...]]:
    summary = " ".join(b.sentence(i).text for i in b.extraction.summary)
    return (
        page_url(site_url, f"reports/{b.slug}.md"),
        escape.visible(b.title),
        _stamp(b.date),
        escape.visible(summary),
        escape.visible(b.document.meta.source or ""),
        tuple(escape.visible(t) for t in b.document.meta.tags),
    )


def _stamp(date: dt.date | None) -> str:
    return f"{(date or _EPOCH).isoformat()}T00:00:00Z"


def atom(
    site_url: str,
    path: str,
    title: str,
    alternate: str,
    entries: list[tuple[str, str, str, str, str, tuple[str, ...]]],
    site_name: str = "Briefings",
) -> str:
    """One Atom document; `updated` is the newest entry's date (no clock: builds repeat)."""
    feed = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(feed, "id").text = normal_site_url(site_url) + path
    ET.SubElement(feed, "title", type="text").text = title
    ET.SubElement(feed, "updated").text = max((e[2] for e in entries), default=_stamp(None))
    ET.SubElement(
        feed, "link", rel="self", type="application/atom+xml", href=normal_site_url(site_url) + path
    )
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=alternate)
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = escape.visible(site_name)
    ET.SubElement(feed, "generator").text = "briefing"
    for url, entry_title, updated, summary, outlet, tags in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = url
        ET.SubElement(entry, "title", type="text").text = entry_title
        ET.SubElement(entry, "updated").text = updated
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=url)
        if outlet:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = outlet
        for tag in tags:
            ET.SubElement(entry, "category", term=tag)
        ET.SubElement(entry, "summary", type="text").text = summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
