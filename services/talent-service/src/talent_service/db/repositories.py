"""talent-service repositories; they never commit (the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, delete, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from talent_service.db.models import (
    Course,
    DevelopmentPlan,
    Invitation,
    PendingTag,
    Position,
    TalentApplication,
    TalentHistoryEntry,
    TalentMatch,
    TalentProfile,
    TalentTag,
)
from talent_service.db.scoring import (
    YEARS_PRINTABLE,
    candidates_statement,
    match_id_sql,
    scoring_statement,
)
from talent_service.domain.matching import ScoringPlan, match_id
from talent_service.domain.tags import Tag, TagKind
from talentloop_shared.db import Repository, driver_connection


def tag_row(profile_id: str, tag: Tag) -> dict[str, Any]:
    """The `talent_tags` row of one tag of a profile (`created_at` is the database's)."""
    return {"profile_id": profile_id, "kind": tag.kind, "value": tag.value, "source": tag.source}


async def lock_key(session: AsyncSession, key: str) -> None:
    """Serialise work on one candidate or position until the transaction ends."""
    # Events about the same person can be consumed concurrently (prefetch > 1); a
    # transaction-scoped advisory lock keeps "profile exists?" and "merge pending" coherent.
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})


def _matches_of(profile_id: str) -> Any:
    """A condition on talent_matches: the rows of one person (the ids their matches have
    for each known position; see `domain.matching.match_id`)."""
    ids = text(match_id_sql("positions.id", "CAST(:profile_id AS text)")).bindparams(
        profile_id=profile_id
    )
    return TalentMatch.id.in_(select(ids).select_from(Position))


class ProfileRepository(Repository[TalentProfile]):
    """Pooled candidates, their tags, applications and history."""

    model = TalentProfile

    async def tags_of(self, profile_id: str) -> list[Tag]:
        """The profile's tags, oldest first."""
        rows = await self.session.scalars(
            select(TalentTag)
            .where(TalentTag.profile_id == profile_id)
            .order_by(TalentTag.created_at, TalentTag.kind, TalentTag.value)
        )
        return [Tag(cast(TagKind, r.kind), r.value, r.source) for r in rows]

    async def add_tags(self, profile_id: str, tags: Iterable[Tag]) -> None:
        """Store tags (existing kind/value pairs keep their first source)."""
        rows = [tag_row(profile_id, t) for t in tags]
        if rows:
            await self.session.execute(insert(TalentTag).values(rows).on_conflict_do_nothing())

    async def remove_tags(self, profile_id: str, kind: str) -> None:
        """Drop every tag of one kind."""
        await self.session.execute(
            delete(TalentTag).where(TalentTag.profile_id == profile_id, TalentTag.kind == kind)
        )

    async def upsert_application(self, values: dict[str, Any]) -> bool:
        """Record an application (latest report wins); True when it was new."""
        upsert = insert(TalentApplication).values(values)
        stmt = upsert.on_conflict_do_update(
            index_elements=[TalentApplication.profile_id, TalentApplication.application_id],
            set_={
                k: upsert.excluded[k] for k in values if k not in {"profile_id", "application_id"}
            },
        ).returning(text("xmax = 0"))
        return bool((await self.session.execute(stmt)).scalar())

    async def applications_of(self, profile_id: str) -> Sequence[TalentApplication]:
        """The profile's applications, most recent rejection first."""
        rows = await self.session.scalars(
            select(TalentApplication)
            .where(TalentApplication.profile_id == profile_id)
            .order_by(TalentApplication.rejected_at.desc())
        )
        return rows.all()

    def record(
        self,
        profile_id: str,
        *,
        at: datetime,
        action: str,
        detail: str = "",
        actor: str | None = None,
    ) -> None:
        """Append a history entry."""
        self.session.add(
            TalentHistoryEntry(
                profile_id=profile_id, at=at, action=action, detail=detail, actor=actor
            )
        )

    async def history_of(self, profile_id: str) -> Sequence[TalentHistoryEntry]:
        """The profile's history, oldest first."""
        return (
            await self.session.scalars(
                select(TalentHistoryEntry)
                .where(TalentHistoryEntry.profile_id == profile_id)
                .order_by(TalentHistoryEntry.at, TalentHistoryEntry.id)
            )
        ).all()

    async def expired_ids(self, now: datetime) -> list[str]:
        """Ids of profiles whose consent has run out."""
        rows = await self.session.scalars(
            select(TalentProfile.id).where(TalentProfile.consent_expires_at <= now)
        )
        return list(rows)

    async def delete(self, profile_id: str) -> bool:
        """Erase a profile, its matches and (by cascade) tags, applications, history."""
        await self.session.execute(delete(TalentMatch).where(_matches_of(profile_id)))
        # DML executes to a CursorResult (the only Result with `rowcount`).
        result = cast(
            CursorResult[Any],
            await self.session.execute(delete(TalentProfile).where(TalentProfile.id == profile_id)),
        )
        return bool(result.rowcount)


