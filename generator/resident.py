"""What a long-running process (`briefing serve`) keeps in memory from one generate to the next,
so that an edit costs work in proportion to what it touched, not to the size of the site.

Nothing here is ever a reason for a page to differ from a clean build's: every value kept is
reused only while everything it was made from is as then (a seed's content key, its briefing's
slug, an entity page's key and the briefings naming it, the objects a page shows), and made
again otherwise. Counts kept across runs (the entities named together, story grouping's
document frequencies) are integers, updated by taking out the contributions of the briefings
that changed and adding their new ones. `tests/test_resident.py` compares the docs tree after
sequences of changes with a clean generate's.

The build state on disk (generator/buildstate.py) stays the one record of what was built: this
is a cache of it, lost when the process ends.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.model import Document, EntityPage, Extraction, SourcePage
from generator.textsim import TfIdfReuse

Identity = tuple[str, str]  # (entity type, casefolded name)


@dataclass
class Resident:
    """Kept by `serve` between runs; a fresh one (as `build` and `generate` pass) computes
    everything."""

    primed: bool = False  # a whole run has filled it
    # read and extract: seed content key -> its document and extraction
    items: dict[str, tuple[Document, Extraction]] = field(default_factory=dict)
    # assemble: each briefing's seed (content key, by slug), the slugs of the briefings that
    # changed in the last run, each briefing's entity and source identities, and the page of
    # each identity with its key
    seeds: dict[str, str | None] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    entity_identities: dict[str, list[Identity]] = field(default_factory=dict)
    source_identities: dict[str, list[str]] = field(default_factory=dict)
    entities: dict[Identity, tuple[str, EntityPage]] = field(default_factory=dict)
    sources: dict[str, tuple[str, SourcePage]] = field(default_factory=dict)
    # story grouping's TF-IDF vectors, top terms and cosines
    tfidf: TfIdfReuse = field(default_factory=lambda: TfIdfReuse(0))
    # a count of the runs in which an entity or source named before got another key
    key_epoch: int = 0
    # each briefing's main entity keys (by slug) and the co-mention counts they add up to
    main: dict[str, tuple[str, ...]] = field(default_factory=dict)
    main_epoch: int = -1  # key_epoch when `main` was made
    co_counts: dict[str, Counter[str]] = field(default_factory=dict)
    co_lists: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # related briefings: holders (slugs, in site order) of each main entity key, each
    # briefing's sort key and its related list
    holders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    order: dict[str, Any] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    # render: each page's last inputs and signature (see RenderMemo.page); for entity and
    # source pages, the objects they were made of instead (an entity page: itself, its
    # co-mention list and the names of those entities)
    inputs: dict[str, tuple[Any, str]] = field(default_factory=dict)
    same_objects: dict[str, tuple[tuple, str]] = field(default_factory=dict)
    # feeds: each briefing's entry (by slug), with its seed and the site URL
    entries: dict[str, tuple[str | None, str, tuple]] = field(default_factory=dict)
    # what's new: each period page's view and what it was made of (see whatsnew._view)
    views: dict[str, tuple[tuple, dict[str, Any]]] = field(default_factory=dict)
    # the assemble memo (story words and stories), kept here instead of read from disk
    memo: dict[str, Any] | None = None
    # the render memo's signatures as last written, and the docs manifest's stamp after that
    # run wrote it (another process writing the docs tree changes it: then the record on disk
    # is the one to compare with)
    signatures: tuple[str, dict[str, str]] | None = None
    written: tuple[int, int, int] | None = None

    def forget_pages(self, paths: set[str]) -> None:
        """Keep the render records of these pages only (the pages of the last run)."""
        for record in (self.inputs, self.same_objects, self.views):
            for path in [p for p in record if p not in paths]:
                del record[path]
