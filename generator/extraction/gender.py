"""Which pronoun each person takes, read from the text itself: "he said" then names the last
man, "she says" the last woman.

A person's pronoun comes from an honorific before a mention ("Mr. Lee", "Ms. Avalos") or else
from the pronouns that follow the person's mentions before anyone else is named ("Fran
Finney ... she"). No list of first names is used: a name says little about a person the text
itself does not say.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.model import Entity

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mister|Madam|Sir|Dame|Lord|Lady)\.?[ \t]+$")
_HONORIFIC_GENDER = {
    "mr": "he", "mister": "he", "sir": "he", "lord": "he",
    "mrs": "she", "ms": "she", "miss": "she", "madam": "she", "dame": "she", "lady": "she",
}  # fmt: skip
_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_REACH = 240  # characters after a mention in which a pronoun still refers to it


def pronouns(text: str, entities: list[Entity]) -> dict[int, str]:
    """id(person) -> "he" or "she", for the people whose pronoun the text makes clear."""
    people = [e for e in entities if e.type == "PERSON"]
    marks = sorted((s.start, s.end, e) for e in people for s in e.mentions)
    starts = [m[0] for m in marks]
    votes: dict[int, list[int]] = {}
    for s, end, e in marks:
        tally = votes.setdefault(id(e), [0, 0])
        title = _HONORIFIC.search(text, max(0, s - 12), s)
        if title:
            tally[_HONORIFIC_GENDER[title.group(1).lower()] == "she"] += 5
            continue
        nxt = bisect_right(starts, end)
        stop = min(end + _REACH, starts[nxt] if nxt < len(starts) else len(text))
        got = _PRONOUN.search(text, end, stop)
        if got:
            tally[got.group(2) is not None] += 1
    out = {}
    for key, (he, she) in votes.items():
        if he > she:
            out[key] = "he"
        elif she > he:
            out[key] = "she"
    return out


def person_before(
    persons: list[tuple[int, Entity]], starts: list[int], pos: int, pronoun: str,
    known: dict[int, str],
) -> Entity | None:  # fmt: skip
    """The person named last before ``pos`` who can be ``pronoun`` ("he", "she"): the nearest
    one whose pronoun is that one or unknown; the nearest of all when none is."""
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return None
    want = pronoun.lower()
    for j in range(i, max(-1, i - 12), -1):
        person = persons[j][1]
        if known.get(id(person), want) == want:
            return person
    return persons[i][1]
