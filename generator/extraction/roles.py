"""Roles the text gives a person: "Iran's Foreign Minister, Abbas Araghchi", "X, spokesman"."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.extraction.fastre import trie
from generator.extraction.lexicon import TITLES
from generator.model import Entity

_TITLE_ALT = trie(TITLES)  # longest title first, as a prefix tree
_COMPLEMENT = (
    r"(?:[ \t\n]+(?:of|for|to|at|in|on)[ \t\n]+(?:the[ \t\n]+)?[A-Z][\w.’'-]*"
    r"(?:[ \t\n]+(?:of|and|for|the|[A-Z][\w.’'-]*))*)?"
)
_BEFORE = re.compile(  # (starting at a word's start: no "MS" out of "HMS"; and 3x faster)
    rf"(?<![\w’'-])((?:(?:[A-Z][\w.’'-]*|special|deputy|acting|former|senior|chief|top|foreign|defence|defense|"
    rf"interior|vice|prime|national|security|press|supreme)[ \t\n]+)*"
    rf"(?i:{_TITLE_ALT}){_COMPLEMENT}),?[ \t\n]*$"
)
_AFTER = re.compile(
    rf",[ \t\n]*(?:the[ \t\n]+|a[ \t\n]+|an[ \t\n]+)?"
    rf"((?:[\w.’'-]+[ \t\n]+){{0,4}}?(?i:{_TITLE_ALT})\b"
    rf"(?:[ \t\n]+(?:of|for|to|at|in|on|with)[ \t\n]+[^,.;\n]{{1,60}}?)?)"
    r"(?=[ \t]*(?:,|;|\.(?:\s|$)|[ \t]+"
    r"(?:said|says|told|added|stated|noted|announced|explained|who|and)\b|$))"
)
_BAD_PREFIX = frozenset(
    [
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "said",
        "says",
        "told",
        "with",
        "while",
        "as",
        "when",
    ]
)
_SPACES = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z0-9.-]+")
_TITLE_WORDS = frozenset(t.split()[-1] for t in TITLES)  # a title ends with one of these
_LEFT_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "Or",
        "But",
        "In",
        "On",
        "At",
        "By",
        "For",
        "With",
        "According",
        "Meanwhile",
        "However",
        "Earlier",
        "Later",
    ]
)


def _tidy(role: str) -> str:
    role = _SPACES.sub(" ", role).strip(" ,")
    words = role.split(" ")
    while words and words[0] in _LEFT_STOP:
        words = words[1:]
    return " ".join(words)


def role_before(text: str, start: int, limit: int) -> str | None:
    """Role phrase ending right before ``start`` (searching back no further than ``limit``)."""
    window = text[max(limit, start - 120) : start]
    if not _TITLE_WORDS.intersection(_WORD_RE.findall(window.lower())):
        return None  # no title word at all: skip the (slow) backwards pattern
    m = _BEFORE.search(window)
    if not m:
        return None
    role = m.group(1)
    # Do not swallow another person's name: stop at a possessive that is not a place.
    parts = re.split(r"(?<=[’']s)[ \t\n]+", role)
    if len(parts) > 1:
        from generator.extraction.gazetteer import lookup

        keep = [parts[-1]]
        for p in reversed(parts[:-1]):
            head = p[:-2]
            if lookup(head) and lookup(head).type == "PLACE" and " " not in head.strip():
                keep.insert(0, p)
            else:
                break
        role = " ".join(keep)
    role = _tidy(role)
    return role or None


def role_after(text: str, end: int, limit: int) -> str | None:
    """Appositive role right after a name: ", spokesman for the ministry," (within ``limit``)."""
    window = text[end : min(limit, end + 140)]
    m = _AFTER.match(window)
    if not m:
        return None
    role = m.group(1)
    first = role.split()[0].lower() if role.split() else ""
    if first in _BAD_PREFIX:
        return None
    return _tidy(role) or None


# Titles that, bare ("the secretary added"), stand for the person the text gave that role or
# else the person named last; and titles that stand only for the person given that role ("the
# judge said" after a defendant's name is not the defendant).
NEAREST_TITLE_TEXT = (
    "secretary|minister|president|spokesman|spokeswoman|spokesperson|general|commander|ambassador|"
    "envoy|chancellor|governor|senator|mayor|premier|chairman|chairwoman|director|admiral|colonel|"
    "captain|coach|manager|king|queen"
)
ROLE_TITLE_TEXT = "judge|prosecutor|founder|ceo|executive|attorney|lawyer|professor|sheriff"
NEAREST_TITLES = frozenset(NEAREST_TITLE_TEXT.split("|"))
BARE_TITLES = NEAREST_TITLES | frozenset(ROLE_TITLE_TEXT.split("|"))


def title_holder(
    entities: list[Entity], title: str, pos: int, person_before: Callable[[int], Entity | None]
) -> Entity | None:
    """The person a bare title at ``pos`` stands for ("the US President said"): the person one
    of whose roles has the title's last word, mentioned last before ``pos`` or else first after;
    failing that, for the common titles, the person named last (``person_before``)."""
    word = title.lower().split()[-1]
    before: tuple[int, Entity] | None = None
    after: tuple[int, Entity] | None = None
    for e in entities:
        if e.type != "PERSON" or not any(word in r.lower().split() for r in e.roles):
            continue
        for m in e.mentions:
            if m.start < pos and (before is None or m.start > before[0]):
                before = (m.start, e)
            elif m.start >= pos and (after is None or m.start < after[0]):
                after = (m.start, e)
    found = before or after
    if found:
        return found[1]
    return person_before(pos) if word in NEAREST_TITLES else None
