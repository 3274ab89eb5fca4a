"""recruiting-service app factory."""

from __future__ import annotations

from recruiting_service import events
from recruiting_service.api import ROUTERS
from recruiting_service.config import Settings
from recruiting_service.service.policy import decision_loop
from talentloop_shared.service import Service

SERVICE = Service(
    "recruiting-service", __doc__, Settings, ROUTERS, events, background=[decision_loop]
)
MIGRATIONS = SERVICE.migrations
definition = SERVICE.definition
create_app = SERVICE.create_app  # uvicorn: `recruiting_service.main:create_app --factory`
