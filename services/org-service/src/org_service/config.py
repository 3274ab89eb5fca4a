"""Settings of org-service (environment variables prefixed ORG_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from talentloop_shared.config import ServiceSettings


class Settings(ServiceSettings):
    """org-service settings; every field can be set as ORG_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="ORG_", extra="ignore")

    service_name: str = "org-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_org"
    port: int = 8001
