"""Mentions -> entities: one entity per real-world thing, with the roles the text gives."""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.extraction.entities import _PLACE_TAIL, Mention
from generator.extraction.fastre import trie
from generator.extraction.gazetteer import given_name_cities
from generator.extraction.lexicon import (
    COMMON,
    DEMONYMS,
    FACILITY_HEADS,
    SPEECH_VERBS,
    TITLE_HEADS,
    _words,
    given_names,
)
from generator.extraction.roles import role_after, role_before
from generator.model import Entity, Sentence, Span
from generator.textsim import plain

_NEXT_WORDS = re.compile(
    r"[\s,]*(?:(?:has|had|have|also|then|later|reportedly|previously|had)\s+)*(\w+)"
)
_FACILITY_CUE = re.compile(
    r"(?:facility|plant|site|base|reactor|complex|prison|camp|airfield|airport)\s+"
    r"(?:at|called|known as|named)\s+$"
)
_STATE_BODY = re.compile(
    r"[ \t]+(forces|troops|military|army|navy|air force|service members|servicemembers|"
    r"government|authorities|warships|ships|embassy)\b"
)
_ACTOR_VERB = re.compile(
    r"[ \t]+(?:has|had|have|will|would|must|should|can|could|also|now)?[ \t]*([a-z]+)"
)
_NOT_ACTOR_BEFORE = frozenset(
    [
        "in",
        "to",
        "from",
        "of",
        "near",
        "at",
        "into",
        "across",
        "throughout",
        "inside",
        "within",
        "between",
        "against",
        "over",
        "on",
        "for",
        "via",
        "toward",
        "towards",
        "by",
        "with",
        "and",
    ]
)
_NOT_VERB = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "was",
        "are",
        "were",
        "the",
        "a",
        "an",
    ]
)
_ACTION_WORDS = frozenset(
    [
        "says",
        "stands",
        "supports",
        "continues",
        "wants",
        "remains",
        "faces",
        "plans",
        "needs",
        "seeks",
        "won",
        "lost",
        "beat",
        "faced",
        "had",
        "has",
        "will",
        "would",
        "must",
        "should",
        "can",
        "could",
        "may",
        "might",
        "took",
        "takes",
        "made",
        "makes",
        "began",
        "begins",
    ]
)
_ACRONYM_PAREN = re.compile(r"\s*\(([A-Z][A-Za-z.&-]{1,8})\)")


def _speech_follows(text: str, end: int) -> bool:
    m = _NEXT_WORDS.match(text, end, min(len(text), end + 60))
    return bool(m and m.group(1).lower() in SPEECH_VERBS)


def _sentence_bounds(sentences: list[Sentence], pos: int) -> tuple[int, int]:
    starts = [s.start for s in sentences]
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return 0, len(sentences and sentences[0].text or "")
    return sentences[i].start, sentences[i].end


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class _Builder:
    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.entities: dict[tuple[str, str], Entity] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or not self.sentences:
            return 0, len(self.text)
        return self.sentences[i].start, self.sentences[i].end

    def add(self, m: Mention, typ: str, canon: str, role: str | None = None) -> Entity:
        key = (typ if typ != "FACILITY" else "PLACE", canon.lower())
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(name=canon, type=typ, subtype=m.subtype)
            self.entities[key] = ent
        s, e = m.start, m.end
        if self.text[s : s + 4] in ("The ", "the ") and e - s > 4:
            s += 4
        ent.mentions.append(Span(s, e, self.text[s:e]))
        if role:
            _add_role(ent, role)
        if (
            m.text != canon
            and m.text not in ent.aliases
            and self.text[s:e] != canon
            and not self.text.startswith(canon + ",", s)  # "Palmyra, Syria": not another name
        ):
            ent.aliases.append(self.text[s:e])
        return ent


def _add_role(ent: Entity, role: str) -> None:
    low = role.lower()
    for i, r in enumerate(ent.roles):
        if low in r.lower():
            return
        if r.lower() in low:
            ent.roles[i] = role
            return
    ent.roles.append(role)


def _person_role(b: _Builder, m: Mention) -> str | None:
    lo, hi = b.bounds(m.start)
    if m.role:
        before = role_before(b.text, m.start, lo)
        return before if before and m.role.lower() in before.lower() else m.role
    return role_before(b.text, m.start, lo) or role_after(b.text, m.end, hi)


