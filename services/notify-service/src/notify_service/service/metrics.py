"""Notices HR must look at, as a gauge for alerting: `talentloop_notices{status}` counts
notices `failed` (out of attempts, or refused) and `unknown` (the outcome of a send is not
known: HR checks, then resends or not). Refreshed by a background loop in every replica."""

from __future__ import annotations

import asyncio

from prometheus_client import Gauge
from sqlalchemy import func, select

from notify_service.db.models import Notification
from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)

ATTENTION = ("failed", "unknown")
NOTICES = Gauge("talentloop_notices", "Notices needing HR's attention, by status", ["status"])
INTERVAL_SECONDS = 10.0


async def refresh(rt: Runtime) -> dict[str, int]:
    """Count the notices needing attention once; {status: count}."""
    async with rt.session_factory() as session:
        rows = await session.execute(
            select(Notification.status, func.count())
            .where(Notification.status.in_(ATTENTION))
            .group_by(Notification.status)
        )
        counts = {status: 0 for status in ATTENTION} | {s: int(n) for s, n in rows}
    for status, count in counts.items():
        NOTICES.labels(status).set(count)
    return counts


async def notice_metrics_loop(rt: Runtime) -> None:
    """ServiceDefinition background loop."""
    while True:
        try:
            await refresh(rt)
        except Exception as e:  # the database may be away: /readyz says so
            log.debug("metrics.notices_unavailable", error=describe_error(e, 200))
        await asyncio.sleep(INTERVAL_SECONDS)
