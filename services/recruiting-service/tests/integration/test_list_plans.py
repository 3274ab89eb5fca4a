"""Each list that grows with the hiring (applications, candidates, interviews, the policy's
decisions) pages through an index in its own order: a page reads its rows, never every row
of the table (the same answer at 20 rows or 2 million, so only the plan tells)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from recruiting_service.db.models import Application, Candidate, Interview, PolicyDecision
from recruiting_service.service.applications import APPLICATIONS
from recruiting_service.service.candidates import CANDIDATES
from recruiting_service.service.interviews import INTERVIEWS
from recruiting_service.service.policy import DECISIONS
from talentloop_shared.testing.plans import unsorted_pages

LISTS = {
    "applications": (APPLICATIONS, select(Application)),
    "applications of a status": (
        APPLICATIONS,
        select(Application).where(Application.status == "screening"),
    ),
    "candidates": (CANDIDATES, select(Candidate)),
    "interviews": (INTERVIEWS, select(Interview)),
    "decisions": (DECISIONS, select(PolicyDecision)),
    "HR's queue of pending decisions": (
        DECISIONS,
        select(PolicyDecision).where(PolicyDecision.status == "pending"),
    ),
}


@pytest.mark.parametrize("name", LISTS)
async def test_a_page_is_read_from_an_index_not_sorted_from_the_whole_table(svc, name) -> None:
    order, statement = LISTS[name]
    assert await unsorted_pages(svc.runtime.session_factory, order, statement) == []
