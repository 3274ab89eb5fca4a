"""Rows another service owns, held here as the newest snapshot its events told."""

from __future__ import annotations

from typing import Any, Protocol

from talentloop_shared.db import UnitOfWork
from talentloop_shared.logging import get_logger

log = get_logger(__name__)


class SnapshotRows(Protocol):
    async def upsert(self, values: dict[str, Any]) -> bool: ...


async def keep_newest(
    uow: UnitOfWork,
    rows: SnapshotRows,
    values: dict[str, Any],
    *,
    what: str,
    key: str,
    change: str,
) -> bool:
    """Hold `values` (with its `version`) unless the row held is as new or newer (no
    commit); logs `<what>.applied` or `<what>.stale_snapshot_ignored`. False when older."""
    applied = await rows.upsert({**values, "updated_at": uow.clock.now()})
    log.info(
        f"{what}.applied" if applied else f"{what}.stale_snapshot_ignored",
        **{f"{what}_id": key},
        version=values["version"],
        change=change,
    )
    return applied
