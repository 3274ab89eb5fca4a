"""CloudEvents 1.0 envelope in structured JSON mode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

CONTENT_TYPE = "application/cloudevents+json"


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def _rfc3339(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class CloudEvent(BaseModel):
    """One CloudEvent; `data` is the payload as JSON-ready dict."""

    # Extension attributes (e.g. traceparent) are allowed by the spec; unknown ones are kept.
    model_config = ConfigDict(extra="allow")

    specversion: str = "1.0"
    id: str
    source: str
    type: str
    subject: str | None = None
    time: str
    datacontenttype: str = "application/json"
    dataschema: str | None = None
    traceparent: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)

    def to_json(self) -> bytes:
        """Serialise as the structured-mode JSON body."""
        return self.model_dump_json(exclude_none=True).encode()

    @classmethod
    def from_json(cls, body: bytes | str) -> CloudEvent:
        """Parse a structured-mode body; raises pydantic.ValidationError when malformed."""
        return cls.model_validate_json(body)


def new_event(
    *,
    type: str,
    source: str,
    data: BaseModel | dict[str, Any],
    subject: str | None = None,
    traceparent: str | None = None,
    event_id: uuid.UUID | None = None,
    time: datetime | None = None,
) -> CloudEvent:
    """Build an envelope for `data`, with a fresh UUID id and the contract's dataschema."""
    payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    base_type, _, version = type.partition(".")
    return CloudEvent(
        id=str(event_id or uuid.uuid4()),
        source=source,
        type=type,
        subject=subject,
        time=_rfc3339(time or utcnow()),
        dataschema=f"urn:talentloop:events:{base_type}:{version or 'v1'}",
        traceparent=traceparent,
        data=payload,
    )
