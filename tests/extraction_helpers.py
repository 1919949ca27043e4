"""Shared helpers for the extraction tests: run the extractor on a short text and index its result."""

from __future__ import annotations

import datetime as dt

from generator.extract import extract
from generator.model import Document, Metadata
from generator.options import Options


def run(text: str, date: dt.date | None = None):
    """Extract from ``text`` as a plain-text seed (no registry), optionally with a metadata date."""
    doc = Document(seed="t.txt", name="t", format="txt", text=text, meta=Metadata(date=date))
    return extract(doc, Options(registry=None))


def entities_by_name(ex):
    return {e.name: e for e in ex.entities}


def sources_by_name(ex):
    return {s.name: s for s in ex.sources}


def mention_texts(ex, name):
    return [m.text for m in entities_by_name(ex)[name].mentions]


def credited(ex, *fields: str) -> dict:
    """Claim text -> its source's ``fields`` (one field: the value; several: a tuple)."""
    out = {}
    for s in ex.sources:
        values = tuple(getattr(s, f) for f in fields)
        for c in s.claims:
            out[c.text] = values[0] if len(values) == 1 else values
    return out
