"""Assemble stage: documents and their extractions -> the whole Site model, before any write."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from generator.memo import AssembleMemo
from generator.model import (
    Briefing,
    Document,
    EntityPage,
    EntityRef,
    Extraction,
    Site,
    SourcePage,
    SourceRef,
    Story,
)
from generator.resident import Resident
from generator.slugs import RESERVED, SlugAllocator
from generator.stories import Group, group_briefings, story_words
from generator.storyfacts import build_story

RELATED_MAX = 5
CO_MENTIONED_MAX = 10
# An entity named in more briefings than this says little about how two briefings relate.
COMMON_ENTITY_LIMIT = 60
# Briefings relate, and entities co-occur, through each briefing's most-mentioned entities:
# this keeps the work linear in the number of briefings.
MAIN_ENTITIES = 15
PARALLEL_GROUPING_FROM = 2_000  # below this many briefings, a second process costs more
# What the forked grouping process inherits (set just before it starts, never pickled).
_grouping_input: tuple[list[Briefing], list[list[str]]] | None = None


def briefing_sort_key(b: Briefing) -> tuple[int, str, str]:
    """Newest first; undated briefings last; then by title."""
    ordinal = b.date.toordinal() if b.date else 0
    return (-ordinal, b.title.casefold(), b.slug)


def assemble(
    items: list[tuple[Document, Extraction]],
    reliability: dict[str, str] | None = None,
    memo: AssembleMemo | None = None,
    resident: Resident | None = None,
) -> Site:
    """`reliability`: lower-cased source or outlet name -> the editor's letter (A-F).
    `memo`: story words and stories from the last run, reused where their inputs are the same.
    `resident`: what a long-running process kept from its last run (generator/resident.py)."""
    slugs = SlugAllocator(reserved=set(RESERVED))
    briefings = []
    for doc, ex in items:
        slug = slugs.take(doc.meta.slug or doc.name, fallback="briefing")
        date: dt.date | None = doc.meta.date or ex.date
        briefings.append(
            Briefing(slug=slug, document=doc, extraction=ex, title=ex.headline, date=date)
        )
    briefings.sort(key=briefing_sort_key)
    memo = memo or AssembleMemo()
    groups = _grouping(briefings, memo, resident)  # in a second process on large sites
    resident = resident or Resident()
    resident.changed = _changed_briefings(briefings, resident)
    entities, entity_keys = _entity_pages(briefings, resident)
    sources, source_keys = _source_pages(briefings, resident)
    mains = _main_keys(briefings, entity_keys, resident)
    _co_mentions(entities, mains, resident)
    _relate(briefings, mains, resident)
    stories = _stories(groups(), entity_keys, reliability or {}, memo)
    return Site(
        briefings=briefings,
        entities=entities,
        sources=sources,
        entity_keys=entity_keys,
        source_keys=source_keys,
        stories=stories,
        story_of={r.briefing: s.key for s in stories.values() for r in s.reports},
    )


def _grouping(
    briefings: list[Briefing], memo: AssembleMemo, resident: Resident | None
) -> Callable[[], list[Group]]:
    """Story grouping, started now; call the result for the groups. On large sites it runs in
    a forked process while this one assembles entity and source pages. A long-running process
    (`resident`) keeps the TF-IDF values grouping computes, so it groups here, when called:
    forked, it would not keep them, and it would make this process copy every page of the site
    model it touches meanwhile (measured slower at 10,000 briefings)."""
    global _grouping_input
    words = [
        memo.get(b.document.key and "words:" + b.document.key, lambda b=b: story_words(b))
        for b in briefings
    ]
    if resident is not None:
        return lambda: group_briefings(briefings, words, resident.tfidf)
    if len(briefings) < PARALLEL_GROUPING_FROM or (os.cpu_count() or 1) < 2:
        groups = group_briefings(briefings, words)
        return lambda: groups
    _grouping_input = (briefings, words)
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        future = pool.submit(_group_in_worker)
    except (OSError, RuntimeError):
        pool.shutdown(wait=False)
        _grouping_input = None
        groups = group_briefings(briefings, words)
        return lambda: groups

    def result() -> list[Group]:
        global _grouping_input
        try:
            found = future.result()
        except (OSError, RuntimeError, BrokenProcessPool):
            return group_briefings(briefings, words)
        finally:
            pool.shutdown()
            _grouping_input = None
        return [
            Group(name, pinned, [briefings[n] for n in members]) for name, pinned, members in found
        ]

    return result


def _group_in_worker() -> list[tuple[str, bool, list[int]]]:
    assert _grouping_input is not None
    briefings, words = _grouping_input
    at = {id(b): n for n, b in enumerate(briefings)}
    return [
        (g.name, g.pinned, [at[id(b)] for b in g.members])
        for g in group_briefings(briefings, words)
    ]


def _stories(
    groups: list[Group],
    keys: dict[tuple[str, str], str],
    reliability: dict[str, str],
    memo: AssembleMemo,
) -> dict[str, Story]:
    slugs = SlugAllocator(reserved=set(RESERVED))
    out = {}
    for group in groups:
        key = slugs.take(group.name, fallback="story")
        inputs = _story_inputs(group, key, keys, reliability)
        out[key] = memo.get(
            inputs and "story:" + inputs,
            lambda g=group, k=key: build_story(g, k, keys, reliability),
        )
    return out


def _story_inputs(
    group: Group, key: str, keys: dict[tuple[str, str], str], reliability: dict[str, str]
) -> str | None:
    """A digest of everything build_story reads; None when a member has no content key."""
    if any(b.document.key is None for b in group.members):
        return None
    parts = [key, group.name, group.pinned, sorted(reliability.items())]
    for b in group.members:
        names = [(e.name, keys[(b.slug, e.name)]) for e in b.extraction.entities]
        parts.append((b.document.key, b.slug, names))
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _changed_briefings(briefings: list[Briefing], resident: Resident) -> set[str]:
    """Slugs of the briefings that are not as in the last run (another seed, or none then), or
    were there and are gone; every briefing when a seed has no content key."""
    now = {b.slug: b.document.key for b in briefings}
    before, resident.seeds = resident.seeds, now
    if None in now.values() or None in before.values():
        return set(now) | set(before)
    changed = {slug for slug, key in now.items() if before.get(slug) != key}
    return changed | {slug for slug in before if slug not in now}


def _touched(
    briefings: list[Briefing],
    changed: set[str],
    before: dict[str, list],
    names: Callable[[Briefing], list],
) -> tuple[set, dict[str, list]]:
    """The identities named by changed briefings, now or in the last run (`before`: each
    briefing's identities then), and each briefing's identities now."""
    touched: set = set()
    for slug in changed:
        touched.update(before.get(slug, ()))
    now = {}
    for b in briefings:
        if b.slug in changed or b.slug not in before:
            now[b.slug] = names(b)
            touched.update(now[b.slug])
        else:
            now[b.slug] = before[b.slug]
    return touched, now


def _entity_pages(
    briefings: list[Briefing], resident: Resident
) -> tuple[dict[str, EntityPage], dict[tuple[str, str], str]]:
    """An entity page per identity (type and case-folded name). A page of the last run is kept
    when no briefing naming its identity changed, and its key is the same."""
    starts: dict[str, list[int]] = {}
    pages, keys, resident.entity_identities, resident.entities = _keyed_pages(
        briefings,
        resident,
        (resident.entity_identities, resident.entities),
        lambda b: b.extraction.entities,
        lambda e: (e.type, e.name.casefold()),
        lambda key, occurrences: _entity_page(key, occurrences, starts),
        "entity",
    )
    return pages, keys


def _keyed_pages(
    briefings: list[Briefing],
    resident: Resident,
    before: tuple[dict, dict],
    items: Callable[[Briefing], list],
    identify: Callable[[Any], Hashable],
    make: Callable[[str, list[tuple[Briefing, int]]], Any],
    fallback: str,
) -> tuple[dict[str, Any], dict[tuple[str, str], str], dict, dict]:
    """A page per identity of the briefings' `items` (entities or sources), keyed by a slug of
    its first name: the last run's page (`before`: identities per briefing, and identity ->
    (key, page)) when no briefing naming it changed and its key is the same, else `make`'s.
    Returns the pages by key, the keys by (briefing, name), and what to keep for the next run."""
    touched, identities = _touched(
        briefings, resident.changed, before[0], lambda b: [identify(x) for x in items(b)]
    )
    by_identity: dict[Hashable, list[tuple[Briefing, int]]] = defaultdict(list)
    for b in briefings:
        for i, identity in enumerate(identities[b.slug]):
            by_identity[identity].append((b, i))
    slugs = SlugAllocator(reserved=set(RESERVED))
    pages: dict[str, Any] = {}
    keys: dict[tuple[str, str], str] = {}
    kept = {}
    for identity in sorted(by_identity):
        occurrences = by_identity[identity]
        key = slugs.take(items(occurrences[0][0])[occurrences[0][1]].name, fallback=fallback)
        for b, i in occurrences:
            keys[(b.slug, items(b)[i].name)] = key
        known = before[1].get(identity)
        if known is not None and known[0] != key:
            resident.key_epoch += 1  # a name seen before has another key
        if known is not None and known[0] == key and identity not in touched:
            page = known[1]
        else:
            page = make(key, occurrences)
        kept[identity] = (key, page)
        pages[key] = page
    return pages, keys, identities, kept


def _entity_page(
    key: str, occurrences: list[tuple[Briefing, int]], starts: dict[str, list[int]]
) -> EntityPage:
    first = occurrences[0][0].extraction.entities[occurrences[0][1]]
    page = EntityPage(
        key=key,
        name=first.name,
        type=first.type,
        subtype=first.subtype,
        aliases=[],
        description=first.description,
        links=list(first.links),
    )
    aliases: dict[str, None] = {}
    roles: dict[str, None] = {}
    for b, i in occurrences:
        e = b.extraction.entities[i]
        for m in e.mentions:
            if m.text != e.name:
                aliases.setdefault(m.text)
        for alias in e.aliases:
            aliases.setdefault(alias)
        for role in e.roles:
            roles.setdefault(role)
        page.description = page.description or e.description
        if b.slug not in starts:
            starts[b.slug] = [s.start for s in b.extraction.sentences]
        sentence = _sentence_of(b, e.mentions[0].start, starts) if e.mentions else 1
        page.refs.append(
            EntityRef(
                briefing=b.slug,
                sentence=sentence,
                text=b.sentence(sentence).text if b.extraction.sentences else "",
                role=e.roles[0] if e.roles else None,
            )
        )
    page.aliases = [a for a in aliases if a.casefold() != page.name.casefold()]
    page.roles = list(roles)
    return page


def main_entity_keys(b: Briefing, keys: dict[tuple[str, str], str]) -> list[str]:
    """The briefing's most-mentioned entities (keys), at most MAIN_ENTITIES of them."""
    ranked = sorted(b.extraction.entities, key=lambda e: -len(e.mentions))
    return list(dict.fromkeys(keys[(b.slug, e.name)] for e in ranked))[:MAIN_ENTITIES]


