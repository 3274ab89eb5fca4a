"""notify-service HTTP API (/api/v1, plus the public survey pages)."""

from __future__ import annotations

from fastapi import APIRouter

from notify_service.api import (
    alerts,
    feedback,
    notice_previews,
    notifications,
    settings,
    surveys,
    templates,
    webhooks,
)

ROUTERS: list[APIRouter] = [
    templates.router,
    settings.router,
    notifications.router,
    notice_previews.router,
    feedback.router,
    surveys.router,
    surveys.pages,
    alerts.preferences_router,
    alerts.robots_router,
    webhooks.router,
]
