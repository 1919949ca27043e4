"""Appositive titles as mentions of the person they describe.

"Jeff Hale, the Interior Ministry Spokesperson, said" and "Malaysia's Prime Minister, Ana Ruiz,
said": the title phrase set off by commas names the same person as the name beside it, so it is
one more mention of that person (news annotation marks it so). Titles that run straight into the
name ("Prime Minister Ana Ruiz") are part of the name's own mention and are not added here.

This runs after sources are found, so a source keeps pointing at the name, not at its title.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.extraction.fastre import trie
from generator.extraction.lexicon import TITLES
from generator.model import Entity, Sentence, Span

_TITLE_ALT = trie(TITLES)
_CAP = r"[A-Z][\w.’'&-]*"
# "of the Amphibious Task Group", "for the Middle East", "of U.S. Central Command"
_COMPLEMENT = (
    rf"(?:[ \t]+(?:of|for|to|at|in|on|with)[ \t]+(?:the[ \t]+)?{_CAP}"
    rf"(?:[ \t]+(?:of|and|the|for|{_CAP}))*)?"
)
_AFTER = re.compile(
    rf",[ \t]*(?:(?:the|a|an)[ \t]+)?"
    rf"((?:[\w.’'-]+[ \t]+){{0,4}}?(?i:{_TITLE_ALT})\b{_COMPLEMENT})"
    r"(?=[ \t]*(?:,|;|\.(?:\s|$)|[ \t]+(?:said|says|told|added|stated|noted|announced|explained|"
    r"released|who|has|had|was|is)\b|$))"
)
_BEFORE = re.compile(
    rf"(?:(?<![^\n])|(?<=[\n.!?\"“][ \t])|(?<=[’']s[ \t])|(?<=\bthe[ \t])|(?<=\bThe[ \t]))"
    rf"((?:{_CAP}[ \t]+){{0,4}}(?i:{_TITLE_ALT})\b{_COMPLEMENT}),[ \t]*$"
)
_BAD_FIRST = frozenset(
    ["and", "or", "but", "who", "which", "that", "said", "says", "told", "with", "while", "as"]
)
_INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")
_TRAILING = re.compile(r"(?:[ \t]+(?:of|and|the|for))+$")


def _capitalised(words: list[str]) -> bool:
    return any(w[:1].isupper() for w in words)


def add_title_mentions(text: str, entities: list[Entity], sentences: list[Sentence]) -> None:
    """Add each comma-set title beside a person's name as a mention of that person."""
    persons = [e for e in entities if e.type == "PERSON"]
    if not persons:
        return
    taken = sorted((s.start, s.end) for e in persons for s in e.mentions)
    taken_starts = [t[0] for t in taken]
    starts = [s.start for s in sentences]

    def free(s: int, e: int) -> bool:
        i = bisect_right(taken_starts, e) - 1
        while i >= 0 and taken[i][1] > s:
            if taken[i][0] < e:
                return False
            i -= 1
        return True

    def bounds(pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return 0, len(text)
        return sentences[i].start, sentences[i].end

    for ent in persons:
        added: list[Span] = []
        for m in ent.mentions:
            if " " not in m.text and not m.text[:1].isupper():
                continue
            comma_after = text[m.end : m.end + 1] == ","
            comma_before = text[max(0, m.start - 2) : m.start].rstrip(" \t")[-1:] == ","
            if not (comma_after or comma_before):
                continue  # the cheap test first: a comma-set title needs a comma beside the name
            lo, hi = bounds(m.start)
            got = _AFTER.match(text, m.end, min(hi, m.end + 140)) if comma_after else None
            span = got.span(1) if got else None
            if span is None and comma_before:
                back = _BEFORE.search(text, max(lo, m.start - 120), m.start)
                span = back.span(1) if back else None
            if span is None:
                continue
            s, e = span
            tail = _TRAILING.search(text, s, e)
            if tail:
                e = tail.start()
            if text[e - 1 : e] == "." and not _INITIALS.search(text, s, e):
                e -= 1  # the sentence's full stop, not "U.S."
            words = text[s:e].split()
            if (
                not words
                or words[0].lower() in _BAD_FIRST
                or not _capitalised(words)
                or not free(s, e)
            ):
                continue
            added.append(Span(s, e, text[s:e]))
        if added:
            ent.mentions.extend(added)
            ent.mentions.sort(key=lambda x: x.start)
            for a in added:
                i = bisect_right(taken_starts, a.start)
                taken.insert(i, (a.start, a.end))
                taken_starts.insert(i, a.start)
