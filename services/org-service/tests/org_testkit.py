"""Helpers of the org-service tests: units and positions through the API, import files."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from typing import Any

import httpx
from openpyxl import Workbook

from org_service.domain.imports.positions import POSITION_COLUMNS


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
