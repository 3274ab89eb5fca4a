"""When the daily re-contact digest is due: a local time of day in a time zone.

Pure: `service/digest.py` asks `due_day(now)` and records the day it publishes for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from talentloop_shared.i18n import canonical_timezone, zone_or_utc

# How many of the earliest due people a digest names.
TOP_DUE = 20
# How many tags a digest shows per person.
TAGS_PER_TALENT = 5


@dataclass(frozen=True, slots=True)
class DigestSlot:
    """The digest's local time of day (e.g. 09:00 in Asia/Shanghai)."""

    at: time
    timezone: str

    def due_day(self, now: datetime) -> date | None:
        """The local day whose digest is due at `now` (aware), or None before the time."""
        local = now.astimezone(zone_or_utc(self.timezone))
        return local.date() if local.time() >= self.at else None


def parse_slot(at: str, timezone: str) -> DigestSlot | None:
    """`"09:00"`, `"Asia/Shanghai"` → the slot; either empty → None (digest off).
    Raises ValueError for a time or zone that does not parse."""
    if not at.strip() or not timezone.strip():
        return None
    try:
        clock = time.fromisoformat(at.strip())
    except ValueError:
        raise ValueError(f"digest time {at!r} is not HH:MM") from None
    return DigestSlot(at=clock.replace(tzinfo=None), timezone=canonical_timezone(timezone))


def digest_tags(strengths: list[str], skills: list[str]) -> list[str]:
    """What makes a person worth a call, strengths first, each once (case-insensitive)."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in (*strengths, *skills):
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return out[:TAGS_PER_TALENT]
