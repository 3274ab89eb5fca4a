"""Unit of work: the only place that commits; state and outbox rows land together."""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.util import await_only, greenlet_spawn

from talentloop_shared.clock import Clock
from talentloop_shared.events.envelope import CloudEvent, new_event
from talentloop_shared.logging import current_traceparent, new_traceparent


@dataclass(frozen=True, slots=True)
class IdempotencyClaim:
    """Set by the HTTP layer for a POST carrying an Idempotency-Key."""

    scope: str
    request_hash: str


class UndeclaredEvent(ValueError):
    """A service published an event type its definition does not declare."""


class IdempotencyKeyInUse(Exception):
    """Another request with the same Idempotency-Key committed first."""


# The HTTP layer sets this for requests with an Idempotency-Key; the unit of work claims the
# key in the same transaction as the effect, so "same key → no second effect" holds even for
# two concurrent retries.
idempotency_claim: contextvars.ContextVar[IdempotencyClaim | None] = contextvars.ContextVar(
    "idempotency_claim", default=None
)


class UnitOfWork:
    """One transaction: `async with uow:` … `await uow.commit()`; rolls back otherwise."""

    session: AsyncSession

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        source: str,
        publishes: frozenset[str] | None = None,
        extras: dict[str, Any] | None = None,
        clock: Clock | None = None,
        state: object = None,
        on_outbox_commit: Callable[[], None] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._source = source
        self._publishes = publishes
        # Called after a commit that wrote outbox rows: wakes the relay (OutboxRelay.committed).
        self._on_outbox_commit = on_outbox_commit
        # The service's clock (tests move it) and its own long-lived objects (a dispatcher,
        # caches), so use cases and event handlers reach them without globals.
        self.clock: Clock = clock if clock is not None else Clock()
        self.state = state
        self.extras: dict[str, Any] = extras if extras is not None else {}  # deprecated
        self._after_commit: list[Callable[[], None]] = []
        self._pending: list[CloudEvent] = []
        self.committed = False
        # The transaction `driver` last answered for, and its connection.
        self._driver: tuple[SessionTransaction, Any] | None = None

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self._pending = []
        self._after_commit = []
        self.committed = False
        self._driver = None
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self.committed:
                await self.session.rollback()
        finally:
            await self.session.close()

    def publish(
        self,
        payload: BaseModel,
        *,
        subject: str | None = None,
        event_type: str | None = None,
    ) -> CloudEvent:
        """Record an event to publish if (and only if) this unit of work commits."""
        etype = event_type or getattr(payload, "EVENT_TYPE", "")
        if not etype:
            raise ValueError("event type unknown: pass event_type=")
        if self._publishes is not None and etype not in self._publishes:
            # The declared list is what docs/events.md and integrators rely on.
            raise UndeclaredEvent(f"{self._source} does not declare that it publishes {etype}")
        event = new_event(
            type=etype,
            source=self._source,
            data=payload,
            subject=subject,
            traceparent=new_traceparent(current_traceparent()),
        )
        self._pending.append(event)
        return event

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call `callback` once this unit of work has committed (never if it rolls back)."""
        if callback not in self._after_commit:
            self._after_commit.append(callback)

    @property
    def pending_events(self) -> list[CloudEvent]:
        """Events recorded so far in this unit of work."""
        return list(self._pending)

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A part of this unit of work that may fail on its own (one item of a batch): if
        the block raises, what it wrote and the events it published are undone (a
        SAVEPOINT) and the exception propagates; the rest of the unit of work goes on and
        commits without it."""
        events, callbacks = len(self._pending), len(self._after_commit)
        nested = await self.session.begin_nested()
        try:
            yield
        except Exception:
            if nested.is_active:
                await nested.rollback()
            del self._pending[events:]
            del self._after_commit[callbacks:]
            raise
        if nested.is_active:
            await nested.commit()

    async def flush(self) -> None:
        """Flush the session (to get generated values or surface constraint errors)."""
        await self.session.flush()

    async def driver(self) -> Any:
        """The asyncpg connection under the session, inside this unit of work's transaction
        (begun now if no statement began it yet), with the session's pending changes
        flushed (as the session's autoflush would before a query): what is sent on it sees
        them, and commits or rolls back with them. Ask for it before each statement. For a
        hot path's statements written as SQL with `$n` parameters, without the session's
        compilation and result machinery (jsonb parameters go as JSON text:
        `dumps_json`; jsonb columns come back decoded)."""
        session = self.session.sync_session
        held = self._driver
        if (
            held is not None
            and held[0] is session.get_transaction()
            and held[0].is_active
            and not (session.new or session.dirty or session.deleted)
        ):
            return held[1]  # the same transaction, nothing to flush: no greenlet hop
        conn = await driver_connection(self.session)
        transaction = session.get_transaction()
        assert transaction is not None
        self._driver = (transaction, conn)
        return conn

    async def commit(self) -> None:
        """Write the outbox rows (and the idempotency claim) after the session's changes,
        then commit everything at once."""
        claim = idempotency_claim.get()
        wrote_outbox = bool(self._pending)
        if claim is not None or wrote_outbox:
            # The claim and the outbox rows in one statement: a key another request already
            # claimed (committed, or committing: the insert waits for it) claims nothing and
            # writes no event, and nothing commits.
            events = self._pending
            columns = (
                [uuid.UUID(e.id) for e in events],
                [e.type for e in events],
                [e.model_dump_json(exclude_none=True) for e in events],
            )
            conn = await self.driver()
            if claim is None:
                await conn.execute(_OUTBOX, *columns)
            elif not await conn.fetchval(
                _CLAIM_AND_OUTBOX, *columns, claim.scope, claim.request_hash
            ):
                await self.session.rollback()
                raise IdempotencyKeyInUse(claim.scope)
        await self.session.commit()
        self.committed = True
        self._pending = []
        if wrote_outbox and self._on_outbox_commit is not None:
            self._on_outbox_commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    async def rollback(self) -> None:
        """Discard every change and pending event."""
        await self.session.rollback()
        self._pending = []


