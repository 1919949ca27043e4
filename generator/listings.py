"""Render the index pages: home, all briefings, entities by type, sources, tags, timeline.

Listings are paginated, so no page grows past PER_PAGE items, and the navigation stays a fixed
size: every briefing, entity and source is reached through these pages.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, replace

from generator import escape
from generator.memo import Rendered, RenderMemo
from generator.model import Briefing, EntityPage, Site
from generator.slugs import RESERVED, SlugAllocator
from generator.templating import TYPE_LABELS, Links, rel, render_page

PER_PAGE = 200
HOME_LATEST = 30
ENTITY_OVERVIEW = 25


@dataclass(frozen=True)
class Entry:
    title: str
    target: str  # docs path of the page it links to
    group: str = ""
    date: str | None = None
    note: str | None = None
    quote: str | None = None
    link: str = ""  # filled in per listing page: relative to it


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    prev: str | None
    next: str | None


def briefing_entry(b: Briefing, group: str = "", note: str | None = None) -> Entry:
    return Entry(
        title=b.title,
        target=Links.briefing(b.slug),
        group=group,
        date=b.date.isoformat() if b.date else None,
        note=note,
    )


def paginate(
    memo: RenderMemo,
    first: str,
    title: str,
    entries: list[Entry],
    intro: str | None = None,
    feed: str | None = None,
) -> dict[str, Rendered]:
    """A listing over as many pages as it needs: `first`, then `<folder>/pages/N.md`."""
    folder = posixpath.dirname(first)
    chunks = [entries[i : i + PER_PAGE] for i in range(0, len(entries), PER_PAGE)] or [[]]
    paths = [first] + [
        posixpath.join(folder, "pages", f"{n}.md") for n in range(2, len(chunks) + 1)
    ]
    out = {}
    for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True)):
        pager = None
        if len(paths) > 1:
            pager = Pager(
                number=n + 1,
                count=len(paths),
                prev=rel(paths[n - 1], path) if n else None,
                next=rel(paths[n + 1], path) if n + 1 < len(paths) else None,
            )
        page_title = title if n == 0 else f"{title}, page {n + 1}"
        page_intro = intro if n == 0 else None
        meta = {"title": escape.plain_title(page_title)}
        if feed and n == 0:
            meta["feed"] = feed
        # the entries' links are made from their targets and `path`: the chunk says it all
        out[path] = memo.page(
            path,
            (page_title, page_intro, chunk, pager, meta),
            lambda t=page_title, i=page_intro, c=chunk, p=path, pg=pager, m=meta: render_page(
                "listing.md.j2",
                m,
                title=t,
                intro=i,
                links=[],
                groups=_grouped(c, p),
                pager=pg,
            ),
        )
    return out


def render_listings(site: Site, site_name: str, memo: RenderMemo) -> dict[str, Rendered]:
    pages: dict[str, Rendered] = {"index.md": render_home(site, site_name, memo)}
    pages.update(
        paginate(
            memo,
            "reports/index.md",
            "All briefings",
            [briefing_entry(b) for b in site.briefings],
            intro=f"{len(site.briefings)} briefings, newest first.",
        )
    )
    pages.update(render_entity_indexes(site, memo))
    pages.update(render_source_index(site, memo))
    pages.update(render_tags(site, memo))
    pages.update(render_timeline(site, memo))
    return pages


def render_home(site: Site, site_name: str, memo: RenderMemo) -> Rendered:
    latest = [
        (b, [b.sentence(i) for i in b.extraction.summary]) for b in site.briefings[:HOME_LATEST]
    ]
    tags = sorted(tag_index(site).items(), key=lambda kv: (-len(kv[1][1]), kv[0]))[:20]
    context = {
        "total": len(site.briefings),
        "entities": len(site.entities),
        "sources": len(site.sources),
        "tags": [(name, slug, len(items)) for slug, (name, items) in tags],
        "types": [
            (label, etype.lower())
            for etype, label in TYPE_LABELS.items()
            if any(p.type == etype for p in site.entities.values())
        ],
    }
    inputs = (
        site_name,
        [(b.slug, b.title, b.date, [s.text for s in ss]) for b, ss in latest],
        context,
    )
    return memo.page(
        "index.md",
        inputs,
        lambda: render_page(
            "home.md.j2",
            {"title": escape.plain_title(site_name), "hide": ["toc"]},
            latest=latest,
            **context,
        ),
    )


def _briefing_count(p: EntityPage) -> int:
    return len({r.briefing for r in p.refs})


def _count_note(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_entity_indexes(site: Site, memo: RenderMemo) -> dict[str, Rendered]:
    by_type: dict[str, list[EntityPage]] = defaultdict(list)
    for p in site.entities.values():
        by_type[p.type].append(p)
    out: dict[str, Rendered] = {}
    overview: list[Entry] = []
    for etype, label in TYPE_LABELS.items():
        entities = sorted(
            by_type.get(etype, []), key=lambda p: (-_briefing_count(p), p.name.casefold())
        )
        if not entities:
            continue
        first = f"entities/types/{etype.lower()}/index.md"
        entries = [
            Entry(
                title=p.name,
                target=Links.entity(p.key),
                note=_count_note(_briefing_count(p), "briefing"),
                quote="; ".join(p.roles[:2]) or None,
            )
            for p in entities
        ]
        out.update(paginate(memo, first, label, entries, intro=f"{len(entities)} {label.lower()}."))
        overview += [replace(e, group=label, quote=None) for e in entries[:ENTITY_OVERVIEW]]
        overview.append(
            Entry(title=f"All {len(entities)} {label.lower()}", target=first, group=label)
        )
    out["entities/index.md"] = render_page(
        "listing.md.j2",
        {"title": "Entities"},
        title="Entities",
        intro="The most named in each group; follow “All …” for the full list.",
        links=[],
        groups=_grouped(overview, "entities/index.md"),
        pager=None,
    )
    return out


def _grouped(entries: list[Entry], page: str) -> list[tuple[str, list[Entry]]]:
    """Entries by group, in order, each linked relative to the listing page."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        groups[e.group].append(replace(e, link=rel(e.target, page)))
    return list(groups.items())


