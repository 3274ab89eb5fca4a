"""The one clock of a running service: aware UTC time that tests can move.

Use cases read `uow.clock.now()`, background loops `rt.clock.now()`; nothing calls
`datetime.now()` itself, so a test can move time forward (a review window passing, a
reminder coming due) without sleeping, in every service the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """Real time plus an offset that tests move (`advance`), or a fixed moment (`freeze`)."""

    __slots__ = ("_frozen", "offset")

    def __init__(self) -> None:
        self.offset = timedelta()
        self._frozen: datetime | None = None

    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        if self._frozen is not None:
            return self._frozen
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now()

    def advance(self, delta: timedelta | None = None, **parts: float) -> None:
        """Move the clock forward by `delta` (or `hours=`, `minutes=`, …)."""
        step = (delta or timedelta()) + timedelta(**parts)
        if self._frozen is not None:
            self._frozen += step
        else:
            self.offset += step

    def freeze(self, at: datetime) -> None:
        """Stop the clock at `at` (aware)."""
        if at.tzinfo is None:
            raise ValueError("freeze needs an aware datetime")
        self._frozen = at.astimezone(UTC)

    def reset(self) -> None:
        """Back to real time."""
        self.offset = timedelta()
        self._frozen = None


def utcnow() -> datetime:
    """Real time, aware, in UTC (for code with no runtime at hand: scripts, migrations)."""
    return datetime.now(UTC)
