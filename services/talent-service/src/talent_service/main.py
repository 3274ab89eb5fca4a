"""talent-service app factory."""

from __future__ import annotations

from fastapi import FastAPI

from talent_service.api import ROUTERS
from talent_service.config import Settings
from talent_service.events import SUBSCRIPTIONS
from talentloop_shared.service import ServiceDefinition, create_service_app

MIGRATIONS = "talent_service:migrations"


def definition(settings: Settings | None = None) -> ServiceDefinition:
    """What the shared composition root needs to run talent-service."""
    return ServiceDefinition(
        name="talent-service",
        title="Talentloop talent-service",
        description=__doc__ or "",
        settings=settings or Settings(),
        routers=ROUTERS,
        migrations=MIGRATIONS,
        subscriptions=SUBSCRIPTIONS,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app (uvicorn: `talent_service.main:create_app --factory`)."""
    return create_service_app(definition(settings))
