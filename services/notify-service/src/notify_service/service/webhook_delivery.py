"""The webhook delivery loop: sends due deliveries, signed per Standard Webhooks.

Claim, send, record (as the notice dispatcher does, service/dispatch.py), but at least once:
1. Due deliveries (`pending`, `next_attempt_at <= now`, subscription active) are claimed
   with `FOR UPDATE SKIP LOCKED` and moved to `delivering` (attempts + 1): two replicas
   never send the same one at once.
2. Each is sent in its own task, at most `webhook_concurrency` at a time, so one slow
   endpoint holds one slot, not a batch: the host is resolved, every address checked
   (SSRF), and the request goes to the checked address (DNS rebinding cannot redirect it)
   with the URL's host in `Host` and in TLS SNI/certificate checks. Short timeouts,
   redirects not followed, at most `webhook_max_response_bytes` of the answer read.
3. The loop records outcomes as they come in (the successes of a round in one
   statement): 2xx → `delivered`; 410 → `failed` and the subscription
   disabled; anything else → `pending` again after the next wait of the retry schedule, or
   `failed` once it is spent, which disables the subscription and tells HR (an email to
   NOTIFY_HR_ALERT_EMAIL through the notice pipeline, a log line, a metric, the reason in
   the API).
A process that dies mid-request leaves `delivering` rows; after `webhook_claim_timeout_seconds`
they are pending again and sent again: receivers deduplicate on `webhook-id`, the event id,
the same on every attempt.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

import httpx
from prometheus_client import Counter, Histogram
from sqlalchemy import CursorResult, Table, bindparam, func, select, update
from standardwebhooks.webhooks import Webhook

from notify_service.config import Settings
from notify_service.db.claims import claim_due_rows
from notify_service.db.models import Notification
from notify_service.db.webhooks import WebhookDelivery, WebhookSubscription
from notify_service.domain import webhooks as rules
from notify_service.service.settings import hr_alert_reader
from notify_service.service.state import notify_state
from notify_service.service.targets import (
    NothingSent,
    TargetRefused,
    TargetUnresolvable,
    pinned_post,
)
from notify_service.service.wakeups import wake_dispatchers
from notify_service.service.webhooks import ERASED_REASON
from talentloop_shared.db import UnitOfWork
from talentloop_shared.logging import get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)

WEBHOOKS_SENT = Counter(
    "talentloop_webhook_deliveries_total",
    "Webhook delivery attempts by outcome (delivered, retry, failed, gone, refused)",
    ["outcome"],
)
WEBHOOK_LATENCY = Histogram(
    "talentloop_webhook_request_seconds",
    "Time from connecting to a webhook endpoint to its answer",
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
SUBSCRIPTIONS_DISABLED = Counter(
    "talentloop_webhook_subscriptions_disabled_total",
    "Webhook subscriptions disabled by the delivery loop, by reason (gone, retries_spent)",
    ["reason"],
)
USER_AGENT = "Talentloop-Webhooks/1"


@dataclass(frozen=True, slots=True)
class Claimed:
    """A claimed delivery with what sending it needs from its subscription."""

    id: uuid.UUID
    subscription_id: uuid.UUID
    webhook_id: str
    body: str
    attempts: int
    attempts_before_redelivery: int
    url: str
    secrets: list[str]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt gave."""

    ok: bool
    status_code: int | None = None
    error: str | None = None
    latency_ms: int | None = None
    gone: bool = False  # 410: the receiver wants no more


# --- claim --------------------------------------------------------------------------------


# Built once, with bind parameters `now` and `limit` (db/claims.py).
_CLAIM = claim_due_rows(
    WebhookDelivery,
    due=WebhookDelivery.next_attempt_at,
    ready="pending",
    claimed="delivering",
    join=(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id),
    where=[WebhookSubscription.active.is_(True)],
).returning(
    WebhookDelivery.id,
    WebhookDelivery.subscription_id,
    WebhookDelivery.webhook_id,
    WebhookDelivery.body,
    WebhookDelivery.attempts,
    WebhookDelivery.attempts_before_redelivery,
)


