"""What a run needs of the project folder itself: its build lock and its site name."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from generator.options import Options
from generator.report import Reporter


@contextmanager
def build_lock(options: Options, reporter: Reporter) -> Iterator[None]:
    """One build at a time per project; a second one waits for the first."""
    cache = options.path(options.cache)
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            reporter.info("another briefing run holds the lock; waiting for it to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def site_name(options: Options) -> str:
    try:
        with open(options.path(options.config), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("site_name:"):
                    value = yaml.safe_load(line.split(":", 1)[1])
                    return str(value) if value else "Briefings"
    except OSError:
        pass
    return "Briefings"


def display_name(path: Path, options: Options) -> str:
    """The seed's path relative to the project, as messages and pages name it."""
    text, root = str(path), str(options.root).rstrip("/") + "/"
    return text[len(root) :] if text.startswith(root) else text


def dies_with_parent() -> None:
    """For subprocess' preexec_fn: a step's process (MkDocs, Pagefind) ends when the run that
    started it is killed, so it cannot go on writing beside the next run."""
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