def build_entities(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Entity]:
    b = _Builder(text, sentences)
    persons: list[Entity] = []
    deferred: list[Mention] = []
    singles = {m.text for m in mentions if m.type == "NAME?"}
    # "the Assad regime" names a leader: the same name alone is that person ("Assad said").
    leaders = {m.role for m in mentions if m.type == "ORG" and m.subtype == "group" and m.role}
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON?"} & singles
    for m in mentions:
        if m.type in ("PERSON?", "NAME?") and _NAMED_PLACE.search(
            text, max(0, m.start - 60), m.start
        ):
            m.subtype = None
            b.add(m, "PLACE", m.canon)  # "the area known as Good Hope"
            continue
        if m.type == "PERSON?":
            role = _person_role(b, m)
            if (
                m.hint == "PERSON"
                or role
                or _speech_follows(text, m.end)
                or m.text.split()[0].lower() in given_names()
                or _looks_like_person(b, m, surnames)
            ):
                persons.append(b.add(m, "PERSON", m.canon, role))
            else:
                deferred.append(m)
        elif m.type == "PERSON" or (m.type == "NAME?" and m.text in leaders):
            if m.type == "NAME?":
                m.hint = None  # the rules know: the leader named by "the X regime"
            persons.append(b.add(m, "PERSON", m.canon, _person_role(b, m)))
        elif m.type == "NAME?":
            deferred.append(m)
    by_token = _NameParts(persons)
    # Titled short names ("President Trump", "Ms Le Pen") join the full name when there is one.
    for key, ent in list(b.entities.items()):
        if key[0] == "PERSON" and ent.name in by_token:
            full = by_token[ent.name]
            if full is not ent:
                full.mentions.extend(ent.mentions)
                for r in ent.roles:
                    _add_role(full, r)
                del b.entities[key]
    marks: list[list] = []  # [country mention, 1 when it acts as a state]
    for m in mentions:
        if m.type in ("PERSON", "PERSON?", "NAME?", "TITLE?"):
            continue
        if m.text in by_token and m.subtype in ("city", "region") and " " not in m.text:
            by_token[m.text].mentions.append(Span(m.start, m.end, m.text))  # "Dayton said"
            continue
        typ = m.type
        if m.subtype == "country" or m.canon in _HOME_NATIONS:
            body = _STATE_BODY.match(text, m.end)
            if body:
                span = Mention(m.start, body.end(), text[m.start : body.end()], "ORG", "")
                b.add(span, "ORG", " ".join(span.text.split()))
                continue
            marks.append([m, _acts(text, m)])
        if typ == "PLACE" and _FACILITY_CUE.search(text, max(0, m.start - 40), m.start):
            typ = "FACILITY"
        b.add(m, typ, m.canon)
    employers = {
        m.text
        for m in deferred
        if m.type == "NAME?"
        and m.text not in by_token
        and m.text.lower() not in DEMONYMS
        and m.text.lower() not in given_names()
        and _EMPLOYER.match(text, m.end)
        and re.search(rf"[a-z,][ \t]+{re.escape(m.text)}\b", text)  # a name, not "Defense"
    }
    for m in [m for m in deferred if m.text in employers]:
        b.add(m, "ORG", m.canon)  # "Germanwings co-pilot Andreas Lubitz", "Germanwings said"
    deferred = [m for m in deferred if m.text not in employers]
    left = [m for m in deferred if not _resolve_deferred(b, m, by_token)]
    listable = [m for m in left if m.type == "NAME?" and _in_list(text, m)]
    for _ in range(3 if listable else 0):
        # "in Qamenas, Sarmin and Talamenes": a list takes the type of the items already placed
        places = set()
        for (typ, _), ent in b.entities.items():
            if typ == "PLACE":
                for s in ent.mentions:
                    low = s.text.lower()
                    places.update((low, low.rsplit(None, 1)[-1]))  # "Tell Duran, Sarmin"
        listed = [m for m in listable if _listed_with_known(b, m, places)]
        if not listed:
            break
        for m in listed:
            m.subtype = None
            b.add(m, "PLACE", m.canon)
        left = [m for m in left if m not in listed]
        listable = [m for m in listable if m not in listed]
    if left:
        # A name the text has typed once ("the town of Dabiq") keeps that type everywhere.
        known = {}
        for (typ, low), ent in b.entities.items():
            if typ in ("PLACE", "ORG", "PERSON") and " " not in low:
                known.setdefault(low, ent)
            elif typ == "ORG" and low.rsplit(" ", 1)[-1] in _COMPANY_SUFFIXES:
                known.setdefault(low.rsplit(" ", 1)[0], ent)  # "Harrowgate" of "Harrowgate Corp"
        for m in left:
            ent = known.get(m.text.lower())
            if ent is not None and ent.mentions and m.type == "NAME?":
                ent.mentions.append(Span(m.start, m.end, m.text))
    _resolve_titles(b, [m for m in mentions if m.type == "TITLE?"], persons)
    actor_votes: dict[str, list[int]] = {}
    for m, acts in _share_in_lists(text, marks):
        votes = actor_votes.setdefault(m.canon, [0, 0])
        votes[0] += acts
        votes[1] += 1
    for canon, (acts, total) in actor_votes.items():
        ent = b.entities.get(("PLACE", canon.lower()))
        if not ent:
            continue
        team = any(_in_score(text, s.start, s.end) for s in ent.mentions)
        if team or (acts * 2 > total and (acts >= 2 or total == 1)):
            ent.type, ent.subtype = "ORG", "team" if team else "state"
    _teams(b)
    _merge_acronyms(b)
    _merge_short_forms(b)
    _vote_untitled_people(b, mentions)
    _companies_by_its(b)
    ents = [e for e in b.entities.values() if e.mentions]
    for e in ents:
        e.mentions.sort(key=lambda s: s.start)
    ents.sort(key=lambda e: e.mentions[0].start)
    return ents


