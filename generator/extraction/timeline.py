"""Dates and times the text gives, resolved against the briefing date when there is one."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from generator.extraction.fastre import trie
from generator.model import Sentence, TimeRef

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}


def _ci(*words: str) -> str:
    """The words as written, capitalised and in capitals, as one prefix tree: the pattern below
    runs case-sensitively (twice as fast as re.IGNORECASE) yet finds "May", "may" and "MAY"."""
    forms = {f for w in words for f in (w.lower(), w.capitalize(), w.upper())}
    return trie(forms)


_MONTH_NAMES = list(_MONTHS)
_MON = f"(?:{_ci(*_MONTH_NAMES)})"
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = f"(?:{_ci(*_DAYS)})"
# Every alternative below starts with a digit or one of these words; checking them first (as
# one prefix tree) lets the engine leave most words after a letter or two.
_LEADS = ("on", "last", "next", "this", "earlier", "later", "in", "since", "by")
_FIRST = trie(
    {
        f
        for w in [m[:3] for m in _MONTH_NAMES]
        + [d[:3] for d in _DAYS]
        + ["yesterday", "today", "tomorrow"]
        for f in (w, w.capitalize(), w.upper())
    }
    | {f + sp for w in _LEADS for f in (w, w.capitalize(), w.upper()) for sp in " \t\n"}
)
_S = r"\s+"
_PATTERN = re.compile(  # the lookahead lets the engine skip most positions cheaply
    rf"\b(?=[0-9]|{_FIRST})"
    rf"(?:(?P<dmy>(?P<d1>\d{{1,2}}){_S}(?P<m1>{_MON})(?:,?{_S}(?P<y1>\d{{4}}))?)"
    rf"|(?P<mdy>(?P<m2>{_MON})\.?{_S}(?P<d2>\d{{1,2}})(?:{_ci('st', 'nd', 'rd', 'th')})?"
    rf"(?:,?{_S}(?P<y2>\d{{4}}))?)"
    rf"|(?P<my>(?P<m3>{_MON}){_S}(?P<y3>\d{{4}}))"
    rf"|(?P<wd>(?:(?:{_ci('on', 'last', 'next', 'this')}){_S})?(?P<day>{_DAY}))"
    rf"|(?P<rel>(?:{_ci('earlier', 'later')}){_S}(?:{_ci('in')}{_S})?(?:{_ci('the', 'this')}){_S}"
    rf"(?:{_ci('week', 'month', 'year')})|"
    rf"(?:{_ci('last', 'next', 'this')}){_S}(?:{_ci('week', 'month', 'year')})|"
    rf"{_ci('yesterday', 'today', 'tomorrow')}|"
    rf"(?:{_ci('in', 'since', 'by')}){_S}(?P<y4>(?:19|20)\d{{2}})))\b"
)
_DATELINE = re.compile(rf"^\s*(?:{_DAY},\s+)?({_MON})\s+(\d{{1,2}}),\s+(\d{{4}})\s*$", re.M)


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(1, bisect_right(starts, pos))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dateline(text: str) -> dt.date | None:
    m = _DATELINE.search(text[:300])
    if not m:
        return None
    return _safe_date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))


def _resolve(m: re.Match[str], ref: dt.date | None) -> tuple[dt.date | None, str]:
    g = m.groupdict()
    if g["dmy"] or g["mdy"]:
        month = _MONTHS[(g["m1"] or g["m2"]).lower()]
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        if year:
            return _safe_date(int(year), month, day), "day"
        if ref:
            cand = _safe_date(ref.year, month, day)
            if cand and cand > ref + dt.timedelta(days=31):
                cand = _safe_date(ref.year - 1, month, day)
            return cand, "day"
        return None, "day"
    if g["my"]:
        return _safe_date(int(g["y3"]), _MONTHS[g["m3"].lower()], 1), "month"
    if g["y4"]:
        return _safe_date(int(g["y4"]), 1, 1), "year"
    if g["wd"] and ref:
        target = _DAYS.index(g["day"].lower())
        word = g["wd"].split()[0].lower()
        delta = (ref.weekday() - target) % 7
        if word == "next":
            return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7), "day"
        return ref - dt.timedelta(days=delta), "day"
    rel = (g["rel"] or "").lower()
    if ref and rel in ("yesterday", "today", "tomorrow"):
        return ref + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel]), "day"
    return None, "relative"


def find_timeline(
    text: str, sentences: list[Sentence], date: dt.date | None
) -> tuple[list[TimeRef], dt.date | None]:
    """Time references in text order, and the dateline date when the metadata has none."""
    dateline = None if date else find_dateline(text)
    ref = date or dateline
    starts = [s.start for s in sentences]
    out: list[TimeRef] = []
    for m in _PATTERN.finditer(text):
        when, precision = _resolve(m, ref)
        out.append(
            TimeRef(m.group(), m.start(), m.end(), _sentence_of(starts, m.start()), when, precision)
        )
        if len(out) >= 500:
            break
    return out, dateline
