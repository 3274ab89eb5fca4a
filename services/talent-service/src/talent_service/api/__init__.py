"""talent-service HTTP API (/api/v1)."""

from __future__ import annotations

from fastapi import APIRouter

from talent_service.api import courses, development, matches, talents

ROUTERS: list[APIRouter] = [
    talents.router,
    matches.router,
    courses.router,
    development.router,
]
