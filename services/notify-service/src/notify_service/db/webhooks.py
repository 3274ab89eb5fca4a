"""notify-service's webhook tables: subscriptions, deliveries (the delivery log) and the
application → candidate links an erasure needs (migration notify_0006)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column

from notify_service.db.models import Base


class WebhookSubscription(Base):
    """An endpoint that receives events (all, or the listed types), signed with `secret`.

    The secret is needed in clear to sign (HMAC), so it is stored; it is shown only when
    created or rotated, never listed or logged. After a rotation `previous_secret` also
    signs until `previous_secret_expires_at`."""

    __tablename__ = "webhook_subscriptions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    url: Mapped[str] = mapped_column(Text)
    # None: every event type; else the listed ones.
    event_types: Mapped[list[str] | None] = mapped_column(ARRAY(String(80)))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    secret: Mapped[str] = mapped_column(Text)  # sealed at rest (`NotifyState.vault`)
    previous_secret: Mapped[str | None] = mapped_column(Text)  # sealed
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    secret_rotated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_by: Mapped[str] = mapped_column(String(200))


class WebhookDelivery(Base):
    """One event for one subscription: its body as signed and sent, and where delivery
    stands (pending → delivering → delivered | pending again | failed; cancelled).

    `webhook_id` is the event's id, the same on every attempt and redelivery, so a
    receiver deduplicates. `body` is the exact bytes sent (signatures cover them); it is
    cleared when the candidate it names is erased (`scrubbed_at`)."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        # One delivery per event and subscription, whatever the inbox says.
        UniqueConstraint("subscription_id", "event_id", name="uq_webhook_deliveries_event"),
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            postgresql_where="status = 'pending'",
        ),
        Index("ix_webhook_deliveries_log", "subscription_id", "created_at", "id"),
        Index("ix_webhook_deliveries_candidates", "candidate_ids", postgresql_using="gin"),
        Index("ix_webhook_deliveries_applications", "application_ids", postgresql_using="gin"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    event_id: Mapped[str] = mapped_column(String(100))
    event_type: Mapped[str] = mapped_column(String(80))
    webhook_id: Mapped[str] = mapped_column(String(120))
    body: Mapped[str | None] = mapped_column(Text)
    candidate_ids: Mapped[list[str]] = mapped_column(ARRAY(String(100)), default=list)
    application_ids: Mapped[list[str]] = mapped_column(ARRAY(String(100)), default=list)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    status_reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # attempts made before the last manual redelivery (the retry schedule restarts there)
    attempts_before_redelivery: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_latency_ms: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    scrubbed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class WebhookCandidateLink(Base):
    """An application belongs to a candidate, learnt from any event naming both (interview
    events name only the application): an erasure scrubs those deliveries too. Opaque ids."""

    __tablename__ = "webhook_candidate_links"

    application_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)
