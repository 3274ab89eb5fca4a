"""An optional field sent blank reads as not set: ERP systems and forms send "" for
"none", and an empty address, number, language or time zone is none of those."""

from __future__ import annotations

from pydantic import BeforeValidator


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


BLANK_IS_NONE = BeforeValidator(_blank_is_none)
"""Put in an optional field's `Annotated` (`Annotated[LocaleTag | None, BLANK_IS_NONE]`)."""
