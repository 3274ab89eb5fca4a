"""Waking the dispatchers when a commit makes a notice due, instead of waiting for a poll."""

from __future__ import annotations

from sqlalchemy import text

from notify_service.service.state import WAKE_CHANNEL, notify_state
from talentloop_shared.db import UnitOfWork

__all__ = ["WAKE_CHANNEL", "wake_dispatchers"]


async def wake_dispatchers(uow: UnitOfWork, *, broadcast: bool = False) -> None:
    """Wake a dispatcher once this transaction commits: this process's, or where it runs
    none, the ones in other processes (one coalesced NOTIFY after the commit);
    `broadcast`: every replica's too."""
    # Only after the commit: a dispatcher woken earlier would not see the new rows.
    uow.after_commit(notify_state(uow).dispatcher.wake)
    if broadcast:
        # NOTIFY in the transaction is heard only when the commit lands, but serialises
        # commits in PostgreSQL: only for HR's rare control actions, not the event path.
        await uow.session.execute(text(f"NOTIFY {WAKE_CHANNEL}"))
