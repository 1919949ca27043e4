"""Source attribution: who says what ("X said that ...", "according to X", quotes), with basis."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from generator.extraction.fastre import fast_alternation, trie
from generator.extraction.gender import person_before, pronouns
from generator.extraction.lexicon import COMMON, TITLES, _words
from generator.extraction.roles import (
    BARE_TITLES,
    NEAREST_TITLE_TEXT,
    ROLE_TITLE_TEXT,
    title_holder,
)
from generator.extraction.speakers import GOVERNMENT_NOUNS, find_speakers, might_speak
from generator.extraction.statistical import Token
from generator.model import Claim, Entity, Sentence, Source

_VERBS = (
    r"said|says|say|told|tells|reported|reports|noted|notes|stated|states|announced|announces|"
    r"added|adds|warned|warns|claimed|claims|believes|believed|argued|argues|explained|explains|"
    r"insisted|insists|confirmed|confirms|denied|denies|wrote|writes|asserted|stressed|stresses|"
    r"emphasized|emphasised|acknowledged|revealed|reveals|estimated|estimates|predicted|"
    r"suggested|suggests|indicated|indicates|alleged|alleges|maintained|reiterated|testified|"
    r"tweeted|concluded|found|finds|rates|thinks|hopes|fears|admitted|admits|"
    r"urged|urges|called on|calls on|described|describes|declared|declares|signaling|signalling|"
    r"saying|adding|warning|insisting|stating|noting|citing|"
    r"shows?(?!\s+(?:off|up)\b)|showing(?!\s+(?:off|up)\b)|showed(?!\s+(?:off|up)\b)|"
    r"underlined|underlines|underlining|reiterates|reiterating|welcomed|"
    r"welcomes|expects|expected|expressed|expresses|reasoned|proposed|proposing|proposes|"
    r"describe|dubbed|characteri[sz]ed|admitted|theori[sz]ed|pressed for|presses for|detailed|"
    r"recommended|recommending|recommends|reporting|rejects|rejected|continued|reads|cited|cites|"
    r"explain|estimate|predict|suggest|conclude|thought|shown(?= that)|"
    r"promised|promising|promises|defended|defends|called(?!\s+(?:\w+\s+)?(?:up|back|off|out|in)\b)|calls|demanded|demands|"
    r"requested(?!\s+(?:just\s+|only\s+|about\s+|nearly\s+|some\s+)?[$£€\d])|"
    r"requests|claimed responsibility|made (?:it )?clear|makes (?:it )?clear|was clear|"
    r"is clear|asked(?!\s+to\b)|asks(?!\s+to\b)|asking(?!\s+to\b)|encouraged|encouraging|"
    r"writing|explained|believe|"
    r"announced|announces|confirmed|warned|predicts|predicted|argued|insisted|"
    r"concluded|concludes|found|finds|estimated|noted|observed|pointed out|stressed|"
    r"emphasi[sz]ed|acknowledged|accused|accuses|told|tell|"
    r"(?:released|issued|published|put out|gave)\s+(?:the\s+following|a|an|this)\s+"
    r"(?:(?:joint|brief|short|written|public|formal)\s+)?(?:statement|response|comment)|"
    r"expressed\s+(?:his|her|their|its)\s+(?:desire|hope|wish|view|belief|concern)|"
    r"made\s+(?:the|a)\s+(?:point|case)|went on|goes on|"
    r"(?:was|were|is|are)\s+quoted\s+as\s+saying|(?:was|were|is|are)\s+cited\s+as\s+saying|"
    r"commented|comments|remarked|responded|replied|recalled|cautioned|complained|conceded|"
    r"disclosed|vowed|vows|pledged|pledges|threatened|threatens|criticised|criticized|"
    r"criticises|criticizes|praised|assured|contends|countered|clarified|lamented|informed|"
    r"advised|forecast|forecasts|projected|argue|insist|warn|claim|announce|confirm|deny|"
    r"expect|determined(?= that)|blamed|blames|blame|appealed|appeals for|"
    r"identified(?=[^.;]{1,80}\bas\b)|indicate"
)
_AUX_WORDS = (
    "at first|has|have|had|also|previously|earlier|later|then|again|further|reportedly|would|will|"
    "now|today|still|publicly|repeatedly|recently|yesterday|once|already|is|was|are|were|"
    "formally|officially|quickly|swiftly|first|long"
)
_AUX = rf"(?:{trie(_AUX_WORDS.split('|'))}\s+)*"  # as a prefix tree: the engine tries it often

_VERB_RE = re.compile(rf"\b(?=[a-z]){_AUX}({fast_alternation(_VERBS)})\b")
_BASIS_AFTER_VERB = re.compile(
    r"\s*(?:(reporters|journalists|the media|a news conference|a press conference|police|"
    r"investigators|detectives|officers|officials|lawmakers|legislators|(?:the|a) court|"
    r"(?:the|a) jury|jurors|(?:the|a) judge|the committee|the (?:news)?paper|the station|"
    r"the magazine|the website|the agency|the network|the broadcaster|colleagues|friends|"
    r"relatives|residents|students|parents|staff|employees|workers|investors|analysts|"
    r"shareholders|the audience|the crowd|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\b|(?=in |on |at |during |to |through|via))?"
    r"((?:,?\s*(?:in (?:a|an|the|his|her|their|its) [\w\s.,-]{0,40}?(?:statement|interview|"
    r"briefing|address|speech|post|release|letter|conference|remarks|testimony|op-ed|column|"
    r"report|email|e-mail|tweet|video|message|appearance|hearing|article|essay|editorial|"
    r"commentary|piece|paper|book|memoir|filing|lawsuit|complaint)|"
    r"on (?:a|an|the) [\w\s-]{0,25}?(?:call|podcast|programme|program|show)|"
    r"on (?:Twitter|X|Facebook|Instagram|Telegram|television|TV|state television|state media|"
    r"(?:his|her|their|its) [\w\s-]{1,25}?(?:blog|website|account|channel|page|show|podcast))|"
    r"(?:at|during) (?:a|an|the|his|her|their|its) [\w\s.,-]{1,40}?(?:conference|briefing|rally|"
    r"meeting|summit|hearing|interview|speech|session|visit|event|ceremony|debate)|"
    r"to (?:the )?[\w\s-]{0,25}?(?:crowd|audience|reporters|journalists|lawmakers|supporters|"
    r"parliament|committee|assembly)|through intermediaries|"
    r"via intermediaries|in remarks|in an interview|on condition of anonymity))*)"
)
_APPOSITIVE_BASIS = re.compile(
    r",\s*((?:citing|quoting|drawing on|relying on|speaking on condition|based on|according to)"
    r"[^,]{1,90}),\s*$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,2000}?)[\"”]")
# Unnamed people of a named body ("researchers at IBM").
_STAFF = "researchers|scientists|engineers|experts|analysts|economists"
_ANON = re.compile(
    r"\b((?:(?:some|many|several|two|three|senior|top|other|local|western|u\.s\.|us|american|"
    r"iranian|israeli|british|european|middle eastern|government|military|administration|"
    r"intelligence|security|unnamed|anonymous|diplomatic|health|police)\s+)*"
    r"(?:officials|sources|analysts|experts|critics|observers|diplomats|witnesses|residents|"
    r"activists|researchers|scientists|reports|media|people familiar with [\w\s]+?|"
    r"individuals|users|posters|bloggers|commenters|protesters|protestors|doctors|medics|"
    r"organisers|organizers|investigators|prosecutors|economists|campaigners|lawmakers|"
    r"police|authorities|detectives|deputies|officers|agents|authors|"
    r"(?:[A-Z]{2,5}\s+)agents|(?:the|a|his|her|their) (?:research )?team|"
    r"(?:a|the) group of (?:researchers|scientists|experts)|"
    r"owners|neighbou?rs|relatives|family members|passengers|lawyers|attorneys|teachers|"
    r"parents|students|employees|workers|executives|managers|"
    r"(?:a|one|another|the|his|her|their) (?:senior |top |former |local |western |"
    r"\d+-year-old )?(?:official|source|diplomat|"
    r"spokesman|spokeswoman|spokesperson|witness|resident|analyst|expert|insider|poster|user|"
    r"blogger|commenter|reader|caller|viewer|doctor|nurse|neighbou?r|friend|relative|"
    r"boyfriend|girlfriend|husband|wife|partner|victim|teacher|owner|employee|worker|"
    r"passenger|driver|lawyer|attorney|survivor|father|mother|son|daughter|brother|sister|"
    r"executive|manager)"
    r"(?: for [A-Z][\w\s.]+?| of [A-Z][\w\s.]+?)?|"
    rf"(?:{_STAFF}|officials)"
    r" (?:at|from|with) (?:the )?[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,4}))\s*$",
    re.I,
)
_DOC_HEAD = (
    r"(?:report|study|statement|release|press release|letter|resolution|poll|survey|"
    r"assessment|analysis|document|memo|footage|video|post|web page|website|review|"
    r"investigation|inquiry|figures|data|statistics|findings|research|paper|census|audit|"
    r"filing|ruling|judgment|judgement|verdict|report card|paper|guidance|records|transcript|"
    r"results|posting|message|notice|site|blog post|blog|page|section|entry|leaflet|manifesto|"
    r"studies|reports|documents|papers|surveys|polls)"
)
_DOC = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|our)\s+|^\s*|[.;:,]\s+|\n\s*)"
    r"((?:[\w’'-]+\s+){0,3}?" + _DOC_HEAD + r"(?:\s+\d+)?"
    r"(?:\s+(?:from|by|for|of)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})?)\s*$",
    re.I,
)
_RESOLUTION = re.compile(r"\b((?:UN |U\.N\. |Security Council )?Resolution\s+\d+)\s*$")
_PRONOUN = re.compile(r"\b(he|she|He|She)\s*$")
_SPOKES = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.&’'-]*\s+){1,5}"
    r"(?:spokesman|spokeswoman|spokesperson|official|source|representative|statement))\s*$"
)
_BARE_TITLE = re.compile(
    r"\b(?:the|The)\s+((?:[\w.’'-]+\s+){0,2}?(?:(?:foreign|defence|defense|home|press|deputy|"
    r"prime|vice|state|general|senior|chief)\s+)?(?i:"
    + NEAREST_TITLE_TEXT
    + "|"
    + ROLE_TITLE_TEXT
    + r"))\s*$"
)
_LAST_WORD = re.compile(r"\w+$")
_SPOKES_LAST = _words("spokesman|spokeswoman|spokesperson|official|source|representative|statement")
_INSTITUTION_LAST = _words(
    "government|city|council|ministry|department|police|army|military|court|regime|"
    "administration|company|firm|agency|committee|party|group|municipality|authorities|embassy|"
    "board|commission|union|organisation|organization|militants|movement|charity|church|"
    "association|club|campaign|prosecutor|prosecutors|prosecution|coalition|alliance|parliament|"
    "cabinet|presidency|house"
)
_DOC_LAST = frozenset(w.split()[-1] for w in _DOC_HEAD[3:-1].split("|"))
_ANAPHORIC_ORG = frozenset(
    ["group", "organisation", "organization", "company", "firm", "militants", "movement"]
)
_PRIVATE = frozenset(["party", "union", "charity", "church", "association", "club", "campaign"])
_INSTITUTION = re.compile(
    r"\b(?:the|The|its|Its)\s+(((?:[a-z]+\s+)?)(government|city|council|ministry|department|"
    r"police|army|military|court|regime|administration|company|firm|agency|committee|party|"
    r"group|municipality|authorities|embassy|board|commission|union|organisation|organization|"
    r"militants|movement|charity|church|association|club|campaign|prosecutors?|prosecution|"
    r"coalition|alliance|parliament|cabinet|presidency|white house))\s*$"
)
_TRAIL = re.compile(r"[\s,;:.!?\"“”'’]+$")
_LEAD = re.compile(
    r"^[\s,;:\"“”'‘]*(?:(?:(?:on|last|this|late|early|earlier)\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening)|"
    r"yesterday|today|tonight)\b,?\s+)?(?:that\s+)?[\"“‘]?"
)
_END_CUT = re.compile(r",\s+(?:according to|citing|he said|she said|they said)\b|[\"“”]\s*$")
_ANON_BASIS = re.compile(r"anonym|unnamed|condition of|not authori[sz]ed|familiar with", re.I)
_OUTLET_HINT = re.compile(r"Times|Journal|Post|News|Press|Reuters|AFP|AP|BBC|CNN|Axios|Agency|TV")
_GOV_HINT = re.compile(
    r"Ministry|Department|Government|Office|Army|Navy|Forces|Command|Military|Police|Pentagon|"
    r"White House|Kremlin|Embassy|Court|Council|Administration|Cabinet|Parliament|Congress|Senate|"
    r"Municipality",
)


@dataclass
class _Hit:
    name: str
    kind: str
    basis: str
    start: int  # claim
    end: int
    sentence: int
    mention: tuple[int, int]


class _Index:
    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.pronouns = pronouns(text, entities)
        self.entities = entities
        self.by_end: dict[int, tuple[Entity, int]] = {}
        self.persons: list[tuple[int, Entity]] = []
        for e in entities:
            for m in e.mentions:
                self.by_end[m.end] = (e, m.start)
                if e.type == "PERSON" and " for " not in e.name:
                    # (an office named for its holder, "High Commissioner for Refugees", is not
                    # the "she" of the next sentence)
                    self.persons.append((m.start, e))
        self.persons.sort(key=lambda p: p[0])
        self.person_starts = [p[0] for p in self.persons]
        self.by_start: dict[int, tuple[Entity, int]] = {}
        self.orgs: list[tuple[int, Entity, int]] = []
        for e in entities:
            for m in e.mentions:
                self.by_start[m.start] = (e, m.end)
                if e.type == "ORG" and e.subtype not in ("state", "team"):
                    self.orgs.append((m.start, e, m.end))
        self.orgs.sort(key=lambda o: o[0])
        self.org_starts = [o[0] for o in self.orgs]
        self._surnames: dict[str, Entity] | None = None

    def by_surname(self) -> dict[str, Entity]:
        """Last word of each person's name -> the first such person (built once)."""
        if self._surnames is None:
            self._surnames = {}
            for _, person in self.persons:
                self._surnames.setdefault(person.name.split()[-1].lower(), person)
        return self._surnames

    def org_before(self, pos: int, lo: int) -> tuple[int, Entity, int] | None:
        i = bisect_right(self.org_starts, pos) - 1
        return self.orgs[i] if i >= 0 and self.orgs[i][0] >= lo else None

    def ending_at(self, pos: int) -> tuple[Entity, int] | None:
        return self.by_end.get(pos)

    def person_before(self, pos: int, pronoun: str = "") -> Entity | None:
        if pronoun:
            return person_before(self.persons, self.person_starts, pos, pronoun, self.pronouns)
        i = bisect_right(self.person_starts, pos) - 1
        return self.persons[i][1] if i >= 0 else None


