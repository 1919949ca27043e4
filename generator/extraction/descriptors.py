"""What the text says a name is: "chipmaker Nvidia", "Rivian, the electric truck maker,",
"Tamsin, a town in Cornwall". A descriptor noun beside a name the rules could not type (or typed
from its shape alone) gives its type, before the statistical model is asked."""

from __future__ import annotations

import re

from generator.extraction.entities import Mention
from generator.extraction.lexicon import _words

ORG_NOUNS = _words(
    "company|firm|maker|carmaker|automaker|chipmaker|drugmaker|planemaker|retailer|bank|lender|"
    "insurer|airline|carrier|startup|start-up|conglomerate|giant|operator|provider|manufacturer|"
    "producer|developer|publisher|broadcaster|brand|chain|club|team|franchise|charity|nonprofit|"
    "non-profit|studio|label|fund|exchange|regulator|supplier|distributor|subsidiary|owner|"
    "group|outfit|consultancy|agency|newspaper|magazine|website|union|party|university|college|"
    "watchdog|utility|miner|refiner|shipper|brewer|distiller|automaker|investor|bidder"
)
PLACE_NOUNS = _words(
    "city|town|village|county|province|region|district|island|suburb|neighborhood|"
    "neighbourhood|capital|municipality|hamlet|borough|township|port|resort"
)
_WORD = r"[a-z][a-z-]*"
# "the electric carmaker Tesla", "chipmaker Nvidia", "retailer Walmart"
_BEFORE = re.compile(rf"(?:^|[\s(])(?:(?:{_WORD}|[A-Z][\w.-]*-based)[ \t]+){{0,2}}({_WORD})[ \t]+$")
# "Rivian, the electric truck maker", "Tamsin, a small town"
_NOT_PREP = r"(?!(?:for|of|at|in|on|with|from|by|to|and|or|who|which|that)\b)"
_AFTER = re.compile(
    rf",[ \t]+(?:a|an|the)[ \t]+"
    rf"(?:{_NOT_PREP}(?:{_WORD}|[A-Z][\w.-]*-based|\d[\w.-]*)[ \t]+){{0,4}}"
    rf"({_WORD})(?=[,.;)]|[ \t]+(?:in|of|on|that|which|based|whose|near)\b)"
)
_REPLACEABLE = ("NAME?", "PERSON?", "PERSON", "PLACE")


def _descriptor(text: str, m: Mention) -> str | None:
    before = _BEFORE.search(text, max(0, m.start - 60), m.start)
    after = _AFTER.match(text, m.end, min(len(text), m.end + 80))
    for got in (before, after):
        if got is None:
            continue
        noun = got.group(1)
        if noun in ORG_NOUNS:
            return "ORG"
        if noun in PLACE_NOUNS:
            return "PLACE"
    return None


def type_by_descriptor(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names typed from the shape alone take the type their descriptor gives."""
    for m in mentions:
        if m.type not in _REPLACEABLE or m.titled or m.role:
            continue
        if m.type == "PLACE" and m.subtype not in (None, "city"):
            continue  # a country or region is one whatever the text calls it
        typ = _descriptor(text, m)
        if typ and typ != m.type:
            m.type, m.subtype, m.hint = typ, None, None
    return mentions
