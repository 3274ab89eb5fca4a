"""The dispatcher: sends due notices, exactly once as far as we can make it.

Claim, send, record:
1. In a short transaction, due notices (`scheduled`, `send_at <= now`) are claimed with
   `FOR UPDATE SKIP LOCKED` and moved to `sending` (attempts + 1). Two dispatchers (two
   replicas, or two calls at once) never claim the same notice.
2. Outside any transaction the claimed batch is sent (SMTP connections reused, a few in
   parallel; SMS with bounded concurrency).
3. In a second transaction each outcome is recorded: `sent`, or back to `scheduled` with
   an exponential-backoff `send_at`, or `failed` after the last attempt or on a permanent
   error, or `unknown` when nobody can tell whether it went out. Every attempt is a row in
   `delivery_attempts`.

We choose **at-most-once**: a notice that may have gone out is never resent on our own.
That is the case when the connection was lost or timed out after the message was handed
over (after SMTP DATA, after the SMS provider got the request; `DeliveryResult.unknown`),
and when a crash between 2 and 3 leaves a notice in `sending`: after
`claim_timeout_seconds` (database time) the sweep marks it `unknown`. HR sees it (and
/metrics counts it) and can `resend` after checking. A repeated email would still carry
the same Message-ID (`<id@notify.talentloop>`) so receiving systems can drop it. A second
rejection mail hurts a candidate more than a late one that HR re-sends by hand.

An erasure (`service/erasure.py`) may clear a notice's content while it is in `sending`.
Step 3 never writes content back, and it cancels such a notice unless it went out (or
may have: `unknown` stays, there is nothing left to resend).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any, cast

import asyncpg
from prometheus_client import Counter
from sqlalchemy import (
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)

from notify_service import domain
from notify_service.config import Settings
from notify_service.db.claims import claim_due_rows
from notify_service.db.models import DeliveryAttempt, Notification
from notify_service.service.delivery import DeliveryResult, send_sms_batch
from notify_service.service.erasure import ERASED_REASON
from notify_service.service.mime import message_id_for
from notify_service.service.robot_delivery import send_chat_batch
from notify_service.service.state import notify_state
from notify_service.service.wakeups import WAKE_CHANNEL
from talentloop_shared.db.engine import asyncpg_dsn
from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)

NOTICES_DELIVERED = Counter(
    "talentloop_notices_delivered_total",
    "Notice delivery attempts by channel and outcome (sent, retry, failed, unknown)",
    ["channel", "outcome"],
)
RESEND_HINT = (
    "check the mail log or with the candidate, then resend "
    "(POST /api/v1/notifications/{id}/resend) if it did not arrive"
)


async def recover_stale_claims(rt: Runtime) -> int:
    """Fail notices stuck in `sending` past the claim timeout (never resend them blindly).

    A notice locked by someone else is skipped, not waited for: a dispatcher recording its
    outcome or an erasure holds it, and the next sweep sees it if it is still stuck. So the
    sweep, which takes many rows at once, never waits while holding some (no deadlock with
    the erasure or `_record`), and the dispatcher loop never stalls behind a long
    transaction."""
    settings = cast(Settings, rt.settings)
    async with rt.session_factory() as session:
        stale = await session.scalars(
            select(Notification.id)
            .where(
                Notification.status == "sending",
                Notification.claimed_at
                < func.now() - func.make_interval(0, 0, 0, 0, 0, 0, settings.claim_timeout_seconds),
            )
            .order_by(Notification.id)
            .with_for_update(skip_locked=True)
        )
        locked = list(stale)
        if not locked:
            await session.rollback()
            return 0
        result = await session.execute(
            update(Notification)
            .where(Notification.id.in_(locked))
            .values(
                status="unknown",
                last_error="delivery outcome unknown: the dispatcher stopped while sending; "
                + RESEND_HINT,
                updated_at=func.now(),
            )
            .returning(Notification.channel)
        )
        channels = list(result.scalars())
        await session.commit()
    for channel in channels:
        NOTICES_DELIVERED.labels(channel, "unknown").inc()
    if channels:
        log.warning("dispatch.stale_claims_unknown", count=len(channels))
    return len(channels)


# Built once, with bind parameters `now` and `limit` (db/claims.py).
_CLAIM = claim_due_rows(
    Notification, due=Notification.send_at, ready="scheduled", claimed="sending"
).returning(Notification)


async def _claim(rt: Runtime, now: datetime, limit: int) -> list[Notification]:
    async with rt.session_factory() as session:
        rows = (
            await session.scalars(
                _CLAIM,
                {"now": now, "limit": limit},
                execution_options={"synchronize_session": False},
            )
        ).all()
        await session.commit()
    return list(rows)


async def _deliver(rt: Runtime, notices: list[Notification]) -> list[DeliveryResult]:
    settings = cast(Settings, rt.settings)
    state = notify_state(rt)
    emails = [n for n in notices if n.channel == "email"]
    texts = [n for n in notices if n.channel == "sms"]
    chats = [n for n in notices if n.channel == "chat"]  # staff alerts to team-chat robots
    email_results, sms_results, chat_results = await asyncio.gather(
        state.mailer.send_batch(emails) if emails else _none(),
        send_sms_batch(state.sms, texts, concurrency=settings.dispatch_concurrency * 2)
        if texts
        else _none(),
        send_chat_batch(
            rt, state.robots, chats, concurrency=settings.dispatch_concurrency, vault=state.vault
        )
        if chats
        else _none(),
    )
    by_id = {n.id: r for n, r in zip(emails, email_results, strict=True)}
    by_id.update({n.id: r for n, r in zip(texts, sms_results, strict=True)})
    by_id.update({n.id: r for n, r in zip(chats, chat_results, strict=True)})
    unknown = DeliveryResult(False, "unknown channel", permanent=True)
    return [by_id.get(n.id, unknown) for n in notices]


async def _none() -> list[DeliveryResult]:
    return []


def _without_recipient(error: str | None, notice: Notification) -> str | None:
    """A delivery error without the candidate's address (an SMTP server refusing a
    recipient quotes it). The notice names its recipient anyway, and an erasure could not
    find the address in the error once the recipient is gone."""
    if error and notice.recipient:
        return error.replace(notice.recipient, "<recipient>")
    return error


_NOTICES = cast(Table, Notification.__table__)  # declared as FromClause; mapped to a Table
# The candidate was erased while we were sending (the erasure clears the recipient of every
# notice, and a claimed one always had one): the content stays erased (this UPDATE never
# writes it), and a notice that did not go out is cancelled, never put back to `scheduled`
# or left `failed` for a send-now. Decided from the row in the UPDATE itself, so an erasure
# committing while we wait for the row is seen.
_NEW_STATUS = bindparam("b_status", type_=String())
_ERASED_UNSENT = and_(
    _NOTICES.c.recipient.is_(None), _NEW_STATUS != "sent", _NEW_STATUS != "unknown"
)
_RECORD = (
    update(_NOTICES)
    .where(
        _NOTICES.c.id == bindparam("b_id"),
        or_(_NOTICES.c.status == "sending", _NOTICES.c.status == "unknown"),
    )
    .values(
        status=case((_ERASED_UNSENT, "cancelled"), else_=_NEW_STATUS),
        status_reason=case((_ERASED_UNSENT, ERASED_REASON), else_=_NOTICES.c.status_reason),
        sent_at=bindparam("b_sent_at"),
        last_error=bindparam("b_error"),
        message_id=bindparam("b_message_id"),
        send_at=bindparam("b_send_at"),
        updated_at=func.now(),
    )
)
_ATTEMPTS = insert(DeliveryAttempt)


async def _record(
    rt: Runtime,
    notices: list[Notification],
    results: list[DeliveryResult],
    started: datetime,
) -> None:
    settings = cast(Settings, rt.settings)
    now = finished = rt.clock.now()
    attempts: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    # In id order: the UPDATE below locks the rows in list order, and an erasure locks a
    # candidate's notices in id order too (service/erasure.py); with two orders, each side
    # could hold a notice the other waits for, and PostgreSQL aborts one of them. The
    # attempts follow (their foreign key takes a share lock on each notice).
    outcomes = sorted(zip(notices, results, strict=True), key=lambda pair: pair[0].id)
    for notice, result in outcomes:
        error = _without_recipient(result.error, notice)
        change = {
            "b_id": notice.id,
            "b_status": "failed",
            "b_sent_at": None,
            "b_error": error,
            "b_message_id": None,
            "b_send_at": notice.send_at,
        }
        if result.ok:
            outcome = "sent"
            change.update(
                b_status="sent",
                b_sent_at=now,
                b_error=None,
                b_message_id=message_id_for(notice)
                if notice.channel == "email"
                else result.reference,
            )
        elif result.unknown:
            outcome = "unknown"
            change.update(b_status="unknown", b_error=f"{error}; {RESEND_HINT}")
        elif result.permanent or notice.attempts >= settings.max_attempts:
            outcome = "failed"
        else:
            outcome = "retry"
            change.update(
                b_status="scheduled",
                b_send_at=domain.next_retry_at(
                    notice.attempts,
                    now,
                    base_seconds=settings.retry_base_seconds,
                    max_seconds=settings.retry_max_seconds,
                ),
            )
        changes.append(change)
        attempts.append(
            {
                "notification_id": notice.id,
                "attempt": notice.attempts,
                "started_at": started,
                "finished_at": finished,
                "outcome": outcome,
                "error": error,
                "provider_reference": result.reference,
            }
        )
        NOTICES_DELIVERED.labels(notice.channel, outcome).inc()
    async with rt.session_factory() as session:
        # One statement for the batch; a notice the stale-claim sweep marked unknown
        # meanwhile still learns the truth here.
        await session.execute(_RECORD, changes)
        await session.execute(_ATTEMPTS, attempts)
        await session.commit()


async def dispatch_due(rt: Runtime, *, limit: int | None = None) -> int:
    """Claim, send and record one batch of due notices; returns how many were claimed."""
    settings = cast(Settings, rt.settings)
    started = rt.clock.now()
    notices = await _claim(rt, started, limit or settings.dispatch_batch_size)
    if notices:
        await _send_and_record(rt, notices, started)
    return len(notices)


async def _send_and_record(rt: Runtime, notices: list[Notification], started: datetime) -> None:
    """Send a claimed batch and record each outcome."""
    try:
        results = await _deliver(rt, notices)
    except Exception as exc:  # an adapter bug must not strand the batch in `sending`
        log.exception("dispatch.adapter_error")
        # Some of the batch may have gone out before it failed: none is sent again on its
        # own (a second rejection hurts more than a late one); HR sees them and resends.
        error = f"delivery outcome unknown: {describe_error(exc, 400)}"
        results = [DeliveryResult(False, error, unknown=True) for _ in notices]
    await _record(rt, notices, results, started)
    sent = sum(r.ok for r in results)
    unknown = sum(r.unknown for r in results)
    log.info(
        "dispatch.batch",
        claimed=len(notices),
        sent=sent,
        unknown=unknown,
        failed=len(notices) - sent - unknown,
    )


async def _listen(rt: Runtime) -> asyncpg.Connection | None:
    """A connection LISTENing for NOTIFYs from other processes (None if it cannot connect:
    the loop then polls, and tries again next round)."""
    wakeup = notify_state(rt).dispatcher
    try:
        conn = await asyncpg.connect(asyncpg_dsn(rt.settings.database_url), timeout=10)
        await conn.add_listener(WAKE_CHANNEL, lambda *_: wakeup.wake())
        return conn
    except Exception as exc:
        log.warning("dispatch.listen_failed", error=describe_error(exc, 300))
        return None


# How long a stopping dispatcher lets its batches on their way finish (within the service's
# own stop grace, STOP_GRACE_SECONDS).
SHUTDOWN_GRACE_SECONDS = 3.5


async def dispatcher_loop(rt: Runtime) -> None:
    """The background loop (ServiceDefinition): sends due notices as soon as a commit (here
    or in another process, through NOTIFY) makes them due, else polls every second; every
    30 s it fails stale claims. Runs until cancelled.

    Up to `dispatch_pipeline` claimed batches are sent at once: a notice that becomes due
    while a batch is on its way is claimed and sent beside it, instead of waiting for that
    batch's last reply and its record (SKIP LOCKED keeps the batches apart)."""
    settings = cast(Settings, rt.settings)
    wakeup = notify_state(rt).dispatcher
    conn: asyncpg.Connection | None = None
    last_sweep = 0.0
    loop = asyncio.get_running_loop()
    sending: set[asyncio.Task[None]] = set()

    def done(task: asyncio.Task[None]) -> None:
        sending.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            # The batch stays `sending`; the stale-claim sweep marks it unknown for HR.
            log.error("dispatch.batch_failed", error=describe_error(exc, 300))
        wakeup.wake_here()  # a slot is free: look again

    try:
        while True:
            if conn is None or conn.is_closed():
                conn = await _listen(rt)
            wakeup.clear()
            try:
                if loop.time() - last_sweep > 30:
                    await recover_stale_claims(rt)
                    last_sweep = loop.time()
                if len(sending) < settings.dispatch_pipeline:
                    started = rt.clock.now()
                    notices = await _claim(rt, started, settings.dispatch_batch_size)
                    if notices:
                        task = asyncio.create_task(_send_and_record(rt, notices, started))
                        sending.add(task)
                        task.add_done_callback(done)
                        if len(notices) >= settings.dispatch_batch_size:
                            continue  # more are due: no pause
            except Exception as exc:
                # The database may be away: the batches on their way go on (cut off, their
                # outcome would be unknown); the next round claims again.
                log.warning("dispatch.claim_failed", error=describe_error(exc, 300))
            await wakeup.wait(settings.dispatch_poll_seconds)
    finally:
        if sending:
            # Shutting down: the batches on their way may finish first (a send cut off is
            # an outcome HR has to check); what is still going after that is cut off.
            _, unfinished = await asyncio.wait(sending, timeout=SHUTDOWN_GRACE_SECONDS)
            for task in unfinished:
                task.cancel()
            if unfinished:
                await asyncio.wait(unfinished, timeout=1)
        if conn is not None:
            try:
                await asyncio.wait_for(conn.close(), 5)
            except Exception:
                conn.terminate()
