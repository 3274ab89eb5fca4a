"""Webhook subscriptions (HR's CRUD, secret rotation, the delivery log, redelivery), the
fan-out of each consumed event to the subscriptions that want it, and erasure.

Fan-out runs inside the consumer's inbox transaction (`record_deliveries`), so an event is
turned into its deliveries exactly once and together with whatever else notify does with
it; the delivery loop (`service/webhook_delivery.py`) sends them afterwards, at least once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from pydantic import Field, field_validator
from sqlalchemy import (
    CursorResult,
    String,
    Table,
    bindparam,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.dialects.postgresql import insert

from notify_service.db.models import ErasedCandidate
from notify_service.db.webhooks import WebhookCandidateLink, WebhookDelivery, WebhookSubscription
from notify_service.domain import webhooks as rules
from notify_service.service.per_transaction import once_per_transaction
from notify_service.service.state import notify_state
from notify_service.service.targets import check_target
from talentloop_shared.db import KeysetOrder, UnitOfWork, where_given
from talentloop_shared.errors import Conflict, ExpectedVersion, Gone, found
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.registry import EVENT_TYPES
from talentloop_shared.http import RequestModel
from talentloop_shared.logging import get_logger
from talentloop_shared.pagination import Page

log = get_logger(__name__)

SUBSCRIPTIONS = KeysetOrder(WebhookSubscription.created_at, WebhookSubscription.id)
DELIVERIES = KeysetOrder(WebhookDelivery.created_at, WebhookDelivery.id, descending=True)
ERASED_REASON = "the candidate's personal data was erased"


# --- inputs -------------------------------------------------------------------------------


def _check_types(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    unknown = sorted(set(value) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types: {', '.join(unknown)} (see docs/events.md)")
    if not value:
        raise ValueError("list at least one event type, or leave it out (null) for all")
    return sorted(set(value))


class SubscriptionCreate(RequestModel):
    """A new webhook subscription."""

    url: str = Field(min_length=1, max_length=2000, examples=["https://oa.example.com/hooks"])
    event_types: list[str] | None = Field(
        default=None,
        max_length=50,
        description="Event types to receive (docs/events.md); null or absent: every type",
        examples=[["candidate-rejected", "candidate-hired"]],
    )
    description: str = Field(default="", max_length=500)
    active: bool = True

    _types = field_validator("event_types")(_check_types)


class SubscriptionUpdate(RequestModel):
    """Changes to a subscription (absent fields stay). `active: true` re-enables one that
    was disabled; its pending deliveries then go out."""

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    event_types: list[str] | None = Field(default=None, max_length=50)
    all_event_types: bool | None = Field(
        default=None, description="true: receive every type (clears event_types)"
    )
    description: str | None = Field(default=None, max_length=500)
    active: bool | None = None

    _types = field_validator("event_types")(_check_types)


@dataclass(frozen=True, slots=True)
class CreatedSubscription:
    """A subscription with its secret in clear: answered once, on create and rotation."""

    subscription: WebhookSubscription
    secret: str


# --- subscriptions ------------------------------------------------------------------------


async def create_subscription(
    uow: UnitOfWork, *, data: SubscriptionCreate, by: str
) -> CreatedSubscription:
    """Add a subscription with a fresh secret."""
    await check_target(data.url, notify_state(uow).settings)
    secret = rules.new_secret()
    sealed = notify_state(uow).vault.seal(secret)
    sub = WebhookSubscription(
        id=uuid.uuid4(), secret=sealed, version=1, created_by=by, updated_by=by, **data.model_dump()
    )
    uow.session.add(sub)
    await uow.commit()
    log.info("webhook.subscription_created", subscription_id=str(sub.id))
    return CreatedSubscription(sub, secret)


async def get_subscription(
    uow: UnitOfWork, subscription_id: uuid.UUID, *, for_update: bool = False
) -> WebhookSubscription:
    """A subscription, or 404."""
    sub = await uow.session.get(
        WebhookSubscription,
        subscription_id,
        with_for_update=for_update,
        populate_existing=for_update,
    )
    return found(sub, "webhook subscription", subscription_id)


async def list_subscriptions(
    uow: UnitOfWork, *, active: bool | None, limit: int, cursor: str | None
) -> Page[WebhookSubscription]:
    """Subscriptions, oldest first."""
    stmt = where_given(select(WebhookSubscription), active=active)
    return await SUBSCRIPTIONS.page(uow.session, stmt, cursor=cursor, limit=limit)


async def update_subscription(
    uow: UnitOfWork,
    *,
    subscription_id: uuid.UUID,
    changes: SubscriptionUpdate,
    expected: ExpectedVersion,
    by: str,
) -> WebhookSubscription:
    """Change a subscription (If-Match); re-enabling clears the disable reason."""
    sub = await get_subscription(uow, subscription_id, for_update=True)
    expected.check(sub.version, what="the webhook subscription")
    fields = changes.model_fields_set
    if "url" in fields and changes.url is not None:
        await check_target(changes.url, notify_state(uow).settings)
        sub.url = changes.url
    if changes.all_event_types:
        sub.event_types = None
    elif "event_types" in fields and changes.event_types is not None:
        sub.event_types = changes.event_types
    if changes.description is not None:
        sub.description = changes.description
    if changes.active is not None and changes.active != sub.active:
        sub.active = changes.active
        if changes.active:
            sub.disabled_reason = None
            sub.disabled_at = None
            # Deliveries held while it was off go out now.
            wake_deliveries(uow)
        else:
            sub.disabled_reason = f"disabled by {by}"
            sub.disabled_at = uow.clock.now()
    sub.version += 1
    sub.updated_by = by
    sub.updated_at = uow.clock.now()
    await uow.commit()
    return sub


async def delete_subscription(uow: UnitOfWork, *, subscription_id: uuid.UUID) -> None:
    """Remove a subscription and its delivery log."""
    sub = await get_subscription(uow, subscription_id, for_update=True)
    await uow.session.delete(sub)
    await uow.commit()
    log.info("webhook.subscription_deleted", subscription_id=str(subscription_id))


async def rotate_secret(
    uow: UnitOfWork, *, subscription_id: uuid.UUID, expected: ExpectedVersion, by: str
) -> CreatedSubscription:
    """A new secret; the old one keeps signing too for the overlap period."""
    sub = await get_subscription(uow, subscription_id, for_update=True)
    expected.check(sub.version, what="the webhook subscription")
    settings = notify_state(uow).settings
    now = uow.clock.now()
    secret = rules.new_secret()
    sub.previous_secret = sub.secret  # sealed as it was
    sub.previous_secret_expires_at = now + timedelta(
        seconds=settings.webhook_secret_overlap_seconds
    )
    sub.secret = notify_state(uow).vault.seal(secret)
    sub.secret_rotated_at = now
    sub.version += 1
    sub.updated_by = by
    sub.updated_at = now
    await uow.commit()
    log.info("webhook.secret_rotated", subscription_id=str(sub.id))
    return CreatedSubscription(sub, secret)


# --- the delivery log ---------------------------------------------------------------------


async def list_deliveries(
    uow: UnitOfWork,
    *,
    subscription_id: uuid.UUID,
    status: str | None,
    event_type: str | None,
    limit: int,
    cursor: str | None,
) -> Page[WebhookDelivery]:
    """A subscription's deliveries, newest first."""
    await get_subscription(uow, subscription_id)
    stmt = where_given(
        select(WebhookDelivery),
        subscription_id=subscription_id,
        status=status,
        event_type=event_type,
    )
    return await DELIVERIES.page(uow.session, stmt, cursor=cursor, limit=limit)