_LIST_JOIN = re.compile(  # (no-break spaces too)
    r"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|and[^\S\n]+|or[^\S\n]+)(?:the[^\S\n]+)?"
)


def _share_in_lists(text: str, marks: list[list]) -> list[list]:
    """Countries listed together share one reading: "the ministers of Iran, Egypt and Jordan",
    "announced by Russia and Turkey". A list whose first country follows a place preposition
    ("in Iraq and Syria") stays a list of places."""
    i = 0
    while i < len(marks):
        j = i
        while j + 1 < len(marks) and _LIST_JOIN.fullmatch(
            text, marks[j][0].end, marks[j + 1][0].start
        ):
            j += 1
        if j > i:
            first = marks[i]
            before = text[max(0, first[0].start - 16) : first[0].start].split()
            prev = before[-1].lower() if before else ""
            if first[1] or prev not in _NOT_ACTOR_BEFORE:
                acts = max(x[1] for x in marks[i : j + 1])
                for x in marks[i : j + 1]:
                    x[1] = acts
        i = j + 1
    return marks


_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv", "v"])
_LIST_GAP = re.compile(r"[ \t]*(?:,|\band\b|&)[ \t]*(?:and[ \t]+)?$")


def _looks_like_person(b: _Builder, m: Mention, surnames: set[str]) -> bool:
    """A two- or three-word name of unknown words is a person when its surname recurs alone,
    or when it is not the first word of its sentence and sits in running text."""
    words = m.text.split()
    if len(words) not in (2, 3) or any(w.isupper() for w in words):
        return False
    if words[-1] in surnames:
        return True
    lo, _ = b.bounds(m.start)
    if m.start == lo:
        return False
    before = b.text[max(lo, m.start - 3) : m.start]
    # "the party's Mei Tanaka": a name owned by a party, a team, a camp is its member
    return not before.strip() or bool(_LIST_GAP.search(before)) or before in ("’s ", "'s ")


def _acts(text: str, m: Mention) -> int:
    """1 when a country acts as a state ("Iraq signed", "Sweden defeated Korea"), else 0."""
    return _state_score(text, m.start, m.end)


_ADVERB = re.compile(r"[ \t]+(?:[a-z]+ly|also|now|then|still|again|not|already|today)\b")
_NEXT_WORD = re.compile(r"[ \t\n]+([a-z]+)\b")
_CONJ_NEXT = re.compile(
    r"[ \t\n]*(?:,[ \t\n]*)?and[ \t\n]+(?:the[ \t\n]+)?[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*)*"
)
_INFINITIVE = re.compile(r"[ \t]+to[ \t]+(?!the\b|a\b|an\b|be\b)[a-z]{2,}\b")
# The verb after an aside's closing comma or dash: "notably Russia, are", "Iran – must".
_ASIDE_MODAL = re.compile(
    r"[ \t]*[,–—][ \t]*(?:now[ \t]+)?(?:has|have|will|would|must|should|can|could|may|might|are)"
    r"[ \t]+[a-z]"
)
_SCORE_BEFORE = re.compile(r"\d{1,2}[ \t]*[–—-][ \t]*\d{1,2}[ \t]*$")
_SCORE = re.compile(r"[ \t]*\d{1,2}[ \t]*[–—-][ \t]*\d{1,2}\b")
_AGENT_BEFORE = _words(
    "ally|allies|partner|partners|thank|thanks|thanked|urge|urged|urges|join|joined|joins|"
    "defeated|beat|beats|faced|faces|played|face|enable|enabled|enables|support|supports|"
    "supported|help|helps|helped"
)
_MODAL = _words("has|have|had|will|would|must|should|can|could|may|might|is|was|are|were")
_S_NOUNS = _words(
    "forces|troops|officials|operations|talks|relations|sanctions|airstrikes|strikes|citizens|"
    "nationals|authorities|interests|elections|times|news|ties|exports|imports|markets|roads|"
    "borders|cities|towns|villages|provinces|regions|areas|affairs|games|matches|fans|players|"
    "residents|refugees|people's|programs|programmes|plans|goals|efforts|units|ships|lines|"
    "jets|missions|embassies|ministers|leaders|workers|students|years|days|months|weeks"
)


