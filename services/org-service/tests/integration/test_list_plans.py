"""The org units, the staff directory and the positions (the lists ERP/OA systems page through
every night) are read a page at a time from an index in their own order, never sorted from
the whole table (the same answer at 20 rows or 20,000, so only the plan tells)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from org_service.db.models import OrgUnit, Person, PositionVersion
from org_service.db.reads import positions_query
from org_service.db.repositories import PEOPLE_BY_NAME, UNITS_BY_NAME, VERSIONS_IN_ORDER
from talentloop_shared.testing.plans import full_sorts, sample_key, unsorted_pages

LISTS = {
    "org units by name": (UNITS_BY_NAME, select(OrgUnit)),
    "a unit's children by name": (
        UNITS_BY_NAME,
        select(OrgUnit).where(OrgUnit.parent_id == uuid.uuid4()),
    ),
    "people by name": (PEOPLE_BY_NAME, select(Person)),
    "active people by name": (PEOPLE_BY_NAME, select(Person).where(Person.active.is_(True))),
    "a position's versions": (
        VERSIONS_IN_ORDER,
        select(PositionVersion).where(PositionVersion.position_id == uuid.uuid4()),
    ),
}


@pytest.mark.parametrize("name", LISTS)
async def test_a_page_is_read_from_an_index_not_sorted_from_the_whole_table(svc, name) -> None:
    order, statement = LISTS[name]
    assert await unsorted_pages(svc.runtime.session_factory, order, statement) == []


@pytest.mark.parametrize("status", [None, "open"])
async def test_the_positions_list_as_the_api_reads_it_is_served_by_an_index(svc, status) -> None:
    for after in (None, sample_key([datetime, uuid.UUID])):
        statement = positions_query(after=after, status=status).sql(20)
        async with svc.runtime.session_factory() as session:
            assert await full_sorts(session, statement) == [], after
