"""Settings of recruiting-service (environment variables prefixed RECRUITING_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from talentloop_shared.config import ServiceSettings


class Settings(ServiceSettings):
    """recruiting-service settings; every field can be set as RECRUITING_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="RECRUITING_", extra="ignore")

    service_name: str = "recruiting-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_recruiting"
    port: int = 8002
    # How often the decision loop looks for policy decisions whose review window passed
    # (reads and HR's actions on a decision also settle it when due).
    decision_poll_seconds: float = Field(default=5.0, gt=0, le=300)