_WORDS = re.compile(r"[^\W_]+")


def _surface_name(ent: Entity, surface: str) -> str:
    """The entity's name, or the text's own form at the claim when the two share no word
    (an acronym such as "KCNA" for the Korean Central News Agency)."""
    if ent.type == "PERSON":
        return ent.name
    surface = " ".join(surface.split())
    if surface.lower().startswith("the "):
        surface = surface[4:]
    if set(_WORDS.findall(surface.lower())) & set(_WORDS.findall(ent.name.lower())):
        return ent.name
    return surface or ent.name


def _kind(ent: Entity) -> str:
    if ent.type == "PERSON":
        return "person"
    if ent.subtype == "outlet" or (ent.type == "ORG" and _OUTLET_HINT.search(ent.name)):
        return "outlet"
    if ent.type in ("PLACE", "FACILITY") or ent.subtype in ("state", "country"):
        return "government"
    if _GOV_HINT.search(ent.name):
        return "government"
    return "organization"


def _clean_claim(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    cut = _END_CUT.search(seg)
    if cut and cut.start() > 10:
        e = s + cut.start()
        seg = text[s:e]
    lead = _LEAD.match(seg)
    if lead:
        s += lead.end()
    trail = _TRAIL.search(text, s, e)
    if trail:
        e = trail.start()
    return s, e


# How a document came to be: "figures released on Monday by", "the study, published in Nature,"
_MADE = (
    r"(?:published|released|issued|compiled|commissioned|prepared|conducted|carried out|led|"
    r"funded|presented)"
)
_DOC_OF = re.compile(
    _DOC_HEAD + rf"(?:\s+{_MADE}(?:\s+[\w\s]{{0,30}}?)?)?\s+(?:from|by|for|of)\s+(?:the\s+)?$",
    re.I,
)
_STAFF_OF = re.compile(
    rf"\b((?:{_STAFF}|doctors)[ \t]+(?:at|from|with)[ \t]+)(?:the[ \t]+)?$",
    re.I,
)
_WHERE_BEFORE = re.compile(r"[ \t]+(?:in|near|outside)[ \t]+$")
_RELATIVE = re.compile(r",[ \t]*(which|who)$")
_PERSON_OF = re.compile(r"[ \t]+(?:of|at|from)[ \t]+(?:the[ \t]+)?$")
_AGED = re.compile(r"\b[Tt]he[ \t]+\d{1,3}-year-old$")


def _source_before(text: str, lo: int, pos: int, idx: _Index) -> tuple[str, str, int, int] | None:
    """(name, kind, start, end) of the source phrase ending at ``pos`` (spaces skipped)."""
    end = pos
    while end > lo and text[end - 1] in " \t\n":
        end -= 1
    hit = idx.ending_at(end)
    where = _WHERE_BEFORE.search(text, max(lo, hit[1] - 12), hit[1]) if hit else None
    if where and (hit[0].type in ("PLACE", "FACILITY") or hit[0].subtype == "state"):
        # "researchers at IBM Research India in Bangalore found": the place is where they are
        return _source_before(text, lo, where.start(), idx)
    rel = _RELATIVE.search(text, max(lo, end - 12), end) if not hit else None
    if rel:  # "ZeniMax Media, which accuses ...", "Jane Roe, who said ...": the name before
        hit = idx.ending_at(rel.start())
        if hit and (hit[0].type == "PERSON") != (rel.group(1) == "who"):
            hit = None
    if not hit and end > lo and text[end - 1] == ",":
        hit = _appositive_owner(text, max(lo, end - 140), end - 1, idx)
        if not hit:
            hit = idx.ending_at(end - 1)  # "Minister for the Middle East, Tobias Ellwood, said"
            hit = hit if hit and hit[0].type == "PERSON" else None
    elif hit and hit[0].type != "PERSON" and _PERSON_OF.search(text, max(lo, hit[1] - 12), hit[1]):
        person = idx.ending_at(_PERSON_OF.search(text, max(lo, hit[1] - 12), hit[1]).start())
        if person and person[0].type == "PERSON":
            hit = person  # "Dr. Jane Roe of Harvard University said": Jane Roe
    staff = _STAFF_OF.search(text, max(lo, hit[1] - 40), hit[1]) if hit else None
    if hit and hit[0].type == "ORG" and staff:
        # "researchers at IBM say": the body's people, unnamed (the body answers for them)
        return " ".join(text[staff.start(1) : end].split()), _kind(hit[0]), staff.start(1), end
    of = _DOC_OF.search(text, max(lo, hit[1] - 60), hit[1]) if hit else None
    if of:  # "a preliminary report from the NPS said", "a survey by Gallup found": the document
        doc = _DOC.search(text[max(lo, end - 100) : end])
        name = _doc_name(doc.group(1)) if doc else " ".join(text[of.start() : end].split())
        return name, "document", end - len(name), end
    if hit and hit[0].type != "PERSON":
        owner = _appositive_owner(text, max(lo, hit[1] - 140), hit[1], idx)
        gap = text[text.rfind(",", lo, hit[1]) + 1 : hit[1]].split() if owner else []
        if owner and len(gap) <= 8 and gap[:1] not in (["and"], ["but"], ["while"], ["as"]):
            # "Jane Roe, head of the Acme Agency said"
            hit = owner
    if not hit and text[end - 1 : end].isdigit():
        m = _RESOLUTION.search(text, max(lo, end - 60), end)
        if m:
            return m.group(1), "document", m.start(1), end
    if hit:
        ent, start = hit
        if ent.type in ("WEAPON", "OTHER"):
            return None
        return _surface_name(ent, text[start:end]), _kind(ent), start, end
    window = text[max(lo, end - 80) : end]
    # Each end-anchored pattern below is tried only when the window's last word can end it.
    got = _LAST_WORD.search(window, max(0, len(window) - 30))
    last = got.group().lower() if got else ""
    m = _SPOKES.search(window) if last in _SPOKES_LAST else None
    if m:  # "A Foreign Office spokesman", "an Acme Corp official"
        words = " ".join(m.group(1).split())
        kind = "government" if _GOV_HINT.search(words) else "organization"
        return words, kind, end - len(window) + m.start(1), end
    m = _BARE_TITLE.search(window) if last in BARE_TITLES else None
    if m:  # "the US President said": the person the text gave that role, else (for the
        # common titles) the person named last, "the secretary added"
        at = end - len(window) + m.start()
        person = title_holder(idx.entities, m.group(1), at, idx.person_before)
        if person and person.mentions:
            near = max(
                (x for x in person.mentions if x.start < end),
                key=lambda x: x.start,
                default=person.mentions[-1],
            )
            return person.name, "person", near.start, near.end
    m = _INSTITUTION.search(window) if last in _INSTITUTION_LAST else None
    if m:  # "the city reasoned", "the group claimed"
        noun = m.group(3).lower()
        at = end - len(window) + m.start(1)
        if noun in _ANAPHORIC_ORG:
            org = idx.org_before(at, max(0, at - 600))
            if org:
                return _surface_name(org[1], text[org[0] : org[2]]), _kind(org[1]), org[0], org[2]
        kind = "organization" if noun in _ANAPHORIC_ORG or noun in _PRIVATE else "government"
        return " ".join(m.group(1).split()), kind, at, end
    m = _AGED.search(window) if last.endswith("old") else None
    if m:  # "the 34-year-old said": the person named last
        person = idx.person_before(end - len(window) + m.start())
        if person and person.mentions:
            near = person.mentions[-1]
            return person.name, "person", near.start, near.end
    m = _PRONOUN.search(window) if last in ("he", "she") else None
    if m:
        person = idx.person_before(end - len(window) + m.start(), last)
        if person and person.mentions:
            first = person.mentions[-1]
            return person.name, "person", first.start, first.end
        return None
    m = _DOC.search(window) if last in _DOC_LAST or last.isdigit() else None
    if m:
        name = _doc_name(m.group(1))
        return name, "document", end - len(name), end
    m = _ANON.search(window)
    if m:
        words = m.group(1)
        kind = "government" if re.search(r"spokes|of [A-Z]|for [A-Z]", words) else "anonymous"
        return words, kind, end - len(window) + m.start(1), end
    return None


def _doc_name(words: str) -> str:
    """A document's name without the article or conjunction before it ("But previous
    studies" -> "previous studies")."""
    return _DOC_LEAD.sub("", words)


_DOC_LEAD = re.compile(r"^(?:(?:but|and|so|yet|the|a|an)\s+)+", re.I)


def _appositive_owner(text: str, lo: int, comma: int, idx: _Index) -> tuple[Entity, int] | None:
    """ "Jeff Rathke, the State Department Spokesperson, said": the name before the appositive."""
    i = text.rfind(",", lo, comma)
    while i > lo:
        hit = idx.ending_at(i)
        if hit and hit[0].type == "PERSON":
            return hit
        if hit and hit[0].type == "ORG" and _ORG_APPOSITIVE.match(text, i + 1):
            return hit  # "The agency, which runs the port, said"; "SBM Intel, a Lagos firm, says"
        i = text.rfind(",", lo, i)
    return None


_WHICH = re.compile(r"\s*which\b")
_ORG_APPOSITIVE = re.compile(r"\s*(?:which|an?|the)\b")


_CLOSE_QUOTE = re.compile(r"[,.!?]?[\"”][ \t]*[,—–-]?[ \t]*(?:[a-z]+[ \t]+)?$")
_IT = re.compile(r"\b(?:it|It)[ \t]+(?:(?:also|then|later|further)[ \t]+)?$")
_THEY = re.compile(r"\b(?:they|They)[ \t]+(?:(?:also|then|later|further)[ \t]+)?$")
_COORD = re.compile(r"(?:,|\band|,\s*and)\s+$")


def _TRAIL_END(text: str, s: int, e: int) -> int:  # noqa: N802
    trail = _TRAIL.search(text, s, e)
    return trail.start() if trail else e


# '"...," says study co-author Boris Kingma': lower-case words describing the speaker
_DESCRIBING = (
    r"(?!(?:that|he|she|it|they|we|in|on|at|to|for|of|and|but|when|while|with|was|is|had|has)\b)"
    r"[a-z][\w’'-]*"
)
_INVERTED = re.compile(
    rf"[,\"”]\s*({_VERBS})\s+((?:the\s+)?(?:(?:[A-Z][\w.’'-]*\.?|{_DESCRIBING})\s+)*?)(?=[A-Z])"
)


def _inverted_hits(text: str, sent: Sentence, idx: _Index) -> list[_Hit]:
    """ "Quote," said Col. X. / "Quote," added KCNA."""
    hits = []
    for m in _INVERTED.finditer(text, sent.start, sent.end):
        if m.group(1) in ("told", "tells", "tell"):
            continue  # "..., the source told Reuters": who is told is not who speaks
        pos = m.end()
        ent = None
        for k in range(pos, min(sent.end, pos + 60) + 1):
            got = idx.ending_at(k)
            if got and got[1] >= pos - 1 and got[1] <= pos + 40:
                ent = got
                break
        if ent is None:
            continue
        end = next((x.end for x in ent[0].mentions if x.start == ent[1]), ent[1])
        if _NOT_THE_SPEAKER.match(text, end):
            # "SBM Intel says Nigeria is at risk": Nigeria is what is said, not who says it;
            # "X, the party's leader, urged Yoon to step down": Yoon is urged
            continue
        if text[end : end + 2] in ("’s", "'s"):
            # '"...," says Rosetta's former mission manager Gerhard Schwehm': the person
            ent = _person_after(idx, end + 2, min(sent.end, end + 80)) or ent
            end = next((x.end for x in ent[0].mentions if x.start == ent[1]), ent[1])
        s, e = _inverted_claim(text, sent, m.start() + 1)
        if e - s < 8:
            continue
        name = _surface_name(ent[0], text[ent[1] : end])
        hits.append(_Hit(name, _kind(ent[0]), "", s, e, sent.index, (ent[1], end)))
    for m in _INVERTED_GROUP.finditer(text, sent.start, sent.end):
        # "The findings are unique, say the researchers, and ...": an unnamed group
        s, e = _inverted_claim(text, sent, m.start() + 1)
        if e - s >= 8:
            words = m.group(1)
            hits.append(_Hit(words, _group_kind(words), "", s, e, sent.index, m.span(1)))
    return hits


_NOT_THE_SPEAKER = re.compile(
    r"[ \t]+(?:(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|"
    r"does|do)\b|to[ \t]+[a-z])"
)


def _person_after(idx: _Index, lo: int, hi: int) -> tuple[Entity, int] | None:
    """The first person whose mention ends between lo and hi, as (entity, its start)."""
    for k in range(lo, hi + 1):
        got = idx.ending_at(k)
        if got and got[0].type == "PERSON":
            return got
    return None


_INVERTED_GROUP = re.compile(
    r"[,\"”]\s*(?:said|says|say|added|adds|explained|noted|told\s+\w+)\s+"
    r"((?:the\s+)?(?:researchers|scientists|officials|police|authorities|investigators|experts|"
    r"analysts|owners|organi[sz]ers|doctors|witnesses|residents|neighbou?rs|prosecutors|"
    r"authors|team|executives)|"
    r"(?:a|an|one|another)\s+(?:[a-z-]+\s+){0,4}?(?:official|officer|executive|source|"
    r"spokesman|spokeswoman|spokesperson|analyst|expert|resident|witness|diplomat|manager|"
    r"employee|worker|doctor|lawyer|researcher|scientist|investigator|insider))\b"
)


_OFFICIAL_GROUP = re.compile(r"officials|police|authorities|prosecutors")


def _group_kind(words: str) -> str:
    return "government" if _OFFICIAL_GROUP.search(words) else "anonymous"


_COLON = re.compile(
    r"(?:\s+(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))?\s*:\s*"
)


def _colon_claim(text: str, pos: int, limit: int) -> tuple[int, int]:
    """ "X said:" then the quote or paragraph that follows."""
    m = _COLON.match(text[pos : pos + 40])
    if not m:
        return 0, 0
    start = pos + m.end()
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    if end - start > 1500:
        end = start + 1500
    return _clean_claim(text, start, end)


def _verb_hits(
    text: str, sent: Sentence, idx: _Index, previous: list[_Hit] | None = None
) -> list[_Hit]:
    hits: list[_Hit] = []
    for vm in _VERB_RE.finditer(text, sent.start, sent.end):
        pos = vm.start()
        basis = ""
        # Each backwards pattern runs only when its cheap necessary sign is there: a comma
        # before the verb, a word such as "seen", a possessive.
        if text[max(sent.start, pos - 12) : pos].rstrip()[-1:] == ",":
            app = _APPOSITIVE_BASIS.search(text, max(sent.start, pos - 120), pos)
            if app:
                basis = app.group(1).strip()
                pos = app.start()
        window = text[max(sent.start, pos - 120) : pos]
        if any(w in window for w in _SEEN_WORDS):
            seen = _SEEN_BY.search(text, max(sent.start, pos - 80), pos)
            if seen:  # "a leaked letter seen by Sky News says": the outlet is the basis
                basis = basis or " ".join(seen.group(1).split())
                pos = seen.start()
                window = text[max(sent.start, pos - 120) : pos]
        src = None
        owned = (
            _OWNED_DOC.search(text, max(sent.start, pos - 120), pos)
            if "’s" in window or "'s" in window
            else None
        )
        if owned:  # "PC World's recent analysis of its traffic concluded"
            hit = idx.ending_at(owned.start())
            if hit and hit[0].type not in ("WEAPON", "OTHER"):
                ent, start = hit
                src = (
                    _surface_name(ent, text[start : owned.start()]),
                    _kind(ent),
                    start,
                    owned.start(),
                )
            else:
                name = _CAPS_BEFORE.search(text, max(sent.start, owned.start() - 60), owned.start())
                if name and name.group(1).split()[0].lower() not in COMMON:
                    words = name.group(1)
                    kind = (
                        "outlet"
                        if _OUTLET_HINT.search(words)
                        else "government"
                        if _GOV_HINT.search(words)
                        else "organization"
                    )
                    src = (words, kind, name.start(1), name.end(1))
            if src:
                basis = basis or " ".join(owned.group(1).split())
        verb = vm.group(1)
        if _TOPIC_ONLY.match(text, vm.end()) and verb in _TOPIC_VERBS:
            continue  # "X comments on the report": a topic, not what was said
        window = text[max(sent.start, pos - 120) : pos]  # (cheap signs first, then patterns)
        if not src and (" that " in window or " which " in window or " who " in window):
            rel = _RESTRICTIVE.search(text, max(sent.start, pos - 120), pos)
            if rel:  # "The group that represents 155,000 Realtors said": the group
                src = _source_before(text, sent.start, rel.end(1), idx)
        if not src and text[max(sent.start, pos - 3) : pos].rstrip()[-1:] == ",":
            rel = _RELATIVE_BETWEEN.search(text, max(sent.start, pos - 160), pos)
            if rel:  # "the source, who said he had spoken to them, told Reuters"
                src = _source_before(text, sent.start, rel.start(), idx)
        if not src and _MADE_WORD.search(window):
            made = _DOC_MADE.search(text, max(sent.start, pos - 120), pos)
            if made:  # "The study, published in Nature, found"; "Research conducted in X shows"
                src = _source_before(text, sent.start, made.end(1), idx)
                if src and src[1] == "document" and made.group(2):
                    basis = basis or " ".join(made.group(2).strip(" ,").split())
        if not src and _DAY_WORD.search(window, max(0, len(window) - 40)):
            when = _WHEN_BEFORE.search(text, max(sent.start, pos - 40), pos)
            if when:  # "China on Tuesday stressed that ...": the subject before the day
                src = _source_before(text, sent.start, when.start(), idx)
        src = src or _source_before(text, sent.start, pos, idx)
        if not src and verb == "citing" and text[pos - 2 : pos].strip() == ",":
            first = next((p for st, p in idx.persons if sent.start <= st < pos), None)
            if first:
                m0 = next(x for x in first.mentions if sent.start <= x.start < pos)
                src = (first.name, "person", m0.start, m0.end)
        coord = _COORD.search(text, max(sent.start, vm.start() - 8), vm.start())
        if not src and coord and hits and verb not in ("citing", "told", "tell"):
            # "X pressed for A, underlined B and stressed C": one subject, three claims
            prev = hits[-1]
            src = (prev.name, prev.kind, prev.mention[0], prev.mention[1])
            if prev.end > coord.start():
                prev.end = max(prev.start + 1, _TRAIL_END(text, prev.start, coord.start()))
        if not src and coord and verb not in ("citing", "told", "tell"):
            src = _subject(text, sent, idx, coord.start())  # "X condemns A and reiterates B"
        if not src and previous and _IT.search(text, max(sent.start, vm.start() - 14), vm.start()):
            last = previous[-1]
            if last.kind in ("outlet", "organization", "government", "document"):
                src = (last.name, last.kind, last.mention[0], last.mention[1])
        if (
            not src
            and previous
            and _THEY.search(text, max(sent.start, vm.start() - 16), vm.start())
        ):
            last = previous[-1]  # "The scientists found ... They estimated ..."
            if last.kind in ("anonymous", "organization", "government") and (
                last.sentence >= sent.index - 3
            ):
                src = (last.name, last.kind, last.mention[0], last.mention[1])
        if not src and _IT.search(text, max(sent.start, vm.start() - 14), vm.start()):
            org = idx.org_before(vm.start(), max(0, sent.start - 400))  # "the agency ... it said"
            if org:
                src = (_surface_name(org[1], text[org[0] : org[2]]), _kind(org[1]), org[0], org[2])
        if not src:
            continue
        if verb == "citing" and not basis and src[1] not in ("person", "government"):
            continue
        after = _BASIS_AFTER_VERB.match(text, vm.end(), sent.end)
        claim_start = vm.end()
        if after:
            extra = " ".join(x for x in (after.group(1), after.group(2)) if x).strip(" ,")
            if verb in ("told", "tells", "tell") and after.group(1):
                basis = basis or f"told {after.group(1)}"
                extra = after.group(2).strip(" ,")
            if extra and extra not in basis and not after.group(1):
                basis = basis or extra
            claim_start = after.end()
            if after.group(1) and verb not in ("told", "tells", "tell"):
                claim_start = vm.end()  # "says Nigeria is at risk": no audience, the claim
        named_here = sent.start <= src[2] < vm.start()
        head_end = src[2] if named_here else vm.start()
        if _QUOTE_BEFORE.search(text, max(sent.start, head_end - 12), head_end):
            # '"Quote," X says on his blog.': the claim is the quote before the source
            s, e = _inverted_claim(text, sent, head_end)
            if e - s >= 8:
                rest = _PREP_TAIL.match(text, claim_start, sent.end)
                if rest and not basis:
                    basis = " ".join(rest.group(1).split())
                hits.append(_Hit(src[0], src[1], basis, s, e, sent.index, (src[2], src[3])))
                continue
        tail = _ADJUNCT_TAIL.match(text, vm.end(), sent.end)
        if (
            named_here
            and (tail or text[vm.end() : sent.end].strip(' .!?"”') == "")
            and _QUOTE_THEN_ROLE.search(text, max(sent.start, head_end - 80), head_end)
        ):
            s, e = _inverted_claim(text, sent, head_end)
            if e - s >= 8:
                if tail and not _WHEN.match(tail.group(1)):
                    basis = basis or " ".join(tail.group(1).split())
                hits.append(_Hit(src[0], src[1], basis, s, e, sent.index, (src[2], src[3])))
                continue
        comma = text.rfind(",", sent.start, vm.start())
        if (
            tail
            and comma > sent.start
            and _source_phrase(text[comma + 1 : vm.start()])
            and not _CLAUSE_WORD.search(tail.group(1))
        ):
            # "A key approach is patience, Zuckerberg said at the trial.": the clause before
            s, e = _inverted_claim(text, sent, comma + 1)
            if e - s >= 8:
                if not _WHEN.match(tail.group(1)):
                    basis = basis or " ".join(tail.group(1).split())
                hits.append(_Hit(src[0], src[1], basis, s, e, sent.index, (src[2], src[3])))
                continue
        if not basis:
            lead = _LEAD_BASIS.match(text, sent.start, vm.start())
            basis = " ".join(lead.group(1).split()) if lead else ""
        s, e = _colon_claim(text, vm.end(), sent.end)
        if e - s < 8:
            s, e = _clean_claim(text, claim_start, sent.end)
        quote = _QUOTE.match(text, s - 1) if s > 0 else None
        if quote and quote.start() >= s - 1:
            s, e = _clean_claim(text, quote.start(1), quote.end(1))
        if e - s < 8:
            s, e = _inverted_claim(text, sent, head_end)
        if e - s < 8:
            continue
        hits.append(_Hit(src[0], src[1], basis, s, e, sent.index, (src[2], src[3])))
    return hits + _coordinated(text, idx, hits)


def _coordinated(text: str, idx: _Index, hits: list[_Hit]) -> list[_Hit]:
    """ "Earl Hypolite and Naomi Zitt-James say ...": both people say it."""
    out = []
    for h in hits:
        at = h.mention[0]
        if h.kind != "person" or text[at - 5 : at] != " and ":
            continue
        other = idx.ending_at(at - 5)
        if other and other[0].type == "PERSON":
            ent, start = other
            name = _surface_name(ent, text[start : at - 5])
            out.append(_Hit(name, "person", h.basis, h.start, h.end, h.sentence, (start, at - 5)))
    return out


_CAPS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w.&-]*[ \t]+){0,4}[A-Z][\w.&-]*)$")
_TOPIC_ONLY = re.compile(r"\s+(?:on|to|about|upon)\b")
_TOPIC_VERBS = frozenset(
    [
        "commented",
        "comments",
        "responded",
        "replied",
        "remarked",
        "reported",
        "reports",
        "wrote",
        "writes",
        "testified",
        "posted",
        "tweeted",
        "informed",
        "advised",
        "complained",
    ]
)
_SEEN_WORDS = (
    "seen",
    "obtained",
    "reviewed",
    "read",
    "published",
    "released",
    "shared",
    "leaked",
    "quoted",
    "cited",
    "posted",
)
_SEEN_BY = re.compile(
    r"\s((?:seen|obtained|reviewed|read|published|released|shared|leaked|quoted|cited|posted)"
    r"\s+(?:by|to|on|in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*$"
)
_OWNED_DOC = re.compile(
    r"[’']s\s+((?:[a-z-]+\s+){0,3}?" + _DOC_HEAD + r"(?:\s+(?:of|on|into|for)\s+[^,;:.]{1,60}?)?)"
    r",?\s*$"
)
_QUOTE_BEFORE = re.compile(r"[,?!][\"”’][ \t]*(?:[a-z]+[ \t]+)?$")
# '"Quote," Chinese foreign ministry spokesperson Geng Shuang said on Tuesday.'
_QUOTE_THEN_ROLE = re.compile(r"[,?!][\"”’][ \t]*(?:[\w.’'-]+[ \t]+){0,6}$")
_DOC_MADE = re.compile(r"\b(" + _DOC_HEAD + rf")(,?\s+{_MADE}\s+[^.;:\"“”]{{1,80}}?),?\s*$", re.I)
_MADE_WORD = re.compile(rf"\b{_MADE}\b")  # (a cheap sign before _DOC_MADE)
_PERIOD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|morning|"
    r"afternoon|evening|night)"
)
_DAY_WORD = re.compile(_PERIOD)  # (a cheap sign before _WHEN_BEFORE)
_WHEN_BEFORE = re.compile(rf",?\s+(?:(?:late|early)\s+)?(?:on|last|this)\s+{_PERIOD}\s*,?\s*$")
_RESTRICTIVE = re.compile(
    r"\b((?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,2}?(?:group|company|firm|agency|body|"
    r"association|organi[sz]ation|union|council|committee|board|researchers|scientists|team|"
    r"officials|study|report|survey|analysis))\s+(?:that|which|who)\s+"
    r"(?:[^,;:.\"“”]|(?<=\d)[,.](?=\d)){1,100}?\s*$"
)
_RELATIVE_BETWEEN = re.compile(r",[ \t]*(?:who|which)\b[^,;:.\"“”]{1,140},[ \t]*$")
_ADJUNCT_TAIL = re.compile(
    r"\s*((?:on|in|at|during|according to|to|after|before|via|through|from|last|this|earlier|"
    r"later|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\b[^.;:\"“”]{0,100}?)[\s.!?\"”]*$",
    re.I,
)
_CLAUSE_WORD = re.compile(
    r"\b(?:that|if|whether|it|is|are|was|were|will|would|has|have|had|he|she|they|we)\b", re.I
)
_WHEN = re.compile(
    r"(?:on|in|last|this|earlier|later|yesterday|today|tonight|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b(?:\s+(?:the\s+)?(?:\d[\w,]*|[A-Z]\w+|week|month|"
    r"year|day|morning|afternoon|evening|night|weekend))*\s*$",
    re.I,
)
_PREP_TAIL = re.compile(r"\s*((?:on|in|at|during|via|through|to)\s[^.;]{1,80}?)[\s.!?\"”]*$")
_LEAD_BASIS = re.compile(
    r"\s*[\"“]?((?:Speaking\s+(?:at|to|on|in|during)\s+[^,]{3,80}?)|"
    r"(?:In|During|At)\s+[^,]{0,60}?\b(?:statement|interview|speech|letter|post|tweet|briefing|"
    r"conference|remarks|report|email|e-mail|message|video|hearing|testimony|meeting|session|"
    r"address|podcast|op-ed|column|filing|release|appearance|rally|summit|debate)s?\b[^,]{0,30}?),"
)
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.’'-]*[ \t]+){1,4}")
_SUBJECT_LEAD = re.compile(r"[\s\"“‘'(]*(?:(?:The|the)\s+)?")


