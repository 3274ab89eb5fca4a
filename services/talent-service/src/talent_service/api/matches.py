"""Matching endpoints: ranked matches of an opening and invitations."""

from talent_service.api.schemas import BulkInvitationRead, InvitationRead, MatchPage
from talent_service.service import matching
from talent_service.service.inputs import BulkInvitationCreate, InvitationCreate
from talentloop_shared.auth.roles import Reader, Recruiter
from talentloop_shared.http import CursorQuery, LimitQuery, problem_responses
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["matches"])
matches = Resource(router, InvitationRead.from_row, writers=Recruiter, item="/matches/{match_id}")


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


matches.action(
    "invite",
    matching.invite_match,
    body=InvitationCreate | None,
    status_code=201,
    summary="Invite a matched candidate to the opening",
    description="Record the invitation and publish talent-invited; 409 when already invited.",
    errors=(404, 409),
)


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
