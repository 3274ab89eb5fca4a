"""When to send: the configured delay, the candidate's quiet hours, and retry backoff.

All arithmetic on instants is done in UTC; the candidate's zone is used only to ask
"what time is it on their clock", which keeps the result right across DST changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from talentloop_shared.i18n import zone_or_utc

__all__ = [
    "DEFAULT_QUIET_END",
    "DEFAULT_QUIET_START",
    "MAX_ATTEMPTS",
    "compute_send_at",
    "in_quiet_hours",
    "next_retry_at",
    "should_retry",
]

DEFAULT_QUIET_START: Final = time(21, 0)
DEFAULT_QUIET_END: Final = time(8, 0)

MAX_ATTEMPTS: Final = 8
"""Send attempts before a notice is marked failed: with the default backoff the retries
span about two hours (30 s, 1, 2, 4, 8, 16, 32, 60 min), long enough to ride out an SMTP
or SMS-gateway outage without leaving the candidate waiting a day."""


def _as_utc(moment: datetime) -> datetime:
    # Naive datetimes come from tests and old rows; the contract says all times are UTC.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def in_quiet_hours(local: time, *, quiet_start: time, quiet_end: time) -> bool:
    """Whether wall-clock `local` falls in [quiet_start, quiet_end); equal bounds = none."""
    local = local.replace(tzinfo=None)
    if quiet_start == quiet_end:
        return False
    if quiet_start < quiet_end:  # e.g. 12:00–14:00, same day
        return quiet_start <= local < quiet_end
    return local >= quiet_start or local < quiet_end  # crosses midnight, e.g. 21:00–08:00


def compute_send_at(
    rejected_at: datetime,
    *,
    delay_minutes: int,
    tz: str | None,
    quiet_start: time = DEFAULT_QUIET_START,
    quiet_end: time = DEFAULT_QUIET_END,
) -> datetime:
    """When to send a notice (UTC-aware): `rejected_at` + delay, moved out of quiet hours.

    If the candidate's local clock shows a quiet time at that instant, the notice moves to
    the end of the quiet window (`quiet_end` that day, or the next day when the window
    crosses midnight and it is still evening). If `quiet_end` does not exist that day
    (a DST gap), the first instant after the gap is used. An unknown `tz` means UTC.
    """
    if delay_minutes < 0:
        raise ValueError("delay_minutes must not be negative")
    due = _as_utc(rejected_at) + timedelta(minutes=delay_minutes)
    zone = zone_or_utc(tz)
    local = due.astimezone(zone)
    if not in_quiet_hours(local.time(), quiet_start=quiet_start, quiet_end=quiet_end):
        return due
    end_day: date = local.date()
    if quiet_start > quiet_end and local.time().replace(tzinfo=None) >= quiet_start:
        end_day += timedelta(days=1)
    return max(_first_existing(end_day, quiet_end, zone), due)


def _first_existing(day: date, wall: time, zone: tzinfo) -> datetime:
    """The UTC instant of local `day` `wall`, or of the first minute after it that exists."""
    start = datetime.combine(day, wall.replace(tzinfo=None))
    # A DST gap is at most a few hours; fold=0 takes the first of two repeated times.
    for minute in range(0, 24 * 60):
        local = (start + timedelta(minutes=minute)).replace(tzinfo=zone)
        instant = local.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None):
            return instant
    return start.replace(tzinfo=zone).astimezone(UTC)  # unreachable for real zones


def next_retry_at(
    attempt: int,
    now: datetime,
    *,
    base_seconds: float = 30,
    max_seconds: float = 3600,
) -> datetime:
    """When to try again after failed attempt number `attempt` (1-based): doubling, capped.

    Deterministic on purpose (easy to test and to explain in the notification's history);
    a dispatcher that sends in bulk may add its own jitter.
    """
    if attempt < 1:
        raise ValueError("attempt is 1-based")
    # Cap the exponent before computing it: attempt 500 must not build a huge integer.
    delay = min(max_seconds, base_seconds * 2 ** min(attempt - 1, 40))
    return _as_utc(now) + timedelta(seconds=delay)


def should_retry(attempt: int) -> bool:
    """Whether a notice whose attempt number `attempt` just failed gets another try."""
    return attempt < MAX_ATTEMPTS
