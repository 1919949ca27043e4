"""Render stage: Site model -> {relative path in briefings/: Markdown text}. Pure, no I/O.

Every value a template prints is escaped by `escape.inline` unless it is wrapped in Markup by
this module (URLs it built, HTML it assembled from escaped parts).
"""

from __future__ import annotations

import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from markupsafe import Markup

from generator import charts, escape
from generator.feeds import render_feeds
from generator.listings import render_listings
from generator.memo import UNCHANGED, Rendered, RenderMemo
from generator.model import Briefing, EntityPage, Site, SourcePage
from generator.resident import Resident
from generator.storypages import render_stories
from generator.templating import TYPE_LABELS, TYPE_SINGULAR, Links, render_page
from generator.whatsnew import render_whats_new

__all__ = ["TYPE_LABELS", "Links", "render_site"]

PARALLEL_FROM = 2_000  # below this many pages, forking workers costs more than it saves
_PageJob = tuple[str, int]  # ("briefing" | "entity" | "source", index)
# What forked render workers inherit (set just before the pool starts, never pickled).
_shared: tuple[Site, dict[str, Briefing], list, RenderMemo, Resident | None] | None = None


DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url when none is given


def render_site(
    site: Site,
    site_name: str = "Briefings",
    memo: RenderMemo | None = None,
    jobs: int = 1,
    site_url: str = DEFAULT_SITE_URL,
    resident: Resident | None = None,
) -> dict[str, Rendered]:
    """Every generated page of the docs tree (UNCHANGED where the memo says it is in place).
    With jobs > 1, briefing, entity and source pages are rendered in forked worker processes.
    `resident`: what a long-running process kept from its last run: an entity or source page
    made of the same objects as then has the same signature (one process only)."""
    global _shared
    memo = memo or RenderMemo()
    by_slug = {b.slug: b for b in site.briefings}
    entities, sources = list(site.entities.values()), list(site.sources.values())
    work: list[_PageJob] = [("briefing", i) for i in range(len(site.briefings))]
    work += [("entity", i) for i in range(len(entities))]
    work += [("source", i) for i in range(len(sources))]
    _shared = (site, by_slug, [site.briefings, entities, sources], memo, resident)
    try:
        if jobs > 1 and len(work) >= PARALLEL_FROM:
            _shared = (site, by_slug, [site.briefings, entities, sources], memo, None)
            size = -(-len(work) // (jobs * 4))
            chunks = [work[i : i + size] for i in range(0, len(work), size)]
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=fork) as pool:
                done = [row for chunk in pool.map(_render_chunk, chunks) for row in chunk]
        else:
            done = _render_chunk(work)
    finally:
        _shared = None
    pages: dict[str, Rendered] = {}
    for path, signature, text in done:
        memo.signatures[path] = signature
        if text is None:
            pages[path] = UNCHANGED
        else:
            memo.rendered += 1
            pages[path] = text
    pages.update(render_listings(site, site_name, memo))
    pages.update(render_stories(site, memo))
    pages.update(render_whats_new(site, memo, resident.views if resident else None))
    pages.update(
        render_feeds(site, site_url, site_name, memo, resident.entries if resident else None)
    )
    return pages


def _render_chunk(work: list[_PageJob]) -> list[tuple[str, str, str | None]]:
    """(path, signature, Markdown or None when unchanged) for each page of `work`."""
    assert _shared is not None
    site, by_slug, lists, parent, resident = _shared
    memo = RenderMemo(parent.previous, parent.intact, parent.known)
    same = resident.same_objects if resident is not None else {}
    out = []
    for kind, i in work:
        if kind == "briefing":
            b = lists[0][i]
            path = Links.briefing(b.slug)
            made = _briefing_made_of(b, site, by_slug, resident)
            last = same.get(path)
            if made is not None and last is not None and last[0] == made:
                text = memo.signed(path, last[1], lambda b=b: render_briefing(b, site, by_slug))
            else:
                inputs = briefing_inputs(b, site, by_slug)
                text = memo.page(
                    path, inputs, lambda b=b: render_briefing(b, site, by_slug), remember=False
                )
            if made is not None:
                same[path] = (made, memo.signatures[path])
        elif kind == "entity":
            e = lists[1][i]
            path = Links.entity(e.key)
            names = tuple(site.entities[k].name for k, _ in e.co_mentioned if k in site.entities)
            made_of = (e, e.co_mentioned, names)
            last = same.get(path)
            if (
                last is not None
                and last[0][0] is e
                and last[0][1] is e.co_mentioned
                and (last[0][2] == names)
            ):
                text = memo.signed(path, last[1], lambda e=e: render_entity(e, site, by_slug))
            else:
                inputs = entity_inputs(e, site, by_slug)
                text = memo.page(
                    path, inputs, lambda e=e: render_entity(e, site, by_slug), remember=False
                )
            same[path] = (made_of, memo.signatures[path])
        else:
            src = lists[2][i]
            path = Links.source(src.key)
            last = same.get(path)
            if last is not None and last[0][0] is src:
                text = memo.signed(path, last[1], lambda s=src: render_source(s, by_slug))
            else:
                text = memo.page(
                    path,
                    source_inputs(src, by_slug),
                    lambda s=src: render_source(s, by_slug),
                    remember=False,
                )
            same[path] = ((src,), memo.signatures[path])
        out.append((path, memo.signatures[path], None if text is UNCHANGED else text))
    return out


