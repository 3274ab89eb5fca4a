"""HR's notice settings (one row)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from notify_service.db.models import NoticeSettings
from notify_service.db.repositories import SettingsRepository
from talentloop_shared.db import UnitOfWork


async def get_settings(uow: UnitOfWork) -> NoticeSettings:
    """The current notice settings."""
    return await SettingsRepository(uow.session).get()


async def replace_settings(uow: UnitOfWork, *, values: dict[str, Any], by: str) -> NoticeSettings:
    """Replace every notice setting; applies to notices created from now on."""
    row = await SettingsRepository(uow.session).get(for_update=True)
    quiet = values["quiet_hours"]
    row.default_delay_minutes = values["default_delay_minutes"]
    row.quiet_start, row.quiet_end = quiet["start"], quiet["end"]
    row.cc_hr = values.get("cc_hr")
    row.review_required = values["review_required"]
    row.company_name = values["company_name"]
    row.survey_expiry_days = values["survey_expiry_days"]
    row.updated_by = by
    row.updated_at = datetime.now(UTC)
    await uow.commit()
    return row