async def get_delivery(
    uow: UnitOfWork, subscription_id: uuid.UUID, delivery_id: uuid.UUID, *, for_update: bool = False
) -> WebhookDelivery:
    """One delivery of a subscription, or 404."""
    stmt = select(WebhookDelivery).where(
        WebhookDelivery.id == delivery_id, WebhookDelivery.subscription_id == subscription_id
    )
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return found(await uow.session.scalar(stmt), "webhook delivery", delivery_id)


async def redeliver(
    uow: UnitOfWork, *, subscription_id: uuid.UUID, delivery_id: uuid.UUID, by: str
) -> WebhookDelivery:
    """Send a delivery again now, with the same webhook-id (receivers that processed it
    drop it): its retry schedule starts over."""
    sub = await get_subscription(uow, subscription_id)
    delivery = await get_delivery(uow, subscription_id, delivery_id, for_update=True)
    if delivery.body is None:
        raise Gone(f"webhook delivery {delivery_id} was scrubbed: {ERASED_REASON}")
    if delivery.status == "delivering":
        raise Conflict("the delivery is being attempted right now; look again in a moment")
    if not sub.active:
        raise Conflict(
            "the subscription is disabled"
            + (f" ({sub.disabled_reason})" if sub.disabled_reason else "")
            + "; enable it first (PATCH active: true), which also sends what is pending"
        )
    now = uow.clock.now()
    delivery.status = "pending"
    delivery.status_reason = f"redelivery requested by {by}"
    delivery.next_attempt_at = now
    delivery.attempts_before_redelivery = delivery.attempts
    delivery.updated_at = now
    wake_deliveries(uow)
    await uow.commit()
    return delivery


