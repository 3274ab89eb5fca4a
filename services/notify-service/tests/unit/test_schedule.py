from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from notify_service.domain.schedule import (
    MAX_ATTEMPTS,
    compute_send_at,
    in_quiet_hours,
    next_retry_at,
    should_retry,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


def local(zone, *args) -> datetime:
    return datetime(*args, tzinfo=zone)


def test_quiet_evening_moves_to_next_morning_local():
    rejected = local(SHANGHAI, 2026, 11, 25, 20, 30)  # +120 min → 22:30 local
    send_at = compute_send_at(rejected, delay_minutes=120, tz="Asia/Shanghai")
    assert send_at.tzinfo is not None and send_at.utcoffset() == timedelta(0)
    assert send_at.astimezone(SHANGHAI) == local(SHANGHAI, 2026, 11, 26, 8, 0)


def test_quiet_early_morning_moves_to_same_day_morning():
    rejected = local(SHANGHAI, 2026, 11, 26, 5, 0)
    send_at = compute_send_at(rejected, delay_minutes=60, tz="Asia/Shanghai")
    assert send_at.astimezone(SHANGHAI) == local(SHANGHAI, 2026, 11, 26, 8, 0)


def test_outside_quiet_hours_is_just_the_delay():
    rejected = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    send_at = compute_send_at(rejected, delay_minutes=120, tz="Asia/Shanghai")
    assert send_at == datetime(2026, 11, 25, 4, 0, tzinfo=UTC)
    assert send_at.tzinfo == UTC


def test_boundaries_are_half_open():
    at_end = local(SHANGHAI, 2026, 11, 26, 8, 0)
    assert compute_send_at(at_end, delay_minutes=0, tz="Asia/Shanghai") == at_end
    just_before = local(SHANGHAI, 2026, 11, 25, 20, 59)
    assert compute_send_at(just_before, delay_minutes=0, tz="Asia/Shanghai") == just_before
    at_start = local(SHANGHAI, 2026, 11, 25, 21, 0)
    moved = compute_send_at(at_start, delay_minutes=0, tz="Asia/Shanghai")
    assert moved.astimezone(SHANGHAI) == local(SHANGHAI, 2026, 11, 26, 8, 0)


def test_same_day_quiet_window():
    rejected = local(SHANGHAI, 2026, 11, 25, 12, 30)
    kw = {"tz": "Asia/Shanghai", "quiet_start": time(12), "quiet_end": time(14)}
    assert compute_send_at(rejected, delay_minutes=0, **kw).astimezone(SHANGHAI) == local(
        SHANGHAI, 2026, 11, 25, 14, 0
    )
    outside = local(SHANGHAI, 2026, 11, 25, 22, 0)
    assert compute_send_at(outside, delay_minutes=0, **kw) == outside


def test_empty_quiet_window_never_moves():
    rejected = local(SHANGHAI, 2026, 11, 25, 23, 0)
    assert (
        compute_send_at(
            rejected, delay_minutes=0, tz="Asia/Shanghai", quiet_start=time(8), quiet_end=time(8)
        )
        == rejected
    )


def test_invalid_or_missing_zone_falls_back_to_utc():
    rejected = datetime(2026, 11, 25, 22, 0, tzinfo=UTC)
    expected = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    for tz in ("Mars/Olympus", "", None, "../../etc/passwd"):
        assert compute_send_at(rejected, delay_minutes=0, tz=tz) == expected


def test_naive_rejected_at_is_utc():
    naive = datetime(2026, 11, 25, 12, 0)
    assert compute_send_at(naive, delay_minutes=30, tz="UTC") == datetime(
        2026, 11, 25, 12, 30, tzinfo=UTC
    )


def test_dst_spring_forward_keeps_local_quiet_end():
    # New York jumps 02:00 → 03:00 on 2026-03-08; 08:00 local is 12:00 UTC that day.
    rejected = local(NEW_YORK, 2026, 3, 7, 23, 0)
    send_at = compute_send_at(rejected, delay_minutes=0, tz="America/New_York")
    assert send_at == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def test_dst_gap_at_quiet_end_uses_first_existing_minute():
    rejected = local(NEW_YORK, 2026, 3, 8, 1, 0)
    send_at = compute_send_at(
        rejected,
        delay_minutes=0,
        tz="America/New_York",
        quiet_start=time(0, 30),
        quiet_end=time(2, 30),
    )
    assert send_at.astimezone(NEW_YORK).replace(tzinfo=None) == datetime(2026, 3, 8, 3, 0)


def test_dst_fall_back_delay_is_absolute_time():
    # 2026-11-01 01:00–02:00 happens twice in New York; 120 min is 120 real minutes.
    rejected = datetime(2026, 11, 1, 13, 0, tzinfo=UTC)  # 08:00 EST
    assert compute_send_at(rejected, delay_minutes=120, tz="America/New_York") == datetime(
        2026, 11, 1, 15, 0, tzinfo=UTC
    )


def test_negative_delay_rejected():
    with pytest.raises(ValueError):
        compute_send_at(datetime(2026, 1, 1, tzinfo=UTC), delay_minutes=-1, tz="UTC")


def test_in_quiet_hours():
    assert in_quiet_hours(time(23), quiet_start=time(21), quiet_end=time(8))
    assert in_quiet_hours(time(7, 59), quiet_start=time(21), quiet_end=time(8))
    assert not in_quiet_hours(time(8), quiet_start=time(21), quiet_end=time(8))
    assert not in_quiet_hours(time(12), quiet_start=time(21), quiet_end=time(8))


def test_retry_backoff_doubles_and_caps():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    delays = [(next_retry_at(a, now) - now).total_seconds() for a in range(1, 10)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert (next_retry_at(10_000, now) - now).total_seconds() == 3600
    assert next_retry_at(2, now, base_seconds=5, max_seconds=8) == now + timedelta(seconds=8)
    with pytest.raises(ValueError):
        next_retry_at(0, now)


def test_max_attempts():
    assert MAX_ATTEMPTS >= 3
    assert should_retry(1)
    assert not should_retry(MAX_ATTEMPTS)