# Core statements on the table: the ORM's bulk DELETE also works out which loaded objects
# it removes, and these run for every rejection (most without consent: the purge is all
# the handler does then).
_PENDING = cast(Table, PendingTag.__table__)
# Matches the Python matcher scored, written per statement (`MatchRepository.write_scored`).
_WRITE_CHUNK = 500


class PendingTagRepository(Repository[PendingTag]):
    """Tags of candidates not (yet) pooled."""

    model = PendingTag

    async def hold(self, candidate_id: str, tags: Iterable[Tag], at: datetime) -> None:
        """Keep tags until the candidate is pooled, refused or they age out."""
        rows = [
            {
                "candidate_id": candidate_id,
                "kind": t.kind,
                "value": t.value,
                "source": t.source,
                "received_at": at,
            }
            for t in tags
        ]
        if rows:
            await self.session.execute(insert(PendingTag).values(rows).on_conflict_do_nothing())

    async def take(self, candidate_id: str) -> list[Tag]:
        """Remove and return a candidate's pending tags."""
        rows = await self.session.execute(
            delete(_PENDING)
            .where(_PENDING.c.candidate_id == candidate_id)
            .returning(_PENDING.c.kind, _PENDING.c.value, _PENDING.c.source)
        )
        return [Tag(cast(TagKind, kind), value, source) for kind, value, source in rows]

    async def purge(self, *candidate_ids: str) -> None:
        """Forget these candidates' pending tags (one statement)."""
        await self.session.execute(
            delete(_PENDING).where(_PENDING.c.candidate_id.in_(candidate_ids))
        )

    async def purge_older_than(self, cutoff: datetime) -> int:
        """Forget pending tags received before `cutoff`; how many."""
        result = cast(
            CursorResult[Any],
            await self.session.execute(delete(_PENDING).where(_PENDING.c.received_at < cutoff)),
        )
        return int(result.rowcount)


class PositionRepository(Repository[Position]):
    """The local copy of positions."""

    model = Position
    what = "position"

    async def open_positions(self) -> Sequence[Position]:
        """Every position currently open."""
        return await self.list(select(Position).where(Position.status == "open"))


