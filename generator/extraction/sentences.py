"""Sentence splitting that survives abbreviations, initialisms and line breaks after "U.S."."""

from __future__ import annotations

import re

from generator.model import Sentence

# Words that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "spc",
        "pfc",
        "pvt",
        "cpl",
        "cdr",
        "ens",
        "amb",
        "insp",
        "det",
        "supt",
        "brig",
        "cmdr",
        "adm",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "rev",
        "hon",
        "messrs",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "vs",
        "etc",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "d.c",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
    ]
)
# Words that end a sentence only when the next word clearly starts one.
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "meanwhile",
        "however",
        "also",
        "however,",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "his",
        "her",
        "their",
        "its",
        "our",
        "one",
        "two",
        "according",
        "some",
        "many",
        "most",
        "both",
        "earlier",
        "later",
        "since",
        "during",
        "despite",
    ]
)
_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([^\s]+)")
_LINE_BREAK = re.compile(r"\n")
# A dateline opening a paragraph: "WASHINGTON (Reuters) -", "LONDON, June 3 (AP) —", "(CNN) —".
_DATELINE = re.compile(
    r"(?:(?<=\n)|^)[ \t]*(?:[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)?[ \t]*"
    r"(?:\([A-Za-z.&’' -]{2,30}\))?|\([A-Za-z.&’' -]{2,30}\))[ \t]*[-–—]+[ \t]+(?=[A-Z“\"‘'])"
)

# A date opening a paragraph as its dateline: "December 28, 2014: Markets opened lower".
_DATE_LEAD = re.compile(
    r"(?:(?<=\n)|^)[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[ \t]+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*[:–—-]+[ \t]+"
    r"(?=[A-Z“\"‘'])"
)


def _ends_sentence(text: str, end: int, punct: str) -> bool:
    """Decide whether the punctuation ending at ``end`` closes a sentence."""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return True
    word = nxt.group(1)
    first = word[:1]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘([" or not first.isalpha()):
        return False  # lowercase continuation: "e.g. the", "approx. ten"
    if punct[:1] != ".":
        return True
    seg = text[max(0, end - 40) : end - len(punct) + 1]
    token = "" if not seg or seg[-1].isspace() else seg.rsplit(None, 1)[-1]  # the word before
    bare = token.rstrip(".\"'”’)]").lstrip("(\"'“‘[").lower()
    if _INITIALISM.search(token.rstrip("\"'”’)]")):
        return word.strip("\"'“‘,").lower() in SENTENCE_STARTERS
    if bare in ABBREVIATIONS:
        return False
    return not (len(bare) == 1 and bare.isalpha())  # "John F. Kennedy"


def _short_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return 0 < len(line) <= 80 and line[-1:] not in ",;:-–—(" and line[-1:].isalnum()


def _hard_wrapped(text: str) -> bool:
    lengths = [len(line) for line in text[:20_000].split("\n") if line.strip()]
    if len(lengths) < 5:
        return False
    wrapped = sum(1 for n in lengths if 40 <= n <= 100)
    return wrapped / len(lengths) > 0.6 and max(lengths) <= 120


def _boundaries(text: str) -> list[int]:
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        if m.group().startswith("\n") or _ends_sentence(text, m.end(), m.group()):
            cuts.append(m.end())
    cuts.extend(m.end() for m in _DATELINE.finditer(text, 0, 2_000_000))
    cuts.extend(m.end() for m in _DATE_LEAD.finditer(text, 0, 2_000_000))
    # A short line with no final punctuation (dateline, heading) stands on its own,
    # unless the text is hard-wrapped (most lines of similar, moderate length).
    if _hard_wrapped(text):
        return sorted(set(cuts))
    line_start = 0
    for m in _LINE_BREAK.finditer(text):
        if _short_heading(text, line_start, m.start()):
            cuts.append(m.start())
        line_start = m.end()
        if len(cuts) > 200_000:
            break
    return sorted(set(cuts))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text`` (whitespace trimmed), numbered from 1."""
    out: list[Sentence] = []
    start = 0
    for cut in [*_boundaries(text), len(text)]:
        chunk = text[start:cut]
        stripped = chunk.strip()
        if stripped:
            s = start + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            out.append(Sentence(len(out) + 1, s, e, text[s:e]))
        start = cut
    return out