_HOME_NATIONS = frozenset(["England", "Scotland", "Wales", "Northern Ireland"])
# "X's border", "Syria's north": a possessive that still names the land.
_LAND_NOUNS = _words(
    "north|south|east|west|northern|southern|eastern|western|north-east|north-west|south-east|"
    "south-west|northeast|northwest|southeast|southwest|border|borders|capital|city|cities|"
    "province|provinces|region|regions|territory|territories|coast|coastline|airspace|waters|"
    "soil|interior|countryside|mountains|desert|population|largest|second|third|oil|economy|"
    "climate|history|towns|villages|streets|skies"
)
# "U.S. commitment", "the UK's efforts": the country as a state that acts or undertakes.
_STATE_NOUNS = _words(
    "commitment|commitments|efforts|effort|support|policy|policies|position|stance|decision|"
    "contribution|contributions|role|leadership|engagement|assistance|aid|pledge|offer|"
    "proposal|response|approach|strategy|work|partners|partnership|allies|backing|"
    "involvement|intervention|campaign|delegation|envoy|ambassador|officials|leaders|"
    "representatives|armed|brave|relationship|relations|team|squad|coach|captain|players|"
    "goal|goals|attempt|victory|win|defeat|defence|defense|side|strike|strikes|airstrike|"
    "airstrikes|air strikes|warplanes|aircraft|drones|sanctions|veto|vote|ships|military"
)
_PAIR_END = re.compile(r"-[A-Z][\w.]*")
_POSSESSIVE_NEXT = re.compile(r"(?:[’']s)?[ \t]+([a-z][a-z-]*)")
_STATE_OF = re.compile(
    r"\b(?:ministers?|governments?|leaders?|presidents?|ambassadors?|embassy|embassies|"
    r"representatives?|delegations?|envoys?|counterparts?|king|emir|foreign affairs)"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?$",
    re.I,
)


def _in_score(text: str, start: int, end: int) -> bool:
    """A match score next to the name ("Belgium 3 – 0 Panama"): the country is a team."""
    return bool(
        _SCORE.match(text, end, min(len(text), end + 12))
        or _SCORE_BEFORE.search(text, max(0, start - 12), start)
    )


def _state_score(text: str, start: int, end: int) -> int:
    """1 when the country at [start, end) is an actor: subject of a verb, object of ally/thank/
    defeat, or one side of a match score. Locative uses ("in Iraq") score 0."""
    if _STATE_OF.search(text, max(0, start - 40), start):
        return 1  # "the Foreign Ministers of Iran", "the Government of Iraq"
    if text[end : end + 1] == "-" or text[start - 1 : start] == "-":
        # "UK-France co-operation": two states together; "the Iraq-Syria border": the land
        pair = _PAIR_END.match(text, end)
        noun = _POSSESSIVE_NEXT.match(text, pair.end() if pair else end, min(len(text), end + 60))
        return int(not (noun and noun.group(1) in _LAND_NOUNS))
    nxt = _POSSESSIVE_NEXT.match(text, end, min(len(text), end + 40))
    if nxt and nxt.group(1) in _STATE_NOUNS:
        return 1
    if nxt and text[end : end + 1] in "’'" and nxt.group(1) not in _LAND_NOUNS:
        return 1  # "Iraq's work with other partners"
    before = text[max(0, start - 24) : start].split()
    prev = before[-1].lower().strip(",;:") if before else ""
    if prev in ("for", "on", "upon") and _INFINITIVE.match(text, end, min(len(text), end + 30)):
        return 1  # "pressed for Norway to use", "called on Chile to stop": the subject acts
    if prev in _NOT_ACTOR_BEFORE and prev not in ("and", "by", "with"):
        return 0
    if prev in _AGENT_BEFORE:
        return 1
    if prev == "by" and len(before) > 1 and before[-2].lower().endswith("ed"):
        return 1  # "announced by Russia"
    if prev == "to" and len(before) > 1 and before[-2].lower() in ("lost", "lose", "loses"):
        return 1
    pos = end
    conj = _CONJ_NEXT.match(text, pos, min(len(text), pos + 80))
    if conj:
        pos = conj.end()  # "Russia and Turkey announced": both act
    if _SCORE.match(text, end, min(len(text), end + 12)) or _SCORE_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return 1
    for _ in range(3):
        adv = _ADVERB.match(text, pos, min(len(text), pos + 30))
        if not adv:
            break
        pos = adv.end()
    nxt = _NEXT_WORD.match(text, pos, min(len(text), pos + 40))
    if not nxt:
        aside = _ASIDE_MODAL.match(text, pos, min(len(text), pos + 40))
        return int(bool(aside))  # "its backers, notably Russia, are inflicting"
    word = nxt.group(1)
    if word in _MODAL:
        after = _NEXT_WORD.match(text, nxt.end(), min(len(text), nxt.end() + 40))
        if word in ("is", "was", "are", "were"):
            return int(bool(after and after.group(1).endswith("ing")))
        return 1
    if word in _NOT_VERB or word in _S_NOUNS:
        return 0
    if word.endswith("ed") or word in _ACTION_WORDS:
        return 1
    if word == "to" and prev not in _NOT_ACTOR_BEFORE:
        # "pressed for Russia to use its influence", "stands by Iraq to defeat": the subject
        # of the infinitive acts ("travel to Iraq to meet" was ruled out by its preposition)
        after = _NEXT_WORD.match(text, nxt.end(), min(len(text), nxt.end() + 40))
        return int(bool(after and after.group(1) not in _NOT_VERB))
    return int(word.endswith("s") and not word.endswith(("ss", "is", "us")) and len(word) > 3)


