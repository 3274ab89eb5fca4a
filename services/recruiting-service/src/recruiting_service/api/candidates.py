"""Candidates."""

from typing import Annotated

from fastapi import Depends, Query, Response
from pydantic import BaseModel

from recruiting_service.api.schemas import CandidateRead
from recruiting_service.service import candidates, erasure, vocabularies
from recruiting_service.service.inputs import (
    CandidateCreate,
    CandidateUpdate,
    CandidateUpsert,
    Email,
)
from talentloop_shared.auth.roles import HrAdmin, Reader, Recruiter, Sourcer
from talentloop_shared.http.codes import code_path
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["candidates"])

EmailQuery = Annotated[
    Email | None, Query(description="find the candidate with this email (any case)")
]
ExternalIdPath = code_path("The id the integration (ERP, ATS) knows the person by", max_length=200)


async def education_spellings_in_force(uow: UowDep) -> None:
    """HR's education spellings for the body's validation: FastAPI solves a route's
    dependencies before its body, in the request's context, which the validator reads."""
    vocabularies.EDUCATION_IN_FORCE.set(await vocabularies.education_in_force(uow.session))


# Bodies with `education`: validated with HR's spellings too.
WITH_HR_SPELLINGS = [Depends(education_spellings_in_force)]


candidate = Resource(
    router,
    CandidateRead,
    readers=Reader,
    writers=Sourcer,
    item="/candidates/{candidate_id}",
    params={"external_id": ExternalIdPath},
)


class CandidateFilters(BaseModel):
    """Which candidates to list."""

    email: EmailQuery = None


class ErasureQuery(BaseModel):
    """Why the person's data is erased, as the event carries it."""

    reason: Annotated[
        str, Query(max_length=200, description="Why, as the event carries it (no personal data)")
    ] = "consent withdrawn"


candidate.create(
    candidates.create_candidate,
    CandidateCreate,
    dependencies=WITH_HR_SPELLINGS,
    summary="Register a candidate",
    description="HR, recruiters and integrations. `Idempotency-Key` makes a retry safe: the "
    "same key and body return the first response (`Idempotent-Replayed: true`) and register "
    "no one twice. Education, skills and languages accept the spellings people type "
    "(本科, 大专, BSc; Postgres; 普通话) and are stored canonically.",
    errors=(409,),
)
candidate.page(
    candidates.list_candidates, CandidateFilters, summary="List candidates (or find one by email)"
)
candidate.upsert(
    "/candidates/by-external-id/{external_id}",
    candidates.upsert_candidate,
    CandidateUpsert,
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
    errors=(409,),
)
candidate.get(
    candidates.get_candidate_by_external_id,
    path="/candidates/by-external-id/{external_id}",
    summary="Read a candidate by an integration's id",
)
candidate.get(candidates.get_candidate, summary="Read a candidate")
candidate.update(
    candidates.update_candidate,
    CandidateUpdate,
    role=Recruiter,
    dependencies=WITH_HR_SPELLINGS,
    summary="Change a candidate (If-Match honoured)",
    errors=(404, 409),
)
candidate.delete(
    erasure.erase_on_request,
    role=HrAdmin,
    query=ErasureQuery,
    response_class=Response,
    name="erase_candidate",
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
    errors=(404, 409),
)
