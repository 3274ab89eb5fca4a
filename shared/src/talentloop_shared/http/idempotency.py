"""`Idempotency-Key` for POSTs: the same key and body replay the first response.

The key is claimed inside the use case's own transaction (see `UnitOfWork.commit`), so
a retry can never produce a second effect; the response is stored right after. Keys and
their responses are forgotten after the retention period (`purge_expired_keys`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import CursorResult, delete
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.auth.jwt import authenticate, authorize, route_roles
from talentloop_shared.db.tables import idempotency_keys
from talentloop_shared.db.uow import IdempotencyClaim, idempotency_claim
from talentloop_shared.http.lean import lean_handler
from talentloop_shared.http.problems import ProblemError

HEADER = "Idempotency-Key"
_LOOKUP = (
    "SELECT request_hash, status_code, response_body, response_headers "
    "FROM idempotency_keys WHERE scope = $1"
)
_STORE = (
    "UPDATE idempotency_keys SET status_code = $2, response_body = $3::jsonb, "
    "response_headers = $4::jsonb WHERE scope = $1 AND status_code IS NULL"
)
_REPLAYED_HEADERS = ("location", "etag", "content-type")


async def purge_expired_keys(session: AsyncSession, *, hours: int) -> int:
    """Forget keys (and the responses stored with them) older than `hours`; how many."""
    cutoff = datetime.now(UTC) - timedelta(hours=hours)
    result = cast(
        CursorResult[Any],
        await session.execute(
            delete(idempotency_keys).where(idempotency_keys.c.created_at < cutoff)
        ),
    )
    return int(result.rowcount)


# The width of `idempotency_keys.scope`. A long subject, path and key (each allowed) can
# together exceed it; such a scope is stored as its digest, so that every key accepted
# can be claimed (a scope that fits is stored as it is, as before).
_SCOPE_WIDTH: int = idempotency_keys.c.scope.type.length  # type: ignore[attr-defined]


def _scope(scope: str) -> str:
    if len(scope) <= _SCOPE_WIDTH:
        return scope
    return "sha256:" + hashlib.sha256(scope.encode()).hexdigest()


class IdempotentRoute(APIRoute):
    """APIRoute that asks who is calling before anything else, and honours
    Idempotency-Key on POST.

    FastAPI reads and decodes a body before it solves a route's dependencies, so without
    the first step a caller with no token learnt from a 422 that a route takes JSON and
    how their body failed, and a dependency that reads the database (HR's spellings) ran
    for them. A route's `require_roles` dependency is checked here first (401, then
    403); the dependency itself then finds the verified principal on the request."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        standard = super().get_route_handler()
        declared = route_roles(self.dependant)
        roles = declared[0] if declared is not None else None
        serve = lean_handler(self.dependant, standard) or standard

        async def original(request: Request) -> Response:
            if roles is not None:
                authorize(await authenticate(request), roles)
            return await serve(request)

        if "POST" not in (self.methods or set()):
            return original

        async def handler(request: Request) -> Response:
            key = request.headers.get(HEADER)
            if not key:
                return await original(request)
            if len(key) > 200:
                raise ProblemError(
                    400,
                    "Bad Request",
                    f"{HEADER} must be at most 200 characters",
                    type_="bad-idempotency-key",
                )
            # Who is asking comes first: a stored response is shown only to the verified
            # principal that made it, and a forged or expired token gets its 401 (a wrong
            # role its 403) before any key is looked up.
            subject = "public"
            if roles is not None:
                principal = await authenticate(request)
                authorize(principal, roles)
                subject = "sub:" + principal.sub
            body = await request.body()
            request_hash = hashlib.sha256(request.url.query.encode() + b"\n" + body).hexdigest()
            scope = _scope(f"{subject}:{request.method}:{request.url.path}:{key}")
            reads = request.app.state.runtime.reads
            # One statement each, outside a transaction: the lookup, and the response stored
            # after the use case's commit (a session would add BEGIN and COMMIT to both).
            row = await reads.fetchrow(_LOOKUP, scope)
            if row is not None:
                if row["request_hash"] != request_hash:
                    raise ProblemError(
                        422,
                        "Unprocessable Content",
                        f"this {HEADER} was already used with a different request; "
                        "use a new key for a new request",
                        type_="idempotency-key-reused",
                    )
                if row["status_code"] is None:
                    # The key is claimed in the use case's own transaction: a row means the
                    # first request's change committed. Only its response is missing: being
                    # stored right now, or lost if the server stopped in between.
                    raise ProblemError(
                        409,
                        "Conflict",
                        f"the first request with this {HEADER} was applied, but its response "
                        "is not recorded (yet, or at all if the server stopped in between); "
                        "read the resource to see the outcome",
                        type_="idempotency-response-pending",
                    )
                headers = dict(row["response_headers"] or {})
                headers["Idempotent-Replayed"] = "true"
                return JSONResponse(
                    row["response_body"], status_code=row["status_code"], headers=headers
                )
            token = idempotency_claim.set(IdempotencyClaim(scope, request_hash))
            try:
                response = await serve(request)  # the caller was admitted above
            finally:
                idempotency_claim.reset(token)
            body_bytes = getattr(response, "body", None)
            if 200 <= response.status_code < 300 and body_bytes:
                # The body is stored as the JSON text it already is (a JSON response's
                # own bytes), not decoded and encoded again; anything else is not replayed.
                kind = response.headers.get("content-type", "")
                stored = bytes(body_bytes).decode() if "json" in kind else None
                headers = {
                    k: v for k, v in response.headers.items() if k.lower() in _REPLAYED_HEADERS
                }
                async with reads.connection() as conn:
                    await conn.execute(
                        _STORE, scope, response.status_code, stored, orjson.dumps(headers).decode()
                    )
            return response

        return handler
