"""Settings of talent-service (environment variables prefixed TALENT_)."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from talent_service.domain import retention
from talent_service.domain.digest import parse_slot
from talentloop_shared.config import ServiceSettings


class Settings(ServiceSettings):
    """talent-service settings; every field can be set as TALENT_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="TALENT_", extra="ignore")

    service_name: str = "talent-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_talent"
    port: int = 8004

    # How long a talent-pool consent lasts, counted from the (latest) consented rejection.
    consent_months: int = Field(default=retention.CONSENT_MONTHS, ge=1)
    # When a pooled candidate is first (and then again) due for re-contact.
    contact_months: int = Field(default=retention.CONTACT_MONTHS, ge=1)
    # Evaluations of candidates not (yet) in the pool are dropped after this many days.
    pending_retention_days: int = Field(default=retention.PENDING_RETENTION_DAYS, ge=1)
    # How often the retention sweep runs (daily by default).
    sweep_interval_seconds: float = Field(default=24 * 3600, gt=0)
    # The daily digest of re-contact reminders due: a local time and its time zone
    # (either empty: no digest).
    digest_time: str = "09:00"
    digest_timezone: str = "Asia/Shanghai"

    @model_validator(mode="after")
    def _digest_slot_parses(self) -> Settings:
        parse_slot(self.digest_time, self.digest_timezone)
        return self
