"""Write stage: put rendered pages into the docs tree without ever losing an editor's work.

A manifest inside the docs folder records the hash of every file the generator wrote. A file
is overwritten or deleted only when it still holds exactly what the generator last wrote; a
file the generator never wrote, or one edited since, is left alone and reported.
Before any page is written, the manifest is saved with both the old and the new hash of each
page about to change, so a run killed half-way leaves every file recognisable to the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import WriteRefused

MANIFEST = ".briefing-manifest.json"
TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # what tempfile.mkstemp makes in atomic_write
_VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)  # edited since the generator wrote it
    kept_foreign: list[str] = field(default_factory=list)  # never written by the generator

    def notices(self) -> list[str]:
        notes = [
            f"kept {p}: edited since it was generated (delete it to regenerate)"
            for p in self.kept_edited
        ]
        notes += [
            f"kept {p}: not written by briefing, so not overwritten" for p in self.kept_foreign
        ]
        return notes


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DocsWriter:
    """Writes one planned tree of pages into `root` and keeps the manifest."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.manifest_path = self.root / MANIFEST
        self.manifest = self._load()
        self._remove_leftover_temporaries()

    def _remove_leftover_temporaries(self) -> None:
        """Temporary files of a run that was killed mid-write (see atomic_write)."""
        if self.root.is_dir():
            for tmp in self.root.rglob(".*.tmp"):
                if tmp.is_file() and TEMP_NAME.fullmatch(tmp.name):
                    tmp.unlink(missing_ok=True)

    def _load(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        files = data.get("files", {}) if isinstance(data, dict) else {}
        out: dict[str, list[str]] = {}
        for rel, hashes in files.items():
            if isinstance(hashes, str):
                hashes = [hashes]
            if isinstance(rel, str) and isinstance(hashes, list):
                out[rel] = [h for h in hashes if isinstance(h, str)]
        return out

    def _save(self, files: dict[str, list[str]]) -> None:
        payload = {
            "version": _VERSION,
            "generator": "briefing",
            "files": dict(sorted(files.items())),
        }
        atomic_write(self.manifest_path, json.dumps(payload, indent=1).encode("utf-8"))

    def target(self, rel: str) -> Path:
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root) or path == self.root or rel.startswith("."):
            raise WriteRefused(f"refusing to write outside the docs folder: {rel!r}")
        return path

    def _ours(self, rel: str, path: Path) -> bool | None:
        """True: holds what we wrote; False: edited or foreign; None: absent."""
        try:
            current = digest(path.read_bytes())
        except FileNotFoundError:
            return None
        return current in self.manifest.get(rel, [])

    def write_all(self, pages: dict[str, str]) -> WriteReport:
        report = WriteReport()
        planned: dict[str, tuple[Path, bytes, str]] = {}
        for rel, text in pages.items():
            if rel in planned:
                raise WriteRefused(f"two pages want the same path {rel!r}")
            data = text.encode("utf-8")
            planned[rel] = (self.target(rel), data, digest(data))

        to_write: list[str] = []
        for rel, (path, _data, new_hash) in planned.items():
            state = self._ours(rel, path)
            if state is None:
                to_write.append(rel)
            elif state:
                if new_hash in self.manifest.get(rel, [])[-1:]:
                    report.unchanged.append(rel)
                else:
                    to_write.append(rel)
            elif rel in self.manifest:
                report.kept_edited.append(rel)
            else:
                report.kept_foreign.append(rel)

        stale = [rel for rel in self.manifest if rel not in planned]
        # Journal: every hash a file may hold until this run finishes.
        journal = {rel: list(h) for rel, h in self.manifest.items()}
        for rel in to_write:
            journal[rel] = [*journal.get(rel, [])[-1:], planned[rel][2]]
        if to_write or stale:
            self._save(journal)

        for rel in to_write:
            path, data, _ = planned[rel]
            atomic_write(path, data)
            report.written.append(rel)

        final: dict[str, list[str]] = {}
        for rel in planned:
            if rel in report.kept_foreign:
                continue
            if rel in report.kept_edited:
                final[rel] = self.manifest[rel]
            else:
                final[rel] = [planned[rel][2]]
        for rel in stale:
            path = self.root / rel
            state = self._ours(rel, path)
            if state:
                path.unlink()
                _prune_empty(path.parent, self.root)
                report.deleted.append(rel)
            elif state is False:
                report.kept_edited.append(rel)
                final[rel] = self.manifest[rel]
        if final != self.manifest:
            self._save(final)
        self.manifest = final
        return report


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
