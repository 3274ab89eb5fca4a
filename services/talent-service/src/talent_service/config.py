"""Settings of talent-service (environment variables prefixed TALENT_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from talentloop_shared.config import ServiceSettings


class Settings(ServiceSettings):
    """talent-service settings; every field can be set as TALENT_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="TALENT_", extra="ignore")

    service_name: str = "talent-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_talent"
    port: int = 8004