async def claim_due(rt: Runtime, now: datetime, limit: int) -> list[Claimed]:
    """Claim up to `limit` due deliveries of active subscriptions."""
    async with rt.session_factory() as session:
        rows = (
            await session.execute(
                _CLAIM,
                {"now": now, "limit": limit},
                execution_options={"synchronize_session": False},
            )
        ).all()
        subs: dict[uuid.UUID, WebhookSubscription] = {}
        if rows:
            found = await session.scalars(
                select(WebhookSubscription).where(
                    WebhookSubscription.id.in_({r.subscription_id for r in rows})
                )
            )
            subs = {s.id: s for s in found}
        await session.commit()
    claimed = []
    vault = notify_state(rt).vault
    for r in rows:
        sub = subs[r.subscription_id]
        claimed.append(
            Claimed(
                id=r.id,
                subscription_id=r.subscription_id,
                webhook_id=r.webhook_id,
                body=r.body or "",
                attempts=r.attempts,
                attempts_before_redelivery=r.attempts_before_redelivery,
                url=sub.url,
                secrets=rules.signing_secrets(
                    vault.open(sub.secret),
                    vault.open_optional(sub.previous_secret),
                    sub.previous_secret_expires_at,
                    now,
                ),
            )
        )
    return claimed


async def recover_stale_claims(rt: Runtime) -> int:
    """Deliveries left `delivering` past the claim timeout go back to `pending`."""
    settings = cast(Settings, rt.settings)
    async with rt.session_factory() as session:
        result = cast(
            CursorResult[Any],
            await session.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.status == "delivering",
                    WebhookDelivery.claimed_at
                    < func.now()
                    - func.make_interval(0, 0, 0, 0, 0, 0, settings.webhook_claim_timeout_seconds),
                )
                .values(status="pending", next_attempt_at=func.now(), updated_at=func.now())
            ),
        )
        await session.commit()
    if result.rowcount:
        log.warning("webhook.stale_claims_retried", count=result.rowcount)
    return int(result.rowcount)


# --- send ---------------------------------------------------------------------------------


def signed_headers(delivery: Claimed, at: datetime) -> dict[str, str]:
    """The Standard Webhooks headers: one v1 signature per secret in use."""
    signatures = " ".join(
        Webhook(secret).sign(delivery.webhook_id, at, delivery.body) for secret in delivery.secrets
    )
    return {
        "webhook-id": delivery.webhook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signatures,
        "content-type": "application/cloudevents+json",
        "user-agent": USER_AGENT,
    }


def new_http_client(settings: Settings) -> httpx.AsyncClient:
    """The client of the delivery loop: short timeouts, no redirects, no proxies from the
    environment (a proxy would see the body and could reach what the checks refuse)."""
    timeout = httpx.Timeout(
        connect=settings.webhook_connect_timeout_seconds,
        read=settings.webhook_read_timeout_seconds,
        write=settings.webhook_read_timeout_seconds,
        pool=settings.webhook_connect_timeout_seconds,
    )
    return httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(
            max_connections=settings.webhook_concurrency,
            max_keepalive_connections=settings.webhook_concurrency,
        ),
    )


async def send(
    client: httpx.AsyncClient, settings: Settings, delivery: Claimed, now: datetime
) -> Outcome:
    """One attempt: check the target's addresses, connect to the checked one, post. The
    error recorded is ours (a reader of the delivery log sees it): the rule, the kind of
    failure or the HTTP status, never the receiver's words or where it redirects."""
    headers = signed_headers(delivery, now)
    started = time.perf_counter()
    try:
        # The timeouts are per read; the attempt as a whole has a deadline too (a receiver
        # dripping its answer would otherwise hold a slot past its claim).
        answer = await pinned_post(
            client,
            settings,
            delivery.url,
            content=delivery.body.encode(),
            headers=headers,
            deadline=settings.webhook_attempt_seconds,
            max_bytes=settings.webhook_max_response_bytes,
        )
    except TargetRefused as e:
        return Outcome(False, error=str(e))
    except TargetUnresolvable as e:
        host = rules.parse_target(delivery.url).host
        return Outcome(False, error=f"cannot resolve {host}: {e}"[:300])
    except TimeoutError as e:
        latency = int((time.perf_counter() - started) * 1000)
        what = "no connection" if isinstance(e, NothingSent) else "no whole answer"
        return Outcome(
            False,
            error=f"{what} within {settings.webhook_attempt_seconds:g} s",
            latency_ms=latency,
        )
    except httpx.HTTPError as e:
        latency = int((time.perf_counter() - started) * 1000)
        return Outcome(False, error=f"request failed: {type(e).__name__}", latency_ms=latency)
    latency = int((time.perf_counter() - started) * 1000)
    WEBHOOK_LATENCY.observe(latency / 1000)
    code = answer.status_code
    if 200 <= code < 300:
        return Outcome(True, status_code=code, latency_ms=latency)
    if code == 410:
        return Outcome(False, status_code=code, latency_ms=latency, gone=True, error="410 Gone")
    error = f"HTTP {code}"
    if 300 <= code < 400:
        error += " redirect (not followed)"
    return Outcome(False, status_code=code, latency_ms=latency, error=error)


# --- record -------------------------------------------------------------------------------


