"""Roles the text gives a person: "Iran's Foreign Minister, Abbas Araghchi", "X, spokesman"."""

from __future__ import annotations

import re

from generator.extraction.fastre import trie
from generator.extraction.lexicon import TITLES

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
