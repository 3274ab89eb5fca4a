"""recruiting-service HTTP API (/api/v1)."""

from __future__ import annotations

from fastapi import APIRouter

from recruiting_service.api import (
    applications,
    candidates,
    decisions,
    imports,
    interviews,
    openings,
)

# bulk-reject is declared before /applications/{id} routes would shadow it (POST only, but
# keep the literal path first anyway).
ROUTERS: list[APIRouter] = [
    openings.router,
    candidates.router,
    decisions.router,
    applications.router,
    interviews.router,
    imports.router,
]
