"""What a story's reports say together: what each added, which claims several outlets carry
(with an Admiralty-style credibility grade), and where reports disagree: a different number of
the same thing near the same words, a different place in similar sentences (one neither report
names elsewhere), a different day in similar sentences, a different spelling of a person's name
in similar sentences, the same claim credited to different sources (one of them named).

Credibility grades (the number of the NATO/Admiralty code; the letter is the source's
reliability an editor sets in entities.yml, F when not set):
1 confirmed: three or more independent outlets, on more than anonymous sourcing;
2 probably true: two outlets on stated sourcing, or three or more on anonymous sourcing only;
3 possibly true: two outlets on anonymous sourcing only, or one outlet on a named source;
4 doubtful: one outlet on anonymous sourcing only, or a claim another report disputes;
5 improbable: disputed, and fewer outlets report it than report the other side;
6 cannot be judged: one outlet crediting no source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.model import Briefing, Disagreement, Side, Story, StoryClaim, StoryReport, Support
from generator.stories import Group
from generator.textsim import (
    TOLL_UNITS,
    Quantity,
    content_words,
    dice,
    plain,
    quantities,
    stems_of,
)

SAME_CLAIM = 0.5  # content-word overlap (Dice) of two sentences saying the same thing
SAME_FACT = 0.34  # two sentences about the same fact, which may give different values
NEAR_FACT = 0.1  # below this, two sentences are not compared at all
NAME_LIKE = 80  # two different spellings of one name (rapidfuzz ratio)
COMPARE_NEXT = 12  # a report is checked for disagreements against the next this many reports
MIN_WORDS = 4  # sentences with fewer content words are too short to compare
ADDED_MAX = 8
NEW_ENTITY_TYPES = ("PERSON", "ORG")
PLACE_TYPES = ("PLACE",)
PLACE_SUBTYPES = ("country", "city", "state", "region")
GRADES = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


@dataclass
class _Sentence:
    briefing: Briefing
    index: int
    text: str
    words: set[str]
    places: frozenset[str]  # entity keys of places named in the sentence
    people: frozenset[str]  # names of people as the sentence writes them
    quantities: list[Quantity]
    dates: frozenset[str]  # days the sentence names (ISO), resolved against the report's date
    sources: frozenset[str] = frozenset()  # who the report credits with a claim in the sentence
    named: bool = False  # one of them is named (not "officials", "a source")


def outlet_of(b: Briefing) -> str:
    return b.document.meta.source or "Outlet not stated"


def outlet_key(b: Briefing) -> str:
    source = b.document.meta.source
    return source.casefold() if source else "#" + b.slug


def build_story(
    group: Group,
    key: str,
    entity_keys: dict[tuple[str, str], str],
    reliability: dict[str, str],
) -> Story:
    members = group.members
    sentences = {b.slug: _sentences(b, entity_keys) for b in members}
    story = Story(
        key=key,
        name=group.name,
        pinned=group.pinned,
        reports=_reports(members, sentences, entity_keys),
        outlets=list(dict.fromkeys(outlet_of(b) for b in members)),
    )
    story.disagreements = _disagreements(members, sentences, entity_keys)
    story.claims = _claims(members, sentences, reliability, story.disagreements)
    return story


def _place_key(e_type: str, subtype: str | None) -> bool:
    return e_type in PLACE_TYPES or (subtype or "") in PLACE_SUBTYPES


def _sentences(b: Briefing, entity_keys: dict[tuple[str, str], str]) -> list[_Sentence]:
    """The briefing's sentences with their content words (names left out, so two reports
    compare on what they say happened) and the places each names."""
    places: dict[int, set[str]] = defaultdict(set)
    people: dict[int, set[str]] = defaultdict(set)
    days: dict[int, set[str]] = defaultdict(set)
    for t in b.extraction.timeline:
        if t.date and t.precision == "day":
            days[t.sentence].add(t.date.isoformat())
    names = []
    sents = b.extraction.sentences
    for e in b.extraction.entities:
        names += [e.name] + [m.text for m in e.mentions]
        if e.type == "PERSON":
            for m in e.mentions:
                for s in sents:
                    if s.start <= m.start < s.end and " " in m.text:
                        people[s.index].add(m.text)
        if not _place_key(e.type, e.subtype):
            continue
        for m in e.mentions:
            for s in sents:
                if s.start <= m.start < s.end:
                    places[s.index].add(entity_keys[(b.slug, e.name)])
    dropped = stems_of(names)
    credited: dict[int, set[str]] = defaultdict(set)
    named: set[int] = set()
    for src in b.extraction.sources:
        for c in src.claims:
            credited[c.sentence].add(src.name)
            if src.kind != "anonymous":
                named.add(c.sentence)
    return [
        _Sentence(
            briefing=b,
            index=s.index,
            text=s.text,
            words=set(content_words(s.text, drop=dropped)),
            places=frozenset(places[s.index]),
            people=frozenset(people[s.index]),
            quantities=quantities(s.text),
            dates=frozenset(days[s.index]),
            sources=frozenset(credited[s.index]),
            named=s.index in named,
        )
        for s in sents
    ]


def _comparable(s: _Sentence) -> bool:
    return len(s.words) >= MIN_WORDS


def _reports(
    members: list[Briefing],
    sentences: dict[str, list[_Sentence]],
    entity_keys: dict[tuple[str, str], str],
) -> list[StoryReport]:
    reports = []
    earlier: list[_Sentence] = []
    named: set[str] = set()
    for n, b in enumerate(members):
        if n == 0:
            added = list(b.extraction.summary)
        else:
            added = [
                s.index
                for s in sentences[b.slug]
                if _comparable(s) and all(dice(s.words, o.words) < SAME_CLAIM for o in earlier)
            ][:ADDED_MAX]
        new_entities = []
        for e in sorted(b.extraction.entities, key=lambda e: -len(e.mentions)):
            k = entity_keys[(b.slug, e.name)]
            wanted = e.type in NEW_ENTITY_TYPES and (e.subtype or "") != "outlet"
            if wanted and not _place_key(e.type, e.subtype) and k not in named:
                new_entities.append(k)
        named.update(entity_keys[(b.slug, e.name)] for e in b.extraction.entities)
        earlier += sentences[b.slug]
        reports.append(StoryReport(briefing=b.slug, added=added, new_entities=new_entities))
    return reports


def _claims(
    members: list[Briefing],
    sentences: dict[str, list[_Sentence]],
    reliability: dict[str, str],
    disagreements: list[Disagreement],
) -> list[StoryClaim]:
    by_index = {b.slug: {s.index: s for s in sentences[b.slug]} for b in members}
    clusters: list[tuple[list[_Sentence], list[Support]]] = []
    for b in members:
        for src in b.extraction.sources:
            for c in src.claims:
                sent = by_index[b.slug].get(c.sentence)
                if sent is None or not _comparable(sent):
                    continue
                support = Support(
                    briefing=b.slug,
                    sentence=c.sentence,
                    outlet=outlet_of(b),
                    source=src.name,
                    basis=src.basis,
                    anonymous=src.kind == "anonymous",
                    reliability=_letter(src.name, b, reliability),
                )
                home = next(
                    (
                        cl
                        for cl in clusters
                        if any(dice(sent.words, o.words) >= SAME_CLAIM for o in cl[0])
                    ),
                    None,
                )
                if home is None:
                    clusters.append(([sent], [support]))
                elif (b.slug, c.sentence, src.name) not in {
                    (s.briefing, s.sentence, s.source) for s in home[1]
                }:
                    home[0].append(sent)
                    home[1].append(support)
    for sents, supports in clusters:  # the same claim told without credit in other reports
        for b in members:
            if any(s.briefing == b.slug for s in supports):
                continue
            best = max(
                (s for s in sentences[b.slug] if _comparable(s)),
                key=lambda s: max(dice(s.words, o.words) for o in sents),
                default=None,
            )
            if best and max(dice(best.words, o.words) for o in sents) >= SAME_CLAIM:
                sents.append(best)
                supports.append(
                    Support(
                        briefing=b.slug,
                        sentence=best.index,
                        outlet=outlet_of(b),
                        source="",
                        basis="",
                        anonymous=False,
                        reliability=_letter("", b, reliability),
                    )
                )
    order = {b.slug: n for n, b in enumerate(members)}
    outlet_keys = {b.slug: outlet_key(b) for b in members}
    disputed = _disputed(disagreements, outlet_keys)
    claims = []
    for sents, supports in clusters:
        supports.sort(key=lambda s: (order[s.briefing], s.sentence))
        outlets = list(dict.fromkeys(s.outlet for s in supports))
        independent = len({outlet_keys[s.briefing] for s in supports})
        credited = [s for s in supports if s.source]
        anonymous_only = bool(credited) and all(s.anonymous for s in credited)
        grade = _grade(independent, anonymous_only, bool(credited))
        dispute = [
            disputed[(s.briefing, s.sentence)]
            for s in supports
            if (s.briefing, s.sentence) in disputed
        ]
        if dispute:
            grade = max(grade, 5 if max(dispute) < 0 else 4)
        first = next(
            s
            for s in sents
            if (s.briefing.slug, s.index) == (supports[0].briefing, supports[0].sentence)
        )
        claims.append(
            StoryClaim(
                text=first.text,
                support=supports,
                grade=grade,
                outlets=outlets,
                disputed=bool(dispute),
            )
        )
    claims.sort(key=lambda c: (c.grade, -len(c.outlets), order[c.support[0].briefing]))
    return claims


def _grade(outlets: int, anonymous_only: bool, credited: bool) -> int:
    if outlets >= 3:
        return 2 if anonymous_only else 1
    if outlets == 2:
        return 3 if anonymous_only else 2
    if not credited:
        return 6
    return 4 if anonymous_only else 3


def _disputed(
    disagreements: list[Disagreement], outlet_keys: dict[str, str]
) -> dict[tuple[str, int], int]:
    """(briefing, sentence) of every side -> -1 when other values have more outlets, else 0."""
    out: dict[tuple[str, int], int] = {}
    for d in disagreements:
        backing: dict[str, set[str]] = defaultdict(set)
        for side in d.sides:
            backing[side.value.casefold()].add(outlet_keys[side.briefing])
        most = max(len(v) for v in backing.values())
        for side in d.sides:
            weaker = len(backing[side.value.casefold()]) < most
            out[(side.briefing, side.sentence)] = min(
                out.get((side.briefing, side.sentence), 0), -1 if weaker else 0
            )
    return out


def _letter(source: str, b: Briefing, reliability: dict[str, str]) -> str:
    for name in (source, b.document.meta.source or ""):
        if name and name.lower() in reliability:
            return reliability[name.lower()]
    return "F"


def _disagreements(
    members: list[Briefing],
    sentences: dict[str, list[_Sentence]],
    entity_keys: dict[tuple[str, str], str],
) -> list[Disagreement]:
    named_places = {
        b.slug: {
            entity_keys[(b.slug, e.name)]
            for e in b.extraction.entities
            if _place_key(e.type, e.subtype)
        }
        for b in members
    }
    place_names = {
        entity_keys[(b.slug, e.name)]: e.name for b in members for e in b.extraction.entities
    }
    found: list[tuple[str, str, dict[tuple[str, int], Side]]] = []
    for i, a in enumerate(members):
        for b in members[i + 1 : i + 1 + COMPARE_NEXT]:
            for sa in sentences[a.slug]:
                if not _comparable(sa):
                    continue
                for sb in sentences[b.slug]:
                    if not _comparable(sb) or dice(sa.words, sb.words) < NEAR_FACT:
                        continue
                    for kind, about, va, vb in _conflicts(sa, sb, named_places, place_names):
                        ka, kb = (a.slug, sa.index), (b.slug, sb.index)
                        sides = next(
                            (
                                f[2]
                                for f in found
                                if f[0] == kind and f[1] == about and (ka in f[2] or kb in f[2])
                            ),
                            None,
                        )
                        if sides is None:
                            sides = {}
                            found.append((kind, about, sides))
                        sides.setdefault(ka, _side(sa, va))
                        sides.setdefault(kb, _side(sb, vb))
    out = [
        Disagreement(kind=kind, about=about, sides=list(sides.values()))
        for kind, about, sides in found
    ]
    order = {b.slug: n for n, b in enumerate(members)}
    for d in out:
        d.sides.sort(key=lambda s: (order[s.briefing], s.sentence))
    out.sort(key=lambda d: (order[d.sides[0].briefing], d.sides[0].sentence, d.kind))
    return out


def _side(s: _Sentence, value: str) -> Side:
    return Side(
        briefing=s.briefing.slug, sentence=s.index, outlet=outlet_of(s.briefing), value=value
    )


def _conflicts(
    sa: _Sentence,
    sb: _Sentence,
    named_places: dict[str, set[str]],
    place_names: dict[str, str],
) -> list[tuple[str, str, str, str]]:
    out = []
    similar = dice(sa.words, sb.words) >= SAME_FACT
    qa, qb = sa.quantities, sb.quantities
    places_apart = bool(sa.places and sb.places and not sa.places & sb.places)
    for x in qa:
        same_unit = [
            y
            for y in qb
            if y.unit == x.unit
            and (x.context & y.context or (x.unit in TOLL_UNITS and not places_apart))
        ]
        if not same_unit or any(y.value == x.value for y in same_unit):
            continue
        y = min(same_unit, key=lambda y: abs(y.value - x.value))
        if not any(z.value == y.value and z.unit == x.unit for z in qa):
            out.append(("number", x.word, x.text, y.text))
    if not similar:
        return out
    a_only = sa.places - sb.places - named_places[sb.briefing.slug]
    b_only = sb.places - sa.places - named_places[sa.briefing.slug]
    if a_only and b_only:
        va = ", ".join(sorted(place_names[k] for k in a_only))
        vb = ", ".join(sorted(place_names[k] for k in b_only))
        out.append(("place", "where", va, vb))
    if sa.dates and sb.dates and not (sa.dates & sb.dates):
        out.append(("date", "when", ", ".join(sorted(sa.dates)), ", ".join(sorted(sb.dates))))
    if _credited_apart(sa, sb):
        out.append(("attribution", "who said it", _who(sa), _who(sb)))
    for name_a in sorted(sa.people):  # sorted: the same sides whatever the hash seed
        for name_b in sorted(sb.people):
            a, b = plain(name_a), plain(name_b)
            if a != b and fuzz.ratio(a, b) >= NAME_LIKE:
                out.append(("name", "name", name_a, name_b))
    return out


def _credited_apart(sa: _Sentence, sb: _Sentence) -> bool:
    """The same claim, credited to different sources (one of them named) by two reports."""
    if not (sa.sources and sb.sources and (sa.named or sb.named)):
        return False
    if dice(sa.words, sb.words) < SAME_CLAIM:
        return False
    return not any(_same_source(x, y) for x in sa.sources for y in sb.sources)


def _same_source(x: str, y: str) -> bool:
    """ "Weinstein" and "Harvey Weinstein", or two spellings of one name, are one source."""
    a, b = plain(x), plain(y)
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a or fuzz.ratio(a, b) >= NAME_LIKE


def _who(s: _Sentence) -> str:
    return ", ".join(sorted(s.sources))