async def driver_connection(session: AsyncSession) -> Any:
    """The asyncpg connection under `session`, inside its transaction (begun now if no
    statement began it yet), the session's pending changes flushed first: what is sent on
    it sees them, and commits or rolls back with them (`UnitOfWork.driver`, for a session
    without its unit of work)."""
    return await greenlet_spawn(_driver_in_transaction, session.sync_session)


def _driver_in_transaction(session: Session) -> Any:
    session.flush()  # nothing to do when nothing changed
    pooled = session.connection().connection
    adapted: Any = pooled.dbapi_connection
    # SQLAlchemy's asyncpg adapter sends BEGIN lazily, before its own first statement; one
    # sent straight to the driver before that would run (and commit) on its own.
    if adapted._transaction is None:
        await_only(adapted._start_transaction())
    return pooled.driver_connection


# The unit of work's events as outbox rows, in the order published: `seq` is allocated as
# the rows are inserted, after the aggregate's own rows were written (and so locked).
_EVENT_ROWS = """
    INSERT INTO outbox (id, event_type, routing_key, envelope)
    SELECT e.id, e.type, e.type, e.envelope::jsonb
    FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS e(id, type, envelope, n)
"""
_OUTBOX = _EVENT_ROWS + " ORDER BY e.n"
# The idempotency key claimed (true) or already claimed by another request (false: then no
# event is written either), with the events, in one statement.
_CLAIM_AND_OUTBOX = f"""
    WITH claim AS (
        INSERT INTO idempotency_keys (scope, request_hash) VALUES ($4, $5)
        ON CONFLICT (scope) DO NOTHING
        RETURNING scope
    ), events AS (
        {_EVENT_ROWS} WHERE EXISTS (SELECT FROM claim) ORDER BY e.n
    )
    SELECT EXISTS (SELECT FROM claim)
"""


class UnitOfWorkFactory:
    """Makes units of work bound to one service's database and relay."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        service: str,
        publishes: frozenset[str] | None = None,
        extras: dict[str, Any] | None = None,
        clock: Clock | None = None,
        state: object = None,
        on_outbox_commit: Callable[[], None] | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.service = service
        self.publishes = publishes
        self.clock: Clock = clock if clock is not None else Clock()
        self.state = state
        self.extras: dict[str, Any] = extras if extras is not None else {}
        # The service's relay wake-up (set once the relay exists): without one, a commit's
        # events wait for the relay's next poll.
        self.on_outbox_commit = on_outbox_commit

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(
            self.session_factory,
            source=f"/{self.service}",
            publishes=self.publishes,
            extras=self.extras,
            clock=self.clock,
            state=self.state,
            on_outbox_commit=self.on_outbox_commit,
        )