_PLURAL_TITLE = re.compile(r"(?:s|people|officials)$")


def _resolve_titles(b: _Builder, titles: list[Mention], persons: list[Entity]) -> None:
    """A capitalised bare title ("the Foreign Secretary", "Prime Minister") is a mention of the
    person the text gives that role; the nearest such person before it wins."""
    for m in titles:
        title = m.canon
        if " " not in title and title in ("officials", "official", "ministers", "leader", "head"):
            continue
        if _PLURAL_TITLE.search(title.split(" for ")[0]):
            continue
        best, best_pos = None, -1
        for p in persons:
            if not any(r.lower() == title or r.lower().endswith(" " + title) for r in p.roles):
                continue
            pos = max((s.start for s in p.mentions if s.start < m.start), default=-1)
            if pos > best_pos or best is None:
                best, best_pos = p, pos
        if best is None:
            _titled_person(b, m)
            continue
        s, e = m.start, m.end
        if b.text[s : s + 4] in ("The ", "the "):
            s += 4
        best.mentions.append(Span(s, e, b.text[s:e]))


_TITLE_LINKS = frozenset(["for", "of", "the", "and"])  # "High Commissioner for Refugees"
_TITLE_FOLLOWED = re.compile(r"[’']s[ \t]+[A-Z]")  # "Prime Minister's Questions"


def _titled_person(b: _Builder, m: Mention) -> None:
    """A capitalised title the text names no holder of ("The Foreign Secretary said") is still
    one person: keep it as a PERSON entity named by the office."""
    s, e = m.start, m.end
    words = b.text[s:e].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    the = b.text[s : s + 4].lower() == "the "
    if (
        not words
        or (len(words) < 2 and not the)
        or any(not w[:1].isupper() and w not in _TITLE_LINKS for w in words)
        or not words[-1][:1].isupper()
    ):
        return
    if _TITLE_FOLLOWED.match(b.text, e):
        return
    name = " ".join(words)
    b.add(Mention(s, e, b.text[s:e], "PERSON", name, titled=True), "PERSON", name)


_RESULT = re.compile(r"\b\d{1,2}-\d{1,2}\b(?![-–])")  # "a 5-3 win", "went 0-2"
_SPORT = re.compile(
    r"\b(?:innings?|touchdowns?|goals?|home runs?|homers?|wickets?|ERA|RBIs?|playoffs?|"
    r"quarterback|pitcher|pitched|striker|midfielder|batsmen|bowled|rebounds|halftime|"
    r"half-time|overtime|extra time|penalty kick)\b"
)
_OPPONENT = re.compile(
    r"\b(?:against|versus|vs\.?|at home to|away to|beat|swept)[ \t]+(?:the[ \t]+)?$"
)
_PLAYED = re.compile(
    r"[ \t]+(?:beat|beats|defeated|defeats|edged|routed|thrashed|drew with|draw with|lost to|"
    r"loses to|hosted|hosts|faced|faces|played|plays|(?:\d{1,2}[ \t]*[–—-][ \t]*\d{1,2}))"
    r"[ \t]+(?:the[ \t]+)?"
)


def _teams(b: _Builder) -> None:
    """Two cities joined by "beat", "lost to", "drew with" or a score ("Wellington beat
    Auckland", "Leeds 2-0 Hull") name their teams: organisations."""
    spans = sorted(
        (s.start, s.end, ent)
        for (t, _), ent in b.entities.items()
        if t == "PLACE" and ent.subtype == "city"
        for s in ent.mentions
    )
    for (_, end, a), (start, _, c) in zip(spans, spans[1:], strict=False):
        if a is not c and _PLAYED.fullmatch(b.text, end, start):
            for ent in (a, c):
                ent.type, ent.subtype = "ORG", "team"
    if spans and _RESULT.search(b.text) and _SPORT.search(b.text):  # a sports report
        for start, _, ent in spans:
            if _OPPONENT.search(b.text, max(0, start - 16), start):
                ent.type, ent.subtype = "ORG", "team"  # "his start against Boston"


