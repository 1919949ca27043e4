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
_UNSURE = ("NAME?", "PERSON?")
# "construction giants Bouygues and Vinci", "firms like Vinci, Michelin and BNP Paribas",
# "cities such as Lyon": a plural descriptor types every name of the list after it.
_PLURAL_BEFORE = re.compile(
    r"(?:(?:^|[\s(])([a-z][a-z-]*s)|(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z-]*s)),?[ \t]+"
    r"(?:(?:such[ \t]+as|like|including)[ \t]+)?(?:the[ \t]+)?$"
)
# Descriptors that name people as often as bodies in the plural ("investors like Warren Buffett").
_PEOPLE_TOO = _words("investor|owner|bidder|producer|developer|publisher|operator")
_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|and[ \t]+|or[ \t]+)(?:the[ \t]+)?")


def _descriptor(text: str, m: Mention) -> str | None:
    before = _BEFORE.search(text, max(0, m.start - 60), m.start)
    after = _AFTER.match(text, m.end, min(len(text), m.end + 80))
    for got in (before, after):
        if got is None:
            continue
        noun = got.group(1)
        if noun in _PEOPLE_TOO and m.type == "PERSON":
            continue  # "Jerry Jones, the team's owner": a person may own, invest, produce
        if noun in ORG_NOUNS:
            return "ORG"
        if noun in PLACE_NOUNS:
            return "PLACE"
    return None


def _singular(noun: str) -> str:
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]


def _plural_descriptor(text: str, m: Mention) -> str | None:
    got = _PLURAL_BEFORE.search(text, max(0, m.start - 40), m.start)
    word = got and (got.group(1) or got.group(2)).lower()  # capitalised only opening a sentence
    if not word or word.endswith("ss"):
        return None
    noun = _singular(word)
    if noun in _PEOPLE_TOO:
        return None
    return "ORG" if noun in ORG_NOUNS else "PLACE" if noun in PLACE_NOUNS else None


def _retypable(m: Mention) -> bool:
    if m.type not in _REPLACEABLE or m.titled or m.role:
        return False
    return m.type != "PLACE" or m.subtype in (
        None,
        "city",
    )  # a country is one whatever it is called


# "the Rosetta spacecraft", "the Philae lander", "the Curiosity rover": a craft's name, neither
# a body nor a person nor a place; every mention of that name in the text goes. (Not "the
# Europa mission": a mission is named after where it goes.)
_CRAFT_AFTER = re.compile(
    r"(?:[’']s)?[ \t]+(?:spacecraft|probe|lander|rover|orbiter|telescope|capsule|satellite|"
    r"space[ \t]+station)\b"
)


def _crafts(text: str, mentions: list[Mention]) -> set[str]:
    return {
        m.text
        for m in mentions
        if m.type in ("NAME?", "PERSON?")
        and " " not in m.text
        and not m.text.isupper()
        and _CRAFT_AFTER.match(text, m.end)
    }


# "the film Blade Runner", "his new movie Office Christmas Party", "Pulp Fiction (1994)": the
# title of a work, neither a person nor a body nor a place.
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|series|show|sitcom|album|song|single|novel|book|play|musical|documentary|"
    r"franchise|game|drama|comedy|thriller|memoir|painting|opera|ballet|episode|podcast)s?"
    r"(?:[ \t]+(?:called|titled|named))?[ \t]+[\"“‘']?$"
)
_WORK_AFTER = re.compile(r"[\"”’']?[ \t]*\((?:19|20)\d\d\)")
_WORKED_IN = re.compile(r"\b(?:starred|starring|appeared|appearing|stars|cast)[ \t]+in[ \t]+$")


def is_work_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a film, book, show or other work by what is around it."""
    lo = max(0, start - 40)
    return bool(
        _WORK_BEFORE.search(text, lo, start)
        or _WORKED_IN.search(text, lo, start)
        or _WORK_AFTER.match(text, end)
    )


def _maybe_work(m: Mention) -> bool:
    """A name the rules typed from its shape or head word only ("Office Christmas Party")."""
    return not m.titled and (m.type in _REPLACEABLE or (m.type == "ORG" and m.canon == m.text))


def work_titles(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """The names of works among the spans: each is one wherever the text repeats it."""
    return {text[s:e] for s, e in spans if is_work_title(text, s, e)}


def type_by_descriptor(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names typed from the shape alone take the type their descriptor gives; craft names and
    titles of works go."""
    works = work_titles(text, [(m.start, m.end) for m in mentions if _maybe_work(m)])
    crafts = _crafts(text, mentions)
    if works or crafts:
        mentions = [
            m
            for m in mentions
            if not (m.text in crafts and m.type in _REPLACEABLE)
            and not (m.text in works and _maybe_work(m))
        ]
    listed: str | None = None  # the type a plural descriptor gives the list being read
    typed: dict[str, str] = {}
    for n, m in enumerate(mentions):
        if listed and not _LIST_GAP.fullmatch(text, mentions[n - 1].end, m.start):
            listed = None
        listed = _plural_descriptor(text, m) or listed
        if not _retypable(m):
            continue
        said = _descriptor(text, m) or _traded(text, m)
        typ = said or listed
        if typ and typ != m.type:
            m.type, m.subtype, m.hint = typ, None, None
        if said and " " in m.text:
            typed[m.text] = said
    for m in mentions:  # the text said once what the name is: "Activision Blizzard said"
        if m.text in typed and m.type in _UNSURE and typed[m.text] != m.type:
            m.type, m.subtype, m.hint = typed[m.text], None, None
    return mentions


# "buy Activision Blizzard", "the takeover of Twitter", "shares of Moderna": what is bought,
# taken over or traded is a body, not a person.
_TRADED_BEFORE = re.compile(
    r"\b(?:acquire[sd]?|acquiring|acquisition of|buy|buys|bought|buying|purchase of|"
    r"purchased|takeover of|take over|took over|merger with|merge with|merging with|"
    r"deal for|bid for|stake in|shares of|shares in|stock of|invested in|invest in|"
    r"investing in)[ \t]+$"
)


def _traded(text: str, m: Mention) -> str | None:
    if m.type == "PLACE":
        return None  # "bought land in Kent"
    return "ORG" if _TRADED_BEFORE.search(text, max(0, m.start - 24), m.start) else None
