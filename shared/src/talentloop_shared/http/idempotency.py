"""`Idempotency-Key` for POSTs: the same key and body replay the first response.

The key is claimed inside the use case's own transaction (see `UnitOfWork.commit`), so
a retry can never produce a second effect; the response is stored right after. Keys and
their responses are forgotten after the retention period (`purge_expired_keys`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import jwt
from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.tables import idempotency_keys
from talentloop_shared.db.uow import IdempotencyClaim, idempotency_claim
from talentloop_shared.http.problems import ProblemError

HEADER = "Idempotency-Key"
_REPLAYED_HEADERS = ("location", "etag", "content-type")


def _subject(request: Request) -> str:
    # Unverified read, only to scope the key per caller: the route's auth dependency still
    # verifies the token before anything happens.
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        try:
            claims = jwt.decode(auth[7:], options={"verify_signature": False})
            return str(claims.get("sub", "anonymous"))
        except jwt.PyJWTError:
            return "anonymous"
    return "anonymous"


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


class IdempotentRoute(APIRoute):
    """APIRoute that honours Idempotency-Key on POST."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()
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
            body = await request.body()
            request_hash = hashlib.sha256(request.url.query.encode() + b"\n" + body).hexdigest()
            scope = f"{_subject(request)}:{request.method}:{request.url.path}:{key}"
            sessions = request.app.state.runtime.session_factory
            async with sessions() as session:
                row = (
                    await session.execute(
                        select(idempotency_keys).where(idempotency_keys.c.scope == scope)
                    )
                ).first()
            if row is not None:
                if row.request_hash != request_hash:
                    raise ProblemError(
                        422,
                        "Unprocessable Content",
                        f"this {HEADER} was already used with a different request; "
                        "use a new key for a new request",
                        type_="idempotency-key-reused",
                    )
                if row.status_code is None:
                    raise ProblemError(
                        409,
                        "Conflict",
                        f"the first request with this {HEADER} is still being processed",
                        type_="idempotency-in-progress",
                    )
                headers = dict(row.response_headers or {})
                headers["Idempotent-Replayed"] = "true"
                return JSONResponse(row.response_body, status_code=row.status_code, headers=headers)
            token = idempotency_claim.set(IdempotencyClaim(scope, request_hash))
            try:
                response = await original(request)
            finally:
                idempotency_claim.reset(token)
            if 200 <= response.status_code < 300 and getattr(response, "body", None):
                try:
                    stored = json.loads(bytes(response.body))
                except ValueError:
                    stored = None
                headers = {
                    k: v for k, v in response.headers.items() if k.lower() in _REPLAYED_HEADERS
                }
                async with sessions() as session:
                    await session.execute(
                        update(idempotency_keys)
                        .where(idempotency_keys.c.scope == scope)
                        .where(idempotency_keys.c.status_code.is_(None))
                        .values(
                            status_code=response.status_code,
                            response_body=stored,
                            response_headers=headers,
                        )
                    )
                    await session.commit()
            return response

        return handler