def render_source_index(site: Site, memo: RenderMemo) -> dict[str, Rendered]:
    sources = sorted(site.sources.values(), key=lambda p: (-len(p.refs), p.name.casefold(), p.key))
    entries = [
        Entry(
            title=p.name,
            target=Links.source(p.key),
            note=f"{p.kind} · {_count_note(len(p.refs), 'claim')}",
        )
        for p in sources
    ]
    return paginate(
        memo, "sources/index.md", "Sources", entries, intro="Who reported what, most cited first."
    )


def tag_index(site: Site) -> dict[str, tuple[str, list[Briefing]]]:
    """tag slug -> (tag as written first, briefings newest first)."""
    slugs = SlugAllocator(reserved=RESERVED)
    by_name: dict[str, str] = {}
    index: dict[str, tuple[str, list[Briefing]]] = {}
    for b in site.briefings:
        for tag in dict.fromkeys(b.document.meta.tags):
            key = tag.casefold()
            if key not in by_name:
                by_name[key] = slugs.take(tag, fallback="tag")
                index[by_name[key]] = (tag, [])
            index[by_name[key]][1].append(b)
    return index


def render_tags(site: Site, memo: RenderMemo) -> dict[str, Rendered]:
    index = tag_index(site)
    out: dict[str, Rendered] = {}
    for slug, (name, briefings) in index.items():
        out.update(
            paginate(
                memo,
                f"tags/{slug}/index.md",
                f"Tag: {name}",
                [briefing_entry(b) for b in briefings],
                intro=_count_note(len(briefings), "briefing"),
                feed=Links.tag_feed(slug),
            )
        )
    entries = [
        Entry(title=name, target=f"tags/{slug}/index.md", note=_count_note(len(bs), "briefing"))
        for slug, (name, bs) in sorted(index.items(), key=lambda kv: kv[1][0].casefold())
    ]
    out.update(
        paginate(memo, "tags/index.md", "Tags", entries, intro=None if entries else "No tags yet.")
    )
    return out


def render_timeline(site: Site, memo: RenderMemo) -> dict[str, Rendered]:
    """Briefings by date: the timeline lists years; a year page lists its briefings by month."""
    by_year: dict[str, list[Briefing]] = defaultdict(list)
    for b in site.briefings:
        by_year[str(b.date.year) if b.date else "undated"].append(b)
    out: dict[str, Rendered] = {}
    for year, briefings in by_year.items():
        entries = [
            briefing_entry(b, group=b.date.strftime("%B %Y") if b.date else "Date not stated")
            for b in briefings
        ]
        title = f"Briefings of {year}" if year != "undated" else "Undated briefings"
        out.update(paginate(memo, f"timeline/{year}/index.md", title, entries))
    years = sorted((y for y in by_year if y != "undated"), reverse=True)
    if "undated" in by_year:
        years.append("undated")
    entries = [
        Entry(
            title=y if y != "undated" else "Date not stated",
            target=f"timeline/{y}/index.md",
            note=_count_note(len(by_year[y]), "briefing"),
        )
        for y in years
    ]
    out.update(
        paginate(
            memo, "timeline/index.md", "Timeline", entries, intro="Briefings by year, newest first."
        )
    )
    return out
