"""Helpers of the org-service tests: units and positions through the API, import files."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from openpyxl import Workbook

from org_service.domain.imports.positions import POSITION_COLUMNS
from talentloop_shared.events import CloudEvent
from talentloop_shared.testing.harness import EventProbe
from talentloop_shared.testing.plugin import eventually


def about(*ids: str) -> Callable[[CloudEvent], bool]:
    """Events whose person or position is one of these ids (a probe also hears the relay
    publish what earlier requests committed, so tests look at their own records only)."""
    wanted = set(ids)

    def match(event: CloudEvent) -> bool:
        record = event.data.get("person") or event.data.get("position") or {}
        return record.get("id") in wanted

    return match


async def wait_for_events(
    probe: EventProbe, count: int, where: Callable[[CloudEvent], bool], *, timeout: float = 10.0
) -> list[CloudEvent]:
    """Wait until `count` events that match `where` arrived; return the matching ones."""

    async def found() -> list[CloudEvent] | None:
        events = [e for e in probe.events if where(e)]
        return events if len(events) >= count else None

    return await eventually(found, timeout=timeout, message=f"{count} matching events")


def unique(prefix: str) -> str:
    """A name no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def make_unit(
    client: httpx.AsyncClient,
    hr: dict[str, str],
    name: str,
    kind: str,
    parent_id: str | None = None,
    code: str | None = None,
) -> dict[str, Any]:
    """Create an org unit through the API."""
    body: dict[str, Any] = {"name": name, "kind": kind, "parent_id": parent_id}
    if code:
        body["code"] = code
    r = await client.post("/api/v1/org-units", json=body, headers=hr)
    assert r.status_code == 201, r.text
    return r.json()


async def make_position(
    client: httpx.AsyncClient, hr: dict[str, str], org_unit_id: str, **fields: Any
) -> dict[str, Any]:
    """Create a position through the API."""
    body = {"title": unique("Analyst"), "org_unit_id": org_unit_id, **fields}
    r = await client.post("/api/v1/positions", json=body, headers=hr)
    assert r.status_code == 201, r.text
    return r.json()


async def make_person(
    client: httpx.AsyncClient, hr: dict[str, str], **fields: Any
) -> dict[str, Any]:
    """Add a staff member through the API (a unique name unless given)."""
    body = {"name": unique("Person"), **fields}
    r = await client.post("/api/v1/people", json=body, headers=hr)
    assert r.status_code == 201, r.text
    return r.json()


