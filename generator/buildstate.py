"""The build state: every record of what was built from what, kept under the cache folder.

One owner for all of it: seed stamps and keys (`seeds`), the generate run's fingerprint and log
(`run`), the render memo's page signatures (`render`), the values assemble derives per seed
and per story (`assemble`, a pickle: it holds model objects), the docs tree as MkDocs last built it
(`site`) and the search bundles (`search`). Each record is one JSON file written atomically, so a
run killed at any point leaves either the old record or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
from pathlib import Path

from generator.cache import RENDER_CODE, code_fingerprint, salt, seed_key
from generator.ingest import sidecar_path
from generator.options import Options
from generator.project import display_name

RECORDS = {
    "seeds": "seed-stats.json",
    "run": "state.json",
    "render": "render-memo.json",
    "site": "site-state.json",
    "preview": "preview-state.json",
    "site-search": "search-state.json",
    "preview-search": "preview-search-state.json",
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


def seed_keys(paths: list[Path], options: Options) -> dict[Path, str | None]:
    """Content key of every seed. A seed (and sidecar) whose size, time and inode are as last
    time keeps its key without being read again."""
    salt_value = salt(options)
    state = BuildState(options)
    memo = state.read("seeds")
    known = memo.get("keys", {}) if memo.get("salt") == salt_value else {}
    keys: dict[Path, str | None] = {}
    fresh: dict[str, list] = {}
    for p in paths:
        display = display_name(p, options)
        stamp = _stamp(p)
        hit = known.get(display)
        if stamp is not None and hit and hit[0] == stamp:
            keys[p] = hit[1]
        else:
            keys[p] = seed_key(p, display, salt_value)
        if stamp is not None and keys[p]:
            fresh[display] = [stamp, keys[p]]
    if fresh != known:
        state.write("seeds", {"salt": salt_value, "keys": fresh})
    return keys


def _stamp(path: Path) -> list[int] | None:
    """What identifies a seed's version without reading it: its and its sidecar's stat."""
    text = os.fspath(path)
    try:
        st = os.lstat(text)
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(st.st_mode):
        return None  # the target may change behind the link: always read
    stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
    try:
        sc = os.stat(sidecar_path(text))
    except (OSError, ValueError):
        return stamp
    return stamp + [sc.st_size, sc.st_mtime_ns, sc.st_ino]


def generate_fingerprint(keys: dict[Path, str | None], options: Options, name: str) -> str:
    """Everything the generated pages depend on: seeds (with the extraction salt), the
    rendering code and templates, the site name."""
    digest = hashlib.sha256(code_fingerprint(RENDER_CODE).encode())
    digest.update(name.encode() + b"\0")
    for path, key in keys.items():
        digest.update(f"{display_name(path, options)}\0{key}\0".encode())
    return digest.hexdigest()