def _main_keys(
    briefings: list[Briefing], keys: dict[tuple[str, str], str], resident: Resident
) -> dict[str, tuple[str, ...]]:
    """Each briefing's main entity keys (by slug): those of the last run for a briefing that
    did not change, while no entity named before got another key."""
    same = resident.main_epoch == resident.key_epoch
    before, changed = resident.main, resident.changed
    mains = {
        b.slug: before[b.slug]
        if same and b.slug in before and b.slug not in changed
        else tuple(main_entity_keys(b, keys))
        for b in briefings
    }
    resident.main_epoch = resident.key_epoch
    return mains


def _co_mentions(
    pages: dict[str, EntityPage],
    mains: dict[str, tuple[str, ...]],
    resident: Resident,
) -> None:
    """How often each entity is among a briefing's main entities together with each other one.
    The counts of the last run are updated by the briefings whose main entities changed."""
    counts, before = resident.co_counts, resident.main
    touched: set[str] = set()
    for slug, old in before.items():
        if mains.get(slug) != old:
            _count(counts, old, -1)
            touched.update(old)
    for slug, here in mains.items():
        if before.get(slug) != here:
            _count(counts, here, 1)
            touched.update(here)
    lists = resident.co_lists
    for key in touched:
        counter = counts.get(key)
        if counter:
            lists[key] = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:CO_MENTIONED_MAX]
        else:
            counts.pop(key, None)
            lists.pop(key, None)
    for key, page in pages.items():
        page.co_mentioned = lists.get(key, [])
    resident.main = mains