def _briefing_made_of(
    b: Briefing, site: Site, by_slug: dict[str, Briefing], resident: Resident | None
) -> tuple | None:
    """What briefing_inputs is made of, cheaper to compare: the seeds (content keys) of the
    briefing and of its related briefings, its story, and the resident run count of key
    changes (entity and source keys come from the seed's names). None: not comparable."""
    if resident is None or b.document.key is None:
        return None
    related = tuple((r, by_slug[r].document.key) for r in b.related if r in by_slug)
    if any(key is None for _, key in related):
        return None
    return (b.document.key, b.slug, related, _story_of(b, site), resident.key_epoch)


def _brief(b: Briefing) -> tuple[str, str, str | None]:
    return (b.slug, b.title, b.date.isoformat() if b.date else None)


def briefing_inputs(b: Briefing, site: Site, by_slug: dict[str, Briefing]) -> tuple:
    """What a briefing page shows beyond its own seed (identified by the seed's cache key)."""
    return (
        b.document.key or id(b),  # no key: never taken as unchanged
        _brief(b),
        tuple(site.entity_keys[(b.slug, e.name)] for e in b.extraction.entities),
        tuple(site.source_keys[(b.slug, s.name)] for s in b.extraction.sources),
        tuple(_brief(by_slug[r]) for r in b.related if r in by_slug),
        _story_of(b, site),
    )


def _story_of(b: Briefing, site: Site) -> tuple[str, str] | None:
    key = site.story_of.get(b.slug)
    return (key, site.stories[key].name) if key else None


def entity_inputs(page: EntityPage, site: Site, by_slug: dict[str, Briefing]) -> tuple:
    return (
        page.name,
        page.type,
        page.subtype,
        page.description,
        tuple(page.aliases),
        tuple(page.links),
        tuple(page.roles),
        tuple((_brief(by_slug[r.briefing]), r.sentence, r.text, r.role) for r in page.refs),
        tuple((k, site.entities[k].name, n) for k, n in page.co_mentioned if k in site.entities),
    )


def source_inputs(page: SourcePage, by_slug: dict[str, Briefing]) -> tuple:
    return (
        page.name,
        page.kind,
        tuple((_brief(by_slug[r.briefing]), r.basis, r.claim, r.sentence) for r in page.refs),
    )


def render_briefing(b: Briefing, site: Site, by_slug: dict[str, Briefing]) -> str:
    ex = b.extraction
    doc = b.document
    groups = []
    for etype, label in TYPE_LABELS.items():
        items = []
        for e in ex.entities:
            if e.type != etype:
                continue
            key = site.entity_keys[(b.slug, e.name)]
            item: dict[str, Any] = {
                "name": escape.plain_title(e.name),
                "mentions": len(e.mentions),
                "url": f"../../entities/{key}/",
            }
            if e.roles:
                item["role"] = escape.plain_title(e.roles[0])
            if e.near_miss:
                item["near_miss"] = escape.plain_title(e.near_miss)
            items.append(item)
        if items:
            items.sort(key=lambda i: (-i["mentions"], i["name"].casefold()))
            groups.append({"label": label, "type": etype.lower(), "items": items})
    meta: dict[str, Any] = {
        "title": escape.plain_title(b.title),
        "briefing": True,
        "pdf": f"{b.slug}.pdf",
        "hide": ["toc"],
    }
    if b.date:
        meta["date"] = b.date.isoformat()
    if doc.meta.tags:
        meta["briefing_tags"] = [escape.plain_title(t) for t in doc.meta.tags]
    meta["entity_groups"] = groups
    meta["search_filters"] = briefing_filters(b, site)
    near_misses = [e for e in ex.entities if e.near_miss]
    rows = []
    for s in ex.sources:
        key = site.source_keys[(b.slug, s.name)]
        for c in s.claims:
            rows.append({"source": s, "key": key, "claim": c})
    rows.sort(key=lambda r: (r["claim"].start, r["source"].name))
    context = {
        "b": b,
        "doc": doc,
        "ex": ex,
        "url": escape.safe_url(doc.meta.url),
        "summary": [b.sentence(i) for i in ex.summary],
        "key_points": [b.sentence(i) for i in ex.key_points],
        "rows": rows,
        "near_misses": near_misses,
        "single_anonymous": [r for r in rows if r["claim"].anonymous_only],
        "corroborated": [r for r in rows if r["claim"].corroborated_by],
        "timeline": ex.timeline,
        "paragraphs": original_paragraphs(b),
        "related": [by_slug[s] for s in b.related if s in by_slug],
        "story": _story_of(b, site),
        "warnings": doc.warnings,
    }
    return render_page("briefing.md.j2", meta, **context)


