"""Use cases of matching pooled candidates to openings and inviting them.

Decisions: re-scoring an opening (new version with a changed title or requirements, or a
re-opening) replaces its matches except those already invited, which stay as HR saw them;
a match that is found again keeps its id. A closed position keeps its matches (listed with
the position's status) but they cannot be invited until it re-opens. A profile pooled or
re-tagged later is scored against every open position at once, so matches never wait for
the next position change.

HR hears of matches once: a scoring that finds someone HR was not told about for this
opening publishes `matches-found` (the opening with its owners, how many match, the best
five). A re-delivered or unchanged snapshot scores nothing, and a re-scoring that finds
only people already announced publishes nothing. People matched between scorings (pooled
or re-tagged later) are announced with the next scoring of the opening.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, or_, select

from talent_service.db.models import Invitation, Position, TalentMatch, TalentProfile
from talent_service.db.repositories import (
    MatchRepository,
    PositionRepository,
    ProfileRepository,
    lock_key,
)
from talent_service.domain import retention
from talent_service.domain.matching import (
    UNKNOWN_YEARS_RANK,
    Match,
    make_matcher,
    match_id,
    plan_scoring,
)
from talent_service.domain.matching import TalentProfile as MatchableProfile
from talent_service.service.inputs import BulkInvitationCreate, InvitationCreate
from talent_service.service.state import talent_state
from talent_service.service.vocabularies import skills_in_force
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict
from talentloop_shared.events.payloads import (
    CandidateInfo,
    MatchesFound,
    MatchSummary,
    PositionChanged,
    PositionRef,
    Requirements,
    TalentInvited,
)
from talentloop_shared.pagination import Keyset, Page, bad_cursor

# How many of the best matches `matches-found` names.
TOP_MATCHES = 5

# Best first: (score desc, years_rank desc, profile_id asc), as domain.rank orders.
MATCHES = Keyset(int, float, str)


class NotInvitable(Conflict):
    """409: the match (or every match of the position) cannot be invited now."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail, type_="not-invitable")


@dataclass(frozen=True, slots=True)
class ScoringResult:
    """What scoring one opening found: matches written (invited ones are kept as they
    were), how many of them HR had not been told about, and whether it was announced."""

    position_id: str
    matched: int
    fresh: int
    announced: bool


class MatchRow(NamedTuple):
    """A match with its pooled candidate and the invitation, if one was sent."""

    match: TalentMatch
    profile: TalentProfile
    invitation_id: uuid.UUID | None


@dataclass(slots=True)
class MatchListing:
    """One page of a position's ranked matches, with counts over all of them."""

    position: Position
    page: Page[MatchRow]
    total: int
    strength_counts: dict[str, int]


@dataclass(slots=True)
class BulkInvitation:
    """What a one-step invitation of several matches did."""

    invited: list[Invitation] = field(default_factory=list)
    skipped: list[tuple[uuid.UUID, str]] = field(default_factory=list)


def _years_rank(years: float | None) -> float:
    return UNKNOWN_YEARS_RANK if years is None else float(years)


def _matchable(profile: TalentProfile) -> MatchableProfile:
    return MatchableProfile(
        id=profile.id,
        years_experience=profile.years_experience,
        skills=frozenset(profile.skills),
        strengths=frozenset(profile.strengths),
        industries=frozenset(profile.industries),
    )


def _row_profile(row: Any) -> MatchableProfile:
    """A matchable profile from a (id, years, skills, strengths, industries) row."""
    return MatchableProfile(
        id=row[0],
        years_experience=row[1],
        skills=frozenset(row[2]),
        strengths=frozenset(row[3]),
        industries=frozenset(row[4]),
    )


def _match_values(position: Position, match: Match, now: datetime) -> dict[str, Any]:
    return {
        "id": match_id(position.id, match.profile_id),
        "position_id": position.id,
        "profile_id": match.profile_id,
        "position_version": position.version,
        "score": match.score,
        "years_rank": _years_rank(match.years_experience),
        "explanation": match.explanation,
        "matched_required": list(match.matched_required),
        "missing_required": list(match.missing_required),
        "strength_tags": list(match.strength_tags_matched),
        "created_at": now,
        "invited_at": None,
    }


async def record_position_change(uow: UnitOfWork, change: PositionChanged) -> ScoringResult | None:
    """Keep the local copy of a position current and (re)score the pool when it opens."""
    snapshot = change.position
    await lock_key(uow.session, f"position:{snapshot.id}")
    positions = PositionRepository(uow.session)
    position = await positions.get_for_update(snapshot.id)
    if position is not None and snapshot.version <= position.version:
        return None  # a duplicate or an older version arriving late: nothing to change
    requirements = snapshot.requirements.model_dump(mode="json")
    # Only what matching reads triggers a re-score; a move, a headcount edit or new owners
    # keep the matches (and their ids, which HR may be looking at) as they are.
    needs_scoring = snapshot.status == "open" and (
        position is None
        or position.status != "open"
        or position.title != snapshot.title
        or position.requirements != requirements
    )
    if position is None:
        position = positions.add(Position(id=snapshot.id, version=snapshot.version))
    position.version = snapshot.version
    position.title = snapshot.title
    position.job_family = snapshot.job_family
    position.org_unit_name = snapshot.org_unit.name
    position.status = snapshot.status
    position.requirements = requirements
    position.owners = snapshot.owners.model_dump(mode="json", exclude_none=True)
    position.titles = dict(snapshot.titles)
    await uow.session.flush()
    if not needs_scoring:
        return None
    return await score_position(uow, position, now=uow.clock.now())


