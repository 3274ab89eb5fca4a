"""Helpers for the talent-service tests (imported by test modules as `talent_testkit`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from talentloop_shared.events import CloudEvent, new_event
from talentloop_shared.events.payloads import (
    CandidateHired,
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
    Payload,
    PositionChanged,
)
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import EventProbe, RunningService, applied, publish_event
from talentloop_shared.testing.plugin import eventually


@dataclass
class Talent:
    """The running service plus helpers to feed it events."""

    svc: RunningService
    amqp_url: str
    namespace: str

    @property
    def client(self) -> Any:
        return self.svc.client

    async def publish(self, payload: Payload, *, event_id: uuid.UUID | None = None) -> str:
        """Publish an event as its producer would; returns the event id."""
        event = new_event(
            type=payload.EVENT_TYPE,
            source=publisher_source(payload.EVENT_TYPE),
            data=payload,
            event_id=event_id,
        )
        await publish_event(self.amqp_url, self.namespace, event)
        return event.id

    async def consumed(self, *event_ids: str, timeout: float = 10.0) -> None:
        """Wait until the service has applied (claimed in its inbox) these events."""
        await applied(self.svc, *event_ids, timeout=timeout)

    async def matches(self, position_id: str, headers: dict[str, str]) -> list[dict[str, Any]]:
        """The position's matches (the first page), best first."""
        r = await self.client.get(f"/api/v1/positions/{position_id}/matches", headers=headers)
        assert r.status_code == 200, r.text
        return list(r.json()["items"])

    async def due(self, headers: dict[str, str]) -> list[str]:
        """The ids of the pooled people due for re-contact now (up to 500)."""
        r = await self.client.get("/api/v1/reminders", params={"limit": 500}, headers=headers)
        assert r.status_code == 200, r.text
        return [t["talent_id"] for t in r.json()["items"]]


def about(probe: EventProbe, event_type: str, subject: str) -> list[CloudEvent]:
    """The events of one type about one subject the probe received (other tests publish
    the same types on the same bus meanwhile)."""
    return [e for e in probe.of_type(event_type) if e.subject == subject]


async def wait_about(
    probe: EventProbe, count: int, event_type: str, subject: str, *, timeout: float = 10.0
) -> list[CloudEvent]:
    """Wait until at least `count` events of this type about this subject arrived."""

    async def check() -> list[CloudEvent] | None:
        got = about(probe, event_type, subject)
        return got if len(got) >= count else None

    return await eventually(check, timeout=timeout, message=f"{count} {event_type} on {subject}")


NOW = datetime.now(UTC)


def owner(name: str, *, locale: str = "zh-CN") -> dict[str, Any]:
    """A staff member as position owners carry them."""
    return {
        "id": str(uuid.uuid4()),
        "name": name,
        "email": f"{name.lower().replace(' ', '.')}@example.com",
        "locale": locale,
        "timezone": "Asia/Shanghai",
    }


