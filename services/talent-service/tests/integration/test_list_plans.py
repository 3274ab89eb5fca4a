"""The pool's lists (search, re-contact reminders, development plans) page through an index
in their own order: a page reads its rows, never every profile of the pool."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from talent_service.db.models import DevelopmentPlan, TalentProfile
from talent_service.service.development import PLANS
from talent_service.service.reminders import REMINDERS
from talent_service.service.talents import TALENTS
from talentloop_shared.testing.plans import unsorted_pages

NOW = datetime(2026, 11, 29, tzinfo=UTC)
LISTS = {
    "the pool, newest first": (
        TALENTS,
        select(TalentProfile).where(TalentProfile.consent_expires_at > NOW),
    ),
    "due for re-contact": (
        REMINDERS,
        select(TalentProfile).where(TalentProfile.next_contact_at <= NOW),
    ),
    "development plans": (PLANS, select(DevelopmentPlan)),
}


@pytest.mark.parametrize("name", LISTS)
async def test_a_page_is_read_from_an_index_not_sorted_from_the_whole_pool(talent, name) -> None:
    order, statement = LISTS[name]
    assert await unsorted_pages(talent.svc.runtime.session_factory, order, statement) == []
