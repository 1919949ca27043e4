"""The briefing model: plain dataclasses passed from stage to stage.

ingest -> Document -> extract -> Extraction -> assemble -> Site -> render -> write
Every offset is a Python string index into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "FACILITY", "WEAPON", "EVENT", "OTHER")
SOURCE_KINDS = ("outlet", "person", "organization", "government", "document", "anonymous")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class Metadata:
    """What the seed says about itself (front matter, sidecar JSON); every value optional."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = None
    attribution: str | None = None
    tags: list[str] = field(default_factory=list)
    slug: str | None = None
    story: str | None = None  # a story's name it is pinned to; "none": kept out of stories


@dataclass
class Document:
    """One seed as read: decoded body text (front matter removed, HTML reduced) and metadata."""

    seed: str  # the path as given
    name: str  # file name without extension: the default slug
    format: str  # "txt" | "md" | "html"
    text: str
    meta: Metadata = field(default_factory=Metadata)
    warnings: list[str] = field(default_factory=list)
    key: str | None = None  # content key (seed bytes, sidecar, extractor): set by the pipeline


@dataclass(frozen=True)
class Sentence:
    index: int  # 1-based, as shown on the page (S1, S2, ...)
    start: int
    end: int
    text: str


@dataclass
class Entity:
    name: str  # canonical name
    type: str  # one of ENTITY_TYPES
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    subtype: str | None = None  # e.g. "country", "city", "outlet"
    aliases: list[str] = field(default_factory=list)
    description: str | None = None  # from the registry
    links: list[str] = field(default_factory=list)  # from the registry
    near_miss: str | None = None  # registry name this one nearly matches: an editor should check


@dataclass
class Claim:
    start: int
    end: int
    text: str
    sentence: int  # Sentence.index holding the claim
    corroborated_by: list[str] = field(default_factory=list)  # other sources reporting the same
    anonymous_only: bool = False  # rests only on anonymous sourcing


@dataclass
class Source:
    name: str
    kind: str  # one of SOURCE_KINDS
    basis: str = ""  # the text's own words: "citing anonymous sources", "" when none is stated
    claims: list[Claim] = field(default_factory=list)
    mention: Span | None = None  # where the source is named, nearest the claim


@dataclass
class TimeRef:
    text: str
    start: int
    end: int
    sentence: int
    date: dt.date | None = None  # resolved against the briefing date when possible
    precision: str = "relative"  # "day" | "month" | "year" | "relative"


@dataclass
class Extraction:
    """Everything extraction finds in one document."""

    headline: str
    sentences: list[Sentence]
    summary: list[int]  # Sentence.index values: the bottom line
    key_points: list[int]  # Sentence.index values
    entities: list[Entity]
    sources: list[Source]
    timeline: list[TimeRef] = field(default_factory=list)
    date: dt.date | None = None  # dateline found in the text, when the metadata has none


@dataclass
class Briefing:
    """One briefing page: the document, what was extracted, and where it goes."""

    slug: str
    document: Document
    extraction: Extraction
    title: str
    date: dt.date | None
    related: list[str] = field(default_factory=list)  # slugs of briefings sharing entities

    def sentence(self, index: int) -> Sentence:
        return self.extraction.sentences[index - 1]


@dataclass
class EntityRef:
    """One briefing's mention of an entity, for the entity page."""

    briefing: str  # slug
    sentence: int
    text: str
    role: str | None


@dataclass
class EntityPage:
    key: str  # slug under entities/
    name: str
    type: str
    subtype: str | None
    aliases: list[str]
    description: str | None
    links: list[str]
    refs: list[EntityRef] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    co_mentioned: list[tuple[str, int]] = field(default_factory=list)  # (entity key, count)


@dataclass
class SourceRef:
    briefing: str
    basis: str
    claim: str
    sentence: int


@dataclass
class SourcePage:
    key: str
    name: str
    kind: str
    refs: list[SourceRef] = field(default_factory=list)


@dataclass(frozen=True)
class Support:
    """One report's sentence backing a story claim."""

    briefing: str  # slug
    sentence: int
    outlet: str
    source: str  # who the report credits ("" when the sentence credits no one)
    basis: str
    anonymous: bool
    reliability: str  # A-F, from entities.yml (F: cannot be judged)


@dataclass
class StoryClaim:
    text: str  # as the first report words it
    support: list[Support]  # first report first
    grade: int  # 1 confirmed ... 6 cannot be judged
    outlets: list[str]  # independent outlets reporting it
    disputed: bool = False


@dataclass(frozen=True)
class Side:
    briefing: str
    sentence: int
    outlet: str
    value: str  # the number, place or name as this report gives it


@dataclass
class Disagreement:
    kind: str  # "number" | "place" | "date" | "name"
    about: str  # what a number counts ("people", "percent"); "where" or "name" otherwise
    sides: list[Side]


@dataclass
class StoryReport:
    briefing: str
    added: list[int]  # sentence indices saying what no earlier report said
    new_entities: list[str]  # entity keys (people, organisations) no earlier report named


@dataclass
class Story:
    key: str  # slug under stories/
    name: str
    pinned: bool
    reports: list[StoryReport]  # oldest first
    outlets: list[str]
    claims: list[StoryClaim] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass
class Site:
    """Every page the generator will write, assembled before anything is written."""

    briefings: list[Briefing]
    entities: dict[str, EntityPage]
    sources: dict[str, SourcePage]
    entity_keys: dict[tuple[str, str], str]  # (briefing slug, entity name) -> entity key
    source_keys: dict[tuple[str, str], str]  # (briefing slug, source name) -> source key
    stories: dict[str, Story] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)  # briefing slug -> story key
