"""docs/authorization.md is the reviewed table of who may call what; this walks every route
of the four running services with each role, with no token and with a forged token, and
fails where a service behaves differently from the table (or has a route it lacks)."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from talentloop_shared.auth.authorization import (
    columns,
    parse_authorization_markdown,
    route_access,
)
from talentloop_shared.auth.jwt import ROLES
from talentloop_shared.testing.harness import RunningService, service_under_test

ROOT = Path(__file__).resolve().parents[1]
TABLE = parse_authorization_markdown((ROOT / "docs/authorization.md").read_text())
_PARAM = re.compile(r"\{([^}]+)\}")


def _services() -> list[tuple[Any, Any, str]]:
    from notify_service import config as notify_config
    from notify_service import main as notify_main
    from org_service import config as org_config
    from org_service import main as org_main
    from recruiting_service import config as recruiting_config
    from recruiting_service import main as recruiting_main
    from talent_service import config as talent_config
    from talent_service import main as talent_main

    return [
        (org_main.definition, org_config.Settings, org_main.MIGRATIONS),
        (recruiting_main.definition, recruiting_config.Settings, recruiting_main.MIGRATIONS),
        (notify_main.definition, notify_config.Settings, notify_main.MIGRATIONS),
        (talent_main.definition, talent_config.Settings, talent_main.MIGRATIONS),
    ]


@pytest_asyncio.fixture(scope="module")
async def running(databases, amqp_url, amqp_namespace) -> AsyncIterator[list[RunningService]]:
    started: list[RunningService] = []
    contexts = []
    try:
        for definition, settings, migrations in _services():
            name = settings.model_fields["service_name"].default
            ctx = service_under_test(
                definition,
                settings,
                databases=databases,
                amqp_url=amqp_url,
                namespace=f"{amqp_namespace}authz-{name}.",
                migrations=migrations,
            )
            started.append(await ctx.__aenter__())
            contexts.append(ctx)
        yield started
    finally:
        for ctx in reversed(contexts):
            await ctx.__aexit__(None, None, None)


def _concrete(path: str) -> str:
    # Any well-formed id: nothing exists, so allowed callers get a 404 or 422, never a 403.
    return _PARAM.sub(lambda m: str(uuid.uuid4()) if "token" not in m[1] else "x" * 43, path)


def _forged(token: str) -> str:
    head, payload, _ = token.split(".")
    return f"{head}.{payload}.{'A' * 43}"


# Bodies a caller may send before anything is known of them: FastAPI reads a body before
# it solves a route's dependencies, so each must still meet the token check first.
_BROKEN_BODIES = (
    ("application/json", b'{"name": "Ada'),
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data"),
    ("application/x-www-form-urlencoded", b"%ZZ=%%&" * 3),
)


async def _call(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    headers: dict,
    body: tuple[str, bytes] | None = None,
) -> int:
    kwargs: dict[str, Any] = {"headers": headers}
    if body is not None:
        kwargs["headers"] = {**headers, "content-type": body[0]}
        kwargs["content"] = body[1]
    elif method in {"POST", "PUT", "PATCH"}:
        kwargs["json"] = {}
    response = await client.request(method, path, **kwargs)
    return response.status_code


async def test_every_route_behaves_as_the_matrix_says(running, token) -> None:
    mismatches: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for svc in running:
        definition = svc.runtime.definition
        for access in route_access(definition):
            key = (definition.name, access.method, access.path)
            seen.add(key)
            expected = TABLE.get(key)
            if expected is None:
                mismatches.append(f"{key}: not in docs/authorization.md (run `make docs`)")
                continue
            cells = dict(zip(columns(), expected, strict=True))
            path = _concrete(access.path)
            for role in ROLES:
                status = await _call(
                    svc.client,
                    access.method,
                    path,
                    {"Authorization": f"Bearer {token(role, sub=f'authz-{role}')}"},
                )
                if cells[role] == "own":
                    # Admitted, then held to their own records. Nobody owns a random id:
                    # refused or not found (or the request is invalid before any record is
                    # read), never a 401; a list is the caller's own (here: empty).
                    ok = status in (403, 404, 422) or (
                        status == 200 and access.method == "GET" and "{" not in access.path
                    )
                else:
                    ok = (status not in (401, 403)) == (cells[role] == "yes")
                if not ok:
                    mismatches.append(f"{key} as {role}: {status}, table says {cells[role]}")
            anonymous = await _call(svc.client, access.method, path, {})
            forged = await _call(
                svc.client,
                access.method,
                path,
                {"Authorization": f"Bearer {_forged(token('hr_admin'))}"},
            )
            checks = [("no token", anonymous), ("forged token", forged)]
            if access.method in {"POST", "PUT", "PATCH"}:
                for body in _BROKEN_BODIES:
                    status = await _call(svc.client, access.method, path, {}, body)
                    checks.append((f"no token, body {body[0]}", status))
            for column, status in checks:
                cell = cells[column.split(",")[0]]
                ok = status == 401 if cell == "401" else status not in (401, 403)
                if not ok:
                    mismatches.append(f"{key} with {column}: {status}, table says {cell}")
    stale = sorted(set(TABLE) - seen)
    assert not stale, f"routes in the table that no service has: {stale}"
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_column_is_in_the_matrix(role: str) -> None:
    assert role in columns()
