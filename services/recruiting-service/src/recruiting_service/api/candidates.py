"""Candidates."""

import uuid
from typing import Annotated

from fastapi import Header, Query, Response

from recruiting_service.api.deps import HrAdmin, Manager, Reader
from recruiting_service.api.schemas import CandidateCreate, CandidateRead, CandidateUpdate
from recruiting_service.service import candidates, erasure
from talentloop_shared.events.envelope import utcnow
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


@router.delete(
    "/candidates/{candidate_id}",
    status_code=204,
    response_class=Response,
    summary="Erase a person's data at their request (publishes candidate-erased)",
    description=(
        "Erases the candidate's personal data for good, at the person's request (hr_admin "
        "only). The candidate keeps its id, anonymised (`name` `(erased)`, contact and "
        "profile cleared, `erased_at` set); open applications are withdrawn; rejection "
        "notices, the candidate's own screening values, interviewers' comments and "
        "free-text history reasons are removed, while ids, statuses, timestamps and scores "
        "stay for the statistics. `candidate-erased` is published in the same transaction, "
        "so every other service erases its copy (the talent pool included, whether or not "
        "the person consented to it). Afterwards writes to this candidate are refused with "
        "409 `candidate-erased`; a second erasure is refused the same way."
    ),
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def erase_candidate(
    candidate_id: uuid.UUID,
    uow: UowDep,
    principal: HrAdmin,
    reason: Annotated[
        str, Query(max_length=200, description="Why, as the event carries it (no personal data)")
    ] = "consent withdrawn",
) -> Response:
    await erasure.erase_on_request(
        uow, candidate_id=candidate_id, reason=reason, by=principal.sub, now=utcnow()
    )
    return Response(status_code=204)
