"""Candidates."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Response

from recruiting_service.api.schemas import CandidateRead
from recruiting_service.service import candidates, erasure, vocabularies
from recruiting_service.service.inputs import (
    CandidateCreate,
    CandidateUpdate,
    CandidateUpsert,
    Email,
)
from talentloop_shared.auth.roles import HrAdmin, Reader, Recruiter, Sourcer
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["candidates"])

EmailQuery = Annotated[
    Email | None, Query(description="find the candidate with this email (any case)")
]
ExternalIdPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        pattern=r"^\S(?:.*\S)?$",
        description="The id the integration (ERP, ATS) knows the person by",
    ),
]


async def education_spellings_in_force(uow: UowDep) -> None:
    """HR's education spellings for the body's validation: FastAPI solves a route's
    dependencies before its body, in the request's context, which the validator reads."""
    vocabularies.EDUCATION_IN_FORCE.set(await vocabularies.education_in_force(uow.session))


# Bodies with `education`: validated with HR's spellings too.
WITH_HR_SPELLINGS = [Depends(education_spellings_in_force)]


@router.post(
    "/candidates",
    status_code=201,
    dependencies=WITH_HR_SPELLINGS,
    summary="Register a candidate",
    description="HR, recruiters and integrations. `Idempotency-Key` makes a retry safe: the "
    "same key and body return the first response (`Idempotent-Replayed: true`) and register "
    "no one twice. Education, skills and languages accept the spellings people type "
    "(本科, 大专, BSc; Postgres; 普通话) and are stored canonically.",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_candidate(
    body: CandidateCreate, uow: UowDep, principal: Sourcer, response: Response
) -> CandidateRead:
    candidate = await candidates.create_candidate(uow, registration=body)
    response.headers["Location"] = f"/api/v1/candidates/{candidate.id}"
    set_etag(response, candidate.version)
    return CandidateRead.model_validate(candidate)


@router.get(
    "/candidates",
    summary="List candidates (or find one by email)",
    response_model=Page[CandidateRead],
    responses=problem_responses(401, 403, 422),
)
async def list_candidates(
    uow: UowDep,
    principal: Reader,
    email: EmailQuery = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[CandidateRead]:
    page = await candidates.list_candidates(uow, email=email, limit=limit, cursor=cursor)
    return page.map(CandidateRead.model_validate)


@router.put(
    "/candidates/by-external-id/{external_id}",
    dependencies=WITH_HR_SPELLINGS,
    summary="Create or update a candidate by an integration's id (idempotent)",
    description="201 when created, 200 when updated or unchanged. Fields you send replace "
    "the stored ones; fields you leave out keep their value (a new candidate needs `name` "
    "and `email`). Sending what is stored changes nothing: same version, same `updated_at`, "
    "so a nightly sync can PUT everyone every night. A candidate HR or an import already "
    "registered with that email (and no external id) is linked to this id. `If-Match` is "
    "optional (412 on a stale version, or on any version of a candidate not yet created). "
    "409 `candidate-erased` for a person erased at their request; 409 `duplicate-email` "
    "when the email belongs to a candidate with another external id.",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def upsert_candidate(
    external_id: ExternalIdPath,
    body: CandidateUpsert,
    uow: UowDep,
    principal: Sourcer,
    expected: IfMatch,
    response: Response,
) -> CandidateRead:
    candidate, created = await candidates.upsert_candidate(
        uow, external_id=external_id, data=body, expected=expected
    )
    if created:
        response.status_code = 201
        response.headers["Location"] = f"/api/v1/candidates/{candidate.id}"
    set_etag(response, candidate.version)
    return CandidateRead.model_validate(candidate)


@router.get(
    "/candidates/by-external-id/{external_id}",
    summary="Read a candidate by an integration's id",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_candidate_by_external_id(
    external_id: ExternalIdPath, uow: UowDep, principal: Reader, response: Response
) -> CandidateRead:
    candidate = await candidates.get_candidate_by_external_id(uow, external_id=external_id)
    set_etag(response, candidate.version)
    return CandidateRead.model_validate(candidate)


@router.get(
    "/candidates/{candidate_id}",
    summary="Read a candidate",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 404),
)
async def get_candidate(
    candidate_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> CandidateRead:
    candidate = await candidates.get_candidate(uow, candidate_id=candidate_id)
    set_etag(response, candidate.version)
    return CandidateRead.model_validate(candidate)


@router.patch(
    "/candidates/{candidate_id}",
    dependencies=WITH_HR_SPELLINGS,
    summary="Change a candidate (If-Match honoured)",
    response_model=CandidateRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_candidate(
    candidate_id: uuid.UUID,
    body: CandidateUpdate,
    uow: UowDep,
    principal: Recruiter,
    response: Response,
    expected: IfMatch,
) -> CandidateRead:
    candidate = await candidates.update_candidate(
        uow, candidate_id=candidate_id, update=body, expected=expected
    )
    set_etag(response, candidate.version)
    return CandidateRead.model_validate(candidate)


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
    await erasure.erase_on_request(uow, candidate_id=candidate_id, reason=reason, by=principal.sub)
    return Response(status_code=204)
