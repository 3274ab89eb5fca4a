"""The lean request path answers exactly as FastAPI's own handler would, and a router
skips a request outside its prefix without changing which route answers."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Body, Depends, FastAPI, Header, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from talentloop_shared.http.lean import lean_handler
from talentloop_shared.http.problems import ProblemError, install_problem_handlers
from talentloop_shared.service import api_router

events: list[str] = []


async def caller(request: Request) -> str:
    """Like the role check: a 401 before anything else is looked at."""
    who = request.headers.get("x-who")
    if not who:
        raise ProblemError(401, "Unauthorized", "who are you?", type_="unauthorized")
    return who


async def unit_of_work(request: Request) -> AsyncIterator[str]:
    """Like `get_uow`: opened before the endpoint, closed after it answered or raised."""
    events.append("open")
    try:
        yield "uow"
    except Exception as exc:
        events.append(f"rolled back on {type(exc).__name__}")
        raise
    finally:
        events.append("closed")


Caller = Annotated[str, Depends(caller)]
Uow = Annotated[str, Depends(unit_of_work)]


class Filters(BaseModel):
    status: Annotated[str | None, Query(max_length=5)] = None


class Act(BaseModel):
    reason: str = Field(max_length=10)
    count: int = 1


def never_called() -> None:
    raise AssertionError("an override is only there to send requests down FastAPI's path")


def build_app(*, standard: bool) -> FastAPI:
    """The same routes; `standard` sets an unused dependency override, which sends every
    request down FastAPI's own handler."""
    router = api_router(prefix="/api/v1/things", tags=["things"])

    @router.get("/{thing_id}")
    async def read(thing_id: uuid.UUID, uow: Uow, who: Caller, again: Caller) -> Response:
        events.append(f"read {thing_id} by {who}/{again} in {uow}")
        return Response(f'{{"id": "{thing_id}"}}', media_type="application/json")

    @router.get("")
    async def listing(
        query: Annotated[Filters, Query()],
        who: Caller,
        limit: Annotated[int, Query(ge=1, le=50)] = 10,
    ) -> Response:
        return Response(f"{query.status}:{limit}:{who}", headers={"ETag": '"1"'})

    @router.post("/{thing_id}/fail")
    async def fail(thing_id: uuid.UUID, uow: Uow, who: Caller) -> Response:
        raise ProblemError(409, "Conflict", f"{thing_id} cannot", type_="conflict")

    @router.post("/{thing_id}/act")
    async def act(thing_id: uuid.UUID, body: Act, uow: Uow, who: Caller) -> Response:
        events.append(f"act {body.reason} x{body.count} by {who}")
        return Response(f"{thing_id}:{body.model_dump_json()}", status_code=201)

    @router.post("/{thing_id}/maybe")
    async def maybe(thing_id: uuid.UUID, who: Caller, body: Act | None = None) -> Response:
        return Response(body.model_dump_json() if body else "no body")

    @router.post("/{thing_id}/embedded")
    async def embedded(
        thing_id: uuid.UUID, who: Caller, act: Annotated[Act, Body(embed=True)]
    ) -> Response:
        return Response(act.reason)

    @router.get("/{thing_id}/header")
    async def with_header(
        thing_id: uuid.UUID, who: Caller, x_extra: Annotated[str | None, Header()] = None
    ) -> Response:
        return Response(f"{x_extra}")

    @router.get("/{thing_id}/model")
    async def as_model(thing_id: uuid.UUID, who: Caller) -> Filters:
        return Filters(status="ok")

    other = api_router(prefix="/api/v1/others", tags=["others"])

    @other.get("/{other_id}")
    async def read_other(other_id: int, who: Caller) -> Response:
        return Response(f"other {other_id}")

    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(router)
    app.include_router(other)
    if standard:
        app.dependency_overrides[never_called] = never_called
    return app


def test_only_routes_of_the_simple_shape_take_the_lean_path() -> None:
    included = [getattr(r, "original_router", None) for r in build_app(standard=False).routes]
    routes = {
        r.name: r
        for router in included
        if router is not None
        for r in router.routes
        if isinstance(r, APIRoute) and r.path.startswith("/api/v1/things")
    }
    lean = {name for name, r in routes.items() if lean_handler(r.dependant, r.app) is not None}
    # A header parameter, an embedded body, or an endpoint that answers with a model keeps
    # FastAPI's path.
    assert lean == {"read", "listing", "fail", "act", "maybe"}


ACT = f"/api/v1/things/{uuid.UUID(int=5)}/act"
MAYBE = f"/api/v1/things/{uuid.UUID(int=5)}/maybe"
JSON = {"x-who": "ann", "content-type": "application/json"}
POST = "POST"


async def _streamed() -> AsyncIterator[bytes]:
    yield b'{"reason": '
    yield b'"streamed"}'