def _count(counts: dict[str, Counter[str]], here: tuple[str, ...], sign: int) -> None:
    for k in here:
        counter = counts.setdefault(k, Counter())
        for o in here:
            if o != k:
                counter[o] += sign
                if not counter[o]:
                    del counter[o]
        if not counter:
            del counts[k]


def _source_pages(
    briefings: list[Briefing], resident: Resident
) -> tuple[dict[str, SourcePage], dict[tuple[str, str], str]]:
    """A source page per identity (case-folded name), kept as _entity_pages keeps them."""
    pages, keys, resident.source_identities, resident.sources = _keyed_pages(
        briefings,
        resident,
        (resident.source_identities, resident.sources),
        lambda b: b.extraction.sources,
        lambda s: s.name.casefold(),
        _source_page,
        "source",
    )
    return pages, keys


def _source_page(key: str, occurrences: list[tuple[Briefing, int]]) -> SourcePage:
    first = occurrences[0][0].extraction.sources[occurrences[0][1]]
    page = SourcePage(key=key, name=first.name, kind=first.kind)
    for b, i in occurrences:
        s = b.extraction.sources[i]
        for c in s.claims:
            page.refs.append(
                SourceRef(briefing=b.slug, basis=s.basis, claim=c.text, sentence=c.sentence)
            )
    return page