def _source_phrase(words: str) -> bool:
    """Whether the words between a comma and a verb of saying can be just its source: a name
    or a short description ("a spokeswoman for the Service Employees International Union"),
    no clause of its own."""
    n = len(words.split())
    return n <= 6 or (n <= 12 and not _CLAUSE_WORD.search(words))


def _subject(
    text: str, sent: Sentence, idx: _Index, limit: int
) -> tuple[str, str, int, int] | None:
    """The source that opens the sentence ("Tobias Ellwood condemns A and reiterates B"), when
    it is a person or body and nothing but its name comes before it."""
    lead = _SUBJECT_LEAD.match(text, sent.start, limit)
    pos = lead.end() if lead else sent.start
    got = idx.by_start.get(pos)
    title = _TITLE_WORDS.match(text, pos, limit) if got is None else None
    if title:  # "Mayor Ines Varga condemns ...": the name after a capitalised title
        for word in re.finditer(r"[ \t]+(?=\S)", title.group()):
            got = idx.by_start.get(pos + word.end())
            if got is not None:
                pos += word.end()
                break
    if got is None or got[1] > limit:
        return None
    ent, end = got
    if ent.type not in ("PERSON", "ORG"):
        return None
    nxt = text[end : end + 2]
    if nxt[:1] == "," or nxt in ("’s", "'s"):
        return None
    return _surface_name(ent, text[pos:end]), _kind(ent), pos, end


