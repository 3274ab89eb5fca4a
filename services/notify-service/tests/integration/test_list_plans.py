"""HR's lists that grow with every rejection (notices, webhook deliveries) are read a page at
a time from an index in their own order, never sorted from the whole table (the same answer
at 20 rows or 2 million, so only the plan tells)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from notify_service.db.webhooks import WebhookDelivery
from notify_service.service.notice_reads import notices_page
from notify_service.service.surveys import feedback_totals
from notify_service.service.webhooks import DELIVERIES
from talentloop_shared.testing.plans import full_sorts, indexes_read, unsorted_pages


async def test_a_page_of_notices_is_read_from_an_index_not_sorted_from_the_whole_table(svc) -> None:
    """HR's list, newest first, whole or by status, first page or after a cursor: an index
    yields the rows in order. (Without one, each page sorted every notice: 17 ms at 6,000
    and linear beyond; it was what saturated notify in the ten-minute soak.)"""
    after = (datetime(2026, 11, 29, tzinfo=UTC), uuid.uuid4())
    pages = {
        "all": notices_page(limit=20),
        "all, after a cursor": notices_page(after=after, limit=20),
        "scheduled": notices_page(status="scheduled", limit=20),
        "failed, after a cursor": notices_page(status="failed", after=after, limit=20),
    }
    for name, statement in pages.items():
        async with svc.runtime.session_factory() as session:
            assert await full_sorts(session, statement) == [], name


async def test_a_subscriptions_deliveries_are_paged_from_an_index(svc) -> None:
    statement = select(WebhookDelivery).where(WebhookDelivery.subscription_id == uuid.uuid4())
    assert await unsorted_pages(svc.runtime.session_factory, DELIVERIES, statement) == []


async def test_the_feedback_of_a_period_reads_that_period_from_an_index(svc) -> None:
    """A month's dashboard reads that month's notices of the kind, not every notice ever
    sent (the index is on an expression: the query must spell it the same way)."""
    statement = feedback_totals(
        "week",
        kind="rejection",
        job_family=None,
        template_id=None,
        sent_from=datetime(2026, 11, 1, tzinfo=UTC),
        sent_before=datetime(2026, 12, 1, tzinfo=UTC),
    )
    async with svc.runtime.session_factory() as session:
        searched = await indexes_read(session, statement)
    # Searched by the period too, not by kind alone (then read all of the kind's notices).
    condition = searched.get("ix_notifications_kind_moment", "")
    assert "COALESCE(" in condition and "2026-12-01" in condition, searched
