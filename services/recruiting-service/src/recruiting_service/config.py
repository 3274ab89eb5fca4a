"""Settings of recruiting-service (environment variables prefixed RECRUITING_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from talentloop_shared.config import ServiceSettings


class Settings(ServiceSettings):
    """recruiting-service settings; every field can be set as RECRUITING_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="RECRUITING_", extra="ignore")

    service_name: str = "recruiting-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_recruiting"
    port: int = 8002