def _inverted_claim(text: str, sent: Sentence, src_start: int) -> tuple[int, int]:
    """ "Claim, X said." or ""Quote," X said.": the claim is what precedes the source."""
    head = text[sent.start : src_start]
    q = _QUOTE.search(head)
    if q:
        return _clean_claim(text, sent.start + q.start(1), sent.start + q.end(1))
    close = _CLOSE_QUOTE.search(head)
    if close:
        # A quote of several sentences: "One. Two," said X. The claim starts at its opening mark.
        end = sent.start + close.start()
        opening = max(
            text.rfind("“", max(0, end - 3000), end), text.rfind('"', max(0, end - 3000), end)
        )
        if opening >= 0:
            return _clean_claim(text, opening + 1, end)
    comma = head.rfind(",")
    if comma > 8:
        return _clean_claim(text, sent.start, sent.start + comma)
    return 0, 0


def _according_hits(text: str, sent: Sentence, idx: _Index) -> list[_Hit]:
    if "ccording to" not in sent.text:
        return []  # (a fast literal test before the pattern)
    hits = []
    for am in _ACCORDING.finditer(text, sent.start, sent.end):
        rest = text[am.end() : sent.end]
        m = _ACCORDING_DOC_OF.match(rest)  # "according to analysis by the EIA": the EIA
        name_start = am.end() + (m.end() if m else 0)
        ent = None
        for e in idx.by_end.values():
            if (
                e[1] == name_start
                or e[1] == name_start + 4
                and text[name_start : name_start + 4] in ("the ", "The ")
            ):
                ent = e
                break
        if ent is None:
            # "according to a statement from the company": the statement
            first, then = (am.end(), name_start) if m and m.group(1) else (name_start, am.end())
            np = _ACCORDING_NP.match(text, first, sent.end) or _ACCORDING_NP.match(
                text, then, sent.end
            )
            if not np:
                continue
            words = np.group(1)
            kind = _according_kind(words)
            ms, me = np.start(1), np.end(1)
            if am.start() - sent.start < 3:
                comma = text.find(",", np.end(), min(sent.end, np.end() + 80))
                s, e = _clean_claim(text, comma + 1 if comma >= 0 else np.end(), sent.end)
            else:
                s, e = _clean_claim(text, sent.start, am.start())
            if e - s >= 8:
                hits.append(_Hit(words, kind, "", s, e, sent.index, (ms, me)))
            continue
        entity, ms = ent
        me = entity_end = next((m2.end for m2 in entity.mentions if m2.start == ms), None)
        if entity_end is None:
            continue
        desc = _OUTLET_DESC.match(text, me, sent.end)
        if desc:
            me = desc.end()
        basis = ""
        app = re.match(
            r",\s*((?:citing|quoting|drawing on|based on)[^,]{1,90}(?:\([^()]{1,40}\))?),",
            text[me : sent.end],
        )
        tail = me + (app.end() if app else 0)
        if app:
            basis = app.group(1).strip()
        if am.start() - sent.start < 3 or _CLAIM_AFTER.search(text, sent.start, am.start()):
            # "According to X, CLAIM", "..., but, according to X, CLAIM"
            s, e = _clean_claim(text, tail, sent.end)
        else:  # CLAIM, according to X
            s, e = _clean_claim(text, sent.start, am.start())
        if e - s >= 8:
            hits.append(_Hit(entity.name, _kind(entity), basis, s, e, sent.index, (ms, me)))
    return hits