async def record(rt: Runtime, delivery: Claimed, outcome: Outcome, at: datetime) -> str:
    """Write the attempt's outcome; disable the subscription when it must. Returns the
    delivery's new status."""
    settings = cast(Settings, rt.settings)
    retry_in = rules.retry_delay(
        delivery.attempts - delivery.attempts_before_redelivery,
        settings.webhook_retry_schedule_seconds,
    )
    if outcome.ok:
        status, label = "delivered", "delivered"
    elif outcome.gone:
        status, label = "failed", "gone"
    elif retry_in is None:
        status, label = "failed", "failed"
    else:
        status, label = "pending", "retry"
    now = rt.clock.now()
    async with rt.uow_factory() as uow:
        values: dict[str, Any] = {
            "status": status,
            "status_reason": None,
            "claimed_at": None,
            "last_attempt_at": at,
            "last_status_code": outcome.status_code,
            "last_latency_ms": outcome.latency_ms,
            "last_error": outcome.error,
            "delivered_at": now if outcome.ok else None,
            "next_attempt_at": now + retry_in if status == "pending" and retry_in else None,
            "updated_at": now,
        }
        # Erased while we were sending: what did not go out is cancelled, never retried
        # (the body is gone anyway); the body is never written back.
        row = await uow.session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery.id, WebhookDelivery.status == "delivering")
            .values(values)
            .returning(WebhookDelivery.body.is_(None))
        )
        scrubbed = row.scalar()
        if scrubbed is None:  # the stale sweep took it back meanwhile: the next try records
            await uow.rollback()
            return "pending"
        if scrubbed and status == "pending":
            await uow.session.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.id == delivery.id)
                .values(status="cancelled", status_reason=ERASED_REASON, next_attempt_at=None)
            )
            status = "cancelled"
        if outcome.gone:
            await disable(uow, delivery.subscription_id, "gone", "the endpoint answered 410 Gone")
        elif status == "failed":
            span = rules.schedule_span(settings.webhook_retry_schedule_seconds)
            await disable(
                uow,
                delivery.subscription_id,
                "retries_spent",
                f"{delivery.attempts - delivery.attempts_before_redelivery} attempts over "
                f"{_human(span)} failed; last: {outcome.error}",
            )
        await uow.commit()
    WEBHOOKS_SENT.labels(label).inc()
    return status


def _human(span: timedelta) -> str:
    seconds = span.total_seconds()
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.1f} s"


async def disable(uow: UnitOfWork, subscription_id: uuid.UUID, reason: str, detail: str) -> bool:
    """Disable an active subscription with its reason and tell HR; False when it was
    already off (only the attempt that turns it off tells anyone)."""
    now = uow.clock.now()
    result = await uow.session.execute(
        update(WebhookSubscription)
        .where(WebhookSubscription.id == subscription_id, WebhookSubscription.active.is_(True))
        .values(
            active=False,
            disabled_reason=detail[:1000],
            disabled_at=now,
            version=WebhookSubscription.version + 1,
            updated_at=now,
            updated_by="webhook-delivery",
        )
        .returning(WebhookSubscription.url, WebhookSubscription.description)
    )
    row = result.first()
    if row is None:
        return False
    SUBSCRIPTIONS_DISABLED.labels(reason).inc()
    host = rules.parse_target(row.url).host
    log.warning(
        "webhook.subscription_disabled",
        subscription_id=str(subscription_id),
        host=host,
        reason=reason,
    )
    await alert_hr(uow, subscription_id, host=host, description=row.description, detail=detail)
    return True


async def alert_hr(
    uow: UnitOfWork, subscription_id: uuid.UUID, *, host: str, description: str, detail: str
) -> None:
    """An email to HR's alert address (settings, else NOTIFY_HR_ALERT_EMAIL) through the
    notice pipeline (the dispatcher sends it, with its retries), when one is set."""
    address = (await hr_alert_reader(uow)).email
    if not address:
        return
    now = uow.clock.now()
    body = (
        f"The webhook subscription {subscription_id} ({description or 'no description'}, "
        f"to {host}) was disabled: {detail}\n\n"
        "Its pending deliveries are kept. Fix the endpoint, then enable the subscription "
        f"again (PATCH /api/v1/webhook-subscriptions/{subscription_id} with "
        '{"active": true}); see its deliveries at '
        f"/api/v1/webhook-subscriptions/{subscription_id}/deliveries."
    )
    uow.session.add(
        Notification(
            id=uuid.uuid4(),
            kind="webhook-disabled",
            source_event_id=f"webhook-disabled:{subscription_id}:{now.isoformat()}",
            candidate_id="",
            locale="en",
            timezone="UTC",
            channel="email",
            recipient=address,
            status="scheduled",
            subject=f"Webhook subscription disabled: {description or host}"[:300],
            body_text=body,
            flags=[],
            occurred_at=now,
            send_at=now,
            attempts=0,
        )
    )
    await wake_dispatchers(uow)