def _relate(
    briefings: list[Briefing], mains: dict[str, tuple[str, ...]], resident: Resident
) -> None:
    """Each briefing's related briefings: those sharing most of its main entities (entities
    held by more than COMMON_ENTITY_LIMIT briefings left out), ties in site order. A briefing's
    list is made again only when a holder list it reads may have changed: one that gained or
    lost a briefing, or holds a briefing whose place in the site order changed."""
    position = {b.slug: n for n, b in enumerate(briefings)}
    holder_lists: dict[str, list[str]] = defaultdict(list)
    for b in briefings:
        for k in set(mains[b.slug]):
            holder_lists[k].append(b.slug)
    holders = {k: tuple(v) for k, v in holder_lists.items()}
    order = {b.slug: briefing_sort_key(b) for b in briefings}
    before, previous_order, related = resident.holders, resident.order, resident.related
    moved = {s for s, o in order.items() if previous_order.get(s) != o}
    redo = set(moved) | {s for s in position if s not in related}
    for k in holders.keys() | before.keys():
        now, then = holders.get(k, ()), before.get(k, ())
        if now == then and not moved.intersection(now):
            continue
        if len(now) <= COMMON_ENTITY_LIMIT or len(then) <= COMMON_ENTITY_LIMIT:
            redo.update(s for s in now if s in position)
            redo.update(s for s in then if s in position)
    kept = {}
    for b in briefings:
        if b.slug in redo:
            shared: Counter[int] = Counter()
            for k in set(mains[b.slug]):
                members = holders[k]
                if len(members) > COMMON_ENTITY_LIMIT:
                    continue
                shared.update(position[m] for m in members if m != b.slug)
            ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_MAX]
            b.related = [briefings[m].slug for m, _ in ranked]
        else:
            b.related = list(related[b.slug])
        kept[b.slug] = b.related
    resident.holders, resident.order, resident.related = holders, order, kept


def _sentence_of(b: Briefing, offset: int, starts: dict[str, list[int]]) -> int:
    at = bisect.bisect_right(starts[b.slug], offset) - 1
    sentences = b.extraction.sentences
    if 0 <= at < len(sentences) and sentences[at].start <= offset < sentences[at].end:
        return sentences[at].index
    return 1
