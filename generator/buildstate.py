"""The build state: every record of what was built from what, kept under the cache folder.

One owner for all of it: seed stamps and keys (`seeds`), the generate run's fingerprint and log
(`run`), the render memo's page signatures (`render`), the values assemble derives per seed
and per story (`assemble`, a pickle: it holds model objects), the docs tree as MkDocs last built it
(`site`) and the search bundles (`search`). Each record is one JSON file written atomically, so a
run killed at any point leaves either the old record or the new one, never half of one.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from generator.options import Options

RECORDS = {
    "seeds": "seed-stats.json",
    "run": "state.json",
    "render": "render-memo.json",
    "site": "site-state.json",
    "search": "search-state.json",
    "assemble": "assemble-memo.pickle",
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

    def read_objects(self, record: str, code: str) -> dict:
        """A pickled record, when it was written by the same code; else empty."""
        try:
            with open(self.path(record), "rb") as fh:
                stored = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, stale or corrupt: start again
            return {}
        if not isinstance(stored, dict) or stored.get("code") != code:
            return {}
        value = stored.get("value")
        return value if isinstance(value, dict) else {}

    def write_objects(self, record: str, code: str, value: dict) -> None:
        from generator.write import atomic_write

        data = {"code": code, "value": value}
        atomic_write(self.path(record), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
