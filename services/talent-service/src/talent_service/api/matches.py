"""Matching endpoints: ranked matches of an opening and invitations."""

import uuid

from talent_service.api.deps import Actor, Reader
from talent_service.api.schemas import (
    BulkInvitationCreate,
    BulkInvitationRead,
    InvitationCreate,
    InvitationRead,
    MatchPage,
    MatchRead,
    PositionSummary,
    SkippedMatch,
)
from talent_service.db.models import Invitation
from talent_service.service import matching
from talentloop_shared.events.envelope import utcnow
from talentloop_shared.http import problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["matches"])


def _invitation(i: Invitation) -> InvitationRead:
    return InvitationRead(
        id=i.id,
        match_id=i.match_id,
        talent_id=i.profile_id,
        position_id=i.position_id,
        invited_by=i.invited_by,
        invited_at=i.invited_at,
        message=i.message,
    )


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
    listing = await matching.list_matches(
        uow, position_id=position_id, limit=limit, cursor=cursor, now=utcnow()
    )
    p = listing.position
    return MatchPage(
        position=PositionSummary(
            id=p.id, version=p.version, title=p.title, status=p.status, scored_at=p.scored_at
        ),
        items=[
            MatchRead(
                id=m.id,
                position_id=m.position_id,
                position_version=m.position_version,
                talent_id=m.profile_id,
                name=t.name,
                years_experience=t.years_experience,
                score=m.score,
                explanation=m.explanation,
                matched_required=list(m.matched_required),
                missing_required=list(m.missing_required),
                strength_tags=list(m.strength_tags),
                open_to_contact=t.open_to_contact,
                invited_at=m.invited_at,
                invitation_id=invitation_id,
            )
            for m, t, invitation_id in listing.rows
        ],
        next_cursor=listing.next_cursor,
        total=listing.total,
        strength_counts=listing.strength_counts,
    )


@router.post(
    "/matches/{match_id}/invite",
    summary="Invite a matched candidate to the opening",
    status_code=201,
    response_model=InvitationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_match(
    match_id: uuid.UUID, uow: UowDep, principal: Actor, body: InvitationCreate | None = None
) -> InvitationRead:
    """Record the invitation and publish talent-invited; 409 when already invited."""
    invitation = await matching.invite_match(
        uow,
        match_id=match_id,
        by=principal.sub,
        message=body.message if body else None,
        now=utcnow(),
    )
    return _invitation(invitation)


@router.post(
    "/positions/{position_id}/matches/invite",
    summary="Invite several matched candidates in one step",
    response_model=BulkInvitationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_matches(
    position_id: str, body: BulkInvitationCreate, uow: UowDep, principal: Actor
) -> BulkInvitationRead:
    """Invite by match ids or every uninvited match from `min_score`; reports skips."""
    result = await matching.invite_matches(
        uow,
        position_id=position_id,
        match_ids=body.match_ids,
        min_score=body.min_score,
        limit=body.limit,
        by=principal.sub,
        message=body.message,
        now=utcnow(),
    )
    return BulkInvitationRead(
        invited=[_invitation(i) for i in result.invited],
        skipped=[SkippedMatch(match_id=m, reason=r) for m, r in result.skipped],
    )
