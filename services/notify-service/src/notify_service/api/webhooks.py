"""Webhook subscriptions (HR administrators): CRUD, secret rotation, the delivery log and
redelivery. Deliveries are signed per Standard Webhooks (docs/integration.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from notify_service.db.webhooks import WebhookDelivery
from notify_service.service import webhooks as use_cases
from notify_service.service.webhooks import SubscriptionCreate, SubscriptionUpdate
from talentloop_shared.auth.roles import HrAdmin
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

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

    @classmethod
    def of(cls, created: use_cases.CreatedSubscription) -> SubscriptionWithSecret:
        """The API view of a new subscription or a new secret."""
        return cls.model_validate(
            {
                **SubscriptionRead.model_validate(created.subscription).model_dump(),
                "secret": created.secret,
            }
        )


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


subscriptions = Resource(
    router, SubscriptionRead, readers=HrAdmin, writers=HrAdmin, item="/{subscription_id}"
)
deliveries = Resource(
    router,
    DeliveryRead.of,
    readers=HrAdmin,
    writers=HrAdmin,
    item="/{subscription_id}/deliveries/{delivery_id}",
)


class SubscriptionFilters(BaseModel):
    """Which webhook subscriptions to list."""

    active: bool | None = None


class DeliveryFilters(BaseModel):
    """Which deliveries to list."""

    status: DeliveryStatus | None = None
    event_type: str | None = None


subscriptions.create(
    use_cases.create_subscription,
    SubscriptionCreate,
    read=SubscriptionWithSecret.of,
    summary="Subscribe an endpoint to events (the answer shows its secret, once)",
    errors=(409,),
)
subscriptions.page(
    use_cases.list_subscriptions, SubscriptionFilters, summary="List webhook subscriptions"
)
subscriptions.get(use_cases.get_subscription, summary="Read a webhook subscription")
subscriptions.update(
    use_cases.update_subscription,
    SubscriptionUpdate,
    summary="Change a webhook subscription (active: true re-enables a disabled one)",
    errors=(404,),
)
subscriptions.delete(
    use_cases.delete_subscription, summary="Delete a webhook subscription and its delivery log"
)
subscriptions.action(
    "rotate-secret",
    use_cases.rotate_secret,
    read=SubscriptionWithSecret.of,
    summary="Rotate the signing secret (the old one also signs during the overlap)",
    errors=(404,),
)
deliveries.page(
    use_cases.list_deliveries,
    DeliveryFilters,
    summary="The delivery log of a subscription, newest first",
    errors=(404,),
)
deliveries.action(
    "redeliver",
    use_cases.redeliver,
    summary="Send a delivery again now (same webhook-id)",
    errors=(404, 409, 410),
)
