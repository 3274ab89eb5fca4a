"""org-service HTTP API (/api/v1)."""

from __future__ import annotations

from fastapi import APIRouter

from org_service.api import imports, org_units, people, positions, vocabularies

ROUTERS: list[APIRouter] = [
    org_units.router,
    positions.router,
    people.router,
    imports.router,
    vocabularies.router,
]
