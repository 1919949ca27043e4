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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import WriteRefused
from generator.memo import Unchanged

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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()  # what a plain open() would give, not mkstemp's private 0600


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DocsWriter:
    """Writes one planned tree of pages into `root` and keeps the manifest.

    The manifest also records each file's size and modification time when it last held the
    generator's newest hash, so an unchanged file is recognised without reading it.
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._prefix = os.fspath(self.root) + os.sep
        self.manifest_path = self.root / MANIFEST
        self.manifest, self.stats, finished = self._load()
        if not finished:
            self._remove_leftover_temporaries()
        self._safe_dirs: set[Path] = set()
        self._written: set[str] = set()  # one path is written once per run, never twice

    def _remove_leftover_temporaries(self) -> None:
        """Temporary files of a run that was killed mid-write (see atomic_write)."""
        if self.root.is_dir():
            for tmp in self.root.rglob(".*.tmp"):
                if tmp.is_file() and TEMP_NAME.fullmatch(tmp.name):
                    tmp.unlink(missing_ok=True)

    def _load(self) -> tuple[dict[str, list[str]], dict[str, tuple[int, int]], bool]:
        """(hashes per file, recorded stat per file, whether the run that saved it finished)."""
        try:
            data = json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}, {}, False
        if not isinstance(data, dict):
            return {}, {}, False
        raw_files, raw_stats = data.get("files"), data.get("stat")
        files: dict[str, list[str]] = {}
        for rel, hashes in raw_files.items() if isinstance(raw_files, dict) else ():
            if type(hashes) is str:
                hashes = [hashes]
            if type(hashes) is list:
                files[rel] = [h for h in hashes if type(h) is str]
        stats: dict[str, tuple[int, int]] = {}
        for rel, st in raw_stats.items() if isinstance(raw_stats, dict) else ():
            if type(st) is list and len(st) == 2 and type(st[0]) is int and type(st[1]) is int:
                stats[rel] = (st[0], st[1])
        return files, stats, data.get("finished") is True

    def _save(
        self, files: dict[str, list[str]], stats: dict[str, tuple[int, int]], finished: bool
    ) -> None:
        payload = {
            "version": _VERSION,
            "generator": "briefing",
            "finished": finished,  # False: the journal of a run that may have left temporaries
            "files": dict(sorted(files.items())),
            "stat": {rel: list(st) for rel, st in sorted(stats.items()) if rel in files},
        }
        text = json.dumps(payload, separators=(",", ":"))  # no indent: the C encoder, 10x faster
        atomic_write(self.manifest_path, text.encode("utf-8"))

    def target(self, rel: str) -> Path:
        parts = rel.split("/")
        if (
            not rel
            or rel.startswith(".")
            or "\\" in rel
            or "\0" in rel
            or any(p in ("", ".", "..") for p in parts)
        ):
            raise WriteRefused(f"refusing to write outside the docs folder: {rel!r}")
        path = self.root.joinpath(*parts)
        parent = path.parent
        if parent not in self._safe_dirs:
            if parent.exists() and not parent.resolve().is_relative_to(self.root):
                raise WriteRefused(
                    f"refusing to write through a link out of the docs folder: {rel!r}"
                )
            self._safe_dirs.add(parent)
        return path

    def _stamp(self, rel: str) -> tuple[int, int] | None:
        """(size, modification time) of a file in the docs folder; None when it is absent."""
        try:
            st = os.stat(self._prefix + rel)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns)

    def _current(self, rel: str, path: Path) -> str | None:
        """Hash of what the file holds now (None: absent); unread when its stamp is as recorded."""
        stamp = self._stamp(rel)
        if stamp is None:
            return None
        known = self.manifest.get(rel)
        if known and self.stats.get(rel) == stamp:
            return known[-1]
        return digest(path.read_bytes())

    def is_intact(self, rel: str) -> bool:
        """The file holds the generator's newest version of it (by recorded size and time)."""
        recorded = self.stats.get(rel)
        return recorded is not None and rel in self.manifest and self._stamp(rel) == recorded

    def intact(self) -> bool:
        """Every generated file is as the generator last left it (by size and time), and every
        file kept for its editor is still there."""
        if not self.manifest:
            return False
        for rel in self.manifest:
            stamp = self._stamp(rel)
            if stamp is None or self.stats.get(rel, stamp) != stamp:
                return False
        return True

    def write_all(self, pages: Mapping[str, str | Unchanged]) -> WriteReport:
        """Write every page; an UNCHANGED page (checked intact by the caller) stays as it is."""
        report = WriteReport()
        # (target, content hash): the bytes are encoded again when written, so a run never
        # holds a second copy of the whole tree in memory
        planned: dict[str, str] = {}
        targets: dict[str, Path] = {}  # of the pages that may be written
        stats: dict[str, tuple[int, int]] = {}
        for rel, text in pages.items():
            if isinstance(text, Unchanged):  # intact, so written (and checked) by an earlier run
                planned[rel] = self.manifest[rel][-1]
                stats[rel] = self.stats[rel]
                report.unchanged.append(rel)
                continue
            targets[rel] = self.target(rel)
            planned[rel] = digest(text.encode("utf-8"))

        to_write: list[str] = []
        for rel, path in targets.items():
            new_hash = planned[rel]
            current = self._current(rel, path)
            if current is None:
                to_write.append(rel)
            elif current == new_hash and current in self.manifest.get(rel, []):
                report.unchanged.append(rel)
                stats[rel] = self.stats.get(rel) or self._stamp(rel)
            elif current in self.manifest.get(rel, []):
                to_write.append(rel)
            elif rel in self.manifest:
                report.kept_edited.append(rel)
            else:
                report.kept_foreign.append(rel)

        stale = [rel for rel in self.manifest if rel not in planned]
        # Journal: every hash a file may hold until this run finishes.
        journal = {rel: list(h) for rel, h in self.manifest.items()}
        for rel in to_write:
            journal[rel] = [*journal.get(rel, [])[-1:], planned[rel]]
        journaled = bool(to_write or stale)
        if journaled:
            self._save(journal, {}, finished=False)

        for rel in to_write:
            if rel in self._written:
                raise WriteRefused(f"{rel!r} was already written in this run")
            self._written.add(rel)
            text = pages[rel]
            assert isinstance(text, str)
            atomic_write(targets[rel], text.encode("utf-8"))
            stats[rel] = self._stamp(rel)
            report.written.append(rel)

        final: dict[str, list[str]] = {}
        for rel in planned:
            if rel in report.kept_foreign:
                continue
            if rel in report.kept_edited:
                final[rel] = self.manifest[rel]
            else:
                final[rel] = [planned[rel]]
        for rel in stale:
            path = self.root / rel
            current = self._current(rel, path)
            if current is None:
                continue
            if current in self.manifest[rel]:
                path.unlink()
                _prune_empty(path.parent, self.root)
                report.deleted.append(rel)
            else:
                report.kept_edited.append(rel)
                final[rel] = self.manifest[rel]
        same_stats = stats == {k: v for k, v in self.stats.items() if k in final}
        if journaled or final != self.manifest or not same_stats:
            self._save(final, stats, finished=True)
        self.manifest, self.stats = final, stats
        return report


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
