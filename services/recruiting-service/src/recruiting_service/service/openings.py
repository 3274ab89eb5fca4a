"""Openings: the local copy of org-service's positions, and what a change means here (S1)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.api.schemas import OpeningRead
from recruiting_service.db.models import Application, Candidate, Opening
from recruiting_service.db.repositories import OpeningRepository, after_cursor
from recruiting_service.domain.decisions import status_after_screening
from recruiting_service.domain.screening import (
    CandidateProfile,
    describe_requirements_change,
    make_screener,
    requirements_diff,
)
from recruiting_service.service.common import (
    decode_keyset,
    flag,
    screening_reason,
    screening_record,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import PositionChanged, PositionSnapshot, Requirements
from talentloop_shared.http.pagination import Page, page_of
from talentloop_shared.http.problems import not_found
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

AT_SCREENING = ("screening", "screened_out")
IN_PROCESS = ("interviewing", "offer")


@dataclass(frozen=True, slots=True)
class PositionChangeOutcome:
    """What applying one `position-changed` did."""

    applied: bool
    rescreened: int = 0
    moved_out: int = 0
    moved_in: int = 0
    flagged: int = 0


def _columns(position: PositionSnapshot, change: str) -> dict[str, Any]:
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
        "last_change": change,
        "updated_at": datetime.now(UTC),
    }


async def apply_position_changed(
    uow: UnitOfWork, payload: PositionChanged
) -> PositionChangeOutcome:
    """Update the opening from a snapshot; re-screen or flag its applications (no commit)."""
    session = uow.session
    position = payload.position
    position_id = uuid.UUID(position.id)
    columns = _columns(position, payload.change)
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

    now = datetime.now(UTC)
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
            flag_=flag(
                "position_closed", "the position was closed for hiring", position.version, now
            ),
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
        await session.execute(
            select(
                Application.id,
                Application.status,
                Candidate.years_experience,
                Candidate.skills,
                Candidate.industries,
                Candidate.education,
                Candidate.languages,
            )
            .join(Candidate, Candidate.id == Application.candidate_id)
            .where(Application.position_id == position_id, Application.status.in_(AT_SCREENING))
        )
    ).all()
    screener = make_screener(requirements, version)
    ids: list[uuid.UUID] = []
    before: list[str] = []
    after: list[str] = []
    results: list[str] = []
    reasons: list[str] = []
    for row in rows:
        result = screener(
            CandidateProfile(
                years_experience=row.years_experience,
                skills=row.skills,
                industries=row.industries,
                education=row.education,
                languages=row.languages,
            )
        )
        ids.append(row.id)
        before.append(row.status)
        after.append(status_after_screening(row.status, passed=result.passed))
        results.append(json.dumps(screening_record(result)))
        reasons.append(f"{description}; {screening_reason(result)}")

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
        flag_=flag("requirements_changed", description, version, now),
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
) -> int:
    result = await session.execute(
        text(
            "UPDATE applications SET flags = flags || CAST(:flag AS jsonb), updated_at = now()"
            " WHERE position_id = :pid AND status = ANY(CAST(:statuses AS text[]))"
        ),
        {"flag": json.dumps([flag_]), "pid": position_id, "statuses": list(statuses)},
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def opening_read(opening: Opening) -> OpeningRead:
    """The API shape of an opening."""
    return OpeningRead(
        position_id=opening.position_id,
        version=opening.version,
        title=opening.title,
        status=opening.status,
        headcount=opening.headcount,
        job_family=opening.job_family,
        org_unit={
            "id": opening.org_unit_id,
            "name": opening.org_unit_name,
            "path": opening.org_unit_path,
        },
        location=opening.location,
        responsibilities=opening.responsibilities,
        requirements=opening.requirements,
        evaluation_scheme=opening.evaluation_scheme,
        last_change=opening.last_change,
        updated_at=opening.updated_at,
    )


async def get_opening(uow: UnitOfWork, *, position_id: uuid.UUID) -> OpeningRead:
    """One opening (open or closed)."""
    opening = await OpeningRepository(uow.session).get(position_id)
    if opening is None:
        raise not_found("opening", position_id)
    return opening_read(opening)


async def list_openings(
    uow: UnitOfWork, *, limit: int, cursor: str | None, job_family: str | None = None
) -> Page[OpeningRead]:
    """Open openings by title."""
    after = decode_keyset(cursor, str, uuid.UUID)
    stmt = select(Opening).where(Opening.status == "open")
    if job_family:
        stmt = stmt.where(Opening.job_family == job_family)
    if after is not None:
        stmt = stmt.where(after_cursor([Opening.title, Opening.position_id], after))
    stmt = stmt.order_by(Opening.title, Opening.position_id).limit(limit + 1)
    rows = (await uow.session.scalars(stmt)).all()
    return page_of([opening_read(o) for o in rows], limit, key=lambda o: (o.title, o.position_id))