_ACCORDING_DOC_OF = re.compile(
    r"(?:an? |the )?((?:new |recent |latest |preliminary |final )?"
    + _DOC_HEAD
    + r" (?:by|from|of) )?"
)
# "..., but, according to X, CLAIM": the claim follows the source
_CLAIM_AFTER = re.compile(r"\b(?:but|and|yet|so|however|while)\s*,?\s*\Z")
_ACCORDING_ORGS = frozenset(
    ["company", "firm", "group", "union", "defence", "defense", "organisation", "organization"]
)
_ACCORDING_NP = re.compile(
    r"((?:[A-Za-z][\w’'-]*\s+){0,3}?(?:officials|sources|leadership|analysts|experts|critics|"
    r"paper|analysis|prosecution|defen[cs]e|county|city|court|government|ministry|"
    r"department|agency|council|company|firm|group|union|organi[sz]ation|"
    r"posting|website|site|post|blog|page|statement|release|letter|notice|filing|"
    r"observers|diplomats|witnesses|residents|activists|researchers|scientists|reports|media|"
    r"police|prosecutors|investigators|authorities|doctors|medics|organisers|organizers|"
    r"figures|data|estimates|statistics|records|documents|polls?|surveys?|studies|research|"
    r"reports?|results|testimony|accounts|people))\b(?=\s*[,.;]|\s+(?:who|in|at|on|from|by|"
    r"issued|released|published|commissioned|compiled|prepared|conducted|obtained|seen)\b)"
)
_DOC_WORD = re.compile(
    r"figures|data|estimates|statistics|records|documents|poll|survey|stud|research|report|"
    r"results|testimony|posting|site|post|blog|page|statement|release|letter|notice|filing|"
    r"paper|analysis"
)


