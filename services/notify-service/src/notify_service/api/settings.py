"""Notice settings endpoints (hr_admin)."""

from notify_service.api.schemas import NoticeSettingsRead
from notify_service.service import settings as use_cases
from notify_service.service.inputs import NoticeSettingsUpdate
from talentloop_shared.auth.roles import HrAdmin
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/settings", tags=["settings"])


@router.get(
    "",
    summary="Read the notice settings",
    response_model=NoticeSettingsRead,
    responses=problem_responses(401, 403),
)
async def get_settings(uow: UowDep, principal: HrAdmin) -> NoticeSettingsRead:
    return NoticeSettingsRead.from_row(await use_cases.get_settings(uow))


@router.put(
    "",
    summary="Replace the notice settings",
    response_model=NoticeSettingsRead,
    responses=problem_responses(401, 403, 422),
)
async def put_settings(
    body: NoticeSettingsUpdate, uow: UowDep, principal: HrAdmin
) -> NoticeSettingsRead:
    row = await use_cases.replace_settings(uow, values=body, by=principal.sub)
    return NoticeSettingsRead.from_row(row)
