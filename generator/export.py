"""The `briefing extract` JSON document: one object per seed (format documented in the README)."""

from __future__ import annotations

from typing import Any

from generator.model import Document, Extraction


def extraction_record(doc: Document, ex: Extraction) -> dict[str, Any]:
    date = doc.meta.date or ex.date
    return {
        "seed": doc.seed,
        "title": ex.headline,
        "date": date.isoformat() if date else None,
        "text": doc.text,
        "summary": [ex.sentences[i - 1].text for i in ex.summary],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "roles": list(e.roles),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
                **({"near_miss": e.near_miss} if e.near_miss else {}),
            }
            for e in ex.entities
        ],
        "sources": [
            {
                "name": s.name,
                "kind": s.kind,
                "basis": s.basis,
                "claims": [{"start": c.start, "end": c.end, "text": c.text} for c in s.claims],
            }
            for s in ex.sources
        ],
        "timeline": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "date": t.date.isoformat() if t.date else None,
            }
            for t in ex.timeline
        ],
    }
