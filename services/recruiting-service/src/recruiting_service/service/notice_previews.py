"""HR sees the sentence before it is sent (issue 19): a rejection answered with the notice's
phrases as the candidate will read them (`domain.notice_preview.phrased_preview`)."""

from __future__ import annotations

from dataclasses import dataclass

from recruiting_service.db.repositories import AnyCandidate, CandidateRepository
from recruiting_service.domain.notice_preview import NoticePreview, phrased_preview
from recruiting_service.service.applications import ApplicationRecord
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import Reason


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A rejected application with the preview of the notice it leads to."""

    record: ApplicationRecord
    preview: NoticePreview


async def with_notice_preview(
    uow: UnitOfWork, record: ApplicationRecord, *, candidate: AnyCandidate | None = None
) -> RejectedRecord:
    """The application with its rejection notice phrased for the candidate (read only;
    `candidate`: the application's, when the caller has it loaded already)."""
    application = record.application
    if candidate is None:
        candidate = await CandidateRepository(uow.session).get(application.candidate_id)
    rejection = application.rejection or {}
    preview = phrased_preview(
        candidate.locale if candidate is not None else None,
        strengths=rejection.get("strengths") or [],
        reasons=[Reason.model_validate(r) for r in rejection.get("reasons") or []],
        suggestions=rejection.get("suggestions") or [],
    )
    return RejectedRecord(record, preview)
