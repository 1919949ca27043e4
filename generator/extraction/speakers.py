"""Sources from the dependency parse: who said, told, reported or announced what.

Used for the sentences where the sourcing rules (sources.py) found nobody: the subject of a verb
of saying ("A doctor told reporters that ..."), the agent of a passive ("were told by the
chairman that ..."), with the clausal complement as the claim and the text's own words for the
basis ("told reporters", "in a statement").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.extraction.descriptors import ORG_NOUNS
from generator.extraction.lexicon import OUTLETS, _words
from generator.extraction.roles import BARE_TITLES, title_holder
from generator.extraction.statistical import Token
from generator.model import Entity, Sentence

_SAY = _words(
    "say|says|said|tell|tells|told|report|reports|reported|announce|announces|announced|state|"
    "states|stated|add|adds|added|claim|claims|claimed|confirm|confirms|confirmed|deny|denies|"
    "denied|warn|warns|warned|note|notes|noted|explain|explains|explained|write|writes|wrote|"
    "argue|argues|argued|insist|insists|insisted|estimate|estimates|estimated|predict|predicts|"
    "predicted|allege|alleges|alleged|reveal|reveals|revealed|disclose|discloses|disclosed|"
    "testify|testifies|testified|acknowledge|acknowledges|acknowledged|admit|admits|admitted|"
    "suggest|suggests|suggested|maintain|maintains|maintained|"
    # beliefs and expectations, as the conventions count them: "Police suspected that ..."
    "believe|believes|believed|think|thinks|thought|fear|fears|feared|expect|expects|expected|"
    "suspect|suspects|suspected|contend|contends|contended|assert|asserts|asserted|"
    "worry|worries|worried|hope|hopes|hoped|doubt|doubts|doubted|complain|complains|complained"
)
# Verbs by which evidence speaks ("The data show that ...", "Researchers found that ..."): a
# claim only when their subject is a document or a body of research, never "police found".
_EVIDENCE = _words(
    "show|shows|showed|shown|indicate|indicates|indicated|find|finds|found|conclude|concludes|"
    "concluded|suggest|suggests|suggested|confirm|confirms|confirmed"
)
_RESEARCH = _words(
    "researchers|scientists|study|studies|team|investigation|inquiry|probe|autopsy|results|"
    "numbers|statistics|evidence|tests|experts"
)
# Verbs of appeal and commitment, whose claim is an infinitive: "urged residents to leave",
# "vowed to revive the industry".
_APPEAL = _words(
    "urge|urges|urged|vow|vows|vowed|promise|promises|promised|pledge|pledges|pledged|"
    "ask|asks|asked|appeal|appeals|appealed|demand|demands|demanded"
)
_ADDRESSED = _words("ask|asks|asked|demand|demands|demanded")  # an appeal only to someone
_PRONOUNS = frozenset(["he", "she"])
_DETERMINERS = frozenset(["a", "an", "the", "some", "several", "two", "three", "many"])
_BASIS_NOUNS = frozenset(
    ["statement", "interview", "release", "post", "letter", "email", "briefing", "conference"]
)
GOVERNMENT_NOUNS = frozenset(
    [
        "prosecution",
        "county",
        "city",
        "state",
        "police",
        "government",
        "ministry",
        "army",
        "military",
        "court",
        "prosecutors",
        "navy",
        "authorities",
        "department",
        "agency",
        "regulator",
        "regulators",
        "council",
        "judge",
    ]
)
_DOCUMENTS = _words(
    "report|study|survey|poll|statement|filing|document|data|analysis|release|letter|research|"
    "documents|figures|records|lawsuit|suit|complaint|indictment|affidavit|ruling|verdict|memo|"
    "audit|review|messages|texts|emails|video|footage|recording|recordings|images|photos|scans|"
    "studies|reports|surveys|polls|analyses"
)
_MODIFIERS = frozenset(["det", "compound", "amod", "poss", "nummod", "nmod", "case"])


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str
    basis: str
    claim: tuple[int, int]
    mention: tuple[int, int]


def _children(tokens: list[Token], lo: int, hi: int) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for i in range(lo, hi):
        h = tokens[i].head
        if h != i:
            kids.setdefault(h, []).append(i)
    return kids


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    for e in entities:
        for m in e.mentions:
            if m.start < end and start < m.end:
                return e
    return None


def _before(entities: list[Entity], pos: int, typ: str) -> Entity | None:
    """The entity of type ``typ`` mentioned last before ``pos``."""
    best, best_pos = None, -1
    for e in entities:
        if e.type != typ:
            continue
        for m in e.mentions:
            if best_pos < m.start < pos:
                best, best_pos = e, m.start
    return best


def _kind(entity: Entity | None, head: str) -> str:
    if entity is not None:
        if entity.type == "PERSON":
            return "person"
        if entity.name.lower() in OUTLETS or entity.subtype == "outlet":
            return "outlet"
        if entity.type == "PLACE" or entity.subtype in ("state", "country"):
            return "government"
        return "organization"
    low = head.lower()
    if low in GOVERNMENT_NOUNS:
        return "government"
    if low in _DOCUMENTS:
        return "document"
    return "anonymous"


_SAY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_SAY | _EVIDENCE | _APPEAL)) + r")\b", re.I)


def might_speak(sentence: Sentence) -> bool:
    """A verb of saying occurs: only such sentences are worth parsing."""
    return bool(_SAY_WORD.search(sentence.text))


def find_speakers(
    text: str,
    sentence: Sentence,
    tokens: list[Token],
    entities: list[Entity],
    person_for: Callable[[int, str], Entity | None],
) -> list[Speaker]:
    """Speakers in one parsed sentence (``tokens``: the sentence's parse); ``person_for(pos,
    pronoun)``: the person a "he" or "she" at ``pos`` stands for."""
    lo, hi = 0, len(tokens)
    kids = _children(tokens, lo, hi)
    out = []
    for v in range(lo, hi):
        verb = tokens[v]
        word = verb.text.lower()
        if word not in _SAY and word not in _EVIDENCE and word not in _APPEAL:
            continue
        if not verb.tag.startswith("VB"):
            continue
        mine = kids.get(v, [])
        claims = [k for k in mine if tokens[k].dep == "ccomp" and word not in _APPEAL]
        appeal = [k for k in mine if tokens[k].dep == "xcomp" and word in _APPEAL]
        if word in _ADDRESSED and not any(tokens[k].dep == "dobj" for k in mine):
            appeal = []  # "asked to represent himself" is no appeal; "asked the jury to" is
        if not claims and not appeal:
            continue
        subject = next((k for k in mine if tokens[k].dep == "nsubj"), None)
        if subject is None and verb.dep in ("conj", "advcl") and verb.head != v:
            # "comforted relatives and urged them to ...", "..., adding that ...": the subject
            # of the verb this one continues
            subject = next((k for k in kids.get(verb.head, []) if tokens[k].dep == "nsubj"), None)
        if subject is not None and tokens[subject].tag in ("WDT", "WP") and verb.dep == "relcl":
            subject = verb.head  # "earlier studies, which showed that ...": the studies
        if word in _EVIDENCE and word not in _SAY and not _evidence(tokens, subject):
            continue
        if subject is None:
            agent = next((k for k in mine if tokens[k].dep == "agent"), None)
            subject = next((k for k in kids.get(agent, []) if tokens[k].dep == "pobj"), None)
        if subject is None:
            continue
        found = _source(text, tokens, kids, subject, entities, person_for)
        if found is None:
            continue
        name, kind, mention = found
        people = tokens[subject].text.lower() in _HUMAN
        if appeal and kind in ("anonymous", "document") and not people:
            continue  # "wet weather promised to deliver respite" is no one's promise
        if appeal:  # "urged them to be strong": the addressee and the infinitive
            whom = [k for k in mine if tokens[k].dep == "dobj" and k < appeal[0]]
            first = tokens[whom[0]] if whom else tokens[appeal[0]]
            start, end = _trimmed(text, first.left, tokens[appeal[0]].right)
        else:
            start, end = _claim_span(text, tokens, kids, claims[0], tokens[claims[0]])
        if end - start < 8:
            continue
        out.append(Speaker(name, kind, _basis(text, tokens, kids, v), (start, end), mention))
    return out


# Words for people, who can urge, vow or promise (weather cannot).
_HUMAN = _words(
    "officials|experts|residents|protesters|workers|leaders|doctors|scientists|researchers|"
    "activists|campaigners|critics|lawmakers|legislators|senators|executives|analysts|members|"
    "parents|teachers|students|families|relatives|police|authorities|investigators|unions|"
    "spokesman|spokeswoman|spokesperson|official|minister|president|chief|mayor|governor"
)


def _evidence(tokens: list[Token], subject: int | None) -> bool:
    """Whether the subject of an evidence verb is a document or a body of research."""
    if subject is None:
        return False
    head = tokens[subject].text.lower()
    return head in _DOCUMENTS or head in _RESEARCH


def _source(
    text: str,
    tokens: list[Token],
    kids: dict[int, list[int]],
    subject: int,
    entities: list[Entity],
    person_for: Callable[[int, str], Entity | None],
) -> tuple[str, str, tuple[int, int]] | None:
    head = tokens[subject]
    if head.text.lower() in _PRONOUNS:
        person = person_for(head.start, head.text.lower())
        if person is None:
            return None
        return person.name, "person", (head.start, head.end)
    if head.tag in ("PRP", "PRP$", "WP", "WDT", "DT", "EX"):
        return None
    det = [k for k in kids.get(subject, []) if tokens[k].dep == "det"]
    if det and tokens[det[0]].text.lower() == "the" and head.text.lower() in BARE_TITLES:
        person = title_holder(entities, head.text, head.start, lambda p: person_for(p, ""))
        if person is not None:  # "the then prime minister said": the holder of the title
            return person.name, "person", (head.start, head.end)
    if det and tokens[det[0]].text.lower() == "the" and head.text.lower() in ORG_NOUNS:
        org = _before(entities, head.start, "ORG")  # "the chipmaker said": the company named
        if org is not None:
            return org.name, _kind(org, head.text), (head.start, head.end)
    left = subject
    for k in kids.get(subject, []):
        if k < subject and tokens[k].dep in _MODIFIERS:
            left = min(left, _leftmost(kids, k))
    while left < subject and tokens[left].text.lower() in _DETERMINERS:
        left += 1
    start, end = tokens[left].start, head.end
    entity = _entity_at(entities, head.start, head.end)  # not a modifier's: "Ohio firefighters"
    if entity is not None:
        return entity.name, _kind(entity, head.text), (start, end)
    return " ".join(text[start:end].split()), _kind(None, head.text), (start, end)


def _leftmost(kids: dict[int, list[int]], i: int) -> int:
    while kids.get(i) and min(kids[i]) < i:
        i = min(kids[i])
    return i


def _claim_span(
    text: str, tokens: list[Token], kids: dict[int, list[int]], k: int, c: Token
) -> tuple[int, int]:
    start, end = c.left, c.right
    first = next((j for j in sorted(kids.get(k, [])) if tokens[j].start == start), None)
    if first is not None and tokens[first].dep == "mark" and tokens[first].text.lower() == "that":
        start = tokens[first + 1].start if first + 1 < len(tokens) else start
    return _trimmed(text, start, end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks around it and punctuation at its end."""
    while end > start and text[end - 1] in ".,;:\"“”'’ ":
        end -= 1
    while start < end and text[start] in "\"“”'‘ ":
        start += 1
    return start, end


def _basis(text: str, tokens: list[Token], kids: dict[int, list[int]], v: int) -> str:
    verb = tokens[v]
    for k in kids.get(v, []):
        t = tokens[k]
        if verb.text.lower() in ("told", "tell", "tells") and t.dep in ("dobj", "dative"):
            return " ".join(text[verb.start : t.right].split())  # "told reporters"
        if t.dep == "prep" and t.text.lower() == "in":
            obj = next((j for j in kids.get(k, []) if tokens[j].dep == "pobj"), None)
            if obj is not None and tokens[obj].text.lower() in _BASIS_NOUNS:
                return " ".join(text[t.start : tokens[obj].end].split())  # "in a statement"
    return ""
