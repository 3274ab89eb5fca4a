"""RFC 9457 problem+json for every error; no stack traces, no 500 for bad input."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, model_validator
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from talentloop_shared.characters import (
    DIRECTION_CONTROLS_RE,
    UNSTORABLE_RE,
    unstorable,
    without_direction_controls,
)
from talentloop_shared.db.uow import IdempotencyKeyInUse
from talentloop_shared.errors import ProblemError, conflict, not_found, unprocessable
from talentloop_shared.logging import get_logger

__all__ = [
    "Problem",
    "ProblemError",
    "RequestModel",
    "conflict",
    "install_problem_handlers",
    "not_found",
    "problem_response",
    "problem_responses",
    "unprocessable",
]

log = get_logger(__name__)
PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://talentloop.dev/problems/"


class RequestModel(BaseModel):
    """Base for request bodies: unknown fields are refused (422) so typos surface, and so is
    a NUL or another control character anywhere in the body, naming where it is; direction
    controls are removed (the rules imported cells follow too: `talentloop_shared.characters`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data: Any) -> Any:
        if not _holds(data, _EITHER.search):  # one walk for the usual body
            return data
        if (found := unstorable_path(data)) is not None:
            where, (position, what) = found
            why = (
                ", which cannot be stored"
                if what.startswith("a NUL")
                else f" at character {position}, which no one types and a screen does not show"
            )
            raise ValueError(f"{where or 'the body'}: holds {what}{why}; remove it")
        return without_direction_controls_in(data)