async def score_position(uow: UnitOfWork, position: Position, *, now: datetime) -> ScoringResult:
    """Score every consented, unexpired profile against an opening and replace its matches
    (invited ones stay); announce the matches when HR has not heard of some of them."""
    plan = plan_scoring(
        Requirements.model_validate(position.requirements),
        position.title,
        vocabulary=await skills_in_force(uow.session),
    )
    matches = MatchRepository(uow.session)
    version = position.version
    # The database scores the pool where it lies (db.scoring); a first scoring inserts,
    # a re-scoring refreshes what is found again and then drops what is not.
    refresh = await matches.has_matches(position.id)
    written, fresh = await matches.score_pool(
        plan, position_id=position.id, version=version, now=now, refresh=refresh
    )
    # The few profiles whose years SQL cannot print exactly as Python does.
    matcher = make_matcher(plan)
    odd = [
        _match_values(position, m, now)
        for r in await matches.odd_years_candidates(now, plan)
        if (m := matcher(_row_profile(r))) is not None
    ]
    if odd:
        more, more_fresh = await matches.write_scored(odd, version=version)
        written, fresh = written + more, fresh + more_fresh
    if refresh:
        await matches.delete_stale(position.id, version)
    position.scored_at = now
    if fresh:
        await _announce(uow, position, matched=written, now=now)
    return ScoringResult(
        position_id=position.id, matched=written, fresh=fresh, announced=bool(fresh)
    )


def position_ref(position: Position) -> PositionRef:
    """The position as events name it, with its owners and translated titles."""
    return PositionRef.model_validate(position, from_attributes=True)


async def _announce(uow: UnitOfWork, position: Position, *, matched: int, now: datetime) -> None:
    """Publish matches-found: how many match the opening and the best of them."""
    matches = MatchRepository(uow.session)
    count = matched + await matches.count_invited_offered(position.id, now)
    top = await matches.top_offered(position.id, now, TOP_MATCHES)
    uow.publish(
        MatchesFound(
            position=position_ref(position),
            count=count,
            top=[
                MatchSummary(
                    talent_id=match.profile_id,
                    name=name,
                    score=match.score,
                    explanation=match.explanation,
                )
                for match, name in top
            ],
        ),
        subject=f"positions/{position.id}",
    )


async def match_profile_to_open_positions(
    uow: UnitOfWork, profile: TalentProfile, *, now: datetime
) -> int:
    """Score one (new or re-tagged) profile against every open position; matches found.
    The matches are written, and those it no longer makes dropped, in one statement each
    however many positions are open."""
    if _out_of_reach(profile, now) is not None:
        return 0
    matchable = _matchable(profile)
    vocabulary = await skills_in_force(uow.session)
    matchers = talent_state(uow).matchers
    found: list[dict[str, Any]] = []
    lost: list[str] = []
    for position in await PositionRepository(uow.session).open_positions():
        match = matchers.matcher(
            position.id, position.version, position.title, position.requirements, vocabulary
        )(matchable)
        if match is None:
            lost.append(position.id)
        else:
            found.append(_match_values(position, match, now))
    matches = MatchRepository(uow.session)
    await matches.delete_uninvited_to(lost, profile.id)
    await matches.upsert_each(found)
    return len(found)


async def list_matches(
    uow: UnitOfWork, *, position_id: str, limit: int, cursor: str | None
) -> MatchListing:
    """A position's matches ranked (score, experience, id), with counts by strength."""
    now = uow.clock.now()
    position = await PositionRepository(uow.session).get_or_raise(position_id)
    stmt = (
        select(TalentMatch, TalentProfile, Invitation.id)
        .join(TalentProfile, TalentProfile.id == TalentMatch.profile_id)
        .outerjoin(Invitation, Invitation.match_id == TalentMatch.id)
        .where(TalentMatch.position_id == position_id, TalentProfile.consent_expires_at > now)
    )
    if (after := MATCHES.decode(cursor)) is not None:
        score, years, profile_id = after
        if not 0 <= score <= 100:  # a score column holds no more (and int4 no more than 2³¹)
            raise bad_cursor()
        stmt = stmt.where(
            or_(
                TalentMatch.score < score,
                and_(TalentMatch.score == score, TalentMatch.years_rank < years),
                and_(
                    TalentMatch.score == score,
                    TalentMatch.years_rank == years,
                    TalentMatch.profile_id > profile_id,
                ),
            )
        )
    stmt = stmt.order_by(
        TalentMatch.score.desc(), TalentMatch.years_rank.desc(), TalentMatch.profile_id
    ).limit(limit + 1)
    rows = [MatchRow(*row) for row in (await uow.session.execute(stmt)).all()]
    repo = MatchRepository(uow.session)
    return MatchListing(
        position=position,
        page=MATCHES.page(
            rows, limit, key=lambda r: (r.match.score, r.match.years_rank, r.match.profile_id)
        ),
        total=await repo.count_offered(position_id, now),
        strength_counts=await repo.strength_counts(position_id, now),
    )