def _according_kind(words: str) -> str:
    """The kind of an unnamed source "according to" names: "the new paper", "the county"."""
    head = words.lower().split()[-1]
    if _DOC_WORD.search(words.lower()):
        return "document"
    if head in GOVERNMENT_NOUNS:
        return "government"
    return "organization" if head in _ACCORDING_ORGS else "anonymous"


_OUTLET_DESC = re.compile(
    r"\s+(?:news agency|newspaper|news site|website|agency|daily|magazine|broadcaster|"
    r"channel|network|television|tv|radio|outlet|reported)\b"
)


def _corroborate(sources: list[Source], text: str) -> None:
    """Mark claims that another, independent source also makes (shared content-word stems).

    Not independent: the same words credited twice (an outlet relaying a quote), a source named
    inside the other's claim (a name inside the quote) or in its basis (the host of an
    interview: "told CNN"). Only claim pairs sharing a stem are compared (an inverted index), and
    a stem held by very many claims is ignored, so this stays near-linear on long documents.
    """
    claims: list[tuple[Source, Claim, frozenset[str]]] = []
    for src in sources:
        for c in src.claims:
            words = _WORD4.findall(c.text[:2000].lower())
            claims.append((src, c, frozenset(w[:5] for w in words) - _STOP))
    index: dict[str, list[int]] = {}
    for i, (_, _, stems) in enumerate(claims):
        for st in stems:
            index.setdefault(st, []).append(i)
    for i, (a, ca, sa) in enumerate(claims):
        counts: dict[int, int] = {}
        for st in sa:
            holders = index[st]
            if len(holders) > 50:
                continue
            for j in holders:
                if j != i:
                    counts[j] = counts.get(j, 0) + 1
        for j, shared in sorted(counts.items()):
            b, cb, sb = claims[j]
            if b.name == a.name or shared < 3 or b.name in ca.corroborated_by:
                continue
            if shared / max(1, min(len(sa), len(sb))) < 0.2 or not _independent(a, ca, b, cb):
                continue
            ca.corroborated_by.append(b.name)


