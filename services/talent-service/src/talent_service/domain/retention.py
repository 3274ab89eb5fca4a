"""Dates of the talent pool: when consent runs out and when to contact someone again.

All arithmetic is in calendar months with the day clamped to the month's end
(Aug 31 + 6 months = Feb 28, or Feb 29 in a leap year), which is what HR means by
"in six months". Pass timezone-aware datetimes; the time of day and zone are kept.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final, TypeVar

CONSENT_MONTHS: Final = 24
CONTACT_MONTHS: Final = 6
PENDING_RETENTION_DAYS: Final = 90

_When = TypeVar("_When", date, datetime)


@dataclass(frozen=True, slots=True)
class PoolPolicy:
    """How long the pool keeps people and when it reminds HR of them (from Settings)."""

    consent_months: int = CONSENT_MONTHS
    contact_months: int = CONTACT_MONTHS
    # Tags of candidates not (yet) pooled are dropped after this many days.
    pending_retention_days: int = PENDING_RETENTION_DAYS


def add_months(when: _When, months: int) -> _When:
    """Return `when` moved by whole calendar months, clamping the day to the month's end."""
    month_index = when.month - 1 + months
    year = when.year + month_index // 12
    month = month_index % 12 + 1
    day = min(when.day, calendar.monthrange(year, month)[1])
    return when.replace(year=year, month=month, day=day)


def consent_expires_at(consented_at: datetime, months: int = CONSENT_MONTHS) -> datetime:
    """Return when a talent-pool consent given at `consented_at` runs out."""
    _require_positive(months)
    return add_months(consented_at, months)


def next_contact_at(rejected_at: datetime, months: int = CONTACT_MONTHS) -> datetime:
    """Return when a candidate rejected at `rejected_at` is first due for re-contact."""
    _require_positive(months)
    return add_months(rejected_at, months)


def is_expired(expires_at: datetime, now: datetime) -> bool:
    """Whether a deadline has passed; the deadline instant itself counts as expired."""
    return now >= expires_at


def is_due(next_contact_at: datetime, now: datetime) -> bool:
    """Whether a re-contact reminder is due at `now`."""
    return now >= next_contact_at


def advance_contact(
    next_contact_at: datetime, now: datetime, months: int = CONTACT_MONTHS
) -> datetime:
    """Return the next reminder after HR marked the candidate contacted at `now`."""
    _require_positive(months)
    # Counted from the actual contact, not from the old due date: a reminder handled
    # late must not come due again right away, and re-anchoring on each contact keeps
    # month-end clamping from drifting (Aug 31 → Feb 28 → Aug 28 → …).
    advanced = add_months(now, months)
    # An early contact never pulls the next reminder before the one already scheduled.
    return max(advanced, next_contact_at)


def _require_positive(months: int) -> None:
    if months <= 0:
        raise ValueError(f"months must be positive, got {months}")
