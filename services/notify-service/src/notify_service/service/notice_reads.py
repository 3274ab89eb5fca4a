"""Reading notices: one with its delivery attempts, or a filtered page of them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import literal, tuple_

from notify_service.db.models import DeliveryAttempt, Notification
from notify_service.db.repositories import NotificationRepository
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import NotFound
from talentloop_shared.pagination import Keyset, Page

NOTICES = Keyset(datetime, uuid.UUID)
"""The notice list's cursor: (created_at, id) of the last notice of a page, newest first."""


async def get_notice(uow: UnitOfWork, notification_id: uuid.UUID) -> Notification:
    """A notice, or 404."""
    notice = await NotificationRepository(uow.session).get(notification_id)
    if notice is None:
        raise NotFound("notification", notification_id)
    return notice


async def notice_attempts(uow: UnitOfWork, notification_id: uuid.UUID) -> Sequence[DeliveryAttempt]:
    """Delivery attempts of a notice, first first."""
    return await NotificationRepository(uow.session).attempts(notification_id)


async def list_notices(
    uow: UnitOfWork,
    *,
    application_id: str | None = None,
    candidate_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    limit: int,
    cursor: str | None = None,
) -> Page[Notification]:
    """Notices matching the filters, newest first, one page from `cursor`."""
    after = NOTICES.decode(cursor)
    stmt = NotificationRepository(uow.session).filtered(
        application_id=application_id, candidate_id=candidate_id, status=status, kind=kind
    )
    if after is not None:
        stmt = stmt.where(
            tuple_(Notification.created_at, Notification.id) < tuple_(*map(literal, after))
        )
    stmt = stmt.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit + 1)
    rows = (await uow.session.scalars(stmt)).all()
    return NOTICES.page(rows, limit, key=lambda n: (n.created_at, n.id))