# (method, URL, headers, body): each is sent to both paths.
REQUESTS: list[tuple[str, str, dict[str, str], Any]] = [
    ("GET", f"/api/v1/things/{uuid.UUID(int=7)}", {"x-who": "ann"}, None),
    ("GET", f"/api/v1/things/{uuid.UUID(int=7)}", {}, None),  # 401 before the path is looked at
    ("GET", "/api/v1/things/not-a-uuid", {"x-who": "ann"}, None),  # 422
    ("GET", "/api/v1/things/not-a-uuid", {}, None),  # 401 wins over 422, as in FastAPI
    ("GET", "/api/v1/things?status=open&limit=3", {"x-who": "ann"}, None),
    ("GET", "/api/v1/things?status=toolong&limit=0", {"x-who": "ann"}, None),  # both errors
    ("GET", "/api/v1/things", {"x-who": "ann"}, None),  # defaults
    ("POST", f"/api/v1/things/{uuid.UUID(int=8)}/fail", {"x-who": "ann"}, None),  # 409 inside
    ("GET", f"/api/v1/things/{uuid.UUID(int=9)}/header", {"x-who": "a", "x-extra": "e"}, None),
    ("GET", f"/api/v1/things/{uuid.UUID(int=9)}/model", {"x-who": "a"}, None),
    ("GET", "/api/v1/others/12", {"x-who": "bo"}, None),
    ("GET", "/api/v1/others/twelve", {"x-who": "bo"}, None),
    ("DELETE", "/api/v1/others/12", {"x-who": "bo"}, None),  # 405: the path is there
    ("GET", "/api/v1/nothing/here", {"x-who": "bo"}, None),  # 404
    ("GET", "/api/v1/thingsx/1", {"x-who": "bo"}, None),  # under no router's prefix
    (POST, ACT, JSON, b'{"reason": "late", "count": 2}'),
    (POST, ACT, {**JSON, "content-type": "application/merge-patch+json"}, b'{"reason": "x"}'),
    (POST, ACT, JSON, b'{"reason": "far too long a reason", "count": "many"}'),  # 422 both
    (POST, ACT, JSON, b'{"reason": '),  # not JSON
    (POST, ACT, {"x-who": "ann", "content-type": "application/json"}, b""),  # no body
    (POST, ACT, {"x-who": "ann"}, b'{"reason": "x"}'),  # no content type
    (POST, ACT, {"x-who": "ann", "content-type": "text/plain"}, b'{"reason": "x"}'),
    (POST, ACT, {"content-type": "application/json"}, b'{"reason": "x"}'),  # 401
    (POST, ACT, {"content-type": "application/json"}, b'{"reason": '),  # 422 before 401
    (POST, "/api/v1/things/not-a-uuid/act", JSON, b'{"count": "x"}'),  # every error
    (POST, ACT, JSON, "stream"),  # no declared length
    (POST, MAYBE, JSON, b"null"),
    (POST, MAYBE, JSON, b'{"reason": "ok"}'),
    (POST, MAYBE, {"x-who": "ann"}, b""),
    (POST, f"/api/v1/things/{uuid.UUID(int=5)}/embedded", JSON, b'{"act": {"reason": "e"}}'),
]


async def _answers(app: FastAPI) -> list[tuple[int, bytes, dict[str, str], list[str]]]:
    out = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for method, url, headers, body in REQUESTS:
            events.clear()
            content = _streamed() if body == "stream" else body
            r = await client.request(method, url, headers=headers, content=content)
            out.append((r.status_code, r.content, dict(r.headers), list(events)))
    return out


async def test_the_lean_path_answers_as_fastapis_own_handler() -> None:
    lean = await _answers(build_app(standard=False))
    standard = await _answers(build_app(standard=True))
    for request, mine, theirs in zip(REQUESTS, lean, standard, strict=True):
        assert mine == theirs, request
    statuses = [answer[0] for answer in lean[:15]]
    assert statuses == [200, 401, 422, 401, 200, 422, 200, 409, 200, 200, 200, 422, 405, 404, 404]
    assert [a[0] for a in lean[15:]] == [
        *(201, 201, 422, 422, 422, 422, 422, 401, 422, 422, 201),
        *(200, 200, 200, 200),
    ]
    assert lean[15][3] == ["open", "act late x2 by ann", "closed"]
    # The unit of work opened and closed around the read, and saw the endpoint's error.
    assert lean[0][3] == ["open", f"read {uuid.UUID(int=7)} by ann/ann in uow", "closed"]
    assert lean[7][3] == ["open", "rolled back on ProblemError", "closed"]
    assert len(lean[5][1]) > 0 and b"status" in lean[5][1] and b"limit" in lean[5][1]


@pytest.mark.parametrize("path", ["/api/v1/others/3", "/api/v1/things"])
async def test_a_request_outside_a_routers_prefix_is_not_tried_against_its_routes(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(standard=False)
    tried: list[str] = []
    original = APIRoute.matches

    def counting(self: APIRoute, scope: Any) -> Any:
        tried.append(self.path)
        return original(self, scope)

    monkeypatch.setattr(APIRoute, "matches", counting)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        r = await client.get(path, headers={"x-who": "ann"})
    assert r.status_code == 200
    prefix = "/api/v1/others" if "others" in path else "/api/v1/things"
    assert tried and all(p.startswith(prefix) for p in tried), tried
