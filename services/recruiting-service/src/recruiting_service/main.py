"""recruiting-service app factory."""

from __future__ import annotations

from fastapi import FastAPI

from recruiting_service.api import ROUTERS
from recruiting_service.config import Settings
from recruiting_service.events import PUBLISHES, subscriptions
from talentloop_shared.service import ServiceDefinition, create_service_app

MIGRATIONS = "recruiting_service:migrations"


def definition(settings: Settings | None = None) -> ServiceDefinition:
    """What the shared composition root needs to run recruiting-service."""
    settings = settings or Settings()
    return ServiceDefinition(
        name="recruiting-service",
        title="Talentloop recruiting-service",
        description=__doc__ or "",
        settings=settings,
        routers=ROUTERS,
        migrations=MIGRATIONS,
        subscriptions=subscriptions(settings),
        publishes=PUBLISHES,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app (uvicorn: `recruiting_service.main:create_app --factory`)."""
    return create_service_app(definition(settings))
