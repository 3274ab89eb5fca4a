"""Load for the benchmarks and the replica drill: one position, N screened applicants, and
their rejections, over HTTP against a running `Suite`.

Requests go to the live replicas of a service in turn, as a load balancer would send
them, so a test can kill one replica and keep going on the other. The HTTP client must
carry an HR token (`httpx.AsyncClient(headers=HR)`).
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import httpx
from prometheus_client.parser import text_string_to_metric_families

from talentloop_shared.auth import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.devtools.suite import Suite

HR = {
    "Authorization": "Bearer " + issue_token(sub="load", roles=["hr_admin"], secret=DEV_JWT_SECRET)
}


# What the load's rejections ask: the notice by email, at once.
REJECTION = {"notify": {"channels": ["email"], "delay_minutes": 0}}


@dataclass
class Balancer:
    """Round-robin over the running replicas of each service."""

    suite: Suite
    _turns: dict[str, Iterator[int]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        live = [
            int(key.partition("#")[2] or 0)
            for key, proc in self.suite.processes.items()
            if key.partition("#")[0] == name and proc.poll() is None
        ]
        if not live:
            raise RuntimeError(f"no replica of {name} is running")
        turn = self._turns.setdefault(name, itertools.count())
        return self.suite.replica_url(name, sorted(live)[next(turn) % len(live)])


@dataclass(frozen=True)
class Applicant:
    application_id: str
    email: str


async def quiet_hours_off(http: httpx.AsyncClient, lb: Balancer) -> None:
    """Notify sends at any hour (start == end: no quiet hours), so runs are alike."""
    r = await http.put(
        f"{lb.url('notify-service')}/api/v1/settings",
        json={"quiet_hours": {"start": "00:00", "end": "00:00"}},
    )
    r.raise_for_status()


async def seed_position(http: httpx.AsyncClient, org: str, rec: str, run: str) -> dict[str, Any]:
    """An org unit and a position that screens juniors out (5 years, Spark), once
    recruiting-service at `rec` knows the opening."""
    unit = await _ok(
        http.post(f"{org}/api/v1/org-units", json={"name": f"Load {run}", "kind": "company"})
    )
    position = await _ok(
        http.post(
            f"{org}/api/v1/positions",
            json={
                "title": "Data Engineer",
                "org_unit_id": unit["id"],
                "job_family": "engineering",
                "requirements": {"min_years_experience": 5, "required_skills": ["spark"]},
            },
        )
    )
    while (await http.get(f"{rec}/api/v1/openings/{position['id']}")).status_code != 200:
        await asyncio.sleep(0.05)
    return position


async def seed_applicants(
    http: httpx.AsyncClient, lb: Balancer, n: int, run: str, concurrency: int = 8
) -> list[Applicant]:
    """A position and `n` candidates who applied to it (all screened out: too junior)."""
    rec = lb.url("recruiting-service")
    position = await seed_position(http, lb.url("org-service"), rec, run)
    sem = asyncio.Semaphore(concurrency)

    async def apply(i: int) -> Applicant:
        async with sem:
            email = f"cand{i}.{run}@load.example"
            rec = lb.url("recruiting-service")
            candidate = await _ok(
                http.post(
                    f"{rec}/api/v1/candidates",
                    json={
                        "name": f"Candidate {i}",
                        "email": email,
                        "years_experience": 2,
                        "skills": ["python"],
                        "locale": "en" if i % 2 else "zh-CN",
                        "timezone": "Asia/Shanghai",
                    },
                )
            )
            app = await _ok(
                http.post(
                    f"{rec}/api/v1/applications",
                    json={"candidate_id": candidate["id"], "position_id": position["id"]},
                )
            )
            return Applicant(app["id"], email)

    return list(await asyncio.gather(*(apply(i) for i in range(n))))


async def reject(http: aiohttp.ClientSession, lb: Balancer, applicant: Applicant) -> None:
    """Reject one application, its notice by email at once. A replica killed under the
    request is retried on another, as a client behind a load balancer would (the
    Idempotency-Key makes the retry safe). Sent with aiohttp (`load_session`): httpx takes
    ~1.7 ms of CPU a request, aiohttp ~0.15 ms, and the benches share the services' cores."""
    for attempt in range(5):
        try:
            async with http.post(
                f"{lb.url('recruiting-service')}/api/v1/applications/"
                f"{applicant.application_id}/reject",
                json=REJECTION,
                headers={"Idempotency-Key": f"reject-{applicant.application_id}"},
            ) as r:
                text = await r.text()
        except (TimeoutError, aiohttp.ClientConnectionError):
            await asyncio.sleep(0.2 * (attempt + 1))
            continue
        if attempt and r.status == 409 and "idempotency-response-pending" in text:
            return  # the first try was applied; the replica died before answering
        if r.status >= 400:  # the problem's detail says why
            raise RuntimeError(f"{r.status} rejecting {applicant.application_id}: {text[:300]}")
        return
    raise RuntimeError(f"could not reject {applicant.application_id}")


def load_session(timeout: float = 30) -> aiohttp.ClientSession:
    """An HTTP session with the HR token, for `reject` (use it as `async with`)."""
    return aiohttp.ClientSession(headers=HR, timeout=aiohttp.ClientTimeout(total=timeout))


async def notices_of_kind(http: httpx.AsyncClient, lb: Balancer, kind: str) -> list[dict[str, Any]]:
    """Every notice of `kind` notify-service holds, all pages."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"kind": kind, "limit": 200}
        if cursor:
            params["cursor"] = cursor
        r = await http.get(f"{lb.url('notify-service')}/api/v1/notifications", params=params)
        r.raise_for_status()
        page = r.json()
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


_RELAY_ACTIVE = re.compile(r"^talentloop_outbox_relay_active\{[^}]*\} 1(\.0)?$", re.M)


async def _scrapes(
    http: httpx.AsyncClient, suite: Suite, only: str | None = None
) -> AsyncIterator[tuple[str, int, str]]:
    """(service, replica, its /metrics text) of each replica running and answering (of the
    service `only`, when given)."""
    for key, proc in suite.processes.items():
        base, _, replica = key.partition("#")
        if proc.poll() is not None or only not in (None, base):
            continue
        try:
            r = await http.get(suite.replica_url(base, int(replica or 0)) + "/metrics")
        except httpx.TransportError:
            continue
        yield base, int(replica or 0), r.text


async def relay_replica(http: httpx.AsyncClient, suite: Suite, name: str) -> int | None:
    """The replica of `name` whose outbox relay holds the lock (from its /metrics)."""
    async for _, replica, metrics in _scrapes(http, suite, only=name):
        if _RELAY_ACTIVE.search(metrics):
            return replica
    return None


async def event_ages(http: httpx.AsyncClient, suite: Suite) -> dict[str, dict[float, float]]:
    """Each service's `talentloop_event_age_seconds` as cumulative counts by upper bound,
    summed over its event types and replicas (the difference of two of these, taken before
    and after a run, is the run's: `histogram_quantile` reads it)."""
    ages: dict[str, dict[float, float]] = {}
    async for service, _, metrics in _scrapes(http, suite):
        for family in text_string_to_metric_families(metrics):
            if family.name != "talentloop_event_age_seconds":
                continue
            buckets = ages.setdefault(service, {})
            for sample in family.samples:
                if sample.name.endswith("_bucket"):
                    bound = float(sample.labels["le"])
                    buckets[bound] = buckets.get(bound, 0.0) + sample.value
    return ages


async def _ok(request: Awaitable[httpx.Response]) -> dict[str, Any]:
    response = await request
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body
