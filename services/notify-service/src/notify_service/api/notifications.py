"""Notice endpoints: read, and HR control before sending."""

import uuid
from collections.abc import Awaitable, Callable

from notify_service.api.schemas import NotificationDetail, NotificationRead
from notify_service.db.models import Notification
from notify_service.service import notice_control, notice_reads
from notify_service.service.inputs import NoticeEdit, NoticeStatus
from talentloop_shared.auth.roles import Reader, Recruiter
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/notifications", tags=["notifications"])


async def _detail(uow: UowDep, notice: Notification) -> NotificationDetail:
    return NotificationDetail.for_staff(await notice_reads.get_notice(uow, notice.id))


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
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[NotificationRead]:
    page = await notice_reads.list_notices(
        uow,
        application_id=application_id,
        candidate_id=candidate_id,
        status=status,
        kind=kind,
        limit=limit,
        cursor=cursor,
    )
    return page.map(NotificationRead.for_staff)


@router.get(
    "/{notification_id}",
    summary="Read a notice with its delivery attempts",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404),
)
async def get_notification(
    notification_id: uuid.UUID, uow: UowDep, principal: Reader
) -> NotificationDetail:
    return NotificationDetail.for_staff(await notice_reads.get_notice(uow, notification_id))


@router.patch(
    "/{notification_id}",
    summary="Reword a notice held for review (the compliance guard checks it again)",
    response_model=NotificationDetail,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def edit_notification(
    notification_id: uuid.UUID, body: NoticeEdit, uow: UowDep, principal: Recruiter
) -> NotificationDetail:
    notice = await notice_control.edit_notice(
        uow, notification_id=notification_id, edit=body, by=principal.sub
    )
    return await _detail(uow, notice)


ControlUseCase = Callable[..., Awaitable[Notification]]

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


def _action_endpoint(use_case: ControlUseCase) -> Callable[..., Awaitable[NotificationDetail]]:
    async def endpoint(
        notification_id: uuid.UUID, uow: UowDep, principal: Recruiter
    ) -> NotificationDetail:
        notice = await use_case(uow, notification_id=notification_id, by=principal.sub)
        return await _detail(uow, notice)

    return endpoint


for _path, _name, _use_case, _summary in _ACTIONS:
    router.add_api_route(
        f"/{{notification_id}}/{_path}",
        _action_endpoint(_use_case),
        methods=["POST"],
        name=_name,
        summary=_summary,
        response_model=NotificationDetail,
        responses=problem_responses(401, 403, 404, 409),
    )