# --- the loop -----------------------------------------------------------------------------


async def attempt(rt: Runtime, client: httpx.AsyncClient, delivery: Claimed) -> Attempted:
    """Send one claimed delivery (no recording: the loop records outcomes in batches)."""
    settings = cast(Settings, rt.settings)
    at = rt.clock.now()
    try:
        outcome = await send(client, settings, delivery, at)
    except Exception as e:  # a bug here must not strand the delivery in `delivering`
        log.exception("webhook.send_error", delivery_id=str(delivery.id))
        # The kind only: Readers see it, and an exception's text may quote the URL.
        outcome = Outcome(False, error=f"delivery error: {type(e).__name__}")
    if not outcome.ok:
        log.info(
            "webhook.attempt_failed",
            delivery_id=str(delivery.id),
            attempt=delivery.attempts,
            status_code=outcome.status_code,
            error=outcome.error,
        )
    return Attempted(delivery, outcome, at)


@dataclass(frozen=True, slots=True)
class Attempted:
    """A finished attempt waiting to be recorded."""

    delivery: Claimed
    outcome: Outcome
    at: datetime


async def record_delivered(rt: Runtime, done: list[Attempted]) -> None:
    """Record successful attempts, many in one statement and transaction (the common case
    at volume; a failure goes through `record`, which may disable its subscription)."""
    now = rt.clock.now()
    table = cast(Table, WebhookDelivery.__table__)
    async with rt.session_factory() as session:
        await session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.status == "delivering")
            .values(
                status="delivered",
                status_reason=None,
                claimed_at=None,
                last_attempt_at=bindparam("b_at"),
                last_status_code=bindparam("b_code"),
                last_latency_ms=bindparam("b_latency"),
                last_error=None,
                delivered_at=now,
                next_attempt_at=None,
                updated_at=now,
            ),
            [
                {
                    "b_id": a.delivery.id,
                    "b_at": a.at,
                    "b_code": a.outcome.status_code,
                    "b_latency": a.outcome.latency_ms,
                }
                for a in sorted(done, key=lambda a: a.delivery.id)
            ],
        )
        await session.commit()
    WEBHOOKS_SENT.labels("delivered").inc(len(done))


async def record_all(rt: Runtime, done: list[Attempted]) -> None:
    """Record finished attempts: the successes together, each failure on its own."""
    delivered = [a for a in done if a.outcome.ok]
    if delivered:
        await record_delivered(rt, delivered)
    for a in done:
        if not a.outcome.ok:
            await record(rt, a.delivery, a.outcome, a.at)


async def webhook_loop(rt: Runtime) -> None:
    """The background loop (ServiceDefinition): keeps up to `webhook_concurrency`
    deliveries in flight and records what finished, in batches; woken by commits that
    record deliveries and by each finished attempt, else polls. Every 30 s, stale claims
    go back to pending."""
    settings = cast(Settings, rt.settings)
    wakeup = notify_state(rt).webhooks
    in_flight: set[asyncio.Task[Attempted]] = set()
    done: list[Attempted] = []
    last_sweep = 0.0
    loop = asyncio.get_running_loop()
    client = new_http_client(settings)

    def finished(task: asyncio.Task[Attempted]) -> None:
        in_flight.discard(task)
        if not task.cancelled() and task.exception() is None:
            done.append(task.result())
        wakeup.wake()

    try:
        while True:
            wakeup.clear()
            if done:
                batch, done[:] = list(done), []
                try:
                    await record_all(rt, batch)
                except Exception:
                    # Left `delivering`: the stale-claim sweep sends them again (at least
                    # once; receivers deduplicate).
                    log.exception("webhook.record_failed", count=len(batch))
            if loop.time() - last_sweep > 30:
                await recover_stale_claims(rt)
                last_sweep = loop.time()
            free = settings.webhook_concurrency - len(in_flight)
            if free > 0:
                for delivery in await claim_due(rt, rt.clock.now(), free):
                    task = asyncio.create_task(attempt(rt, client, delivery))
                    in_flight.add(task)
                    task.add_done_callback(finished)
            if done:
                continue
            # Woken by a commit that recorded deliveries, or by a finished attempt.
            await wakeup.wait(settings.webhook_poll_seconds)
    finally:
        for task in list(in_flight):
            task.cancel()
        for task in list(in_flight):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await client.aclose()
