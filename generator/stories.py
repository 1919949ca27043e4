"""Group briefings into stories: reports of one developing event, across outlets and days.

Two briefings are linked when they word their reports alike (TF-IDF cosine over content words,
people's and organisations' names included, places, countries and outlets left out: sharing a
country is not a story), the more so when they name the same rare people, organisations or
things (an IDF-weighted cosine over those names), on dates close together. Names only
strengthen wording: two reports that share a name but say nothing alike are not linked.
Linked briefings form a story. Front matter `story: NAME` pins a briefing to the story NAME (two
different pins never merge); `story: none` keeps it out of every story.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.model import Briefing, Entity
from generator.textsim import TfIdf, TfIdfReuse, content_words

PLACE_SUBTYPES = frozenset({"country", "city", "state", "region", "outlet"})
# wording x (1 + names) x date factor, each of wording and names between 0 and 1.
LINK_SCORE = 0.15
COMMON_LIMIT = 40  # a name or word in more briefings than this proposes no pairs
TOP_TERMS = 12
NEAR_DAYS = 7  # reports this close in time count fully; further apart, less and less


@dataclass
class Group:
    name: str
    pinned: bool
    members: list[Briefing] = field(default_factory=list)


def pin_of(b: Briefing) -> str | None:
    """The story the seed pins its briefing to ("none" for none), or None when not pinned."""
    pin = (b.document.meta.story or "").strip()
    return pin or None


def story_entity(e: Entity) -> bool:
    """Whether an entity can tie reports into a story: not a place, country or outlet."""
    return e.type != "PLACE" and (e.subtype or "") not in PLACE_SUBTYPES and bool(e.mentions)


def group_briefings(
    briefings: list[Briefing], words: list[list[str]] | None = None, reuse: TfIdfReuse | None = None
) -> list[Group]:
    """Stories of two or more briefings (or one pinned), members oldest first.
    `words`: each briefing's story_words, when already known; `reuse`: see TfIdf."""
    kept = [n for n, b in enumerate(briefings) if (pin_of(b) or "").casefold() != "none"]
    pool = [briefings[n] for n in kept]
    names = [story_names(b) for b in pool]
    words = [words[n] for n in kept] if words is not None else [story_words(b) for b in pool]
    tfidf = TfIdf(words, reuse)
    holders: dict[str, list[int]] = defaultdict(list)
    for n, keys in enumerate(names):
        for k in keys:
            holders["e:" + k].append(n)
        for w in tfidf.top_terms(n, TOP_TERMS):
            holders["w:" + w].append(n)
    df = Counter({k: len(v) for k, v in holders.items() if k.startswith("e:")})
    total = len(pool)
    weights = {k[2:]: (math.log((1 + total) / (1 + n)) + 1) ** 2 for k, n in df.items()}
    norms = [math.sqrt(sum(weights[k] for k in sorted(keys))) for keys in names]
    pairs: set[tuple[int, int]] = set()
    for members in holders.values():
        if 1 < len(members) <= COMMON_LIMIT:
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    links = []
    for a, b in pairs:
        shared = sum(weights[k] for k in sorted(names[a] & names[b]))
        alike = shared / (norms[a] * norms[b]) if shared else 0.0
        apart = _date_factor(pool[a], pool[b])
        if (1 + alike) * apart < LINK_SCORE * _BELOW_ONE:
            continue  # no wording (a cosine is at most 1) could link them: not worth computing
        score = _score(alike, tfidf.cosine(a, b), apart)
        if score > 0:
            links.append((score, a, b))
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    parent = list(range(total))
    pins: dict[int, str | None] = {n: _pin_key(b) for n, b in enumerate(pool)}

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first_pinned: dict[str, int] = {}
    for n in range(total):  # briefings pinned to the same story start together
        pin = pins[n]
        if pin:
            parent[n] = first_pinned.setdefault(pin, n)
    for _, a, b in links:
        ra, rb = find(a), find(b)
        if ra == rb or (pins[ra] and pins[rb] and pins[ra] != pins[rb]):
            continue
        parent[rb] = ra
        pins[ra] = pins[ra] or pins[rb]
    components: dict[int, list[Briefing]] = defaultdict(list)
    for n, b in enumerate(pool):
        components[find(n)].append(b)
    groups = []
    for members in components.values():
        pinned = [b for b in members if pin_of(b)]
        if len(members) < 2 and not pinned:
            continue
        members.sort(key=report_order)
        name = pin_of(pinned[0]) if pinned else members[0].title
        groups.append(Group(name=name or members[0].title, pinned=bool(pinned), members=members))
    groups.sort(key=lambda g: [report_order(b) for b in g.members])
    return groups


def story_names(b: Briefing) -> set[str]:
    """The names that can tie the briefing to a story, each under every form the text uses
    ("Notre Dame Cathedral" and "Notre Dame")."""
    return {
        f"{e.type}:{name.casefold()}"
        for e in b.extraction.entities
        if story_entity(e)
        for name in (e.name, *e.aliases)
    }


def report_order(b: Briefing) -> tuple[int, str]:
    """Oldest first; undated reports last."""
    return (b.date.toordinal() if b.date else 10**7, b.slug)


def _pin_key(b: Briefing) -> str | None:
    pin = pin_of(b)
    return pin.casefold() if pin else None


def story_words(b: Briefing) -> list[str]:
    """The briefing's content words for comparing wording: places, countries and outlets out."""
    places = [e for e in b.extraction.entities if not story_entity(e)]
    drop = [e.name for e in places] + [m.text for e in places for m in e.mentions]
    return content_words(f"{b.title}. {b.document.text[:20_000]}", drop=drop)


# Just under 1: a cosine of unit vectors summed in floating point may pass 1 by a rounding.
_BELOW_ONE = 1 - 1e-9


def _score(names: float, wording: float, apart: float) -> float:
    """`names`: IDF-weighted cosine of the two briefings' names; `wording`: TF-IDF cosine;
    `apart`: their date factor."""
    score = wording * (1 + names) * apart
    return score if score >= LINK_SCORE else 0.0


def _date_factor(a: Briefing, b: Briefing) -> float:
    if not a.date or not b.date:
        return 0.9
    gap = abs((a.date - b.date).days)
    if gap <= NEAR_DAYS:
        return 1.0
    return 1.0 / (1.0 + (gap - NEAR_DAYS) / 21)
