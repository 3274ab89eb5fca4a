"""Notice endpoints: read, and HR control before sending."""

import uuid
from typing import Annotated

from fastapi import Query

from notify_service.api.deps import Controller, Now, Reader
from notify_service.api.schemas import (
    DeliveryAttemptRead,
    NoticeStatus,
    NotificationDetail,
    NotificationRead,
)
from notify_service.db.models import Notification
from notify_service.service import notices as use_cases
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, decode_cursor, page_of
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/notifications", tags=["notifications"])


async def _detail(uow: UowDep, notice: Notification) -> NotificationDetail:
    attempts = await use_cases.notice_attempts(uow, notice.id)
    detail = NotificationDetail.model_validate(notice)
    detail.delivery_attempts = [DeliveryAttemptRead.model_validate(a) for a in attempts]
    return detail


@router.get(
    "",
    summary="List notices",
    response_model=Page[NotificationRead],
    responses=problem_responses(401, 403, 422),
)
async def list_notifications(
    uow: UowDep,
    principal: Reader,
    application_id: str | None = None,
    candidate_id: str | None = None,
    status: NoticeStatus | None = None,
    kind: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: CursorQuery = None,
) -> Page[NotificationRead]:
    rows = await use_cases.list_notices(
        uow,
        filters={
            "application_id": application_id,
            "candidate_id": candidate_id,
            "status": status,
            "kind": kind,
        },
        limit=limit,
        after=decode_cursor(cursor, arity=2),
    )
    page = page_of(rows, limit, key=lambda n: (n.created_at.isoformat(), n.id))
    return Page[NotificationRead](
        items=[NotificationRead.model_validate(n) for n in page.items],
        next_cursor=page.next_cursor,
    )


@router.get(
    "/{notification_id}",
    summary="Read a notice with its delivery attempts",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404),
)
async def get_notification(
    notification_id: uuid.UUID, uow: UowDep, principal: Reader
) -> NotificationDetail:
    return await _detail(uow, await use_cases.get_notice(uow, notification_id))


@router.post(
    "/{notification_id}/cancel",
    summary="Cancel a notice before it is sent",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404, 409),
)
async def cancel_notification(
    notification_id: uuid.UUID, uow: UowDep, principal: Controller
) -> NotificationDetail:
    notice = await use_cases.cancel_notice(uow, notification_id=notification_id, by=principal.sub)
    return await _detail(uow, notice)


@router.post(
    "/{notification_id}/approve",
    summary="Approve a notice held for review",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404, 409),
)
async def approve_notification(
    notification_id: uuid.UUID, uow: UowDep, principal: Controller, now: Now
) -> NotificationDetail:
    notice = await use_cases.approve_notice(
        uow, notification_id=notification_id, by=principal.sub, now=now
    )
    return await _detail(uow, notice)


@router.post(
    "/{notification_id}/send-now",
    summary="Send a scheduled or failed notice now",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404, 409),
)
async def send_notification_now(
    notification_id: uuid.UUID, uow: UowDep, principal: Controller, now: Now
) -> NotificationDetail:
    notice = await use_cases.send_notice_now(
        uow, notification_id=notification_id, by=principal.sub, now=now
    )
    return await _detail(uow, notice)
