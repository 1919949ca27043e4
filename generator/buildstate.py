"""The build state: every record of what was built from what, kept under the cache folder.

One owner for all of it: seed stamps and keys (`seeds`), the generate run's fingerprint and log
(`run`), the render memo's page signatures (`render`), the docs tree as MkDocs last built it
(`site`) and the search bundles (`search`). Each record is one JSON file written atomically, so a
run killed at any point leaves either the old record or the new one, never half of one.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.options import Options

RECORDS = {
    "seeds": "seed-stats.json",
    "run": "state.json",
    "render": "render-memo.json",
    "site": "site-state.json",
    "search": "search-state.json",
}


def read_state(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(path: Path, state: dict) -> None:
    from generator.write import atomic_write

    atomic_write(path, json.dumps(state).encode("utf-8"))


class BuildState:
    def __init__(self, options: Options) -> None:
        self.folder = options.path(options.cache)

    def path(self, record: str) -> Path:
        return self.folder / RECORDS[record]

    def read(self, record: str) -> dict:
        return read_state(self.path(record))

    def write(self, record: str, value: dict) -> None:
        write_state(self.path(record), value)

    def forget(self, record: str) -> None:
        """Before a step that changes what the record describes: a killed run then redoes it."""
        self.path(record).unlink(missing_ok=True)
