"""Notice endpoints: read, and HR control before sending."""

import functools
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel

from notify_service.api.schemas import NotificationDetail, NotificationRead
from notify_service.db.models import Notification
from notify_service.service import notice_control, notice_reads
from notify_service.service.inputs import NoticeEdit, NoticeStatus
from notify_service.service.notice_reads import NoticeRecord
from talentloop_shared.auth.roles import Reader, Recruiter
from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1/notifications", tags=["notifications"])

ControlUseCase = Callable[..., Awaitable[Notification]]


def _in_full(use_case: ControlUseCase) -> Callable[..., Awaitable[NoticeRecord]]:
    """The use case, answering with the notice as staff read it (delivery attempts too)."""

    @functools.wraps(use_case)
    async def run(uow: UnitOfWork, **inputs: Any) -> NoticeRecord:
        notice = await use_case(uow, **inputs)
        return await notice_reads.get_notice(uow, notice.id)

    return run


class NoticeFilters(BaseModel):
    """Which notices to list."""

    application_id: str | None = None
    candidate_id: str | None = None
    status: NoticeStatus | None = None
    kind: Annotated[
        str | None,
        Query(
            max_length=60,
            description="A notice kind (rejection, interview_invitation, alert.matches_found, "
            "…), or a family ending in .* (alert.*: every staff alert)",
        ),
    ] = None


notices = Resource(
    router,
    NotificationDetail.for_staff,
    readers=Reader,
    writers=Recruiter,
    item="/{notification_id}",
)
notices.page(
    notice_reads.list_notices,
    NoticeFilters,
    read=NotificationRead.for_staff,
    name="list_notifications",
    summary="List notices",
)
notices.get(
    notice_reads.get_notice,
    name="get_notification",
    summary="Read a notice with its delivery attempts",
)
notices.update(
    _in_full(notice_control.edit_notice),
    NoticeEdit,
    name="edit_notification",
    summary="Reword a notice held for review (the compliance guard checks it again)",
    errors=(404, 409),
)

# HR's actions on one notice (path, operation name, use case, summary): each takes the
# notice id and the acting user, and answers with the notice as it now stands.
_ACTIONS: list[tuple[str, str, ControlUseCase, str]] = [
    (
        "cancel",
        "cancel_notification",
        notice_control.cancel_notice,
        "Cancel a notice before it is sent",
    ),
    (
        "approve",
        "approve_notification",
        notice_control.approve_notice,
        "Approve a notice held for review",
    ),
    (
        "send-now",
        "send_notification_now",
        notice_control.send_notice_now,
        "Send a scheduled or failed notice now",
    ),
    (
        "resend",
        "resend_notification",
        notice_control.resend_notice,
        "Resend a notice whose delivery outcome is unknown",
    ),
]
for _path, _name, _use_case, _summary in _ACTIONS:
    notices.action(_path, _in_full(_use_case), name=_name, summary=_summary, errors=(404, 409))