def wake_deliveries(uow: UnitOfWork) -> None:
    """Have this process's delivery loop look for due deliveries once this commits."""
    uow.after_commit(notify_state(uow).webhooks.wake)


# --- fan-out (inside the consumer's inbox transaction) --------------------------------------


# Built once: every consumed event runs them (building a statement costs more than running it).
_LINK = insert(cast(Table, WebhookCandidateLink.__table__)).on_conflict_do_nothing()
_ACTIVE_FOR_TYPE = select(WebhookSubscription.id).where(
    WebhookSubscription.active.is_(True),
    or_(
        WebhookSubscription.event_types.is_(None),
        WebhookSubscription.event_types.contains(
            bindparam("event_type", type_=WebhookSubscription.event_types.type)
        ),
    ),
)


async def record_deliveries(uow: UnitOfWork, event: CloudEvent) -> int:
    """Record one delivery of `event` per active subscription that wants its type; how
    many. Runs in the event's inbox transaction, so a redelivered event (the inbox drops
    it) or a replay (the unique key) never makes a second one."""
    candidates, applications = rules.people_named(event.type, event.data)
    if candidates and applications:
        await uow.session.execute(
            _LINK,
            [{"application_id": a, "candidate_id": c} for a in applications for c in candidates],
        )

    subscribers = await _subscribers(uow, event.type)
    if not subscribers:
        return 0
    if (candidates or applications) and await _names_erased(uow, candidates, applications):
        # A late or replayed event about someone already erased: nothing of theirs goes out.
        log.info("webhook.skipped_erased", event_id=event.id, type=event.type)
        return 0
    body = event.to_json().decode()
    now = uow.clock.now()
    rows: list[dict[str, Any]] = [
        {
            "id": uuid.uuid4(),
            "subscription_id": sub_id,
            "event_id": event.id,
            "event_type": event.type,
            "webhook_id": f"msg_{event.id}",
            "body": body,
            "candidate_ids": candidates,
            "application_ids": applications,
            "status": "pending",
            "attempts": 0,
            "attempts_before_redelivery": 0,
            "next_attempt_at": now,
        }
        for sub_id in subscribers
    ]
    result = cast(
        CursorResult[Any],
        await uow.session.execute(
            insert(WebhookDelivery)
            .values(rows)
            .on_conflict_do_nothing(constraint="uq_webhook_deliveries_event")
        ),
    )
    wake_deliveries(uow)
    return int(result.rowcount)


