"""The daily retention sweep as a background loop of the service."""

from __future__ import annotations

import asyncio

from talent_service.config import Settings
from talent_service.service.pool import PoolPolicy, sweep_expired
from talentloop_shared.events.envelope import utcnow
from talentloop_shared.logging import get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)


async def retention_sweep_loop(rt: Runtime) -> None:
    """Erase expired profiles and stale pending tags now, then once per interval."""
    settings = rt.settings
    assert isinstance(settings, Settings)
    policy = PoolPolicy.from_settings(settings)
    while True:
        async with rt.uow_factory() as uow:
            result = await sweep_expired(uow, policy=policy, now=utcnow())
        if result.erased_profiles or result.purged_pending_tags:
            log.info(
                "retention.swept",
                erased_profiles=result.erased_profiles,
                purged_pending_tags=result.purged_pending_tags,
            )
        await asyncio.sleep(settings.sweep_interval_seconds)
