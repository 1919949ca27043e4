"""A headline built only from words of the text: the first sentence's main clause, trimmed."""

from __future__ import annotations

import re

from generator.model import Sentence

_AUX = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|will be)\s+", re.I)
_CUT = re.compile(
    r",|;|:|\s+[–—-]\s+|\s+(?:as part of|in order to|amid|while|which|who|because|after|"
    r"as well as|according to|despite|following)\b"
)
_LEAD = re.compile(r"^(?:The|A|An)\s+")
_MAX_WORDS = 16


def make_headline(sentences: list[Sentence], fallback: str) -> str:
    first = next((s for s in sentences if len(s.text.split()) >= 6), None)
    if first is None:
        return sentences[0].text[:100] if sentences else fallback
    text = " ".join(first.text.split()).rstrip(".!?")
    cut = _CUT.search(text, 20)
    if cut:
        text = text[: cut.start()]
    text = _LEAD.sub("", text)
    text = _AUX.sub("", text, count=1)
    words = [w for w in text.split() if w.lower() not in {"a", "an", "the"}]
    if len(words) > _MAX_WORDS + 4:
        words = words[:_MAX_WORDS]
    out = " ".join(words).strip(" ,;:")
    return out[:1].upper() + out[1:] if out else fallback
