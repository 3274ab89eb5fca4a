"""When the daily re-contact digest is due: a local time of day in a time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from talent_service.domain.digest import TOP_DUE, digest_tags, parse_slot


def test_nine_in_shanghai_is_one_in_utc_and_the_day_is_shanghai_s() -> None:
    slot = parse_slot("09:00", "Asia/Shanghai")
    assert slot is not None
    assert slot.due_day(datetime(2026, 11, 28, 0, 59, tzinfo=UTC)) is None
    assert slot.due_day(datetime(2026, 11, 28, 1, 0, tzinfo=UTC)) == date(2026, 11, 28)
    # 23:30 UTC is already 07:30 the next day in Shanghai: not yet that day's time.
    assert slot.due_day(datetime(2026, 11, 28, 23, 30, tzinfo=UTC)) is None
    # 16:30 UTC is 00:30 the next day: the day before's digest is no longer asked for.
    assert slot.due_day(datetime(2026, 11, 28, 16, 30, tzinfo=UTC)) is None


def test_empty_switches_off_and_nonsense_is_refused() -> None:
    assert parse_slot("", "Asia/Shanghai") is None
    assert parse_slot("09:00", " ") is None
    with pytest.raises(ValueError):
        parse_slot("25:00", "Asia/Shanghai")
    with pytest.raises(ValueError):
        parse_slot("09:00", "Mars/Olympus")


def test_tags_strengths_first_each_once_at_most_five() -> None:
    assert digest_tags(["沟通能力", "SQL"], ["sql", "python", "go", "rust", "c"]) == [
        "沟通能力",
        "SQL",
        "python",
        "go",
        "rust",
    ]
    assert TOP_DUE == 20
