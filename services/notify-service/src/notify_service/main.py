"""notify-service: personalised rejection notices and invitations by email and SMS, on time,
exactly once; the candidate survey and the HR feedback summary."""

from __future__ import annotations

import asyncio

from notify_service import events
from notify_service.api import ROUTERS
from notify_service.config import Settings
from notify_service.domain.compliance import default_scanner
from notify_service.service.dispatch import dispatcher_loop
from notify_service.service.metrics import notice_metrics_loop
from notify_service.service.sealing import seal_stored_secrets
from notify_service.service.state import build_notify_state, close_notify_state, notify_state
from notify_service.service.templates import seed_default_templates
from notify_service.service.webhook_delivery import webhook_loop
from talentloop_shared.language.phrasing import build_phrasers
from talentloop_shared.service import Runtime, Service


async def on_startup(rt: Runtime) -> None:
    """Seed the default templates into an empty library; seal the stored secrets that need
    it; build the phrasers of every locale and the compliance scanner before the first
    event (each is regular expressions compiled once: inside the first notice they held up
    everything in flight)."""
    async with rt.uow_factory() as uow:
        await seed_default_templates(uow)
    await seal_stored_secrets(rt)
    packs = notify_state(rt).packs
    await asyncio.to_thread(build_phrasers, packs)
    await asyncio.to_thread(default_scanner)


SERVICE = Service(
    "notify-service",
    __doc__,
    Settings,
    ROUTERS,
    events,
    background=[dispatcher_loop, notice_metrics_loop, webhook_loop],
    on_startup=on_startup,
    build_state=build_notify_state,
    on_shutdown=close_notify_state,
)
MIGRATIONS = SERVICE.migrations
definition = SERVICE.definition
create_app = SERVICE.create_app  # uvicorn: `notify_service.main:create_app --factory`