def _vote_untitled_people(b: _Builder, mentions: list[Mention]) -> None:
    """A person the rules built from the shape of a name alone (no title, no role) is an
    organisation or a place when the model reads most of its words that way ("Morgan
    Stanley", "Ford said"): each mention votes with its number of words."""
    hints = {m.start: m.hint for m in mentions if m.hint}
    if not hints:
        return
    outlet_ends = {m.end for e in b.entities.values() if e.subtype == "outlet" for m in e.mentions}
    for key, ent in list(b.entities.items()):
        if key[0] != "PERSON" or ent.roles:
            continue
        if any(
            _OUTLET_OWNS.match(b.text, s.start - 3) and s.start - 3 in outlet_ends
            for s in ent.mentions
        ):
            continue  # "NPR's Debbie Marsh reports": the outlet's reporter
        if _drops_given_name(ent):
            continue  # "Michael Forrest Jones ... Forrest Jones said": a person's surname
        # the full name's reading first: a lone surname may read as a company ("Christie's")
        votes = _votes([s for s in ent.mentions if " " in s.text], hints)
        votes = votes or _votes(ent.mentions, hints)
        if not votes:
            continue
        best = max(votes, key=lambda k: votes[k])
        if best in ("ORG", "PLACE") and votes[best] > 2 * votes.get("PERSON", 0):
            if best == "PLACE" and any(_state_score(b.text, s.start, s.end) for s in ent.mentions):
                best = "ORG"  # it acts: a company, not a place ("Nvidia reported")
            _retype(b, key, best)


_OUTLET_OWNS = re.compile(r"[’']s[ \t]")


_ITS_AFTER = re.compile(r"[^.!?;\n]{0,60}?\b(its|his|her)\b")


def _companies_by_its(b: _Builder) -> None:
    """A one-word "person" with no role whose own sentences go on with "its" ("Vidyard
    announced updates to its platform", "Vidyard has launched features on its site") more than
    with "his" or "her" is a company."""
    for key, ent in list(b.entities.items()):
        if key[0] != "PERSON" or ent.roles or " " in ent.name:
            continue
        if ent.name.lower() in given_names():
            continue
        its = other = 0
        for s in ent.mentions:
            got = _ITS_AFTER.match(b.text, s.end)
            if got:
                its, other = (its + 1, other) if got.group(1) == "its" else (its, other + 1)
        if its >= 2 and its > other:
            _retype(b, key, "ORG")


def _retype(b: _Builder, key: tuple[str, str], typ: str) -> None:
    """Give the entity under ``key`` another type, joining one of that type and name."""
    ent = b.entities.pop(key)
    ent.type = typ
    same = b.entities.setdefault((typ, key[1]), ent)
    if same is not ent:
        same.mentions.extend(ent.mentions)


def _drops_given_name(ent: Entity) -> bool:
    """The text names it in full with a given name first, then without the given name, as one
    does a person ("Michael Forrest Jones", then "Forrest Jones"; never "Stanley" for "Morgan
    Stanley")."""
    texts = {s.text for s in ent.mentions}
    for t in texts:
        first, _, rest = t.partition(" ")
        if rest and first.lower() in given_names() and rest in texts:
            return True
    return False


def _votes(spans: list[Span], hints: dict[int, str]) -> dict[str, int]:
    """The model's labels over ``spans``, each weighted by its words."""
    votes: dict[str, int] = {}
    for s in spans:
        label = hints.get(s.start)
        if label:
            votes[label] = votes.get(label, 0) + len(s.text.split())
    return votes


class _NameParts:
    """Each person's full name by the parts a text uses alone: the surname, the given name, a
    surname of several words ("Le Pen", "Peña Nieto"); accents aside ("Pena Nieto")."""

    def __init__(self, persons: list[Entity]) -> None:
        self._by: dict[str, Entity] = {}
        for p in persons:
            parts = p.name.split()
            if len(parts) > 2 and parts[-1].rstrip(".").lower() in _SUFFIXES:
                parts = parts[:-1]  # "Charles H. Keating IV" -> Keating
            if len(parts) > 1:
                keys = [parts[-1], parts[0]] + [
                    " ".join(parts[k:]) for k in range(1, len(parts) - 1)
                ]
                for k in keys:
                    self._by.setdefault(plain(k), p)

    def __contains__(self, name: str) -> bool:
        return plain(name) in self._by

    def __getitem__(self, name: str) -> Entity:
        return self._by[plain(name)]


