"""Waking the dispatchers when a commit makes a notice due, instead of waiting for a poll."""

from __future__ import annotations

from sqlalchemy import text

from notify_service.service.state import notify_state
from talentloop_shared.db import UnitOfWork

WAKE_CHANNEL = "notify_dispatch"
"""LISTEN/NOTIFY channel: a commit that makes a notice due wakes every dispatcher."""


async def wake_dispatchers(uow: UnitOfWork, *, broadcast: bool = False) -> None:
    """Wake the dispatcher once this transaction commits (`broadcast`: other processes too)."""
    # Only after the commit: a dispatcher woken earlier would not see the new rows.
    uow.after_commit(notify_state(uow).dispatcher.wake)
    if broadcast:
        # NOTIFY is transactional (heard only when the commit lands) but serialises commits
        # in PostgreSQL, so the busy event path wakes in-process and other replicas poll.
        await uow.session.execute(text(f"NOTIFY {WAKE_CHANNEL}"))
