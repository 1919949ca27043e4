"""Render memo: a page whose inputs are the same as when it was last written, and whose file is
still as written, is not rendered again. Inputs are summarised in a signature per page."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any


class Unchanged:
    """Stands for a page that is already in place: the writer leaves its file alone."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = Unchanged()
Rendered = str | Unchanged


class RenderMemo:
    """`known`: a long-running process's record of each page's last inputs and signature
    (generator/resident.py): inputs equal to the last ones have the same signature, found
    without hashing their repr again."""

    def __init__(
        self,
        previous: dict[str, str] | None = None,
        intact: Callable[[str], bool] | None = None,
        known: dict[str, tuple[Any, str]] | None = None,
    ) -> None:
        self.previous = previous or {}
        self.intact = intact or (lambda _path: False)
        self.known = known
        self.signatures: dict[str, str] = {}
        self.rendered = 0

    def page(
        self, path: str, inputs: Any, render: Callable[[], str], remember: bool = True
    ) -> Rendered:
        """`inputs` must hold everything the page shows (its repr is hashed). `remember`: keep
        the inputs for the next run's comparison (when there is a record of them)."""
        last = self.known.get(path) if self.known is not None and remember else None
        if last is not None and last[0] == inputs:
            signature = last[1]
        else:
            signature = hashlib.blake2b(repr(inputs).encode(), digest_size=16).hexdigest()
            if self.known is not None and remember:
                self.known[path] = (inputs, signature)
        return self.signed(path, signature, render)

    def signed(self, path: str, signature: str, render: Callable[[], str]) -> Rendered:
        """The page whose inputs have this signature."""
        self.signatures[path] = signature
        if self.previous.get(path) == signature and self.intact(path):
            return UNCHANGED
        self.rendered += 1
        return render()


class AssembleMemo:
    """Values assemble derives from one seed's content (or one story's seeds), kept from the last
    run under keys that change whenever those inputs do. Only what this run used is kept."""

    def __init__(self, previous: dict[str, Any] | None = None) -> None:
        self.previous = previous or {}
        self.current: dict[str, Any] = {}
        self.made = 0

    def get(self, key: str | None, make: Callable[[], Any]) -> Any:
        if key is None:
            return make()
        if key not in self.current:
            if key in self.previous:
                self.current[key] = self.previous[key]
            else:
                self.made += 1
                self.current[key] = make()
        return self.current[key]