def _independent(a: Source, ca: Claim, b: Source, cb: Claim) -> bool:
    if ca.start < cb.end and cb.start < ca.end:
        return False  # the same words credited to both: one relays the other
    for x, cx, y in ((a, ca, b), (b, cb, a)):
        if _names(y.name, cx.text) or _names(y.name, x.basis):
            return False  # "X told CNN", or the other source named inside the claim
    return True


def _names(name: str, text: str) -> bool:
    words = [w for w in _WORDS.findall(name) if len(w) > 2 and w.lower() not in COMMON]
    return bool(words) and any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


_WORD4 = re.compile(r"[A-Za-z]{4,}")
MAX_HITS = 2000
MAX_PARSED = 200  # sentences parsed per document: bounds the model's time on huge seeds
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "will",
        "would",
        "could",
        "should",
        "their",
        "there",
        "which",
        "about",
        "also",
        "into",
        "over",
        "under",
        "more",
        "most",
        "than",
        "they",
        "them",
        "were",
        "when",
        "what",
        "whil",
        "other",
        "such",
        "only",
        "very",
        "just",
        "being",
        "said",
        "says",
        "repor",
        "accor",
    ]
)


_WHOLE_QUOTE = re.compile(r"[\"“]([^\"“”]{8,2000})[\"”]\s*$")


def _continued_quotes(text: str, sentences: list[Sentence], hits: list[_Hit]) -> None:
    """A quoted sentence with no attribution of its own, right after a sentence whose quote is
    credited, in the same paragraph, goes on with the same claim: '"We will appeal," said Ortiz.
    "This ruling is wrong."' is one claim of Ortiz's (a quote over several sentences is one)."""
    by_sentence: dict[int, _Hit] = {}
    for h in hits:
        by_sentence.setdefault(h.sentence, h)
    for prev, sent in zip(sentences, sentences[1:], strict=False):
        held = by_sentence.get(prev.index)
        if held is None or sent.index in by_sentence or "\n\n" in text[prev.end : sent.start]:
            continue
        if held.kind != "person" or not any(c in prev.text for c in '"“”'):
            continue
        quote = _WHOLE_QUOTE.match(sent.text)
        if quote is None:
            continue
        held.end = _clean_claim(text, held.start, sent.start + quote.end(1))[1]
        by_sentence[sent.index] = held


_GOING_ON = re.compile(
    r",\s+(?:(?:adding|saying|insisting|noting|arguing|warning|explaining|stressing|stating|"
    r"asserting|claiming)\s+(?:that\s+)?|telling\s+(?:[\w’'-]+\s+){1,6}?that\s+)(?=\S)"
)


def _going_on(text: str, sentences: list[Sentence], hits: list[_Hit]) -> list[_Hit]:
    """ "..., Soelistyo told reporters, adding that the search would go on all night": what
    follows ", adding that" (saying, insisting, noting, ...) is another claim of the speaker
    credited before it in the sentence."""
    by_sentence: dict[int, list[_Hit]] = {}
    for h in hits:
        by_sentence.setdefault(h.sentence, []).append(h)
    out = []
    for sent in sentences:
        mine = by_sentence.get(sent.index)
        if not mine or "," not in sent.text:
            continue
        for m in _GOING_ON.finditer(text, sent.start, sent.end):
            before = [h for h in mine if h.mention[1] <= m.start()]
            if not before or any(h.start >= m.end() for h in mine):
                continue
            speaker = max(before, key=lambda h: h.mention[1])
            s, e = _clean_claim(text, m.end(), sent.end)
            if e - s < 8:
                continue
            for h in mine:
                if h.start < m.start() < h.end:  # "announced a hold, adding that ...": split
                    h.end = _clean_claim(text, h.start, m.start())[1]
            hit = _Hit(speaker.name, speaker.kind, speaker.basis, s, e, sent.index, speaker.mention)
            out.append(hit)
    return out


