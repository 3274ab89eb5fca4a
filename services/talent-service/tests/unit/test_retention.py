from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from talent_service.domain.retention import (
    add_months,
    advance_contact,
    consent_expires_at,
    is_due,
    is_expired,
    next_contact_at,
)

SHANGHAI = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # leap year
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 7, 15), 6, date(2026, 1, 15)),  # crosses the year
        (date(2025, 12, 1), 12, date(2026, 12, 1)),
        (date(2025, 12, 31), 1, date(2026, 1, 31)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps_day(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_next_contact_keeps_time_and_zone() -> None:
    rejected = datetime(2025, 8, 31, 23, 15, tzinfo=SHANGHAI)
    assert next_contact_at(rejected) == datetime(2026, 2, 28, 23, 15, tzinfo=SHANGHAI)
    assert next_contact_at(rejected, months=1) == datetime(2025, 9, 30, 23, 15, tzinfo=SHANGHAI)


def test_consent_expires_after_24_months_by_default() -> None:
    consented = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
    assert consent_expires_at(consented) == datetime(2028, 1, 10, 8, 0, tzinfo=UTC)
    assert consent_expires_at(consented, months=12) == datetime(2027, 1, 10, 8, 0, tzinfo=UTC)


def test_is_expired_and_is_due_include_the_instant_itself() -> None:
    deadline = datetime(2026, 1, 1, tzinfo=UTC)
    assert not is_expired(deadline, deadline - timedelta(seconds=1))
    assert is_expired(deadline, deadline)
    assert is_expired(deadline, deadline + timedelta(days=1))
    assert not is_due(deadline, deadline - timedelta(microseconds=1))
    assert is_due(deadline, deadline)


def test_advance_contact_counts_from_the_contact() -> None:
    due = datetime(2026, 2, 28, 9, 0, tzinfo=UTC)
    late_contact = datetime(2026, 5, 31, 10, 0, tzinfo=UTC)
    assert advance_contact(due, late_contact, 6) == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def test_advance_contact_never_moves_a_reminder_earlier() -> None:
    due = datetime(2027, 6, 1, tzinfo=UTC)
    very_early = datetime(2026, 1, 1, tzinfo=UTC)
    assert advance_contact(due, very_early, 3) == due


def test_advance_contact_does_not_drift_at_month_end() -> None:
    due = next_contact_at(datetime(2025, 8, 31, tzinfo=UTC))  # Feb 28
    contacted = datetime(2026, 2, 28, tzinfo=UTC)
    assert advance_contact(due, contacted, 6) == datetime(2026, 8, 28, tzinfo=UTC)


@pytest.mark.parametrize("months", [0, -6])
def test_non_positive_periods_are_refused(months: int) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        next_contact_at(now, months)
    with pytest.raises(ValueError):
        consent_expires_at(now, months)
    with pytest.raises(ValueError):
        advance_contact(now, now, months)