async def all_pages(
    client: httpx.AsyncClient, headers: dict[str, str], path: str, **params: Any
) -> list[dict[str, Any]]:
    """Every item of a list, following `next_cursor` page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        r = await client.get(
            path, headers=headers, params={**params, **({"cursor": cursor} if cursor else {})}
        )
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return items


def csv_bytes(
    rows: Sequence[Sequence[object]], *, bom: bool = False, delimiter: str = ","
) -> bytes:
    """A CSV file of these rows (the first is the header), UTF-8 with or without the BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    """An XLSX workbook with these rows on its first sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def position_row(i: int, **overrides: object) -> list[object]:
    """One valid position row in `POSITION_COLUMNS` order (units MKT, TECH and HR)."""
    values: dict[str, object] = {
        "code": f"P-{i:05d}",
        "title": f"Analyst {i}",
        "org_unit_code": "MKT",
        "job_family": "Marketing",
        "headcount": 2,
        "status": "open",
        "location": "Shanghai",
        "min_years_experience": 3,
        "required_skills": "SQL; Data  Analysis|sql",
        "preferred_skills": "Python",
        "industries": "FMCG",
        "education": "Bachelor",
        "languages": "ZH|en",
        "responsibilities": "Build dashboards; Talk to sales",
        "evaluation_scheme": "technical:Technical ability:0.6:TECH;culture:Culture fit:0.4:HR",
    }
    values.update(overrides)
    return [values[c] for c in POSITION_COLUMNS]


# --- an ERP's nightly sync: a loop of PUTs by code ----------------------------------------


def erp_snapshot(
    p: str, *, units: int = 50, people: int = 500, positions: int = 200
) -> list[list[tuple[str, dict[str, Any]]]]:
    """What an ERP holds, as waves of (path, body) PUTs; each wave only names codes that
    earlier waves created (units parents first, people managers first, then positions)."""
    divisions = 4
    company = [(f"/api/v1/org-units/by-code/{p}-CO", {"name": f"Acme {p}", "kind": "company"})]
    division_codes = [f"{p}-DIV{d}" for d in range(divisions)]
    dept_codes = [f"{p}-DEP{d:02}" for d in range(units - 1 - divisions)]
    division_wave = [
        (
            f"/api/v1/org-units/by-code/{code}",
            {"name": f"Division {d}", "kind": "division", "parent_code": f"{p}-CO"},
        )
        for d, code in enumerate(division_codes)
    ]
    dept_wave = [
        (
            f"/api/v1/org-units/by-code/{code}",
            {
                "name": f"部门 {d}",
                "kind": "department",
                "parent_code": division_codes[d % divisions],
            },
        )
        for d, code in enumerate(dept_codes)
    ]

    def person(i: int, manager: str | None) -> tuple[str, dict[str, Any]]:
        body: dict[str, Any] = {
            "name": f"员工 {i}" if i % 2 else f"Staff {i}",
            "email": f"staff{i}.{p}@example.com",
            "phone": f"+86138{i:08d}",
            "locale": "zh-CN" if i % 2 else "en",
            "timezone": "Asia/Shanghai" if i % 3 else "Europe/London",
            "org_unit_code": dept_codes[i % len(dept_codes)] if i else f"{p}-CO",
            "manager_code": manager,
            "active": True,
        }
        if i % 5 == 0:
            body["subject"] = f"{p}-user-{i}"
        return f"/api/v1/people/by-code/{p}-E{i:04}", body

    directors = 10
    people_waves = [
        [person(0, None)],
        [person(i, f"{p}-E0000") for i in range(1, directors + 1)],
        [person(i, f"{p}-E{1 + i % directors:04}") for i in range(directors + 1, people)],
    ]

    def position(i: int, reports_to: str | None) -> tuple[str, dict[str, Any]]:
        dept = dept_codes[i % len(dept_codes)]
        return f"/api/v1/positions/by-code/{p}-P{i:04}", {
            "title": f"Engineer {i}",
            "titles": {"zh-CN": f"工程师 {i}"},
            "org_unit_code": dept,
            "reports_to_code": reports_to,
            "job_family": "engineering",
            "headcount": 1 + i % 3,
            "status": "open",
            "location": "Shanghai",
            "requirements": {"min_years_experience": i % 6, "required_skills": ["go", "sql"]},
            "evaluation_scheme": {
                "dimensions": [
                    {
                        "key": "technical",
                        "name": "Technical",
                        "names": {"zh-CN": "技术"},
                        "weight": 0.6,
                        "department_code": dept,
                    },
                    {"key": "culture", "name": "Culture", "weight": 0.4},
                ]
            },
            "owners": {
                "recruiter_code": f"{p}-E{directors + 1 + i % 50:04}",
                "hiring_manager_code": f"{p}-E{1 + i % directors:04}",
            },
        }

    heads = 10
    position_waves = [
        [position(i, None) for i in range(heads)],
        [position(i, f"{p}-P{i % heads:04}") for i in range(heads, positions)],
    ]
    return [company, division_wave, dept_wave, *people_waves, *position_waves]


async def run_sync(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    waves: list[list[tuple[str, dict[str, Any]]]],
    *,
    concurrency: int = 12,
) -> list[tuple[str, int, int]]:
    """PUT every wave in order, each wave's PUTs concurrently; (path, status, version) each."""
    import asyncio

    gate = asyncio.Semaphore(concurrency)

    async def one(path: str, body: dict[str, Any]) -> tuple[str, int, int]:
        async with gate:
            r = await client.put(path, headers=headers, json=body)
        assert r.status_code in (200, 201), (path, r.status_code, r.text)
        return path, r.status_code, r.json()["version"]

    results: list[tuple[str, int, int]] = []
    for wave in waves:
        results += await asyncio.gather(*(one(path, body) for path, body in wave))
    return results
