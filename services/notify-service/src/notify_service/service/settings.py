"""HR's notice settings (one row)."""

from __future__ import annotations

from notify_service.db.models import NoticeSettings
from notify_service.db.repositories import SettingsRepository
from notify_service.service.inputs import NoticeSettingsUpdate
from talentloop_shared.db import UnitOfWork


async def get_settings(uow: UnitOfWork) -> NoticeSettings:
    """The current notice settings."""
    return await SettingsRepository(uow.session).get()


async def replace_settings(
    uow: UnitOfWork, *, values: NoticeSettingsUpdate, by: str
) -> NoticeSettings:
    """Replace every notice setting; applies to notices created from now on."""
    row = await SettingsRepository(uow.session).get(for_update=True)
    row.default_delay_minutes = values.default_delay_minutes
    row.quiet_start, row.quiet_end = values.quiet_hours.start, values.quiet_hours.end
    row.cc_hr = str(values.cc_hr) if values.cc_hr else None
    row.review_required = values.review_required
    row.company_name = values.company_name
    row.survey_expiry_days = values.survey_expiry_days
    row.updated_by = by
    row.updated_at = uow.clock.now()
    await uow.commit()
    return row
