"""Rule-based named-entity recognition: capitalised spans, gazetteers, head words, titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.extraction.gazetteer import lookup
from generator.extraction.lexicon import (
    COMMON,
    DEMONYMS,
    FACILITY_HEADS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLES,
    given_names,
)

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Prof|St|Jr|Sr|Brig|Cpl|Pvt)\."
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|{_ABBR}|(?:al-|el-|ad-|as-)?[A-Z][\w’'\-]*[\w]|[A-Z](?!\.\w))"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CONNECT = rf"(?:{_GAP}(?:of|for|on|&|de|du|da|del|der|van|von|bin|ibn|al|la|le)(?:{_GAP}the)?)?"
_CANDIDATE = re.compile(rf"{_TOKEN}(?:{_CONNECT}{_GAP}{_TOKEN})*")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")
_WEAPON = re.compile(
    r"\b(?:anti-[a-z]+|bunker[- ]bust(?:er|ing)|ballistic|cruise|hypersonic|guided|"
    r"surface-to-air|air-to-air|anti-tank|anti-aircraft|chemical|cluster|nuclear)[ -]"
    r"(?:bombs?|missiles?|rockets?|munitions|weapons?|warheads?)(?![\w-])"
    r"|\b(?:improvised explosive devices?|IEDs?|car bombs?|VBIEDs?|barrel bombs?)\b"
)
_INNER_POSSESSIVE = re.compile(r"[’']s?(?=\s)\s*")
_DIGIT = re.compile(r"\d")
_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "on",
        "&",
        "de",
        "du",
        "da",
        "del",
        "der",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "la",
        "le",
        "the",
    ]
)
_STOP_AFTER_TITLE = frozenset({"of", "for", "the", "to"})


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    canon: str
    subtype: str | None = None
    role: str | None = None
    titled: bool = False
    roles: list[str] = field(default_factory=list)


def _tokens(text: str, start: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _title_ending_at(words: list[str], i: int) -> bool:
    return any(
        i - n + 1 >= 0 and " ".join(words[i - n + 1 : i + 1]) in TITLES for n in (4, 3, 2, 1)
    )


def _split_title(toks: list[tuple[int, int, str]]) -> int:
    """Number of leading tokens that form a title/role prefix ("U.S. Army General")."""
    words = [t[2].lower() for t in toks]
    for i in range(len(words) - 2, -1, -1):
        if not _title_ending_at(words, i):
            continue
        rest = toks[i + 1 :]
        names_only = all(_shape_ok(t[2]) or len(t[2]) <= 2 for t in rest)
        if (
            rest
            and names_only
            and len(rest) <= 4
            and (len(rest) == 1 or not lookup(" ".join(t[2] for t in rest)))
        ):
            return i + 1
        return 0
    return len(words) if words and _title_ending_at(words, len(words) - 1) else 0


def _shape_ok(word: str) -> bool:
    return (
        word[:1].isupper()
        and word.lower() not in ORG_HEADS
        and not _DIGIT.search(word)
        and word.lower() not in COMMON
        and word not in DEMONYMS
    )


def _classify(text: str, toks: list[str], titled: bool) -> tuple[str, str, str | None] | None:
    """(type, canonical name, subtype) for a candidate name, or None when it is not a name."""
    entry = lookup(text)
    if entry:
        return entry.type, entry.name, entry.subtype
    low = [t.lower() for t in toks]
    last = low[-1]
    if titled and all(_shape_ok(t) for t in toks):
        return "PERSON", text, None
    if len(toks) > 1:
        if last in ORG_HEADS or (low[0] in ORG_HEADS and len(low) > 2 and low[1] in {"of", "for"}):
            return "ORG", text, None
        if last in FACILITY_HEADS:
            return "FACILITY", text, None
        if last in PLACE_HEADS or low[0] in {"mount", "lake", "gulf", "strait", "province"}:
            return "PLACE", text, None
    if len(toks) == 1:
        word = toks[0]
        bare = word.replace(".", "")
        if 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha():
            return "ORG", word, None
        if _shape_ok(word) and len(word) > 1:
            return "NAME?", word, None
        return None
    if low[0] in given_names() and all(_shape_ok(t) for t in toks) and len(toks) <= 4:
        return "PERSON", text, None
    if len(toks) <= 3 and all(_shape_ok(t) for t in toks):
        return "PERSON?", text, None
    return None


def _strip_leading(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    i = 0
    while (
        i < len(toks) - 1
        and (
            (toks[i][2].lower() in COMMON and toks[i][2].lower() not in TITLES)
            or toks[i][2].lower() in _CONNECTORS
        )
        and not (toks[i][2].lower() in ORG_HEADS and toks[i + 1][2].lower() in ("of", "for"))
        and not lookup(" ".join(t[2] for t in toks[i:]))
    ):
        i += 1
    if i == len(toks) - 1 and toks[i][2].lower() in COMMON:
        return []
    return toks[i:]


def _candidate_mentions(text: str, start: int) -> list[Mention]:
    """Mentions inside one capitalised run (a run may hold a title and a name)."""
    toks = _strip_leading(_tokens(text, start))
    while toks and toks[-1][2].lower() in _CONNECTORS:
        toks = toks[:-1]
    if not toks:
        return []
    whole = " ".join(t[2] for t in toks)
    entry = lookup(whole)
    if entry:
        return [Mention(toks[0][0], toks[-1][1], whole, entry.type, entry.name, entry.subtype)]
    n_title = _split_title(toks)
    role = None
    if n_title:
        role = " ".join(t[2] for t in toks[:n_title])
        toks = toks[n_title:]
        if not toks:
            return []
    if len(toks) > 1 and not lookup(" ".join(t[2] for t in toks)):
        parts = _split_at_connector(toks)
        if parts is not None:
            return [m for part in parts for m in _candidate_mentions_from(part)]
    name = " ".join(t[2] for t in toks)
    got = _classify(name, [t[2] for t in toks], titled=bool(role))
    if not got:
        return _fallback_parts(toks)
    typ, canon, subtype = got
    m = Mention(toks[0][0], toks[-1][1], name, typ, canon, subtype, role=role, titled=bool(role))
    return [m]


def _candidate_mentions_from(toks: list[tuple[int, int, str]]) -> list[Mention]:
    if not toks:
        return []
    name = " ".join(t[2] for t in toks)
    got = _classify(name, [t[2] for t in toks], titled=False)
    if not got:
        return []
    return [Mention(toks[0][0], toks[-1][1], name, got[0], got[1], got[2])]


def _split_at_connector(toks: list[tuple[int, int, str]]) -> list[list] | None:
    """ "President of Iran" -> [Iran]; "Bank of England" stays whole (None)."""
    for i, t in enumerate(toks):
        if t[2].lower() in {"of", "for", "on"} and i > 0:
            head = toks[i - 1][2].lower()
            if head in ORG_HEADS or head in PLACE_HEADS or head in FACILITY_HEADS:
                return None
            left, right = toks[:i], toks[i + 1 :]
            while right and right[0][2].lower() == "the":
                right = right[1:]
            return [left, right]
    return None


def _fallback_parts(toks: list[tuple[int, int, str]]) -> list[Mention]:
    """A run that is not one name may hold known names ("Iraq Syria", "U.S. Central")."""
    out = []
    for t in toks:
        entry = lookup(t[2])
        if entry:
            out.append(Mention(t[0], t[1], t[2], entry.type, entry.name, entry.subtype))
    return out


def _clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    m = _POSSESSIVE.search(text, s, e)
    if m and m.end() == e:
        e = m.start()
    return s, e


def find_mentions(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    for m in _CANDIDATE.finditer(text):
        for s, e in _possessive_pieces(text, m.start(), m.end()):
            mentions.extend(_piece_mentions(text, s, e))
    for m in _WEAPON.finditer(text):
        mentions.append(Mention(m.start(), m.end(), m.group(), "WEAPON", m.group().lower()))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _possessive_pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a run after each possessive token: "Iran's Foreign Minister" -> two pieces."""
    pieces, cur = [], s
    for pm in _INNER_POSSESSIVE.finditer(text, s, e):
        pieces.append((cur, pm.start()))
        cur = pm.end()
    pieces.append((cur, e))
    return [(a, b) for a, b in (_clean_span(text, a, b) for a, b in pieces) if b > a]


def _piece_mentions(text: str, s: int, e: int) -> list[Mention]:
    out = []
    if True:
        for mention in _candidate_mentions(text[s:e], s):
            ms, me = _clean_span(text, mention.start, mention.end)
            mention.start, mention.end, mention.text = ms, me, text[ms:me]
            if me > ms:
                out.append(mention)
    return out
