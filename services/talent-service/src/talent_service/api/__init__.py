"""talent-service HTTP API (/api/v1)."""

from __future__ import annotations

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []
