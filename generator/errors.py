"""The one error type a stage may raise for bad input: it always names the seed."""

from __future__ import annotations


class SeedError(Exception):
    """A seed that cannot be turned into a briefing. ``str()`` is a one-line message."""

    def __init__(self, seed: str, reason: str) -> None:
        self.seed = seed
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{seed}: {self.reason}")

    def __reduce__(self) -> tuple[type[SeedError], tuple[str, str]]:
        """Pickled whole: extraction workers send it back to the run."""
        return (SeedError, (self.seed, self.reason))


class WriteRefused(Exception):
    """The writer was asked to write the same path twice, or outside the output folder."""