def briefing_filters(b: Briefing, site: Site) -> list[list[str]]:
    """Pagefind filters of a briefing page: [name, value] pairs (main.html prints them)."""
    pairs = [["kind", "Briefing"]]
    key = site.story_of.get(b.slug)
    if key:
        pairs.append(["story", escape.plain_title(site.stories[key].name)])
    if b.document.meta.source:
        pairs.append(["source", escape.plain_title(b.document.meta.source)])
    pairs += [["tag", escape.plain_title(t)] for t in dict.fromkeys(b.document.meta.tags)]
    if b.date:
        pairs.append(["year", str(b.date.year)])
    return pairs


def original_paragraphs(b: Briefing) -> list[Markup]:
    """The original text as paragraphs of anchored sentences (escaped)."""
    text = b.document.text
    paragraphs: list[list[str]] = [[]]
    pos = 0

    def gap(chunk: str) -> None:
        parts = re.split(r"\n", chunk)
        for n, part in enumerate(parts):
            if n and paragraphs[-1]:
                paragraphs.append([])
            if part.strip():
                paragraphs[-1].append(escape.inline(part))

    for s in b.extraction.sentences:
        if s.start < pos:
            continue
        gap(text[pos : s.start])
        paragraphs[-1].append(
            f'<span class="sentence" id="s{s.index}">'
            f'<a class="sentence-anchor" href="#s{s.index}">S{s.index}</a> '
            f"{escape.inline(text[s.start : s.end])}</span>"
        )
        pos = s.end
    gap(text[pos:])
    return [Markup(" ".join(p)) for p in paragraphs if p]


def render_entity(page: EntityPage, site: Site, by_slug: dict[str, Briefing]) -> str:
    refs = sorted(page.refs, key=lambda r: _ref_order(by_slug[r.briefing]))
    co = [(site.entities[k], n) for k, n in page.co_mentioned if k in site.entities]
    meta = {
        "title": escape.plain_title(page.name),
        "entity_type": page.type.lower(),
        "feed": Links.entity_feed(page.key),
        "search_filters": [
            ["kind", "Entity"],
            ["entity type", TYPE_SINGULAR.get(page.type, page.type.title())],
        ],
    }
    dates = [d for d in {r.briefing: by_slug[r.briefing].date for r in page.refs}.values() if d]
    picture = charts.mentions_chart(dates, f"Briefings naming {page.name}, over time")
    return render_page(
        "entity.md.j2",
        meta,
        picture=Markup(picture),
        page=page,
        kind=TYPE_SINGULAR.get(page.type, page.type.title()),
        refs=[(r, by_slug[r.briefing]) for r in refs],
        co=co,
        links=[u for u in (escape.safe_url(x) for x in page.links) if u],
    )


def render_source(page: SourcePage, by_slug: dict[str, Briefing]) -> str:
    refs = sorted(page.refs, key=lambda r: (_ref_order(by_slug[r.briefing]), r.sentence))
    meta = {"title": escape.plain_title(page.name), "source_kind": page.kind}
    return render_page(
        "source.md.j2", meta, page=page, refs=[(r, by_slug[r.briefing]) for r in refs]
    )


def _ref_order(b: Briefing) -> tuple[int, str]:
    return (-(b.date.toordinal() if b.date else 0), b.slug)
