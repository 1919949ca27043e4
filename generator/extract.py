"""Extract stage: Document -> Extraction (sentences, headline, summary, entities, sources, timeline).

Placeholder being replaced by the real extractor (generator/extraction/).
"""

from __future__ import annotations

import re

from generator.model import Document, Extraction, Sentence
from generator.options import Options


def extract(doc: Document, options: Options) -> Extraction:
    sentences = [
        Sentence(i + 1, m.start(), m.end(), m.group())
        for i, m in enumerate(re.finditer(r"[^\n.!?]+[.!?]?", doc.text))
        if m.group().strip()
    ]
    headline = doc.meta.title or (sentences[0].text[:80] if sentences else doc.name)
    return Extraction(
        headline=headline,
        sentences=sentences,
        summary=[s.index for s in sentences[:2]],
        key_points=[s.index for s in sentences[2:6]],
        entities=[],
        sources=[],
    )
