"""Rejections (one or many) and the suggestion library."""

import uuid
from typing import Annotated

from fastapi import Path, Query

from recruiting_service.api.deps import HrAdmin, Manager
from recruiting_service.api.schemas import (
    ApplicationRead,
    BulkRejectRequest,
    BulkRejectResult,
    RejectRequest,
    SuggestionRead,
    SuggestionUpdate,
)
from recruiting_service.domain.candidates import normalise_locale
from recruiting_service.domain.errors import DomainValidationError
from recruiting_service.service import decisions, suggestions
from talentloop_shared.http import problem_responses
from talentloop_shared.http.problems import unprocessable
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
    principal: Manager,
    body: RejectRequest | None = None,
) -> ApplicationRead:
    return await decisions.reject(
        uow, application_id=application_id, request=body or RejectRequest(), actor=principal.sub
    )


@router.post(
    "/applications/bulk-reject",
    summary="Reject many applications; one candidate-rejected each",
    response_model=BulkRejectResult,
    responses=problem_responses(401, 403, 422),
)
async def bulk_reject(body: BulkRejectRequest, uow: UowDep, principal: Manager) -> BulkRejectResult:
    return await decisions.bulk_reject(uow, request=body, actor=principal.sub)


LocaleQuery = Annotated[
    str | None, Query(max_length=35, description="BCP 47 locale of the templates, e.g. 'zh-CN'")
]


def _locale(value: str) -> str:
    """The canonical locale tag of a query parameter, or a 422 naming it."""
    try:
        return normalise_locale(value)
    except DomainValidationError as exc:
        raise unprocessable(
            str(exc), errors=[{"loc": ["query", "locale"], "msg": exc.msg}]
        ) from None


@router.get(
    "/suggestions",
    summary="The suggestion library of rejection notices (all locales, or one)",
    response_model=list[SuggestionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_suggestions(
    uow: UowDep, principal: Manager, locale: LocaleQuery = None
) -> list[SuggestionRead]:
    return await suggestions.list_suggestions(
        uow, locale=_locale(locale) if locale is not None else None
    )


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
    return await suggestions.put_suggestion(
        uow, code=code, locale=_locale(locale or "en"), text=body.text, actor=principal.sub
    )
