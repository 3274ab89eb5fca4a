"""Rejections (one or many) and the suggestion library."""

import uuid
from typing import Annotated

from fastapi import Path, Query

from recruiting_service.api.schemas import ApplicationRead, BulkRejectResult, SuggestionRead
from recruiting_service.service import decisions, suggestions
from recruiting_service.service.inputs import (
    BulkRejectRequest,
    Locale,
    RejectRequest,
    SuggestionUpdate,
)
from talentloop_shared.auth.roles import HrAdmin, Recruiter
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["decisions"])


@router.post(
    "/applications/{application_id}/reject",
    summary="Reject; publishes candidate-rejected with strengths, reasons and suggestions",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def reject(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Recruiter,
    body: RejectRequest | None = None,
) -> ApplicationRead:
    record = await decisions.reject(
        uow, application_id=application_id, request=body or RejectRequest(), by=principal.sub
    )
    return ApplicationRead.from_record(record)


@router.post(
    "/applications/bulk-reject",
    summary="Reject many applications; one candidate-rejected each",
    response_model=BulkRejectResult,
    responses=problem_responses(401, 403, 422),
)
async def bulk_reject(
    body: BulkRejectRequest, uow: UowDep, principal: Recruiter
) -> BulkRejectResult:
    return BulkRejectResult.of(await decisions.bulk_reject(uow, request=body, by=principal.sub))


LocaleQuery = Annotated[
    Locale | None,
    Query(max_length=35, description="BCP 47 locale of the templates, e.g. 'zh-CN'"),
]


@router.get(
    "/suggestions",
    summary="The suggestion library of rejection notices (all locales, or one)",
    response_model=list[SuggestionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_suggestions(
    uow: UowDep, principal: Recruiter, locale: LocaleQuery = None
) -> list[SuggestionRead]:
    rows = await suggestions.list_suggestions(uow, locale=locale)
    return [SuggestionRead.model_validate(s) for s in rows]


@router.put(
    "/suggestions/{code}",
    summary="Create or replace a suggestion template in one locale (default 'en')",
    response_model=SuggestionRead,
    responses=problem_responses(401, 403, 422),
)
async def put_suggestion(
    code: Annotated[str, Path(min_length=1, max_length=100)],
    body: SuggestionUpdate,
    uow: UowDep,
    principal: HrAdmin,
    locale: LocaleQuery = None,
) -> SuggestionRead:
    suggestion = await suggestions.put_suggestion(
        uow, code=code, locale=locale or "en", text=body.text, by=principal.sub
    )
    return SuggestionRead.model_validate(suggestion)