def _resolve_deferred(b: _Builder, m: Mention, by_token: _NameParts) -> bool:
    """Type a name the gazetteers do not know from its context; False when nothing fits."""
    word = m.text
    if word in by_token:
        ent = by_token[word]
        ent.mentions.append(Span(m.start, m.end, m.text))
        return True
    if _FACILITY_CUE.search(b.text, max(0, m.start - 40), m.start) and " " not in word:
        b.add(m, "FACILITY", m.canon)
        return True
    if m.type == "PERSON?":
        if m.text.split()[0].lower() in given_names():
            return False
        cue = _locative(b.text, m.start)
        if (cue and cue not in _WEAK_LOCATIVE) or _PLACE_TAIL.match(b.text, m.end):
            m.subtype = None
            b.add(m, "PLACE", m.canon)  # "near Tal Abyad", "the Wadi Barada area"
            return True
        if m.hint and m.hint != "PERSON":  # the rules found no cue: the model's reading
            b.add(m, m.hint, m.canon)
            return True
        return False
    if word.lower() in COMMON:
        return False
    if _PLACE_TAIL.match(b.text, m.end) and b.text[m.end + 1 : m.end + 2].islower():
        m.subtype = None
        b.add(m, "PLACE", m.canon)  # "the Tarvesa region", "Ostrova province"
        return True
    named_city = (
        word in given_name_cities() and len(word) > 4 and not _NAME_AFTER.match(b.text, m.end)
    )
    if (
        " " not in word
        and (word.lower() not in given_names() or named_city)
        and _locative(b.text, m.start)
    ):
        m.subtype = None
        b.add(m, "PLACE", m.canon)  # "attacks in Marea shows": the place, not a speaker
        return True
    if (
        _speech_follows(b.text, m.end) and b.text[m.start - 1 : m.start] != "\n"
    ) or _INVERTED_SPEECH.search(b.text, max(0, m.start - 30), m.start):
        b.add(m, "PERSON", m.canon, _person_role(b, m))  # "Russell said", '"...," said Russell'
        return True
    if word.lower() in given_names():
        return False
    if _team_plural(b.text, m):
        b.add(m, "ORG", m.canon)  # "the Marlins", "the Buccaneers": a team, no person
        return True
    # (a place cue before the name was tested above, before the verbs of saying)
    if _listed_with_place(b, m):
        m.subtype = None
        b.add(m, "PLACE", m.canon)  # "fighting in Zumar", "the town of Dabiq"
        return True
    if m.hint:  # the rules found no cue: the model's reading
        for typ in ("PLACE", "ORG", "PERSON"):
            typed = b.entities.get((typ, word.lower()))
            if typed is not None:  # the text typed this name once ("the village of Qalbeen")
                typed.mentions.append(Span(m.start, m.end, m.text))
                return True
        typ = m.hint
        if typ == "PLACE" and _state_score(b.text, m.start, m.end):
            typ = "ORG"  # a place no gazetteer knows that acts ("Nvidia reported") is a body
        b.add(m, typ, m.canon, _person_role(b, m) if typ == "PERSON" else None)
        return True
    return False


# "Germanwings co-pilot Andreas Lubitz", "Ryanair boss Michael O'Leary": a one-word name
# before a job and a person's name employs that person.
_JOBS = "|".join(
    sorted(
        {w for w in TITLE_HEADS if w.isalpha()}
        | {"pilot", "co-pilot", "boss", "employee", "worker", "engineer", "executive", "owner"}
    )
)
_EMPLOYER = re.compile(
    rf"[ \t]+(?:[a-z]+[ \t]+)?(?:{trie(_JOBS.split('|'))})[ \t]+[A-Z][\w’'-]+[ \t]+[A-Z][\w’'-]+"
)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]|[’']s\b")  # "Austin Rivers", "in Hassan's view"
_TEAM_PLURAL = re.compile(r"\bthe[ \t]+$")


def _team_plural(text: str, m: Mention) -> bool:
    """ "the Marlins" in a sports report: a plural name after "the" is a team, whatever the
    model reads (outside sport it is as often a family: "the Joneses")."""
    word = m.text
    return (
        word[-1:] == "s"
        and word[-2:] != "ss"
        and " " not in word
        and m.hint in (None, "PERSON", "ORG")
        and bool(_TEAM_PLURAL.search(text, max(0, m.start - 4), m.start))
        and bool(_SPORT.search(text))
    )


_INVERTED_SPEECH = re.compile(
    r"[,”\"][ \t]*(?:said|says|added|adds|explained|noted|continued|asked|wrote)[ \t]+$"
)
_AND_NEXT = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|or[ \t]+)([A-Z][\w’'-]+)")
_AND_BEFORE = re.compile(
    r"([A-Z][\w’'-]+)[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+|[ \t]or[ \t]+)$"
)


_LIST_NEXT = re.compile(r"[ \t]*(?:,|and\b|or\b)")
_LIST_PREV = re.compile(r"(?:,|\band|\bor)[ \t]*$")


def _in_list(text: str, m: Mention) -> bool:
    """Cheap test: a comma, "and" or "or" right before or after the name."""
    return bool(
        _LIST_NEXT.match(text, m.end, m.end + 5)
        or _LIST_PREV.search(text, max(0, m.start - 5), m.start)
    )


def _listed_with_known(b: _Builder, m: Mention, places: set[str]) -> bool:
    """A name listed beside one the text has already made a place (``places``, lower case)."""
    got = _AND_NEXT.match(b.text, m.end, min(len(b.text), m.end + 40))
    if got and got.group(1).lower() in places:
        return True
    got = _AND_BEFORE.search(b.text, max(0, m.start - 40), m.start)
    return bool(got and got.group(1).lower() in places)


def _listed_with_place(b: _Builder, m: Mention) -> bool:
    """ "Mosul and Raqqah", "Homs, Hama and Sarmin": a name listed beside a known place."""
    from generator.extraction.gazetteer import lookup

    for rx, pos in ((_AND_NEXT, m.end), (_AND_BEFORE, None)):
        if pos is not None:
            got = rx.match(b.text, pos, min(len(b.text), pos + 40))
        else:
            got = rx.search(b.text, max(0, m.start - 40), m.start)
        if got:
            entry = lookup(got.group(1))
            if entry and entry.type == "PLACE" and entry.subtype != "state":
                return True
    return False


# Before a two-word name "in" does not make a place ("leadership in Civic Passion").
_WEAK_LOCATIVE = frozenset(["in", "into", "across", "throughout"])
_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|outside|into|around|across|throughout|towards|toward|inside|out of)|"
    r"\b(?:towns?|city|cities|villages?|provinces?|districts?|region|area|outskirts|suburbs?|"
    r"capital|port|governorate|vicinity|municipality|commune) of)[ \t]+$"
)
_NAMED_PLACE = re.compile(
    r"\b(?:area|town|village|city|neighbou?rhood|community|district|region|suburb|settlement|"
    r"hamlet|township|island|valley)[ \t]+(?:known[ \t]+as|called|named)[ \t]+$"
)
_INCLUDING = re.compile(r"(?:including|such as|like)[ \t]+$")
_TOWNS_INCLUDING = re.compile(
    r"\b(?:towns|villages|cities|districts|provinces|regions|neighbou?rhoods|suburbs)\b"
    r"[^.;:!?\n]{0,40}?\b(?:including|such as|like)[ \t]+$"
)


