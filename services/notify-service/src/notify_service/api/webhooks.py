"""Webhook subscriptions (HR administrators): CRUD, secret rotation, the delivery log and
redelivery. Deliveries are signed per Standard Webhooks (docs/integration.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field

from notify_service.db.webhooks import WebhookDelivery, WebhookSubscription
from notify_service.service import webhooks as use_cases
from notify_service.service.webhooks import SubscriptionCreate, SubscriptionUpdate
from talentloop_shared.auth.roles import HrAdmin
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/webhook-subscriptions", tags=["webhooks"])

DeliveryStatus = Literal["pending", "delivering", "delivered", "failed", "cancelled"]


class SubscriptionRead(BaseModel):
    """A webhook subscription (never its secret)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str
    event_types: list[str] | None = Field(description="null: every event type")
    description: str
    active: bool
    disabled_reason: str | None = Field(
        description="Why it is off: disabled by someone, a 410, or retries spent"
    )
    disabled_at: datetime | None
    secret_rotated_at: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then deliveries also carry a signature with the previous secret"
    )
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


class SubscriptionWithSecret(SubscriptionRead):
    """A subscription with its signing secret, shown only now: store it."""

    secret: str = Field(description="`whsec_` + base64; verify deliveries with it")


class DeliveryRead(BaseModel):
    """One event's delivery to a subscription."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: str
    event_type: str
    webhook_id: str = Field(description="The `webhook-id` header: same on every attempt")
    status: DeliveryStatus
    status_reason: str | None
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_latency_ms: int | None
    last_error: str | None
    delivered_at: datetime | None
    scrubbed: bool = Field(description="Its body was erased with the candidate it named")
    created_at: datetime

    @classmethod
    def of(cls, row: WebhookDelivery) -> DeliveryRead:
        """The API view of a delivery row."""
        return cls.model_validate(
            {
                **{name: getattr(row, name) for name in cls.model_fields if name != "scrubbed"},
                "scrubbed": row.scrubbed_at is not None,
            }
        )


def _read(sub: WebhookSubscription, response: Response) -> SubscriptionRead:
    set_etag(response, sub.version)
    return SubscriptionRead.model_validate(sub)


def _with_secret(
    created: use_cases.CreatedSubscription, response: Response
) -> SubscriptionWithSecret:
    set_etag(response, created.subscription.version)
    return SubscriptionWithSecret.model_validate(
        {
            **SubscriptionRead.model_validate(created.subscription).model_dump(),
            "secret": created.secret,
        }
    )


@router.post(
    "",
    status_code=201,
    summary="Subscribe an endpoint to events (the answer shows its secret, once)",
    response_model=SubscriptionWithSecret,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_subscription(
    body: SubscriptionCreate, uow: UowDep, principal: HrAdmin, response: Response
) -> SubscriptionWithSecret:
    created = await use_cases.create_subscription(uow, data=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/webhook-subscriptions/{created.subscription.id}"
    return _with_secret(created, response)


@router.get(
    "",
    summary="List webhook subscriptions",
    response_model=Page[SubscriptionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_subscriptions(
    uow: UowDep,
    principal: HrAdmin,
    active: bool | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[SubscriptionRead]:
    page = await use_cases.list_subscriptions(uow, active=active, limit=limit, cursor=cursor)
    return page.map(SubscriptionRead.model_validate)


@router.get(
    "/{subscription_id}",
    summary="Read a webhook subscription",
    response_model=SubscriptionRead,
    responses=problem_responses(401, 403, 404),
)
async def get_subscription(
    subscription_id: uuid.UUID, uow: UowDep, principal: HrAdmin, response: Response
) -> SubscriptionRead:
    return _read(await use_cases.get_subscription(uow, subscription_id), response)


@router.patch(
    "/{subscription_id}",
    summary="Change a webhook subscription (active: true re-enables a disabled one)",
    response_model=SubscriptionRead,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def update_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionUpdate,
    uow: UowDep,
    principal: HrAdmin,
    response: Response,
    expected: IfMatch,
) -> SubscriptionRead:
    sub = await use_cases.update_subscription(
        uow, subscription_id=subscription_id, changes=body, expected=expected, by=principal.sub
    )
    return _read(sub, response)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    summary="Delete a webhook subscription and its delivery log",
    responses=problem_responses(401, 403, 404),
)
async def delete_subscription(
    subscription_id: uuid.UUID, uow: UowDep, principal: HrAdmin
) -> Response:
    await use_cases.delete_subscription(uow, subscription_id=subscription_id)
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    summary="Rotate the signing secret (the old one also signs during the overlap)",
    response_model=SubscriptionWithSecret,
    responses=problem_responses(401, 403, 404, 412),
)
async def rotate_secret(
    subscription_id: uuid.UUID,
    uow: UowDep,
    principal: HrAdmin,
    response: Response,
    expected: IfMatch,
) -> SubscriptionWithSecret:
    created = await use_cases.rotate_secret(
        uow, subscription_id=subscription_id, expected=expected, by=principal.sub
    )
    return _with_secret(created, response)


@router.get(
    "/{subscription_id}/deliveries",
    summary="The delivery log of a subscription, newest first",
    response_model=Page[DeliveryRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_deliveries(
    subscription_id: uuid.UUID,
    uow: UowDep,
    principal: HrAdmin,
    status: DeliveryStatus | None = None,
    event_type: str | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[DeliveryRead]:
    page = await use_cases.list_deliveries(
        uow,
        subscription_id=subscription_id,
        status=status,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    )
    return page.map(DeliveryRead.of)


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    summary="Send a delivery again now (same webhook-id)",
    response_model=DeliveryRead,
    responses=problem_responses(401, 403, 404, 409, 410),
)
async def redeliver(
    subscription_id: uuid.UUID, delivery_id: uuid.UUID, uow: UowDep, principal: HrAdmin
) -> DeliveryRead:
    delivery = await use_cases.redeliver(
        uow, subscription_id=subscription_id, delivery_id=delivery_id, by=principal.sub
    )
    return DeliveryRead.of(delivery)
