"""HR's notice settings (one row)."""

from __future__ import annotations

from dataclasses import dataclass

from notify_service.db.models import NoticeSettings
from notify_service.db.repositories import SettingsRepository
from notify_service.service.inputs import NoticeSettingsUpdate
from notify_service.service.state import notify_state
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
    row.hr_alert_email = str(values.hr_alert_email) if values.hr_alert_email else None
    row.hr_alert_locale = values.hr_alert_locale
    row.hr_alert_timezone = values.hr_alert_timezone
    row.updated_by = by
    row.updated_at = uow.clock.now()
    await uow.commit()
    return row


@dataclass(frozen=True, slots=True)
class HrAlertReader:
    """Where alerts for HR go and how that reader reads them (email None: nobody)."""

    email: str | None
    locale: str
    timezone: str


async def hr_alert_reader(uow: UnitOfWork) -> HrAlertReader:
    """HR's alert address as the settings say, each part falling back to the
    deployment's NOTIFY_HR_ALERT_*."""
    row = await SettingsRepository(uow.session).get()
    deploy = notify_state(uow).settings
    return HrAlertReader(
        email=row.hr_alert_email or deploy.hr_alert_email,
        locale=row.hr_alert_locale or deploy.hr_alert_locale,
        timezone=row.hr_alert_timezone or deploy.hr_alert_timezone,
    )
