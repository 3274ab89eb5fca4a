"""Notice settings endpoints (hr_admin)."""

from notify_service.api.schemas import NoticeSettingsRead
from notify_service.service import settings as use_cases
from notify_service.service.inputs import NoticeSettingsUpdate
from talentloop_shared.auth.roles import HrAdmin
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1/settings", tags=["settings"])
settings = Resource(router, NoticeSettingsRead.from_row, readers=HrAdmin, writers=HrAdmin, item="")

settings.get(use_cases.get_settings, summary="Read the notice settings", errors=())
settings.replace(
    use_cases.replace_settings,
    NoticeSettingsUpdate,
    name="put_settings",
    summary="Replace the notice settings",
)
