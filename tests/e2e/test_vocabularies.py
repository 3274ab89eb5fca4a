"""HR's synonyms, from org-service's API through the real broker to recruiting's screening
and talent's matching (issue 19: "used by screening, matching and tags alike").

org, recruiting and talent run in this process (each on its own fresh database) on one
broker namespace, so `vocabulary-changed` and `position-changed` travel exactly as in
production: outbox → relay → RabbitMQ → each consumer's queue → inbox.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import text

from org_service.config import Settings as OrgSettings
from org_service.main import MIGRATIONS as ORG_MIGRATIONS
from org_service.main import definition as org_definition
from recruiting_service.config import Settings as RecruitingSettings
from recruiting_service.main import MIGRATIONS as RECRUITING_MIGRATIONS
from recruiting_service.main import definition as recruiting_definition
from talent_service.config import Settings as TalentSettings
from talent_service.main import MIGRATIONS as TALENT_MIGRATIONS
from talent_service.main import definition as talent_definition
from talentloop_shared.events import new_event
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import RunningService, publish_event, service_under_test
from talentloop_shared.testing.plugin import eventually

pytestmark = pytest.mark.e2e


@dataclass
class Trio:
    org: RunningService
    recruiting: RunningService
    talent: RunningService
    namespace: str


@pytest_asyncio.fixture(scope="module")
async def trio(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[Trio]:
    namespace = f"{amqp_namespace}vocab."
    common = {"databases": databases, "amqp_url": amqp_url, "namespace": namespace}
    async with (
        service_under_test(org_definition, OrgSettings, migrations=ORG_MIGRATIONS, **common) as org,
        service_under_test(
            recruiting_definition,
            RecruitingSettings,
            migrations=RECRUITING_MIGRATIONS,
            **common,
        ) as recruiting,
        service_under_test(
            talent_definition, TalentSettings, migrations=TALENT_MIGRATIONS, **common
        ) as talent,
    ):
        yield Trio(org, recruiting, talent, namespace)


async def test_hr_puts_synonyms_at_org_and_screening_and_matching_use_them(
    trio: Trio, amqp_url: str, auth: Callable[..., dict[str, str]]
) -> None:
    hr, recruiter = auth("hr_admin", sub="hr-anna"), auth("recruiter", sub="rec-1")
    org, recruiting, talent = trio.org.client, trio.recruiting.client, trio.talent.client

    # HR adds the synonyms of their trade at org-service.
    r = await org.put(
        "/api/v1/vocabularies/skills/Kubernetes",
        json={"aliases": ["K8s", "容器编排"], "labels": {"zh-CN": "容器编排"}},
        headers=hr,
    )
    assert r.status_code == 201, r.text
    assert r.json()["key"] == "kubernetes"

    # A position requiring "Kubernetes", created at org, reaches recruiting and talent.
    r = await org.post(
        "/api/v1/org-units", json={"name": "Platform", "kind": "company"}, headers=hr
    )
    assert r.status_code == 201, r.text
    r = await org.post(
        "/api/v1/positions",
        json={
            "title": "Platform Engineer",
            "org_unit_id": r.json()["id"],
            "requirements": {"required_skills": ["Kubernetes"]},
        },
        headers=hr,
    )
    assert r.status_code == 201, r.text
    position_id = r.json()["id"]

    async def opening() -> bool:
        got = await recruiting.get(f"/api/v1/openings/{position_id}", headers=recruiter)
        return got.status_code == 200

    await eventually(opening, timeout=20, message="opening known to recruiting")

    async def synonyms_arrived(service: RunningService) -> bool:
        async with service.runtime.session_factory() as session:
            found = await session.scalar(
                text("SELECT version FROM custom_vocabularies WHERE kind = 'skills'")
            )
        return found is not None

    # The synonyms travelled too (their event was committed before the position's).
    await eventually(lambda: synonyms_arrived(trio.recruiting), timeout=20)
    await eventually(lambda: synonyms_arrived(trio.talent), timeout=20)

    # Recruiting's screening: "容器编排" (HR's alias) and "K8s" meet "Kubernetes".
    for skill in ("容器编排", "K8s"):
        r = await recruiting.post(
            "/api/v1/candidates",
            json={
                "name": "Chen Jie",
                "email": f"chen.{uuid.uuid4().hex[:8]}@example.com",
                "locale": "zh-CN",
                "skills": [skill],
                "talent_pool_consent": True,
            },
            headers=recruiter,
        )
        assert r.status_code == 201, r.text
        assert r.json()["skills"] == ["kubernetes"]
        r = await recruiting.post(
            "/api/v1/applications",
            json={"candidate_id": r.json()["id"], "position_id": position_id},
            headers=recruiter,
        )
        assert r.status_code == 201, r.text
        assert r.json()["status"] == "screening", r.json()
        assert r.json()["screening"]["passed"] is True

    # Talent's matching: a pooled candidate tagged "容器编排" matches a new opening that
    # requires "Kubernetes" (position-changed published as org-service would).
    talent_id = str(uuid.uuid4())
    rejected = new_event(
        type="candidate-rejected",
        source=publisher_source("candidate-rejected"),
        data={
            "application_id": str(uuid.uuid4()),
            "rejected_at": "2026-11-27T10:00:00+00:00",
            "stage": "interview",
            "decided_by": "hr-anna",
            "candidate": {
                "id": talent_id,
                "name": "Zhou Min",
                "email": "zhou.min@example.com",
                "locale": "zh-CN",
                "timezone": "Asia/Shanghai",
                "talent_pool_consent": True,
                "skills": ["容器编排"],
                "years_experience": 4,
            },
            "position": {"id": str(uuid.uuid4()), "version": 1, "title": "SRE"},
            "strengths": [],
            "reasons": [],
            "suggestions": [],
        },
    )
    await publish_event(amqp_url, trio.namespace, rejected)

    async def pooled() -> bool:
        got = await talent.get(f"/api/v1/talents/{talent_id}", headers=recruiter)
        return got.status_code == 200

    await eventually(pooled, timeout=20, message="candidate pooled")
    r = await talent.get(f"/api/v1/talents/{talent_id}", headers=recruiter)
    assert "kubernetes" in r.text

    async def matched() -> list[dict[str, Any]] | None:
        got = await talent.get(f"/api/v1/positions/{position_id}/matches", headers=recruiter)
        items = got.json().get("items", []) if got.status_code == 200 else []
        return [m for m in items if m["talent_id"] == talent_id] or None

    # The position was scored when it arrived (before the candidate was pooled); a pooled
    # candidate is scored against open positions as it is pooled.
    [match] = await eventually(matched, timeout=20, message="match for the pooled candidate")
    assert match["matched_required"] == ["kubernetes"]
