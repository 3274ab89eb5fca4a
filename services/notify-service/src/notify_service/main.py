"""notify-service: personalised rejection notices and invitations by email and SMS, on time,
exactly once; the candidate survey and the HR feedback summary."""

from __future__ import annotations

from fastapi import FastAPI

from notify_service.api import ROUTERS
from notify_service.config import Settings
from notify_service.events import PUBLISHES, subscriptions
from notify_service.service.dispatch import dispatcher_loop
from notify_service.service.metrics import notice_metrics_loop
from notify_service.service.state import build_notify_state
from notify_service.service.templates import seed_default_templates
from notify_service.service.webhook_delivery import webhook_loop
from talentloop_shared.service import Runtime, ServiceDefinition, create_service_app

MIGRATIONS = "notify_service:migrations"


async def on_startup(rt: Runtime) -> None:
    """Seed the default templates into an empty library."""
    async with rt.uow_factory() as uow:
        await seed_default_templates(uow)


def definition(settings: Settings | None = None) -> ServiceDefinition:
    """What the shared composition root needs to run notify-service."""
    settings = settings or Settings()
    return ServiceDefinition(
        name="notify-service",
        title="Talentloop notify-service",
        description=__doc__ or "",
        settings=settings,
        routers=ROUTERS,
        migrations=MIGRATIONS,
        subscriptions=subscriptions(settings),
        publishes=PUBLISHES,
        background=[dispatcher_loop, notice_metrics_loop, webhook_loop],
        on_startup=on_startup,
        build_state=build_notify_state,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app (uvicorn: `notify_service.main:create_app --factory`)."""
    return create_service_app(definition(settings))