class EventFactory:
    """Payloads as the producing services send them, with sensible defaults."""

    @staticmethod
    def months_ago(months: int) -> datetime:
        """A time roughly `months` months in the past."""
        return NOW - timedelta(days=31 * months)

    @staticmethod
    def rejection(
        candidate_id: str | None = None,
        *,
        consent: bool = True,
        name: str = "Lin Wei",
        skills: list[str] | None = None,
        years: float | None = 6,
        industries: list[str] | None = None,
        strengths: list[str] | None = None,
        reasons: list[str] | None = None,
        dimensions: dict[str, float] | None = None,
        rejected_at: datetime | None = None,
        application_id: str | None = None,
        email: str | None = None,
    ) -> Any:
        return CandidateRejected.model_validate(
            {
                "application_id": application_id or str(uuid.uuid4()),
                "rejected_at": (rejected_at or NOW).isoformat(),
                "stage": "interview",
                "decided_by": "hr-1",
                "candidate": {
                    "id": candidate_id or str(uuid.uuid4()),
                    "name": name,
                    "email": email or f"{uuid.uuid4().hex[:8]}@example.com",
                    "phone": "+8613800000000",
                    "locale": "zh-CN",
                    "timezone": "Asia/Shanghai",
                    "talent_pool_consent": consent,
                    "skills": skills or [],
                    "years_experience": years,
                    "industries": industries or [],
                },
                "position": {"id": str(uuid.uuid4()), "version": 3, "title": "Data Analyst"},
                "strengths": strengths or [],
                "reasons": [{"code": "gap", "text": r} for r in reasons or []],
                "suggestions": [],
                "scorecard": {"composite": 7.1, "dimensions": dimensions or {}},
            }
        )

    @staticmethod
    def position(
        position_id: str | None = None,
        *,
        version: int = 1,
        title: str = "Data Analyst",
        status: str = "open",
        required: list[str] | None = None,
        preferred: list[str] | None = None,
        min_years: float = 0,
        industries: list[str] | None = None,
        change: str = "created",
        owners: dict[str, Any] | None = None,
        headcount: int = 1,
    ) -> Any:
        return PositionChanged.model_validate(
            {
                "change": change,
                "position": {
                    "id": position_id or str(uuid.uuid4()),
                    "version": version,
                    "title": title,
                    "status": status,
                    "headcount": headcount,
                    "owners": owners or {},
                    "org_unit": {"id": str(uuid.uuid4()), "name": "Analytics"},
                    "requirements": {
                        "min_years_experience": min_years,
                        "required_skills": required or [],
                        "preferred_skills": preferred or [],
                        "industries": industries or [],
                    },
                },
            }
        )

    @staticmethod
    def evaluation(candidate_id: str, *, strengths: list[str], scores: dict[str, int]) -> Any:
        return EvaluationSubmitted.model_validate(
            {
                "evaluation_id": str(uuid.uuid4()),
                "interview_id": str(uuid.uuid4()),
                "application_id": str(uuid.uuid4()),
                "candidate_id": candidate_id,
                "position_id": str(uuid.uuid4()),
                "interviewer": {"id": "int-1"},
                "scores": [{"dimension": k, "score": v} for k, v in scores.items()],
                "strengths": strengths,
                "recommendation": "hire",
                "submitted_at": NOW.isoformat(),
            }
        )

    @staticmethod
    def feedback(
        candidate_id: str, *, open_to_future_roles: bool | None, answered_at: datetime | None = None
    ) -> Any:
        return FeedbackReceived.model_validate(
            {
                "notification_id": str(uuid.uuid4()),
                "application_id": str(uuid.uuid4()),
                "candidate_id": candidate_id,
                "ratings": {"tone": 5},
                "open_to_future_roles": open_to_future_roles,
                "answered_at": (answered_at or NOW).isoformat(),
            }
        )

    @staticmethod
    def hire(
        candidate_id: str | None = None,
        *,
        name: str = "Chen Jing",
        gaps: list[dict[str, Any]] | None = None,
        application_id: str | None = None,
        position_title: str = "Medical Data Analyst",
        owners: dict[str, Any] | None = None,
        hired_at: datetime | None = None,
    ) -> Any:
        """candidate-hired as recruiting publishes it; `gaps` are {dimension, name, score, text}."""
        return CandidateHired.model_validate(
            {
                "application_id": application_id or str(uuid.uuid4()),
                "hired_at": (hired_at or NOW).isoformat(),
                "decided_by": "hr-1",
                "candidate": {
                    "id": candidate_id or str(uuid.uuid4()),
                    "name": name,
                    "email": f"{uuid.uuid4().hex[:8]}@example.com",
                    "locale": "zh-CN",
                    "timezone": "Asia/Shanghai",
                },
                "position": {
                    "id": str(uuid.uuid4()),
                    "version": 4,
                    "title": position_title,
                    "job_family": "engineering",
                    "org_unit_name": "Analytics",
                    "owners": owners or {},
                },
                "scorecard": {"composite": 7.4, "dimensions": {"technical": 8.0, "clinical": 4.5}},
                "gaps": gaps or [],
            }
        )
