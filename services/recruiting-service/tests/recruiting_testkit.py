"""Helpers of the recruiting-service tests: a position as org-service publishes it, and a
driver for the running service over HTTP and the bus."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from talentloop_shared.events import PositionChanged, new_event
from talentloop_shared.events.payloads import (
    Dimension,
    EvaluationScheme,
    OrgUnitRef,
    Payload,
    PersonChanged,
    PersonSnapshot,
    PositionOwners,
    PositionSnapshot,
    Requirements,
)
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import RunningService, applied, publish_event
from talentloop_shared.testing.plugin import eventually


@dataclass
class Panel:
    """Three departments of a cross-department panel (S2)."""

    technical: str = field(default_factory=lambda: str(uuid.uuid4()))
    business: str = field(default_factory=lambda: str(uuid.uuid4()))
    culture: str = field(default_factory=lambda: str(uuid.uuid4()))
    # The business dimension's name in other languages (the organisation's own words).
    business_names: dict[str, str] = field(default_factory=dict)

    def scheme(self) -> EvaluationScheme:
        return EvaluationScheme(
            dimensions=[
                Dimension(
                    key="technical",
                    name="Technical ability",
                    weight=0.4,
                    department_id=self.technical,
                ),
                Dimension(
                    key="business",
                    name="Business understanding",
                    weight=0.3,
                    department_id=self.business,
                    names=self.business_names,
                ),
                Dimension(
                    key="culture", name="Culture fit", weight=0.3, department_id=self.culture
                ),
            ]
        )


def marketing_manager(
    position_id: str,
    version: int,
    *,
    status: str = "open",
    change: str = "updated",
    requirements: Requirements | None = None,
    panel: Panel | None = None,
    title: str = "Marketing Manager",
    titles: dict[str, str] | None = None,
    owners: PositionOwners | None = None,
) -> PositionChanged:
    """The S1 position: 5 years of FMCG marketing and live-stream marketing."""
    return PositionChanged(
        change=change,  # type: ignore[arg-type]
        changed_fields=["requirements"],
        position=PositionSnapshot(
            id=position_id,
            version=version,
            title=title,
            status=status,  # type: ignore[arg-type]
            job_family="marketing",
            org_unit=OrgUnitRef(id="ou-marketing", name="Marketing", path=["Acme", "Marketing"]),
            location="Shanghai",
            requirements=requirements
            or Requirements(
                min_years_experience=5,
                required_skills=["live-stream marketing"],
                industries=["FMCG"],
            ),
            evaluation_scheme=(panel or Panel()).scheme(),
            titles=titles or {},
            owners=owners or PositionOwners(),
        ),
    )


def staff_member(
    name: str,
    *,
    version: int = 1,
    person_id: str | None = None,
    org_unit_id: str | None = None,
    locale: str = "en",
    timezone: str = "UTC",
    subject: str | None = None,
    email: str | None = None,
    active: bool = True,
) -> PersonChanged:
    """A staff member of the directory as org-service publishes them."""
    person_id = person_id or str(uuid.uuid4())
    slug = name.lower().replace(" ", ".")
    return PersonChanged(
        change="created" if version == 1 else "updated",
        person=PersonSnapshot(
            id=person_id,
            version=version,
            name=name,
            email=email or f"{slug}.{person_id[:6]}@acme.example",
            locale=locale,
            timezone=timezone,
            org_unit_id=org_unit_id,
            subject=subject or f"{slug}-{person_id[:6]}",
            active=active,
        ),
    )


@dataclass
class Recruiting:
    """Test helpers that drive the service over HTTP and the bus."""

    svc: RunningService
    amqp_url: str
    auth: Callable[..., dict[str, str]]

    Panel = Panel
    position = staticmethod(marketing_manager)
    member = staticmethod(staff_member)

    @property
    def ns(self) -> str:
        return self.svc.runtime.settings.amqp_namespace

    @property
    def hr(self) -> dict[str, str]:
        return self.auth("recruiter", sub="recruiter-1")

    async def publish_position(self, payload: PositionChanged) -> str:
        """Publish a position-changed as org-service would; returns the event id."""
        event = new_event(
            type="position-changed", source=publisher_source("position-changed"), data=payload
        )
        await publish_event(self.amqp_url, self.ns, event)
        return event.id

    async def publish(self, event_type: str, payload: Payload) -> str:
        """Publish an event as its publisher would; returns the event id."""
        event = new_event(type=event_type, source=publisher_source(event_type), data=payload)
        await publish_event(self.amqp_url, self.ns, event)
        return event.id

    async def staff(self, *people: PersonChanged) -> list[dict[str, Any]]:
        """Publish these staff members and wait until the staff copy holds them; returns
        their snapshots (id, name, email, subject, …)."""
        ids = [await self.publish("person-changed", p) for p in people]
        await applied(self.svc, *ids)
        return [p.person.model_dump() for p in people]

    async def all_applied(self, *event_ids: str) -> None:
        """Assert that each of these events was applied: its handler ran and committed.

        A marker published after them is waited for first (one queue, consumed in order),
        so each of them has been tried by then. The consumer records an event id in the
        `inbox` only in the handler's own transaction; an event whose handler raised went
        to a delayed retry queue instead, and its id is missing here.
        """
        marker = str(uuid.uuid4())
        await self.publish_position(marketing_manager(marker, 1))
        await self.wait_opening(marker, 1)
        await applied(self.svc, *event_ids, timeout=1.0)

    async def opening(self, position_id: str) -> dict[str, Any] | None:
        r = await self.svc.client.get(f"/api/v1/openings/{position_id}", headers=self.hr)
        return r.json() if r.status_code == 200 else None

    async def wait_opening(self, position_id: str, version: int) -> dict[str, Any]:
        """Wait until the opening is at `version`."""

        async def probe() -> dict[str, Any] | None:
            o = await self.opening(position_id)
            return o if o and o["version"] == version else None

        return await eventually(probe, message=f"opening {position_id} at v{version}")

    async def new_opening(self, **kwargs: Any) -> str:
        """A fresh open position, known to recruiting; returns its id."""
        position_id = str(uuid.uuid4())
        await self.publish_position(marketing_manager(position_id, 1, change="created", **kwargs))
        await self.wait_opening(position_id, 1)
        return position_id

    async def candidate(self, **overrides: Any) -> dict[str, Any]:
        """A fresh candidate who meets the S1 requirements unless overridden."""
        body = {
            "name": "Li Wei",
            "email": f"li.wei.{uuid.uuid4().hex[:8]}@example.com",
            "phone": "13800138000",
            "locale": "zh-CN",
            "timezone": "Asia/Shanghai",
            "years_experience": 6,
            "skills": ["Live-stream Marketing", "SQL"],
            "industries": ["fmcg"],
            "education": "bachelor",
            "languages": ["Chinese"],
            "talent_pool_consent": True,
            **overrides,
        }
        r = await self.svc.client.post("/api/v1/candidates", json=body, headers=self.hr)
        assert r.status_code == 201, r.text
        return r.json()  # type: ignore[no-any-return]

    async def apply(self, candidate_id: str, position_id: str) -> dict[str, Any]:
        r = await self.svc.client.post(
            "/api/v1/applications",
            json={"candidate_id": candidate_id, "position_id": position_id},
            headers=self.hr,
        )
        assert r.status_code == 201, r.text
        return r.json()  # type: ignore[no-any-return]

    async def application(self, application_id: str) -> dict[str, Any]:
        r = await self.svc.client.get(f"/api/v1/applications/{application_id}", headers=self.hr)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]