def _candidate_info(profile: TalentProfile) -> CandidateInfo:
    info = CandidateInfo.model_validate(profile, from_attributes=True)
    # Everyone in the pool consented to it (the profile keeps no flag that could say no).
    return info.model_copy(update={"talent_pool_consent": True})


def _out_of_reach(profile: TalentProfile | None, now: datetime) -> str | None:
    """Why a pooled person may not be matched or invited at `now`, or None. The SQL of
    scoring (`db.scoring.in_matching`) and the reminders test the same."""
    if profile is None or retention.is_expired(profile.consent_expires_at, now):
        return "the candidate's talent-pool consent has expired"
    if profile.hired_at is not None:
        return "the candidate was hired since"
    if profile.declined_contact_at is not None:
        return "the candidate said in the survey that they are not open to future roles"
    return None


def _refusal(
    match: TalentMatch, profile: TalentProfile | None, position: Position, now: datetime
) -> str | None:
    if match.invited_at is not None:
        return "already invited"
    if (reason := _out_of_reach(profile, now)) is not None:
        return reason
    if position.status != "open":
        return "the position is closed"
    return None


def _invite(
    uow: UnitOfWork,
    match: TalentMatch,
    profile: TalentProfile,
    position: Position,
    *,
    by: str,
    message: str | None,
    now: datetime,
) -> Invitation:
    invitation = Invitation(
        id=uuid.uuid4(),
        match_id=match.id,
        profile_id=profile.id,
        position_id=position.id,
        invited_by=by,
        message=message,
        invited_at=now,
    )
    uow.session.add(invitation)
    match.invited_at = now
    ProfileRepository(uow.session).record(
        profile.id, at=now, action="invited", detail=f"invited to {position.title}", actor=by
    )
    uow.publish(
        TalentInvited(
            invitation_id=str(invitation.id),
            match_id=str(match.id),
            invited_by=by,
            invited_at=now,
            candidate=_candidate_info(profile),
            position=position_ref(position),
            message=message,
            explanation=match.explanation,
        ),
        subject=f"talents/{profile.id}",
    )
    return invitation


async def invite_match(
    uow: UnitOfWork, *, match_id: uuid.UUID, invitation: InvitationCreate, by: str
) -> Invitation:
    """Invite a matched candidate to the opening (once); publishes talent-invited."""
    now = uow.clock.now()
    match = await MatchRepository(uow.session).get_or_raise(match_id, for_update=True)
    profile = await ProfileRepository(uow.session).get(match.profile_id)
    position = await PositionRepository(uow.session).get(match.position_id)
    assert position is not None  # a match cannot outlive its position (foreign key)
    if (refusal := _refusal(match, profile, position, now)) is not None:
        raise NotInvitable(f"match {match_id} cannot be invited: {refusal}")
    assert profile is not None
    row = _invite(uow, match, profile, position, by=by, message=invitation.message, now=now)
    await uow.commit()
    return row


async def invite_matches(
    uow: UnitOfWork, *, position_id: str, invitation: BulkInvitationCreate, by: str
) -> BulkInvitation:
    """Invite several matches of one opening at once (by ids or by a minimum score)."""
    now = uow.clock.now()
    match_ids, message = invitation.match_ids, invitation.message
    await lock_key(uow.session, f"position:{position_id}")
    position = await PositionRepository(uow.session).get_or_raise(position_id)
    if position.status != "open":
        raise NotInvitable(f"position {position_id} is closed")
    stmt = (
        select(TalentMatch, TalentProfile)
        .join(TalentProfile, TalentProfile.id == TalentMatch.profile_id)
        .where(TalentMatch.position_id == position_id)
        .order_by(TalentMatch.score.desc(), TalentMatch.years_rank.desc(), TalentMatch.profile_id)
        .with_for_update(of=TalentMatch)
    )
    if match_ids is not None:
        stmt = stmt.where(TalentMatch.id.in_(list(match_ids)))
    else:
        stmt = stmt.where(
            TalentMatch.score >= (invitation.min_score or 0),
            TalentMatch.invited_at.is_(None),
            TalentProfile.consent_expires_at > now,
        ).limit(invitation.limit)
    result = BulkInvitation()
    seen: set[uuid.UUID] = set()
    for match, profile in (await uow.session.execute(stmt)).all():
        seen.add(match.id)
        if (refusal := _refusal(match, profile, position, now)) is not None:
            result.skipped.append((match.id, refusal))
            continue
        result.invited.append(
            _invite(uow, match, profile, position, by=by, message=message, now=now)
        )
    for missing in dict.fromkeys(match_ids or ()):
        if missing not in seen:
            result.skipped.append((missing, "not a match of this position"))
    await uow.commit()
    return result
