"""talent-service: a consented talent pool with tags, instant matches for new openings,
re-contact reminders and courses for gaps."""

from __future__ import annotations

from fastapi import FastAPI

from talent_service.api import ROUTERS
from talent_service.config import Settings
from talent_service.events import PUBLISHES, subscriptions
from talent_service.service.digest import recontact_digest_loop
from talent_service.service.retention_sweep import retention_sweep_loop
from talent_service.service.state import build_state
from talentloop_shared.service import ServiceDefinition, create_service_app

MIGRATIONS = "talent_service:migrations"


def definition(settings: Settings | None = None) -> ServiceDefinition:
    """What the shared composition root needs to run talent-service."""
    settings = settings or Settings()
    return ServiceDefinition(
        name="talent-service",
        title="Talentloop talent-service",
        description=__doc__ or "",
        settings=settings,
        routers=ROUTERS,
        migrations=MIGRATIONS,
        subscriptions=subscriptions(settings),
        publishes=PUBLISHES,
        background=[retention_sweep_loop, recontact_digest_loop],
        build_state=build_state,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app (uvicorn: `talent_service.main:create_app --factory`)."""
    return create_service_app(definition(settings))
