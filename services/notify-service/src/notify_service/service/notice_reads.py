"""Reading notices: one with its delivery attempts, or a filtered page of them, each with
whether its survey was answered (staff see that, never the link itself)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from notify_service.db.models import DeliveryAttempt, Notification, SurveyResponse
from notify_service.db.repositories import NotificationRepository
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.errors import found
from talentloop_shared.pagination import Page

NOTICES_ORDER = KeysetOrder(Notification.created_at, Notification.id, descending=True)
"""The notice list's order, newest first; its cursor is the (created_at, id) of the last
notice of a page."""
NOTICES = NOTICES_ORDER.keyset


@dataclass(frozen=True, slots=True)
class NoticeRecord:
    """A notice as staff read it: the row, when its survey was answered (if it was), and
    its delivery attempts (in the detail view)."""

    notice: Notification
    survey_answered_at: datetime | None = None
    attempts: Sequence[DeliveryAttempt] = field(default_factory=list)


async def get_notice(uow: UnitOfWork, notification_id: uuid.UUID) -> NoticeRecord:
    """A notice with its survey status and delivery attempts, or 404."""
    row = (
        await uow.session.execute(
            select(Notification, SurveyResponse.answered_at)
            .outerjoin(SurveyResponse, SurveyResponse.notification_id == Notification.id)
            .where(Notification.id == notification_id)
        )
    ).first()
    notice, answered_at = found(row, "notification", notification_id)
    attempts = await NotificationRepository(uow.session).attempts(notification_id)
    return NoticeRecord(notice, answered_at, attempts)


async def list_notices(
    uow: UnitOfWork,
    *,
    application_id: str | None = None,
    candidate_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    limit: int,
    cursor: str | None = None,
) -> Page[NoticeRecord]:
    """Notices matching the filters, newest first, one page from `cursor`."""
    stmt = notices_page(
        application_id=application_id,
        candidate_id=candidate_id,
        status=status,
        kind=kind,
        after=NOTICES.decode(cursor),
        limit=limit,
    )
    rows = (await uow.session.execute(stmt)).all()
    page = NOTICES.page(rows, limit, key=lambda r: (r[0].created_at, r[0].id))
    return page.map(lambda r: NoticeRecord(r[0], r[1]))


def notices_page(
    *,
    application_id: str | None = None,
    candidate_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    after: tuple[datetime, uuid.UUID] | None = None,
    limit: int,
) -> Select[Any]:
    """The SELECT of one page of notices (and one more, to tell whether a next page exists),
    newest first after `after`; `ix_notifications_created` (or `…_status_created`) serves it
    in that order, so a page reads its rows and no more, however many notices there are."""
    stmt = (
        NotificationRepository.filtered(
            application_id=application_id, candidate_id=candidate_id, status=status, kind=kind
        )
        .add_columns(SurveyResponse.answered_at)
        .outerjoin(SurveyResponse, SurveyResponse.notification_id == Notification.id)
    )
    return NOTICES_ORDER.paged(stmt, after=after, limit=limit)
