"""Matching endpoints: ranked matches of an opening and invitations."""

import uuid

from talent_service.api.schemas import BulkInvitationRead, InvitationRead, MatchPage
from talent_service.service import matching
from talent_service.service.inputs import BulkInvitationCreate, InvitationCreate
from talentloop_shared.auth.roles import Reader, Recruiter
from talentloop_shared.http import CursorQuery, LimitQuery, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["matches"])


@router.get(
    "/positions/{position_id}/matches",
    summary="Ranked pooled candidates matching an opening",
    response_model=MatchPage,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_matches(
    position_id: str, uow: UowDep, _: Reader, limit: LimitQuery = 50, cursor: CursorQuery = None
) -> MatchPage:
    """Matches by score, with counts by strength tag ("10 match 'data analysis'")."""
    listing = await matching.list_matches(uow, position_id=position_id, limit=limit, cursor=cursor)
    return MatchPage.from_listing(listing)


@router.post(
    "/matches/{match_id}/invite",
    summary="Invite a matched candidate to the opening",
    status_code=201,
    response_model=InvitationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_match(
    match_id: uuid.UUID, uow: UowDep, principal: Recruiter, body: InvitationCreate | None = None
) -> InvitationRead:
    """Record the invitation and publish talent-invited; 409 when already invited."""
    invitation = await matching.invite_match(
        uow, match_id=match_id, invitation=body or InvitationCreate(), by=principal.sub
    )
    return InvitationRead.from_row(invitation)


@router.post(
    "/positions/{position_id}/matches/invite",
    summary="Invite several matched candidates in one step",
    response_model=BulkInvitationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_matches(
    position_id: str, body: BulkInvitationCreate, uow: UowDep, principal: Recruiter
) -> BulkInvitationRead:
    """Invite by match ids or every uninvited match from `min_score`; reports skips."""
    result = await matching.invite_matches(
        uow, position_id=position_id, invitation=body, by=principal.sub
    )
    return BulkInvitationRead.from_result(result)
