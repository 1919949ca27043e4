"""Extract stage: Document -> Extraction (headline, sentences, summary, entities, sources, ...).

The work is done by the modules of generator/extraction/; this module wires them together.
"""

from __future__ import annotations

from generator.extraction.pipeline import run
from generator.model import Document, Extraction
from generator.options import Options


def extract(doc: Document, options: Options) -> Extraction:
    return run(doc, options)
