"""The statistical model loaded in a forked process while this one does the rest of a small
extraction: importing spaCy and loading the model take most of a second, the rules' own start
(their patterns, the cached extractions) as long again, and on two cores the two overlap.

While a ``ModelProcess`` is open, the statistical stage's calls in this process are answered
by it (``statistical.answer_with``); closed, they are made here again.
"""

from __future__ import annotations

import gc
import multiprocessing
from types import TracebackType
from typing import Any

from generator.extraction import statistical
from generator.project import dies_with_parent

_CALLS = {"find_entities": statistical.find_entities, "parse": statistical.parse}


class ModelProcess:
    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe(duplex=True)
        self._child = context.Process(target=_serve, args=(child_end, self._conn), daemon=True)
        self._child.start()
        child_end.close()
        statistical.answer_with(self._ask)

    def _ask(self, name: str, args: tuple) -> Any:
        try:
            self._conn.send((name, args))
            kind, value = self._conn.recv()
        except (EOFError, OSError):  # the process is gone: load the model here instead
            self.close()
            return _CALLS[name](*args)
        if kind == "raised":
            raise value
        return value

    def close(self) -> None:
        statistical.answer_with(None)
        if self._child is None:
            return
        self._conn.close()
        self._child.join()
        self._child = None

    def __enter__(self) -> ModelProcess:
        return self

    def __exit__(
        self, kind: type | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _serve(conn, parent_end) -> None:  # type: ignore[no-untyped-def]
    parent_end.close()  # else the parent's close would never reach this process as an end
    dies_with_parent()
    gc.enable()  # a forked child inherits the parent's paused collector
    failure: Exception | None = None
    try:
        statistical.load()
    except Exception as exc:  # noqa: BLE001 - a missing model: raised where it is asked for
        failure = exc
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        name, args = request
        try:
            if failure is not None:
                raise failure
            reply: tuple[str, object] = ("done", _CALLS[name](*args))
        except Exception as exc:  # noqa: BLE001 - the asking process raises it
            reply = ("raised", exc)
        conn.send(reply)
