"""Extraction speed: articles per second on one core, for each extractor (the statistical model
with the rules, and the rules alone); reads ../shared/corpus/dev when present."""

from __future__ import annotations

import time
from pathlib import Path

from generator.extract import extract
from generator.model import Document
from generator.options import Options

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def main() -> None:
    paths = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    paths = paths or [ROOT / "seeds" / "000_d7325ed9ddf325b5.txt"]
    docs = [Document(str(p), p.stem, "txt", p.read_text("utf-8")) for p in paths]
    for extractor in ("model", "rules"):
        print(f"--extractor {extractor}")
        measure(docs, Options(registry=None, extractor=extractor))


def measure(docs: list[Document], options: Options) -> None:
    extract(docs[0], options)  # warm the gazetteer caches (and load the model)
    words = sum(len(d.text.split()) for d in docs)
    rounds, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < 5 or rounds < 3:
        for d in docs:
            extract(d, options)
        rounds += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(f"{rounds * len(docs)} extractions, {rounds * words} words in {elapsed:.2f}s")
    for label, spent in (("wall", elapsed), ("CPU", cpu)):
        per_word = spent / (rounds * words)
        print(
            f"{label}: {1 / (per_word * 700):.0f} articles of 700 words per second "
            f"({per_word * 700e3:.2f} ms each)"
        )


if __name__ == "__main__":
    main()
