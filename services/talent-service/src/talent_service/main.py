"""talent-service: a consented talent pool with tags, instant matches for new openings,
re-contact reminders and courses for gaps."""

from __future__ import annotations

from talent_service import events
from talent_service.api import ROUTERS
from talent_service.config import Settings
from talent_service.service.digest import recontact_digest_loop
from talent_service.service.retention_sweep import retention_sweep_loop
from talent_service.service.state import build_state
from talentloop_shared.service import Service

SERVICE = Service(
    "talent-service",
    __doc__,
    Settings,
    ROUTERS,
    events,
    background=[retention_sweep_loop, recontact_digest_loop],
    build_state=build_state,
)
MIGRATIONS = SERVICE.migrations
definition = SERVICE.definition
create_app = SERVICE.create_app  # uvicorn: `talent_service.main:create_app --factory`