def _locative(text: str, start: int) -> str | None:
    """First word of a place cue right before ``start`` ("in", "town of", "towns including")."""
    got = _LOCATIVE.search(text, max(0, start - 40), start)
    if got:
        return got.group().split()[0]
    if _INCLUDING.search(text, max(0, start - 12), start):
        got = _TOWNS_INCLUDING.search(text, max(0, start - 60), start)
        if got:
            return got.group().split()[0]
    return None


# Words a body's name may drop when the text names it again: "Netflix" for "Netflix Inc",
# "Harvard" for "Harvard University" (not "Fox" for "Fox News": another body); and a site's.
_COMPANY_SUFFIXES = _words(
    "company|corporation|corp|corp.|inc|inc.|co|co.|ltd|ltd.|llc|plc|ag|sa|nv|gmbh"
)
_BODY_HEADS = _COMPANY_SUFFIXES | _words("university|college|school|institute")


def _merge_short_forms(b: _Builder) -> None:
    """A body or site named without its head word is the same one: "Notre Dame" the "Notre Dame
    Cathedral", "Netflix" (however the model typed it) "Netflix Inc"."""
    full_by_name = {
        e.name: e for e in b.entities.values() if e.type in ("ORG", "FACILITY") and " " in e.name
    }
    for ent in b.entities.values():
        if ent.type in ("ORG", "FACILITY"):
            heads = _BODY_HEADS | FACILITY_HEADS
        elif ent.type == "PLACE" and ent.subtype is None:
            heads = _BODY_HEADS  # "Netflix" the model read as a place; "Tabqa" stays the town
        elif ent.type == "PERSON" and " " not in ent.name and not ent.roles:
            heads = _COMPANY_SUFFIXES  # "Streamvale said", after "Streamvale Inc"
        else:
            continue
        if not ent.mentions:
            continue
        for head in _heads_after(b.text, ent.name, heads):
            full = full_by_name.get(f"{ent.name} {head}") or full_by_name.get(
                f"{ent.name} {head.rstrip('.')}"
            )
            if full is not None and full is not ent and full.mentions:
                full.mentions.extend(ent.mentions)
                if ent.name not in full.aliases:
                    full.aliases.append(ent.name)
                ent.mentions = []
                break


def _heads_after(text: str, name: str, heads: frozenset[str]) -> list[str]:
    """The words of ``heads`` that follow the name somewhere in the text ("Cathedral", "Inc")."""
    out = []
    at = text.find(name)
    while at >= 0:
        word = _NEXT_CAPITAL.match(text, at + len(name))
        if word and word.group(1).lower() in heads:
            out.append(word.group(1))
        at = text.find(name, at + 1)
    return out


_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][A-Za-z]*\.?)")


def _merge_acronyms(b: _Builder) -> None:
    """An acronym joins the name it abbreviates: "NATO" the "North Atlantic Treaty Organization",
    "KSC" the "Kennedy Space Center (KSC)" (a facility, so the acronym is a place too)."""
    orgs = [e for (t, _), e in b.entities.items() if t == "ORG"]
    sites = [e for (t, _), e in b.entities.items() if t == "PLACE" and e.type == "FACILITY"]
    for ent in orgs:
        name = ent.name
        if not (name.isupper() and 2 <= len(name) <= 6):
            continue
        for other in orgs + sites:
            if other is ent or not other.mentions or " " not in other.name:
                continue
            paren = any(
                (m := _ACRONYM_PAREN.match(b.text, s.end)) and m.group(1) == name
                for s in other.mentions
            )
            if paren or _initials(other.name) == name:
                other.mentions.extend(ent.mentions)
                if name not in other.aliases:
                    other.aliases.append(name)
                ent.mentions = []
                break
