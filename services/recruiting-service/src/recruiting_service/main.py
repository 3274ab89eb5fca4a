"""recruiting-service app factory."""

from __future__ import annotations

import asyncio

from recruiting_service import events
from recruiting_service.api import ROUTERS
from recruiting_service.config import Settings
from recruiting_service.service.policy import decision_loop
from talentloop_shared.language.packs import default_packs
from talentloop_shared.language.phrasing import build_phrasers
from talentloop_shared.service import Runtime, Service


async def on_startup(rt: Runtime) -> None:
    """Build the notice phraser of every shipped locale before the first request: a
    rejection's answer phrases its notice, and building one (≈0.2–0.4 s of regular
    expressions) inside the first rejection of a locale held up every request in flight."""
    await asyncio.to_thread(build_phrasers, default_packs())


SERVICE = Service(
    "recruiting-service",
    __doc__,
    Settings,
    ROUTERS,
    events,
    background=[decision_loop],
    on_startup=on_startup,
)
MIGRATIONS = SERVICE.migrations
definition = SERVICE.definition
create_app = SERVICE.create_app  # uvicorn: `recruiting_service.main:create_app --factory`
