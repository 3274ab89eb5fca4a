"""For the console's journeys: what happens before HR opens the Notices, Feedback and
Talent screens, set up over the API the way other people and systems do it (story.py plays
the whole loop): an org unit and a position, candidates applying with consent to the
pool, HR's rejection."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.plugin import eventually


def noon_zone() -> str:
    """An IANA zone where it is about noon now, so no quiet hours delay the notices."""
    offset = (12 - datetime.now(UTC).hour) % 24
    if offset > 14:
        offset -= 24
    # Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5.
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"


class Setup:
    def __init__(self, suite: Suite, http: httpx.AsyncClient, headers: dict[str, str]) -> None:
        self.suite = suite
        self.http = http
        self.hr = headers
        self.run = uuid.uuid4().hex[:8]

    async def call(
        self,
        method: str,
        service: str,
        path: str,
        *,
        expect: int | tuple[int, ...] = 200,
        **kw: Any,
    ) -> Any:
        """A call as HR (`headers=` adds to or overrides theirs), failing with the problem
        detail unless the status is `expect` (or one of them)."""
        headers = {**self.hr, **kw.pop("headers", {})}
        r = await self.http.request(method, self.suite.url(service) + path, headers=headers, **kw)
        wanted = (expect,) if isinstance(expect, int) else expect
        assert r.status_code in wanted, f"{method} {service}{path} → {r.status_code}: {r.text}"
        return r.json() if r.content else None

    async def poll(
        self, method: str, service: str, path: str, what: str, *, timeout: float = 30, **kw: Any
    ) -> Any:
        """The JSON of the first 200 answer to the call, repeated until `timeout`."""
        headers = {**self.hr, **kw.pop("headers", {})}

        async def probe() -> Any:
            r = await self.http.request(method, self.suite.url(service) + path, headers=headers)
            return r.json() if r.status_code == 200 else None

        return await eventually(probe, timeout=timeout, interval=0.2, message=what)

    async def unit(self, name: str) -> str:
        body = {"name": f"{name} {self.run}", "kind": "company", "parent_id": None}
        return (await self.call("POST", "org-service", "/api/v1/org-units", json=body, expect=201))[
            "id"
        ]

    async def position(
        self, unit: str, title: str, family: str, skills: list[str], years: int = 1
    ) -> str:
        body = {
            "title": title,
            "org_unit_id": unit,
            "job_family": family,
            "requirements": {"min_years_experience": years, "required_skills": skills},
        }
        pid = (await self.call("POST", "org-service", "/api/v1/positions", json=body, expect=201))[
            "id"
        ]
        await self.poll(
            "GET", "recruiting-service", f"/api/v1/openings/{pid}", "recruiting shows the opening"
        )
        return pid

    async def applicant(
        self, key: str, position: str, skills: list[str], *, name: str, years: float = 6
    ) -> dict[str, str]:
        body = {
            "name": name,
            "email": f"{key}.{self.run}@candidates.example",
            "years_experience": years,
            "skills": skills,
            "industries": ["fmcg"],
            "locale": "en",
            "timezone": noon_zone(),
            "talent_pool_consent": True,
        }
        c = await self.call(
            "POST", "recruiting-service", "/api/v1/candidates", json=body, expect=201
        )
        a = await self.call(
            "POST",
            "recruiting-service",
            "/api/v1/applications",
            json={"candidate_id": c["id"], "position_id": position},
            expect=201,
        )
        return {"candidate": c["id"], "email": c["email"], "application": a["id"]}

    async def reject(
        self, application: str, *, delay: int, reasons: list[str] | None = None, send: bool = True
    ) -> None:
        body: dict[str, Any] = {
            "notify": {"send": send, "channels": ["email"], "delay_minutes": delay}
        }
        if reasons is not None:
            body["reasons"] = [{"code": f"r{i}", "text": text} for i, text in enumerate(reasons)]
        r = await self.call(
            "POST",
            "recruiting-service",
            f"/api/v1/applications/{application}/reject",
            json=body,
            headers={"Idempotency-Key": f"reject-{application}"},
        )
        assert r["status"] == "rejected"

    async def notice_of(self, candidate: str, status: str | None = None) -> dict[str, Any]:
        """The candidate's (one) notice once notify wrote it (and it reached `status`)."""

        async def probe() -> Any:
            r = await self.call(
                "GET", "notify-service", f"/api/v1/notifications?candidate_id={candidate}"
            )
            items = [n for n in r["items"] if status is None or n["status"] == status]
            return items[0] if items else None

        return await eventually(
            probe, timeout=30, interval=0.2, message=f"notice {status} for {candidate}"
        )
