"""The daily retention sweep as a background loop of the service."""

from __future__ import annotations

import asyncio

from talent_service.service.erasure import sweep_expired
from talent_service.service.state import talent_state
from talentloop_shared.logging import get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)


async def retention_sweep_loop(rt: Runtime) -> None:
    """Erase expired profiles and stale pending tags now, then once per interval."""
    interval = talent_state(rt).sweep_interval_seconds
    while True:
        async with rt.uow_factory() as uow:
            result = await sweep_expired(uow)
        if result.erased_profiles or result.purged_pending_tags:
            log.info(
                "retention.swept",
                erased_profiles=result.erased_profiles,
                purged_pending_tags=result.purged_pending_tags,
            )
        await asyncio.sleep(interval)
