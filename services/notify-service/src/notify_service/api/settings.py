"""Notice settings endpoints (hr_admin)."""

from notify_service.api.deps import Admin
from notify_service.api.schemas import NoticeSettingsRead, NoticeSettingsUpdate, QuietHours
from notify_service.db.models import NoticeSettings
from notify_service.service import settings as use_cases
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/settings", tags=["settings"])


def _read(row: NoticeSettings) -> NoticeSettingsRead:
    return NoticeSettingsRead(
        default_delay_minutes=row.default_delay_minutes,
        quiet_hours=QuietHours(start=row.quiet_start, end=row.quiet_end),
        cc_hr=row.cc_hr,
        review_required=row.review_required,
        company_name=row.company_name,
        survey_expiry_days=row.survey_expiry_days,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


@router.get(
    "",
    summary="Read the notice settings",
    response_model=NoticeSettingsRead,
    responses=problem_responses(401, 403),
)
async def get_settings(uow: UowDep, principal: Admin) -> NoticeSettingsRead:
    return _read(await use_cases.get_settings(uow))


@router.put(
    "",
    summary="Replace the notice settings",
    response_model=NoticeSettingsRead,
    responses=problem_responses(401, 403, 422),
)
async def put_settings(
    body: NoticeSettingsUpdate, uow: UowDep, principal: Admin
) -> NoticeSettingsRead:
    values = body.model_dump()
    values["cc_hr"] = str(body.cc_hr) if body.cc_hr else None
    return _read(await use_cases.replace_settings(uow, values=values, by=principal.sub))
