"""org-service app factory."""

from __future__ import annotations

from org_service import events
from org_service.api import ROUTERS
from org_service.config import Settings
from talentloop_shared.service import Service

SERVICE = Service("org-service", __doc__, Settings, ROUTERS, events)
MIGRATIONS = SERVICE.migrations
definition = SERVICE.definition
create_app = SERVICE.create_app  # uvicorn: `org_service.main:create_app --factory`
