"""Repositories of notify-service (they never commit; the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from sqlalchemy import Row, Select, bindparam, exists, func, select, text
from sqlalchemy.dialects.postgresql import insert

from notify_service.db.models import (
    DeliveryAttempt,
    ErasedCandidate,
    NoticeSettings,
    NoticeTemplate,
    Notification,
    SurveyResponse,
    TemplateVersion,
)
from talentloop_shared.db import Repository

# Built once: every consumer transaction that writes notices runs it (building a statement
# costs more than running it).
_STAMP = select(
    func.count(), func.sum(NoticeTemplate.version), func.max(NoticeTemplate.updated_at)
).where(NoticeTemplate.kind == bindparam("kind"))


class TemplateRepository(Repository[NoticeTemplate]):
    """The template library."""

    model = NoticeTemplate
    what = "template"

    async def rows_of_kind(self, kind: str) -> Sequence[Row[Any]]:
        """Every template of `kind` as plain rows, oldest first (selection picks among them)."""
        table = NoticeTemplate.__table__
        result = await self.session.execute(
            select(table).where(table.c.kind == kind).order_by(table.c.created_at, table.c.id)
        )
        return result.all()

    async def stamp(self, kind: str) -> tuple[Any, ...]:
        """What changes whenever a template of `kind` is added or edited."""
        return tuple((await self.session.execute(_STAMP, {"kind": kind})).one())

    async def count(self) -> int:
        """How many templates the library holds."""
        return int(await self.session.scalar(select(func.count()).select_from(NoticeTemplate)) or 0)

    async def versions(self, template_id: uuid.UUID) -> Sequence[TemplateVersion]:
        """Every version of a template, oldest first."""
        return (
            await self.session.scalars(
                select(TemplateVersion)
                .where(TemplateVersion.template_id == template_id)
                .order_by(TemplateVersion.version)
            )
        ).all()

    async def version(self, template_id: uuid.UUID, version: int) -> TemplateVersion | None:
        """One version of a template."""
        return await self.session.get(TemplateVersion, (template_id, version))


class SettingsRepository:
    """The single settings row."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def get(self, *, for_update: bool = False) -> NoticeSettings:
        """The settings (created with defaults if the row is missing)."""
        row = await self.session.get(
            NoticeSettings, 1, with_for_update=for_update, populate_existing=for_update
        )
        if row is None:
            row = NoticeSettings(
                id=1,
                default_delay_minutes=120,
                review_required=False,
                company_name="Talentloop",
                survey_expiry_days=30,
                updated_by="system",
                quiet_start=time(21, 0),
                quiet_end=time(8, 0),
            )
            self.session.add(row)
            await self.session.flush()
        return row


class NotificationRepository(Repository[Notification]):
    """Notices and their delivery attempts."""

    model = Notification
    what = "notification"

    async def attempts(self, notification_id: uuid.UUID) -> Sequence[DeliveryAttempt]:
        """Delivery attempts of a notice, first first."""
        return (
            await self.session.scalars(
                select(DeliveryAttempt)
                .where(DeliveryAttempt.notification_id == notification_id)
                .order_by(DeliveryAttempt.attempt, DeliveryAttempt.id)
            )
        ).all()

    @staticmethod
    def filtered(
        *,
        application_id: str | None = None,
        candidate_id: str | None = None,
        status: str | None = None,
        kind: str | None = None,
    ) -> Select[Any]:
        """A SELECT of notices matching the given filters."""
        stmt = select(Notification)
        if application_id:
            stmt = stmt.where(Notification.application_id == application_id)
        if candidate_id:
            stmt = stmt.where(Notification.candidate_id == candidate_id)
        if status:
            stmt = stmt.where(Notification.status == status)
        if kind and kind.endswith(".*"):  # a family: "alert.*" is every staff alert
            stmt = stmt.where(Notification.kind.startswith(kind[:-1], autoescape=True))
        elif kind:
            stmt = stmt.where(Notification.kind == kind)
        return stmt


class SurveyRepository(Repository[SurveyResponse]):
    """Survey answers, one row per notice."""

    model = SurveyResponse


# Built once: every rejection runs both (building a statement costs more than running it).
_LOCK_SHARED = text("SELECT pg_advisory_xact_lock_shared(hashtextextended(:k, 0))")
_LOCK_EXCLUSIVE = text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
_IS_ERASED = select(exists().where(ErasedCandidate.candidate_id == bindparam("candidate_id")))
# A batch's candidates at once: the shared locks in one statement (in key order, the same
# order for every batch), then which of them were erased.
_LOCK_SHARED_MANY = text(
    "SELECT count(pg_advisory_xact_lock_shared(k)) FROM (SELECT DISTINCT "
    "hashtextextended(key, 0) AS k FROM unnest(CAST(:keys AS text[])) AS key ORDER BY k) AS s"
)
_ERASED_AMONG = text(
    "SELECT candidate_id FROM erased_candidates WHERE candidate_id = ANY(CAST(:ids AS text[]))"
)


def _lock_key(candidate_id: str) -> str:
    return f"notify.candidate:{candidate_id}"


class ErasureRepository:
    """Which candidates were erased, and the per-candidate lock that orders an erasure
    against the writes that could bring the person's data back (new notices, survey answers).

    The writers hold the lock shared, the erasure exclusive, both until their transaction
    ends: a notice written concurrently with an erasure either commits before it (and is
    erased by it) or waits and then sees the erasure recorded."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def lock(self, candidate_id: str, *, exclusive: bool = False) -> None:
        """Take the candidate's transaction-scoped advisory lock."""
        await self.session.execute(
            _LOCK_EXCLUSIVE if exclusive else _LOCK_SHARED, {"k": _lock_key(candidate_id)}
        )

    async def is_erased(self, candidate_id: str) -> bool:
        """Whether the candidate was erased (takes the shared lock first; see the class)."""
        await self.lock(candidate_id)
        # A separate statement after the lock: in READ COMMITTED it reads a fresh snapshot,
        # so an erasure that committed while we waited is seen.
        found = await self.session.scalar(_IS_ERASED, {"candidate_id": candidate_id})
        return bool(found)

    async def erased_among(self, candidate_ids: Sequence[str]) -> set[str]:
        """`is_erased` for many candidates in two statements: which of them were erased."""
        ids = sorted(set(candidate_ids))
        if not ids:
            return set()
        await self.session.execute(_LOCK_SHARED_MANY, {"keys": [_lock_key(c) for c in ids]})
        found = await self.session.scalars(_ERASED_AMONG, {"ids": ids})
        return set(found)

    async def record(self, candidate_id: str, erased_at: datetime) -> bool:
        """Record the erasure; False when it was recorded before (the first record stays)."""
        result = await self.session.execute(
            insert(ErasedCandidate)
            .values(candidate_id=candidate_id, erased_at=erased_at)
            .on_conflict_do_nothing(index_elements=[ErasedCandidate.candidate_id])
            .returning(ErasedCandidate.candidate_id)
        )
        return result.first() is not None
