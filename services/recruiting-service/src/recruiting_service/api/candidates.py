"""Candidates."""

import uuid
from typing import Annotated

from fastapi import Header, Response

from recruiting_service.api.deps import Manager, Reader
from recruiting_service.api.schemas import CandidateCreate, CandidateRead, CandidateUpdate
from recruiting_service.service import candidates
from talentloop_shared.http import Page, ProblemError, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["candidates"])


def _etag(response: Response, candidate: CandidateRead) -> CandidateRead:
    response.headers["ETag"] = f'"{candidate.version}"'
    return candidate


def _version(if_match: str | None) -> int | None:
    if if_match is None:
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    try:
        return int(value)
    except ValueError:
        raise ProblemError(
            412,
            "Precondition Failed",
            f"If-Match {if_match!r} is not an ETag of this resource",
            type_="precondition-failed",
        ) from None


@router.post(
    "/candidates",
    status_code=201,
    summary="Register a candidate",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_candidate(
    body: CandidateCreate, uow: UowDep, principal: Manager, response: Response
) -> CandidateRead:
    candidate = await candidates.create_candidate(uow, data=body)
    response.headers["Location"] = f"/api/v1/candidates/{candidate.id}"
    return _etag(response, candidate)


@router.get(
    "/candidates",
    summary="List candidates (or find one by email)",
    response_model=Page[CandidateRead],
    responses=problem_responses(401, 403, 422),
)
async def list_candidates(
    uow: UowDep,
    principal: Reader,
    email: str | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[CandidateRead]:
    return await candidates.list_candidates(uow, email=email, limit=limit, cursor=cursor)


@router.get(
    "/candidates/{candidate_id}",
    summary="Read a candidate",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 404),
)
async def get_candidate(
    candidate_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> CandidateRead:
    return _etag(response, await candidates.get_candidate(uow, candidate_id=candidate_id))


@router.patch(
    "/candidates/{candidate_id}",
    summary="Change a candidate (If-Match honoured)",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_candidate(
    candidate_id: uuid.UUID,
    body: CandidateUpdate,
    uow: UowDep,
    principal: Manager,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> CandidateRead:
    candidate = await candidates.update_candidate(
        uow, candidate_id=candidate_id, data=body, if_match=_version(if_match)
    )
    return _etag(response, candidate)
