"""Openings: the local copy of org-service's positions, and what a change means here (S1)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.db.models import Opening
from recruiting_service.db.repositories import (
    ApplicationRepository,
    OpeningRepository,
)
from recruiting_service.domain.applications import status_after_screening
from recruiting_service.domain.screening import (
    describe_requirements_change,
    make_screener,
    requirements_diff,
)
from recruiting_service.service.applications import profile_of
from recruiting_service.service.vocabularies import skills_in_force
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.events.payloads import PositionChanged, PositionSnapshot, Requirements
from talentloop_shared.logging import get_logger
from talentloop_shared.pagination import Page

log = get_logger(__name__)

AT_SCREENING = ("screening", "screened_out")
IN_PROCESS = ("interviewing", "offer")
# Open openings are listed by title: (title, position_id).
OPENINGS = KeysetOrder(Opening.title, Opening.position_id)


@dataclass(frozen=True, slots=True)
class PositionChangeOutcome:
    """What applying one `position-changed` did."""

    applied: bool
    rescreened: int = 0
    moved_out: int = 0
    moved_in: int = 0
    flagged: int = 0


def _flag(code: str, detail: str, version: int, at: datetime) -> dict[str, Any]:
    """A review flag on an application (`FlagRead` in the API)."""
    return {"code": code, "detail": detail, "position_version": version, "at": at.isoformat()}


def _columns(position: PositionSnapshot, change: str, now: datetime) -> dict[str, Any]:
    return {
        "version": position.version,
        "title": position.title,
        "status": position.status,
        "headcount": position.headcount,
        "job_family": position.job_family,
        "org_unit_id": position.org_unit.id,
        "org_unit_name": position.org_unit.name,
        "org_unit_path": list(position.org_unit.path),
        "location": position.location,
        "responsibilities": list(position.responsibilities),
        "requirements": position.requirements.model_dump(mode="json"),
        "evaluation_scheme": position.evaluation_scheme.model_dump(mode="json"),
        "titles": dict(position.titles),
        "owners": position.owners.model_dump(mode="json"),
        "last_change": change,
        "updated_at": now,
    }


async def apply_position_changed(
    uow: UnitOfWork, payload: PositionChanged
) -> PositionChangeOutcome:
    """Update the opening from a snapshot; re-screen or flag its applications (no commit)."""
    session = uow.session
    position = payload.position
    position_id = uuid.UUID(position.id)
    now = uow.clock.now()
    columns = _columns(position, payload.change, now)
    inserted = await session.scalar(
        insert(Opening)
        .values(position_id=position_id, **columns)
        .on_conflict_do_nothing(index_elements=[Opening.position_id])
        .returning(Opening.position_id)
    )
    if inserted is not None:
        log.info("opening.created", position_id=position.id, version=position.version)
        return PositionChangeOutcome(applied=True)

    opening = await OpeningRepository(session).get_for_update(position_id)
    assert opening is not None  # the insert conflicted, so the row exists
    if position.version <= opening.version:
        # Out of order after a retry, or a replay: the snapshot we hold is newer or the same.
        log.info(
            "opening.stale_snapshot_ignored",
            position_id=position.id,
            held=opening.version,
            received=position.version,
        )
        return PositionChangeOutcome(applied=False)

    old_requirements = Requirements.model_validate(opening.requirements)
    was_open = opening.status == "open"
    for name, value in columns.items():
        setattr(opening, name, value)
    await session.flush()

    outcome = PositionChangeOutcome(applied=True)
    if requirements_diff(old_requirements, position.requirements):
        description = describe_requirements_change(
            old_requirements, position.requirements, version=position.version
        )
        outcome = await rescreen_applications(
            session,
            position_id=position_id,
            requirements=position.requirements,
            version=position.version,
            description=description,
            now=now,
        )
    if was_open and position.status == "closed":
        flagged = await _flag_open_applications(
            session,
            position_id,
            statuses=(*AT_SCREENING, *IN_PROCESS),
            flag_=_flag(
                "position_closed", "the position was closed for hiring", position.version, now
            ),
            now=now,
        )
        outcome = PositionChangeOutcome(
            applied=True,
            rescreened=outcome.rescreened,
            moved_out=outcome.moved_out,
            moved_in=outcome.moved_in,
            flagged=outcome.flagged + flagged,
        )
    log.info(
        "opening.updated",
        position_id=position.id,
        version=position.version,
        change=payload.change,
        rescreened=outcome.rescreened,
        flagged=outcome.flagged,
    )
    return outcome


async def rescreen_applications(
    session: AsyncSession,
    *,
    position_id: uuid.UUID,
    requirements: Requirements,
    version: int,
    description: str,
    now: datetime,
) -> PositionChangeOutcome:
    """Re-screen every application still at screening in one batch; flag later ones.

    One query loads candidates and applications, the screener runs in Python, and two
    set-based statements write statuses, results and history back, so ten thousand
    applications take well under the two seconds a handler may spend.
    """
    rows = (
        await session.execute(ApplicationRepository.screening_profiles(position_id, AT_SCREENING))
    ).all()
    screener = make_screener(requirements, version, vocabulary=await skills_in_force(session))
    ids: list[uuid.UUID] = []
    before: list[str] = []
    after: list[str] = []
    results: list[str] = []
    reasons: list[str] = []
    for row in rows:
        result = screener(profile_of(row))
        ids.append(row.id)
        before.append(row.status)
        after.append(status_after_screening(row.status, passed=result.passed))
        results.append(json.dumps(result.record()))
        reasons.append(f"{description}; {result.summary()}")

    rescreened = 0
    if ids:
        # No row locks while reading: the write only touches rows still in the status we
        # screened (a concurrent reject or advance wins), and history is written for
        # exactly the rows updated, in the same statement.
        written = await session.execute(
            text(
                "WITH v AS ("
                "  SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:froms AS text[]),"
                "    CAST(:tos AS text[]), CAST(:screenings AS text[]), CAST(:reasons AS text[]))"
                "    AS v(id, from_status, to_status, screening, reason)"
                "), updated AS ("
                "  UPDATE applications AS a"
                "  SET status = v.to_status, screening = v.screening::jsonb, updated_at = :now"
                "  FROM v WHERE a.id = v.id AND a.status = v.from_status"
                "  RETURNING a.id"
                ")"
                " INSERT INTO application_history"
                " (application_id, from_status, to_status, reason, actor, at)"
                " SELECT v.id, v.from_status, v.to_status, v.reason, 'system', :now"
                " FROM v JOIN updated USING (id)"
            ),
            {
                "ids": ids,
                "froms": before,
                "tos": after,
                "screenings": results,
                "reasons": reasons,
                "now": now,
            },
        )
        rescreened = int(written.rowcount or 0)  # type: ignore[attr-defined]
    # Applications already interviewing keep their place: HR reviews them, the system
    # does not silently drop a candidate the panel is already seeing.
    flagged = await _flag_open_applications(
        session,
        position_id,
        statuses=IN_PROCESS,
        flag_=_flag("requirements_changed", description, version, now),
        now=now,
    )
    return PositionChangeOutcome(
        applied=True,
        rescreened=rescreened,
        moved_out=sum(
            1 for b, a in zip(before, after, strict=True) if (b, a) == ("screening", "screened_out")
        ),
        moved_in=sum(
            1 for b, a in zip(before, after, strict=True) if (b, a) == ("screened_out", "screening")
        ),
        flagged=flagged,
    )


async def _flag_open_applications(
    session: AsyncSession,
    position_id: uuid.UUID,
    *,
    statuses: tuple[str, ...],
    flag_: dict[str, Any],
    now: datetime,
) -> int:
    result = await session.execute(
        text(
            "UPDATE applications SET flags = flags || CAST(:flag AS jsonb), updated_at = :now"
            " WHERE position_id = :pid AND status = ANY(CAST(:statuses AS text[]))"
        ),
        {"flag": json.dumps([flag_]), "pid": position_id, "statuses": list(statuses), "now": now},
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def get_opening(uow: UnitOfWork, *, position_id: uuid.UUID) -> Opening:
    """One opening (open or closed)."""
    opening = await OpeningRepository(uow.session).get_or_raise(position_id)
    return opening


async def list_openings(
    uow: UnitOfWork, *, limit: int, cursor: str | None, job_family: str | None = None
) -> Page[Opening]:
    """Open openings by title."""
    stmt = select(Opening).where(Opening.status == "open")
    if job_family:
        stmt = stmt.where(Opening.job_family == job_family)
    return await OPENINGS.page(uow.session, stmt, cursor=cursor, limit=limit)