_SAID_COLON = re.compile(
    rf"\s+{_AUX}(?:said|says|added|adds|told\s+(?:the\s+)?[\w-]+|stated|explained)\s*:\s*$"
)
_LIST_ITEM_WORDS = 45


def _listed_claims(text: str, sentences: list[Sentence], idx: _Index) -> list[_Hit]:
    """ "President Obama also said:" closing a paragraph, then items, one per paragraph, with
    no closing full stop: each item is a claim of the speaker."""
    out = []
    for n, sent in enumerate(sentences):
        if not sent.text.rstrip().endswith(":") or not text.startswith("\n", sent.end):
            continue
        verb = _SAID_COLON.search(sent.text)
        if verb is None:
            continue
        found = _source_before(text, sent.start, sent.start + verb.start(), idx)
        if found is None:
            continue
        name, kind, ms, me = found
        lead = _LEAD_BASIS.match(text, sent.start, sent.start + verb.start())
        basis = " ".join(lead.group(1).split()) if lead else ""  # "In a wide-ranging interview"
        for item in sentences[n + 1 :]:
            body = item.text.strip()
            starts_paragraph = text[max(0, item.start - 1) : item.start] == "\n"
            if not starts_paragraph or body[-1:] in ".!?" or len(body.split()) > _LIST_ITEM_WORDS:
                break
            s, e = _clean_claim(text, item.start, item.end)
            if e - s >= 8:
                out.append(_Hit(name, kind, basis, s, e, item.index, (ms, me)))
    return out


_FIRST_PERSON = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|we|We|we['’](?:re|ve|d|ll)|We['’](?:re|ve|d|ll)|my|My|our|Our)\b"
)


def _first_person_paragraphs(text: str, sentences: list[Sentence], hits: list[_Hit]) -> None:
    """A paragraph in the first person that nobody is credited with, right after a paragraph
    whose last claim is a person's, is that person speaking on (a quote set as its own
    paragraph, its quotation marks lost): all of it is one more claim of theirs."""
    paragraphs: list[list[Sentence]] = []
    for sent in sentences:
        if not paragraphs or "\n\n" in text[paragraphs[-1][-1].end : sent.start]:
            paragraphs.append([])
        paragraphs[-1].append(sent)
    by_sentence: dict[int, _Hit] = {}
    for h in hits:
        by_sentence[h.sentence] = h
    starts = [x.start for x in sentences]
    claimed: set[int] = set()  # sentences a claim reaches into ("...said:" then a paragraph)
    for h in hits:
        lo, hi = bisect_right(starts, h.start) - 1, bisect_left(starts, h.end)
        claimed.update(sentences[i].index for i in range(max(0, lo), hi))
    for prev, para in zip(paragraphs, paragraphs[1:], strict=False):
        first = para[0].text
        if not _FIRST_PERSON.search(first, 0, 60) or first[:1] in '"“':
            continue
        if any(x.index in by_sentence or x.index in claimed for x in para):
            continue
        held = next((by_sentence[x.index] for x in reversed(prev) if x.index in by_sentence), None)
        if held is None or held.kind != "person":
            continue
        start, end = _clean_claim(text, para[0].start, para[-1].end)
        hit = _Hit(held.name, held.kind, "", start, end, para[0].index, held.mention)
        hits.append(hit)
        for x in para:
            by_sentence[x.index] = hit


def _parsed_hits(
    text: str, sent: Sentence, tokens: list[Token], entities: list[Entity], idx: _Index
) -> list:
    return [
        _Hit(sp.name, sp.kind, sp.basis, sp.claim[0], sp.claim[1], sent.index, sp.mention)
        for sp in find_speakers(text, sent, tokens, entities, idx.person_before)
    ]


_SPEAKER = re.compile(r"((?:[A-Z][A-Z.'’-]+[ \t]+){0,3}[A-Z][A-Z'’-]+):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset(
    ["Q", "QUESTION", "MODERATOR", "OPERATOR", "NOTE", "UPDATE", "PARTICIPANT"]
)


def _speaker_hits(text: str, sent: Sentence, idx: _Index) -> list[_Hit]:
    """A transcript line "SECRETARY KERRY: We talked about ...": the speaker label is the source
    (with no cue) and the rest of the paragraph the claim."""
    if sent.start and text[sent.start - 1] != "\n":
        return []
    m = _SPEAKER.match(text, sent.start, min(sent.end, sent.start + 60))
    if not m:
        return []
    words = [w for w in m.group(1).split() if w.lower().rstrip(".") not in TITLES]
    if not words or words[-1] in _NOT_SPEAKERS or len(words[-1]) < 3:
        return []
    name = " ".join(words).title()
    person = idx.by_surname().get(words[-1].lower())
    if person is not None:
        name = person.name
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else min(end, m.end() + 3000)
    s, e = _clean_claim(text, m.end(), end)
    if e - s < 8:
        return []
    return [_Hit(name, "person", "", s, e, sent.index, (m.start(1), m.end(1)))]


def find_sources(
    text: str,
    sentences: list[Sentence],
    entities: list[Entity],
    parse: Callable[[list[Sentence]], list[list[Token]]] | None = None,
) -> list[Source]:
    """Sources and their claims. ``parse`` (the dependency parses of sentences) finds the
    speakers of the sentences the rules attribute to nobody."""
    idx = _Index(text, entities)
    hits: list[_Hit] = []
    seen: dict[str, list[_Hit]] = {}
    unattributed: list[Sentence] = []

    def keep(found: list[_Hit]) -> None:
        for h in found:
            mine = seen.setdefault(h.name, [])
            if not any(h.start < o.end and o.start < h.end for o in mine[-8:]):
                mine.append(h)
                hits.append(h)

    for sent in sentences:
        if len(sent.text) > 5000:
            continue
        found = (
            _according_hits(text, sent, idx)
            + _inverted_hits(text, sent, idx)
            + _verb_hits(text, sent, idx, hits)
            + _speaker_hits(text, sent, idx)
        )
        if not found and parse is not None and might_speak(sent):
            unattributed.append(sent)
        keep(found)
        if len(hits) >= MAX_HITS:
            break
    _continued_quotes(text, sentences, hits)
    keep(_listed_claims(text, sentences, idx))
    if unattributed and parse is not None:
        held = {h.sentence for h in hits}
        unattributed = [x for x in unattributed if x.index not in held][:MAX_PARSED]
        for sent, tokens in zip(unattributed, parse(unattributed), strict=True):
            keep(_parsed_hits(text, sent, tokens, entities, idx))
    keep(_going_on(text, sentences, hits))
    _first_person_paragraphs(text, sentences, hits)
    hits.sort(key=lambda h: h.start)
    by_key: dict[tuple[str, str], Source] = {}
    for h in hits:
        key = (h.name, h.basis)
        src = by_key.get(key)
        if src is None:
            src = Source(h.name, h.kind, h.basis, [], None)
            by_key[key] = src
        from generator.model import Span

        src.mention = src.mention or Span(
            h.mention[0], h.mention[1], text[h.mention[0] : h.mention[1]]
        )
        anon = h.kind == "anonymous" or bool(_ANON_BASIS.search(h.basis))
        src.claims.append(Claim(h.start, h.end, text[h.start : h.end], h.sentence, [], anon))
    sources = list(by_key.values())
    _corroborate(sources, text)
    return sources