class MatchRepository(Repository[TalentMatch]):
    """Matches of pooled candidates to positions."""

    model = TalentMatch
    what = "match"

    async def has_matches(self, position_id: str) -> bool:
        """Whether the position has any match (a first scoring can insert without checks)."""
        found = await self.session.scalar(
            select(TalentMatch.id).where(TalentMatch.position_id == position_id).limit(1)
        )
        return found is not None

    async def score_pool(
        self, plan: ScoringPlan, *, position_id: str, version: int, now: datetime, refresh: bool
    ) -> tuple[int, int]:
        """Score the pool against the plan in the database and write the matches (see
        `db.scoring`); (matches written, of which announced at `version` for the first time)."""
        statement = scoring_statement(
            plan, position_id=position_id, version=version, now=now, refresh=refresh
        )
        conn = await driver_connection(self.session)
        # One statement over up to the whole pool: compiling it to machine code (JIT) costs
        # more than it saves, and a bitmap of every candidate row must stay exact rather
        # than lossy (a lossy one re-checks each row's arrays).
        await conn.execute("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'")
        if statement.counted:
            status = await conn.execute(statement.sql, *statement.params)  # "INSERT 0 <n>"
            written = int(status.rpartition(" ")[2])
            return written, written
        row = await conn.fetchrow(statement.sql, *statement.params)
        return int(row["written"]), int(row["fresh"])

    async def odd_years_candidates(self, now: datetime, plan: ScoringPlan) -> list[Any]:
        """(id, years, skills, strengths, industries) of the live profiles `score_pool` leaves
        to the Python matcher (years it cannot print like Python; see `db.scoring`)."""
        statement = candidates_statement(plan, now=now)
        conn = await driver_connection(self.session)
        return list(
            await conn.fetch(f"{statement.sql} AND NOT {YEARS_PRINTABLE}", *statement.params)
        )

    async def write_scored(self, rows: list[dict[str, Any]], *, version: int) -> tuple[int, int]:
        """Write matches the Python matcher scored as `score_pool` writes its own (existing
        ones refreshed, invited ones left alone, new ones announced at `version`)."""
        written = fresh = 0
        # A few hundred rows at a time in one statement each (one round trip, not one per
        # match; and well under the protocol's 32,767 parameters a statement).
        for start in range(0, len(rows), _WRITE_CHUNK):
            chunk = [
                {**values, "announced_version": version}
                for values in rows[start : start + _WRITE_CHUNK]
            ]
            upsert = insert(TalentMatch).values(chunk)
            stmt = upsert.on_conflict_do_update(
                index_elements=[TalentMatch.id],
                set_={
                    **{
                        k: upsert.excluded[k]
                        for k in chunk[0]
                        if k
                        not in {
                            "id",
                            "position_id",
                            "profile_id",
                            "created_at",
                            "invited_at",
                            "announced_version",
                        }
                    },
                    "announced_version": func.coalesce(
                        TalentMatch.announced_version, upsert.excluded.announced_version
                    ),
                },
                where=TalentMatch.invited_at.is_(None),
            ).returning(TalentMatch.announced_version)
            announced = (await self.session.execute(stmt)).scalars().all()
            written += len(announced)
            fresh += sum(1 for a in announced if a == version)
        return written, fresh

    async def delete_stale(self, position_id: str, version: int) -> None:
        """Drop the position's uninvited matches a scoring at `version` did not write."""
        await self.session.execute(
            delete(TalentMatch).where(
                TalentMatch.position_id == position_id,
                TalentMatch.invited_at.is_(None),
                TalentMatch.position_version < version,
            )
        )

    async def top_offered(
        self, position_id: str, now: datetime, limit: int
    ) -> list[tuple[TalentMatch, str]]:
        """The position's best offered matches (ranked as listed), with the person's name."""
        rows = await self.session.execute(
            select(TalentMatch, TalentProfile.name)
            .join(TalentProfile, TalentProfile.id == TalentMatch.profile_id)
            .where(TalentMatch.position_id == position_id, TalentProfile.consent_expires_at > now)
            .order_by(
                TalentMatch.score.desc(), TalentMatch.years_rank.desc(), TalentMatch.profile_id
            )
            .limit(limit)
        )
        return [(match, name) for match, name in rows]

    async def count_invited_offered(self, position_id: str, now: datetime) -> int:
        """How many of the position's invited matches are still offered (consent valid)."""
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(Invitation)
                .join(TalentProfile, TalentProfile.id == Invitation.profile_id)
                .where(
                    Invitation.position_id == position_id, TalentProfile.consent_expires_at > now
                )
            )
            or 0
        )

    async def upsert_each(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert or refresh matches (of one profile to many positions, say), leaving
        invited matches as they are: one statement, compiled once whatever the number of
        rows (SQLAlchemy sends them in batches of up to 1,000)."""
        if not rows:
            return
        upsert = insert(TalentMatch)
        stmt = upsert.on_conflict_do_update(
            index_elements=[TalentMatch.id],
            set_={
                k: upsert.excluded[k]
                for k in rows[0]
                if k not in {"id", "position_id", "profile_id", "created_at", "invited_at"}
            },
            where=TalentMatch.invited_at.is_(None),
        )
        await self.session.execute(stmt, list(rows))

    async def delete_uninvited_of_profile(self, profile_id: str) -> None:
        """Drop every match of one person nobody invited them from (they left matching)."""
        await self.session.execute(
            delete(TalentMatch).where(_matches_of(profile_id), TalentMatch.invited_at.is_(None))
        )

    async def delete_uninvited_to(self, position_ids: Sequence[str], profile_id: str) -> None:
        """Drop one candidate's matches to these positions, except those they were invited
        from (one statement)."""
        if not position_ids:
            return
        await self.session.execute(
            delete(TalentMatch).where(
                TalentMatch.id.in_([match_id(p, profile_id) for p in position_ids]),
                TalentMatch.invited_at.is_(None),
            )
        )

    async def strength_counts(self, position_id: str, now: datetime) -> dict[str, int]:
        """Matches per matched strength tag among the offered matches."""
        tag = func.unnest(TalentMatch.strength_tags).label("tag")
        sub = (
            select(tag)
            .join(TalentProfile, TalentProfile.id == TalentMatch.profile_id)
            .where(TalentMatch.position_id == position_id, TalentProfile.consent_expires_at > now)
            .subquery()
        )
        rows = await self.session.execute(
            select(sub.c.tag, func.count())
            .group_by(sub.c.tag)
            .order_by(func.count().desc(), sub.c.tag)
        )
        return {t: int(n) for t, n in rows}

    async def count_offered(self, position_id: str, now: datetime) -> int:
        """How many matches of the position are offered (consent still valid)."""
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(TalentMatch)
                .join(TalentProfile, TalentProfile.id == TalentMatch.profile_id)
                .where(
                    TalentMatch.position_id == position_id, TalentProfile.consent_expires_at > now
                )
            )
            or 0
        )


class InvitationRepository(Repository[Invitation]):
    """Invitations sent to matched candidates."""

    model = Invitation

    async def of_match(self, match_id: uuid.UUID) -> Invitation | None:
        """The invitation of a match, if any."""
        return await self.session.scalar(select(Invitation).where(Invitation.match_id == match_id))


class CourseRepository(Repository[Course]):
    """The course catalogue."""

    model = Course
    what = "course"

    async def active(self) -> Sequence[Course]:
        """Every course not withdrawn, in the order added."""
        return await self.list(
            select(Course).where(Course.active.is_(True)).order_by(Course.created_at, Course.id)
        )


class DevelopmentPlanRepository(Repository[DevelopmentPlan]):
    """New hires' development plans."""

    model = DevelopmentPlan
    what = "development plan"

    async def of_application(self, application_id: str) -> DevelopmentPlan | None:
        """The plan seeded by the hire of this application, if any."""
        return await self.session.scalar(
            select(DevelopmentPlan).where(DevelopmentPlan.application_id == application_id)
        )

    async def delete_of(self, person_id: str) -> int:
        """Erase a person's plans; how many there were."""
        result = cast(
            CursorResult[Any],
            await self.session.execute(
                delete(DevelopmentPlan).where(DevelopmentPlan.person_id == person_id)
            ),
        )
        return int(result.rowcount)
