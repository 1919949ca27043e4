"""Run every extraction job over one document."""

from __future__ import annotations

from generator.extraction.appositives import add_title_mentions
from generator.extraction.descriptors import type_by_descriptor
from generator.extraction.entities import find_mentions
from generator.extraction.headline import make_headline
from generator.extraction.resolve import build_entities
from generator.extraction.sentences import split_sentences
from generator.extraction.summary import pick_key_points, pick_summary
from generator.model import Document, Extraction, Sentence
from generator.options import Options

MAX_CHARS = 5_000_000
# Entities and sources are looked for in the first ANALYSE_CHARS characters only (a long news
# article is under 100,000), so that a huge seed cannot make extraction slow.
ANALYSE_CHARS = 300_000
# The statistical model reads the first MODEL_CHARS of them (a long news article is under it).
MODEL_CHARS = 100_000


def run(doc: Document, options: Options) -> Extraction:
    text = doc.text if len(doc.text) <= MAX_CHARS else doc.text[:MAX_CHARS]
    sentences = split_sentences(text)
    head = text[:ANALYSE_CHARS]
    head_sentences = [s for s in sentences if s.end <= len(head)]
    mentions = type_by_descriptor(head, find_mentions(head))
    parser = None
    if options.extractor == "model":
        from generator.extraction.combine import combine
        from generator.extraction.statistical import find_entities, parse

        mentions = combine(head, mentions, find_entities(head[:MODEL_CHARS]))

        def parser(sentences: list[Sentence]) -> list:
            return parse(head, [(s.start, s.end) for s in sentences])

    entities = build_entities(head, mentions, head_sentences)
    sources = _sources(head, head_sentences, entities, parser)
    add_title_mentions(head, entities, head_sentences)
    timeline, date = _timeline(doc, text, sentences)
    if options.registry is not None:
        from generator.registry import apply_registry, load_registry

        entities = apply_registry(text, entities, load_registry(options.path(options.registry)))
    summary = pick_summary(sentences, options.summary_sentences)
    return Extraction(
        headline=doc.meta.title or make_headline(sentences, doc.name),
        sentences=sentences,
        summary=summary,
        key_points=pick_key_points(sentences, entities, sources, summary, options.key_points),
        entities=entities,
        sources=sources,
        timeline=timeline,
        date=date,
    )


def _sources(text, sentences, entities, parse):  # type: ignore[no-untyped-def]
    from generator.extraction.sources import find_sources

    return find_sources(text, sentences, entities, parse)


def _timeline(doc, text, sentences):  # type: ignore[no-untyped-def]
    try:
        from generator.extraction.timeline import find_timeline
    except ImportError:
        return [], None
    return find_timeline(text, sentences, doc.meta.date)
