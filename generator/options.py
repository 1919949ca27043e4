"""One options object for the whole run, instead of keyword arguments threaded through stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    root: Path = Path(".")
    seeds: Path = Path("seeds")
    docs: Path = Path("briefings")
    site: Path = Path("site")
    pdf: Path = Path("pdf")
    cache: Path = Path(".cache/briefing")
    config: Path = Path("mkdocs.yml")
    registry: Path | None = Path("entities.yml")  # None: no registry
    extractor: str = "model"  # "model": the statistical model with the rules; "rules": rules only
    max_seed_bytes: int = 20_000_000
    max_text_chars: int = 1_000_000  # longer bodies are cut (with a note) at a line or word end
    summary_sentences: int = 2
    key_points: int = 5
    jobs: int = 0  # 0: one per core
    memory_mb: int = 1024  # render workers are started only while the run stays within this
    verbose: int = 0  # -1 quiet, 0 normal, 1 verbose

    def path(self, p: Path) -> Path:
        return p if p.is_absolute() else self.root / p
