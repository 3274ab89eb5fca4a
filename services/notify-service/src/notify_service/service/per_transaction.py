"""Values read once per transaction: what every event of a consumer batch reads alike.

The consumer applies a batch of events in one transaction (talentloop_shared.messaging);
each rejection used to ask PostgreSQL the same questions again (has the template library
changed, which webhook subscriptions are active), a round trip and a statement's worth of
SQLAlchemy work each. Within one transaction the first answer is kept and reused; the next
transaction (the next batch, a retried event) asks again, so a change committed elsewhere
is seen by the next batch, as every change was seen by the next event before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from talentloop_shared.db import UnitOfWork

T = TypeVar("T")

_INFO_KEY = "notify.per_transaction"


async def once_per_transaction(uow: UnitOfWork, key: str, load: Callable[[], Awaitable[T]]) -> T:
    """`load()`'s value, read at most once in the unit of work's current transaction."""
    session = uow.session.sync_session
    memo: dict[str, tuple[Any, Any]] = session.info.setdefault(_INFO_KEY, {})
    kept = memo.get(key)
    if kept is not None and kept[0] is session.get_transaction() and kept[0] is not None:
        return cast(T, kept[1])
    value = await load()
    memo[key] = (session.get_transaction(), value)
    return value
