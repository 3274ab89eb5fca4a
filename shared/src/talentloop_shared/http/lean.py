"""A shorter request path for the routes most requests take.

FastAPI's handler is general: for every request it walks the dependency tree, building a
cache key per dependency, reading query, header and cookie parameters (none declared or
not), preparing a sub-response and exit stacks, then validates the endpoint's return value
against the response model. For a read by key that is ~70 µs of a ~400 µs request
(profiled; most of it in `solve_dependencies`).

`lean_handler` answers the routes whose shape needs none of that: parameters from the
path and the query only, dependencies that each take just the request (the role check,
the unit of work or reads), at most one body (a JSON model), and an endpoint that returns
a `Response` itself. A request whose body is anything but plain JSON with a declared
length (no content type, a form, streamed, malformed) goes to FastAPI's handler.
It does what FastAPI does for that shape, in the same order and with FastAPI's own
parameter validation: the body read and decoded first, then each dependency once (the first
error, e.g. a 401, wins as in FastAPI, which solves dependencies before parameters), then
the path and query parameters and the body validated (all errors together as one
`RequestValidationError`), then the endpoint. Any other route,
or any app with `dependency_overrides` set (tests), takes FastAPI's handler. The OpenAPI
document is FastAPI's: the route and its dependant are unchanged.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import typing
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response, params
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_body_to_args, request_params_to_args
from fastapi.exceptions import RequestValidationError
from starlette.routing import Match, get_route_path
from starlette.types import Scope

Handler = Callable[[Request], Coroutine[Any, Any, Response]]

# What a dependant may not declare and take the lean path (headers, cookies, background
# tasks, a sub-response, security scopes, websockets send the route down FastAPI's own
# path; a body only as `_json_body` allows).
_UNSUPPORTED = (
    "header_params",
    "cookie_params",
    "background_tasks_param_name",
    "response_param_name",
    "security_scopes_param_name",
    "websocket_param_name",
    "http_connection_param_name",
)


def _returns_response(call: Callable[..., Any]) -> bool:
    """Whether the endpoint is declared to answer with a `Response` it builds (its
    signature, which a generated endpoint sets, or its annotations)."""
    answer = inspect.signature(call).return_annotation
    if isinstance(answer, str):
        try:
            answer = typing.get_type_hints(call).get("return")
        except Exception:  # unresolvable annotations: not ours to guess
            return False
    return isinstance(answer, type) and issubclass(answer, Response)


def _json_body(dependant: Dependant) -> Any | None:
    """The route's body field when it is one JSON model, not embedded (`body: Model` or
    `Model | None`), which FastAPI validates as the whole body; else None."""
    if len(dependant.body_params) != 1:
        return None
    field = dependant.body_params[0]
    info = field.field_info
    if not isinstance(info, params.Body) or isinstance(info, params.Form) or info.embed:
        return None
    return field


def _json_type(content_type: str) -> bool:
    """Whether FastAPI reads a body of this content type as JSON (application/json or
    application/<anything>+json)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    main, _, sub = kind.partition("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))


async def _plain_json(request: Request) -> tuple[bool, Any]:
    """(True, the decoded body) for a request FastAPI would read as JSON without a
    question: a JSON content type, a declared length (so no size limit can stop the read),
    a body that decodes. (False, None) for anything else — no or another content type,
    streamed, empty, not JSON, the client gone mid-way: FastAPI's handler then reads the
    body (Starlette keeps what was read) and answers as it does."""
    headers = request.headers
    content_type = headers.get("content-type")
    if content_type is None or not _json_type(content_type):
        return False, None
    if "content-length" not in headers or "transfer-encoding" in headers:
        return False, None
    try:
        raw = await request.body()
        return (True, json.loads(raw)) if raw else (False, None)
    except Exception:  # not JSON, or the client disconnected: FastAPI's answer
        return False, None


def _request_only(sub: Dependant) -> bool:
    """A dependency that takes the request and nothing else, called once: a coroutine
    function, or an async generator (the unit of work) whose code after `yield` runs
    when the endpoint has answered or raised."""
    return (
        sub.name is not None
        and sub.request_param_name is not None
        and not sub.dependencies
        and not sub.path_params
        and not sub.query_params
        and sub.use_cache
        and (inspect.iscoroutinefunction(sub.call) or inspect.isasyncgenfunction(sub.call))
        and not any(getattr(sub, name) for name in _UNSUPPORTED)
    )


def lean_handler(dependant: Dependant, standard: Handler) -> Handler | None:
    """The lean handler of a route of the supported shape (`standard` when the app has
    dependency overrides), or None: the route keeps FastAPI's handler."""
    call = dependant.call
    if (
        call is None
        or not inspect.iscoroutinefunction(call)
        or not _returns_response(call)
        or any(getattr(dependant, name) for name in _UNSUPPORTED)
        or (dependant.body_params and _json_body(dependant) is None)
        or not all(_request_only(sub) for sub in dependant.dependencies)
    ):
        return None
    body_fields = dependant.body_params
    # (parameter name, the dependency as a coroutine or context manager factory, whether
    # it is a context manager, its request parameter's name)
    subs: list[tuple[str, Callable[..., Any], bool, str]] = []
    for sub in dependant.dependencies:
        assert sub.name is not None and sub.request_param_name is not None and sub.call
        managed = inspect.isasyncgenfunction(sub.call)
        factory = contextlib.asynccontextmanager(sub.call) if managed else sub.call
        subs.append((sub.name, factory, managed, sub.request_param_name))
    path_params = dependant.path_params
    query_params = dependant.query_params
    request_param = dependant.request_param_name

    async def handler(request: Request) -> Response:
        if request.app.dependency_overrides:
            return await standard(request)
        body: Any = None
        if body_fields:
            # As FastAPI: the body is read and decoded before any dependency runs.
            plain, body = await _plain_json(request)
            if not plain:
                return await standard(request)
        async with contextlib.AsyncExitStack() as stack:
            values: dict[str, Any] = {}
            solved: dict[Any, Any] = {}
            for name, dependency, managed, param in subs:
                if dependency not in solved:
                    made = dependency(**{param: request})
                    solved[dependency] = await (
                        stack.enter_async_context(made) if managed else made
                    )
                values[name] = solved[dependency]
            errors: list[Any] = []
            if path_params:
                found, errors = request_params_to_args(path_params, request.path_params)
                values.update(found)
            if query_params:
                found, query_errors = request_params_to_args(query_params, request.query_params)
                values.update(found)
                errors += query_errors
            if body_fields:
                found, body_errors = await request_body_to_args(
                    body_fields, received_body=body, embed_body_fields=False
                )
                values.update(found)
                errors += body_errors
            if errors:
                raise RequestValidationError(errors, body=body)
            if request_param:
                values[request_param] = request
            response: Response = await call(**values)
        return response

    return handler


class PrefixedRouter(APIRouter):
    """An `APIRouter` that a request outside its prefix skips at once.

    FastAPI asks every included router in turn whether a request is its own, and each
    answers by trying its routes one by one (their regular expressions, in FastAPI's
    route-context bookkeeping), then the router that matched tries them again to handle
    it: a read of `/api/v1/positions/{id}` was tried against every route of the routers
    included before it, ~20 % of its time. Every route of this router lies under its
    prefix (and the prefix it was included under), so a path outside both matches none
    of them."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        included = scope.get("fastapi", {}).get("included_router")
        context = getattr(included, "include_context", None)
        if context is not None and getattr(included, "original_router", None) is self:
            if not get_route_path(scope).startswith(context.prefix + self.prefix):
                return Match.NONE, {}
        return super().matches(scope)
