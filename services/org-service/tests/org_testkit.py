"""Helpers of the org-service tests: create units and positions through the API."""

from __future__ import annotations

import uuid
from typing import Any

import httpx


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
