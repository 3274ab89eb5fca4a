"""Use cases of new hires' development plans.

A hire (`candidate-hired`, with the scorecard's gaps) seeds one plan per application: the
catalogue's active courses that cover each gap (`domain.courses`: a course skill in the
panel's text, the dimension's key or its name), most gaps covered first. The plan keeps the
courses as they were, so a later change of the catalogue does not rewrite it. The same hire
reported again (a retry, a re-publication under a new event id) keeps the first plan. A
pooled person who is hired leaves matching: their uninvited matches go, and no opening is
scored against them any more (invited matches stay, as HR acted on them).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from talent_service.db.models import Course, DevelopmentPlan
from talent_service.db.repositories import (
    DevelopmentPlanRepository,
    MatchRepository,
    PendingTagRepository,
    ProfileRepository,
    lock_key,
)
from talent_service.domain import courses as course_rules
from talent_service.service.courses import catalogue, rule_courses
from talent_service.service.erasure import erased_on_request
from talentloop_shared.db import KeysetOrder, UnitOfWork, where_given
from talentloop_shared.events.payloads import CandidateHired
from talentloop_shared.logging import get_logger
from talentloop_shared.pagination import Page

# Newest first: (created_at, id) descending.
PLANS = KeysetOrder(DevelopmentPlan.created_at, DevelopmentPlan.id, descending=True)

log = get_logger(__name__)


def _course_snapshot(course: Course) -> dict[str, Any]:
    return {
        "id": str(course.id),
        "version": course.version,
        "title": course.title,
        "provider": course.provider,
        "url": course.url,
        "skills": list(course.skills),
        "locales": list(course.locales),
    }


async def seed_development_plan(uow: UnitOfWork, hire: CandidateHired) -> DevelopmentPlan | None:
    """Create the new hire's plan from the courses for their gaps (once per application)
    and take them out of pool matching; None when they asked to be erased before."""
    person = hire.candidate
    await lock_key(uow.session, f"talent:{person.id}")
    if await erased_on_request(uow, person.id, kind="candidate-hired"):
        return None
    plans = DevelopmentPlanRepository(uow.session)
    if (existing := await plans.of_application(hire.application_id)) is not None:
        return existing
    on_offer = await catalogue(uow)
    chosen = course_rules.courses_for_dimension_gaps(hire.gaps, rule_courses(on_offer))
    plan = plans.add(
        DevelopmentPlan(
            id=uuid.uuid4(),
            person_id=person.id,
            application_id=hire.application_id,
            name=person.name,
            locale=person.locale,
            position_id=hire.position.id,
            position=hire.position.model_dump(mode="json", exclude_none=True),
            hired_at=hire.hired_at,
            decided_by=hire.decided_by,
            gaps=[
                {
                    **gap.model_dump(mode="json"),
                    "course_ids": [s.course.id for s in chosen if gap.dimension in s.covers],
                }
                for gap in hire.gaps
            ],
            courses=[
                {"course": _course_snapshot(on_offer[s.course.id]), "covers": list(s.covers)}
                for s in chosen
            ],
            created_at=uow.clock.now(),
        )
    )
    await _leave_matching(uow, hire)
    log.info(
        "talent.development_plan_seeded",
        plan_id=str(plan.id),
        application_id=hire.application_id,
        gaps=len(hire.gaps),
        courses=len(chosen),
    )
    return plan


async def _leave_matching(uow: UnitOfWork, hire: CandidateHired) -> None:
    """A pooled person who was hired is matched to no opening any more; of someone never
    pooled, what interviewers said (held for a pooling that will not come) is dropped."""
    profiles = ProfileRepository(uow.session)
    profile = await profiles.get_for_update(hire.candidate.id)
    if profile is None:
        await PendingTagRepository(uow.session).purge(hire.candidate.id)
        return
    if profile.hired_at is None:
        profile.hired_at = hire.hired_at
    await MatchRepository(uow.session).delete_uninvited_of_profile(profile.id)
    profiles.record(
        profile.id,
        at=uow.clock.now(),
        action="hired",
        detail=f"hired for {hire.position.title}",
        actor=hire.decided_by,
    )


async def get_plan(uow: UnitOfWork, *, plan_id: uuid.UUID) -> DevelopmentPlan:
    """One development plan."""
    return await DevelopmentPlanRepository(uow.session).get_or_raise(plan_id)


async def list_plans(
    uow: UnitOfWork,
    *,
    person_id: str | None,
    application_id: str | None,
    limit: int,
    cursor: str | None,
) -> Page[DevelopmentPlan]:
    """Development plans, newest first, of one person or one application if given."""
    stmt = where_given(select(DevelopmentPlan), person_id=person_id, application_id=application_id)
    return await PLANS.page(uow.session, stmt, cursor=cursor, limit=limit)