async def record_deliveries_many(uow: UnitOfWork, events: Sequence[CloudEvent]) -> int:
    """`record_deliveries` for a run of events of a consumer batch, in order. With no
    subscription for their types (the usual case) only the application-candidate links
    are written, with one statement for the run; otherwise event by event."""
    if any([await _subscribers(uow, t) for t in dict.fromkeys(e.type for e in events)]):
        return sum([await record_deliveries(uow, event) for event in events])
    links = [
        {"application_id": a, "candidate_id": c}
        for candidates, applications in (rules.people_named(e.type, e.data) for e in events)
        for a in applications
        for c in candidates
    ]
    if links:
        await uow.session.execute(_LINK, links)
    return 0


async def _subscribers(uow: UnitOfWork, event_type: str) -> list[uuid.UUID]:
    """The active subscriptions that want `event_type`."""

    async def active() -> list[uuid.UUID]:
        return list(await uow.session.scalars(_ACTIVE_FOR_TYPE, {"event_type": [event_type]}))

    # Once per transaction and type: the events of a consumer batch share the answer.
    return await once_per_transaction(uow, f"webhook_subscribers:{event_type}", active)


async def _names_erased(uow: UnitOfWork, candidates: list[str], applications: list[str]) -> bool:
    """True when the event names an erased candidate, or an application of one."""
    linked = select(WebhookCandidateLink.candidate_id).where(
        WebhookCandidateLink.application_id.in_(applications)
    )
    erased = select(func.count()).where(
        or_(
            ErasedCandidate.candidate_id.in_(candidates),
            ErasedCandidate.candidate_id.in_(linked),
        )
    )
    return bool(await uow.session.scalar(erased))


# --- erasure ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WebhookErasure:
    """What an erasure changed in the delivery log."""

    scrubbed: int
    cancelled: int


async def erase_candidate_deliveries(uow: UnitOfWork, *, candidate_id: str) -> WebhookErasure:
    """Scrub every stored delivery body that names the candidate, directly or through one
    of their applications. Kept: ids, event type and id, status, attempts, response codes,
    latencies, times (the log stays readable; nothing in it describes the person).
    Deliveries not yet sent are cancelled: the erased data never goes out. A delivery
    being sent right now may still reach the receiver (the request was built); the loop
    then records it as delivered without writing the body back."""
    applications = list(
        await uow.session.scalars(
            select(WebhookCandidateLink.application_id).where(
                WebhookCandidateLink.candidate_id == candidate_id
            )
        )
    )
    names_them = WebhookDelivery.candidate_ids.contains([candidate_id])
    if applications:
        names_them = or_(
            names_them,
            WebhookDelivery.application_ids.overlap(pg_array(applications, type_=String(100))),
        )
    now = uow.clock.now()
    cancelled = cast(
        CursorResult[Any],
        await uow.session.execute(
            update(WebhookDelivery)
            .where(names_them, WebhookDelivery.status == "pending")
            .values(
                status="cancelled",
                status_reason=ERASED_REASON,
                next_attempt_at=None,
                body=None,
                scrubbed_at=now,
                updated_at=now,
            )
        ),
    ).rowcount
    scrubbed = cast(
        CursorResult[Any],
        await uow.session.execute(
            update(WebhookDelivery)
            .where(names_them, WebhookDelivery.body.is_not(None))
            .values(body=None, scrubbed_at=now, updated_at=now)
        ),
    ).rowcount
    if cancelled or scrubbed:
        log.info("webhook.erased", scrubbed=scrubbed + cancelled, cancelled=cancelled)
    return WebhookErasure(scrubbed=int(scrubbed) + int(cancelled), cancelled=int(cancelled))
