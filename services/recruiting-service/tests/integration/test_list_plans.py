"""Each list that grows with the hiring (applications, candidates, interviews, the policy's
decisions) pages through an index in its own order: a page reads its rows, never every row
of the table (the same answer at 20 rows or 2 million, so only the plan tells)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from recruiting_service.db.models import Candidate, Interview, PolicyDecision
from recruiting_service.db.reads import applications_query
from recruiting_service.service.candidates import CANDIDATES
from recruiting_service.service.interviews import INTERVIEWS
from recruiting_service.service.policy import DECISIONS
from talentloop_shared.testing.plans import full_sorts, sample_key, unsorted_pages

LISTS = {
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


@pytest.mark.parametrize("status", [None, "screening"])
async def test_the_applications_list_as_the_api_reads_it_is_served_by_an_index(svc, status) -> None:
    after = sample_key([datetime, uuid.UUID])
    for key in (None, after):
        statement = applications_query(after=key, status=status).sql(20)
        async with svc.runtime.session_factory() as session:
            assert await full_sorts(session, statement) == [], key
