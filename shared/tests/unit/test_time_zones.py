"""Time zones, one rule for every service: a place's IANA zone, stored in its canonical
case; a stored one that no longer is a zone reads as UTC rather than stopping a notice."""

from __future__ import annotations

import pytest

from talentloop_shared.i18n import canonical_timezone, try_canonical_timezone, zone_or_utc


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Asia/Shanghai", "Asia/Shanghai"),
        (" asia/shanghai ", "Asia/Shanghai"),
        ("AMERICA/ARGENTINA/BUENOS_AIRES", "America/Argentina/Buenos_Aires"),
        ("utc", "UTC"),
        ("Etc/GMT-8", "Etc/GMT-8"),
    ],
)
def test_a_zone_is_stored_in_its_canonical_case(typed: str, stored: str) -> None:
    assert canonical_timezone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "China Standard Time",  # a Windows name
        "GMT+8",  # not a tz database name (Etc/GMT-8 is)
        "Factory",  # in the database, but "-00" at every moment
        "localtime",  # the server's own clock
        "posixrules",
        "posix/Asia/Shanghai",  # a directory of the database, not a zone name
        "../../etc/passwd",
        "Asia/../Asia/Shanghai",
        "Asia",
    ],
)
def test_what_is_no_place_s_zone_is_refused_by_name(typed: str) -> None:
    with pytest.raises(ValueError, match="unknown IANA time zone") as exc:
        canonical_timezone(typed)
    assert repr(typed.strip())[:20] in str(exc.value)
    assert try_canonical_timezone(typed) is None


def test_an_empty_zone_says_what_to_give() -> None:
    with pytest.raises(ValueError, match=r"must not be empty.*Asia/Shanghai"):
        canonical_timezone("  ")


def test_a_long_name_is_cut_in_the_message() -> None:
    with pytest.raises(ValueError) as exc:
        canonical_timezone("X" * 5000)
    assert len(str(exc.value)) < 120


@pytest.mark.parametrize("stored", [None, "", "Factory", "Mars/Olympus", "../../etc/passwd"])
def test_a_stored_name_that_is_no_zone_reads_as_utc(stored: str | None) -> None:
    assert zone_or_utc(stored).key == "UTC"


def test_a_stored_name_reads_as_its_zone_whatever_its_case() -> None:
    assert zone_or_utc("asia/shanghai").key == "Asia/Shanghai"