def unstorable_path(data: Any) -> tuple[str, tuple[int, str]] | None:
    """Where the first string holding a character no text may hold (NUL, another control
    character) is in a decoded JSON value (`a.b[2]`; "" for the value itself), and what it
    is (`characters.unstorable`); None. Walked without recursion: a body may nest deeply;
    the path is only spelled out for a body that holds one (every request body is walked)."""
    if not _holds(data, UNSTORABLE_RE.search):
        return None
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if (found := unstorable(value)) is not None:
                return path, found
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if isinstance(key, str) and (found := unstorable(key)) is not None:
                    return (f"{path}.{key!r}" if path else repr(key)), found
                stack.append((f"{path}.{key}" if path else str(key), item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return None


def without_direction_controls_in(data: Any) -> Any:
    """A decoded JSON value with every string (keys too) `without_direction_controls`: the
    value itself when none holds one, else a copy (a caller's dict is never changed).
    Walked without recursion, as `unstorable_path`."""
    if not _holds(data, DIRECTION_CONTROLS_RE.search):
        return data
    root = [data]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        value = parent[key]
        if isinstance(value, str):
            parent[key] = without_direction_controls(value)
        elif isinstance(value, dict):
            copy = {
                without_direction_controls(k) if isinstance(k, str) else k: v
                for k, v in value.items()
            }
            parent[key] = copy
            stack.extend((copy, k) for k in copy)
        elif isinstance(value, list):
            items = list(value)
            parent[key] = items
            stack.extend((items, i) for i in range(len(items)))
    return root[0]


_EITHER = re.compile(f"{UNSTORABLE_RE.pattern}|{DIRECTION_CONTROLS_RE.pattern}")


def _holds(data: Any, search: Callable[[str], object]) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if search(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


class FieldProblem(BaseModel):
    loc: list[str | int]
    msg: str


class Problem(BaseModel):
    """The problem+json body."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldProblem] | None = None


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    type_: str,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + type_,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    for key, value in (extensions or {}).items():
        body.setdefault(key, value)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_CONTENT_TYPE, headers=headers)


def _loc_str(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


def install_problem_handlers(app: FastAPI) -> None:
    """Register handlers that turn every error into problem+json."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.title,
            exc.detail,
            type_=exc.type,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            extensions=exc.extensions,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            loc = list(err.get("loc", []))
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            if err.get("type") == "extra_forbidden":
                msg = "unknown field (not part of this request's schema)"
            elif err.get("type") == "json_invalid":
                msg = "the body is not valid JSON: " + str(err.get("ctx", {}).get("error", ""))
            errors.append({"loc": loc, "msg": msg})
        summary = "; ".join(f"{_loc_str(e['loc'])}: {e['msg']}" for e in errors[:3])
        if len(errors) > 3:
            summary += f" (and {len(errors) - 3} more)"
        return problem_response(
            422,
            "Unprocessable Content",
            summary or "invalid request",
            type_="validation",
            instance=request.url.path,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {
            400: "Bad Request",
            401: "Unauthorized",
            404: "Not Found",
            405: "Method Not Allowed",
            413: "Content Too Large",
            415: "Unsupported Media Type",
        }
        title = titles.get(exc.status_code, "Error")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no endpoint at {request.url.path}"
        elif exc.status_code == 413:
            limit = request.scope.get("starlette.max_body_size")
            detail = "the request body is larger than this endpoint accepts" + (
                f" ({limit} bytes)" if limit else ""
            )
        return problem_response(
            exc.status_code,
            title,
            detail,
            type_=title.lower().replace(" ", "-"),
            instance=request.url.path,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(IdempotencyKeyInUse)
    async def _idem(request: Request, exc: IdempotencyKeyInUse) -> JSONResponse:
        return problem_response(
            409,
            "Conflict",
            "a request with this Idempotency-Key is already being processed; retry shortly",
            type_="idempotency-in-progress",
            instance=request.url.path,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # Races the use case could not see coming (two creates at once): the database's
        # constraints answer, and the client gets a conflict, not a 500.
        log.warning("http.integrity_error", error=str(exc.orig)[:300])
        return problem_response(
            409,
            "Conflict",
            "the change conflicts with existing data: " + _constraint(exc),
            type_="conflict",
            instance=request.url.path,
        )

    def _database_problem(request: Request, sqlstate: str, error: object) -> JSONResponse:
        if sqlstate.startswith("22"):
            # SQLSTATE class 22, "data exception": a value the database cannot take (a NUL
            # byte in text, a number out of range). The input is at fault, not the server.
            log.info("http.data_exception", sqlstate=sqlstate)
            return problem_response(
                422,
                "Unprocessable Content",
                "a value in the request cannot be stored or compared (for example a NUL "
                "character in text, or a number out of range)",
                type_="validation",
                instance=request.url.path,
            )
        if sqlstate.startswith("40"):
            # Class 40, "transaction rollback": a deadlock with, or a serialization failure
            # against, another change to the same records at the same moment. Nothing was
            # written; the same request sent again goes through.
            log.warning("http.concurrent_change", sqlstate=sqlstate)
            return problem_response(
                409,
                "Conflict",
                "another change to the same records ran at the same moment, and this one was "
                "rolled back (nothing of it was written); send it again",
                type_="concurrent-change",
                instance=request.url.path,
                headers={"Retry-After": "1"},
            )
        log.error("http.database_error", error=str(error)[:300])
        return _unavailable(request, "the database is not reachable right now; retry later", 5)

    def _unavailable(request: Request, detail: str, retry_after: int) -> JSONResponse:
        return problem_response(
            503,
            "Service Unavailable",
            detail,
            type_="unavailable",
            instance=request.url.path,
            headers={"Retry-After": str(retry_after)},
        )

    @app.exception_handler(DBAPIError)
    async def _db(request: Request, exc: DBAPIError) -> JSONResponse:
        return _database_problem(request, str(getattr(exc.orig, "sqlstate", "") or ""), exc.orig)

    # Reads run on asyncpg directly (talentloop_shared.db.reads): the same answers.
    @app.exception_handler(asyncpg.PostgresError)
    async def _pg(request: Request, exc: asyncpg.PostgresError) -> JSONResponse:
        return _database_problem(request, str(getattr(exc, "sqlstate", "") or ""), exc)

    @app.exception_handler(PoolTimeout)
    async def _pool_timeout(request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every connection stayed busy for the whole pool timeout: the service is saturated.
        # Nothing was written (the request never reached the database); say when to retry.
        log.warning("http.pool_exhausted", path=request.url.path)
        busy = "the service is busy (every database connection is in use); retry shortly"
        return _unavailable(request, busy, 1)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("http.unhandled_error", path=request.url.path)
        return problem_response(
            500,
            "Internal Server Error",
            "something went wrong on our side; the request id identifies it in our logs",
            type_="internal",
            instance=request.url.path,
        )


def _constraint(exc: IntegrityError) -> str:
    name = getattr(exc.orig, "constraint_name", None) or getattr(
        getattr(exc.orig, "__cause__", None), "constraint_name", None
    )
    return f"constraint {name}" if name else "a uniqueness or reference rule"


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting problem+json errors."""
    descriptions = {
        400: "Bad request",
        401: "Missing or invalid token",
        403: "The token lacks the required role",
        404: "Not found",
        409: "Conflicts with the current state",
        410: "Gone for good (e.g. erased at the person's request)",
        412: "If-Match does not match the current version",
        413: "The request body is too large",
        422: "Validation failed; `errors` lists each field",
        429: "Too many requests; retry after the time in Retry-After",
    }
    return {
        s: {
            "model": Problem,
            "description": descriptions.get(s, "Error"),
            "content": {PROBLEM_CONTENT_TYPE: {}},
        }
        for s in statuses
    }
