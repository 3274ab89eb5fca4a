"""Handlers of the events recruiting-service consumes (the consumer commits, not these)."""

from __future__ import annotations

from recruiting_service.service.courses import apply_course_changed
from recruiting_service.service.erasure import erase_candidate
from recruiting_service.service.invitations import accept_invitation
from recruiting_service.service.openings import apply_position_changed
from recruiting_service.service.people import apply_person_changed
from recruiting_service.service.vocabularies import apply_vocabulary_changed
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import (
    CandidateErased,
    CloudEvent,
    CourseChanged,
    PersonChanged,
    PositionChanged,
    TalentInvited,
    VocabularyChanged,
)


async def handle_position_changed(
    uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
) -> None:
    """Keep the opening current; re-screen or flag its applications when it changes."""
    await apply_position_changed(uow, payload=payload)


async def handle_talent_invited(uow: UnitOfWork, payload: TalentInvited, event: CloudEvent) -> None:
    """Open an application (source talent_pool) for a candidate HR invited from the pool."""
    await accept_invitation(uow, payload=payload)


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """Erase the person's data: anonymise the candidate, withdraw open applications."""
    await erase_candidate(uow, payload=payload)


async def handle_person_changed(uow: UnitOfWork, payload: PersonChanged, event: CloudEvent) -> None:
    """Keep the staff copy (panels, organisers, owners) at the newest version."""
    await apply_person_changed(uow, payload=payload)


async def handle_course_changed(uow: UnitOfWork, payload: CourseChanged, event: CloudEvent) -> None:
    """Keep the course catalogue's copy that rejection suggestions draw on."""
    await apply_course_changed(uow, payload=payload)


async def handle_vocabulary_changed(
    uow: UnitOfWork, payload: VocabularyChanged, event: CloudEvent
) -> None:
    """Keep HR's latest custom vocabulary of the kind (an older version is ignored)."""
    await apply_vocabulary_changed(uow, payload=payload)
