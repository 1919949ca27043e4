"""Extractive bottom line and key points: sentence indices only."""

from __future__ import annotations

import re

from generator.model import Entity, Sentence, Source

_MIN_WORDS = 6


_FURNITURE = re.compile(
    r"(?:By|Photo|Photograph|Image|Picture|Credit|Reporting by|Editing by|Written by|Additional "
    r"reporting|Copyright|Follow|Sign up|Subscribe|Share this|Read more|Related|Advertisement|"
    r"Updated|Published|Posted|Last modified|Getty Images|AP Photo|Click here)\b|©|\(c\)",
    re.I,
)


def _is_body(s: Sentence) -> bool:
    """A sentence of the article itself: long enough, not a credit line, byline or caption
    credit, not a run of headings fused together (mostly capitalised words)."""
    words = s.text.split()
    if len(words) < _MIN_WORDS or _FURNITURE.match(s.text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 3 < len(words) * 2


def pick_summary(sentences: list[Sentence], n: int) -> list[int]:
    """The first ``n`` real sentences (datelines and headings skipped)."""
    body = [s.index for s in sentences if _is_body(s)]
    return body[: max(1, n)] if body else [s.index for s in sentences[:1]]


def pick_key_points(
    sentences: list[Sentence],
    entities: list[Entity],
    sources: list[Source],
    summary: list[int],
    n: int,
) -> list[int]:
    """Sentences carrying the most named things and attributed claims, in text order."""
    score: dict[int, float] = {}
    starts = [s.start for s in sentences]
    from bisect import bisect_right

    for e in entities:
        weight = 1.5 if e.type == "PERSON" else 1.0
        for m in e.mentions:
            i = bisect_right(starts, m.start)
            score[i] = score.get(i, 0.0) + weight
    for src in sources:
        for c in src.claims:
            score[c.sentence] = score.get(c.sentence, 0.0) + 2.0
    taken = set(summary)
    ranked = sorted(
        (s for s in sentences if s.index not in taken and _is_body(s)),
        key=lambda s: (-score.get(s.index, 0.0), s.index),
    )
    return sorted(s.index for s in ranked[: max(0, n)])
