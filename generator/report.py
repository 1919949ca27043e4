"""What the user sees on the terminal: one-line errors on stderr, progress, quiet/verbose."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

T = TypeVar("T")


class Reporter:
    def __init__(self, verbosity: int = 0) -> None:
        self.verbosity = verbosity
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.errors = 0
        self.warnings = 0
        self.log: list[str] = []  # every error and warning line, as printed

    def error(self, message: str) -> None:
        self.errors += 1
        self.log.append(f"error: {message}")
        self.err.print(f"[bold red]error:[/] {_plain(message)}", markup=True)

    def warn(self, message: str) -> None:
        self.warnings += 1
        self.log.append(f"warning: {message}")
        if self.verbosity >= 0:
            self.err.print(f"[yellow]warning:[/] {_plain(message)}", markup=True)

    def info(self, message: str) -> None:
        if self.verbosity >= 0:
            self.err.print(_plain(message), markup=False)

    def detail(self, message: str) -> None:
        if self.verbosity >= 1:
            self.err.print(_plain(message), markup=False)

    def progress(self, items: Iterable[T], total: int, label: str) -> Iterator[T]:
        """Iterate with a progress bar on an interactive terminal (never in quiet mode)."""
        if self.verbosity < 0 or not self.err.is_terminal or total < 2:
            yield from items
            return
        columns = (
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=self.err, transient=True) as bar:
            task = bar.add_task(label, total=total)
            for item in items:
                yield item
                bar.advance(task)


def _plain(message: str) -> str:
    """Escape rich markup and keep the message on one line."""
    from rich.markup import escape

    return escape(" ".join(str(message).split()))
