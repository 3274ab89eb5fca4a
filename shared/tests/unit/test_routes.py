"""`Resource` routes: what they give the use case, what they answer, what the document says
(the same as a hand-written endpoint), and declarations that cannot work fail at import."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Query, Response
from pydantic import BaseModel

from talentloop_shared.auth.jwt import Principal
from talentloop_shared.errors import ExpectedVersion
from talentloop_shared.http import CursorQuery, IfMatch, LimitQuery, Page, problem_responses
from talentloop_shared.http.problems import install_problem_handlers
from talentloop_shared.http.routes import Resource, with_etag
from talentloop_shared.service import UowDep, api_router, get_reads, get_uow

UOW = object()
Caller = Annotated[Principal, Depends(lambda: Principal(sub="alice", roles=frozenset({"x"})))]
Boss = Annotated[Principal, Depends(lambda: Principal(sub="boss", roles=frozenset({"y"})))]


@dataclass
class Row:
    id: uuid.UUID
    version: int
    name: str


class ThingRead(BaseModel):
    id: uuid.UUID
    version: int
    name: str

    @classmethod
    def from_row(cls, row: Row) -> ThingRead:
        return cls(id=row.id, version=row.version, name=row.name)


class ThingChange(BaseModel):
    name: str = "renamed"


class ThingFilters(BaseModel):
    name: Annotated[str | None, Query(max_length=20, description="Only this name")] = None


calls: list[tuple[str, dict[str, Any]]] = []


def _recording(name: str, answer: Any = None) -> Any:
    async def use_case(uow: object, **kwargs: Any) -> Any:
        assert uow is UOW
        calls.append((name, kwargs))
        return answer

    return use_case


ROW = Row(uuid.UUID(int=7), 3, "seven")


async def get_thing(uow: object, *, thing_id: uuid.UUID) -> Row:
    calls.append(("get", {"thing_id": thing_id}))
    return ROW


async def update_thing(
    uow: object, *, thing_id: uuid.UUID, change: ThingChange, expected: ExpectedVersion, by: str
) -> Row:
    calls.append(("update", {"thing_id": thing_id, "change": change, "by": by}))
    expected.check(ROW.version, what="thing")
    return Row(thing_id, ROW.version + 1, change.name)


async def create_thing(uow: object, *, data: ThingChange, by: str) -> Row:
    calls.append(("create", {"data": data, "by": by}))
    return Row(uuid.UUID(int=8), 1, data.name)


async def upsert_thing(uow: object, *, code: str, data: ThingChange) -> tuple[Row, bool]:
    return Row(uuid.UUID(int=9), 1, code), code == "new"


async def list_things(
    uow: object, *, name: str | None, limit: int, cursor: str | None
) -> Page[Row]:
    calls.append(("list", {"name": name, "limit": limit, "cursor": cursor}))
    return Page[Row](items=[ROW], next_cursor=None)


async def delete_thing(uow: object, *, thing_id: uuid.UUID, principal: Principal) -> None:
    calls.append(("delete", {"thing_id": thing_id, "principal": principal.sub}))


async def set_colour(
    uow: object, *, thing_id: uuid.UUID, colour: str, change: ThingChange, by: str
) -> Row:
    calls.append(("colour", {"colour": colour, "change": change}))
    return ROW


def _declared() -> FastAPI:
    router = api_router(prefix="/api/v1/things", tags=["things"])
    things = Resource(router, ThingRead.from_row, readers=Caller, writers=Boss, item="/{thing_id}")
    things.page(list_things, ThingFilters, summary="List things")
    things.create(create_thing, ThingChange, summary="Add a thing")
    things.upsert("/by-code/{code}", upsert_thing, ThingChange, params={"code": str})
    things.get(get_thing, summary="Read a thing")
    things.update(update_thing, ThingChange, summary="Change a thing", errors=(404,))
    things.delete(delete_thing, role=Caller, summary="Remove a thing")
    things.action(
        "paint",
        partial(set_colour, colour="red"),
        body=ThingChange | None,
        name="paint_thing",
        summary="Paint a thing",
    )
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[get_uow] = lambda: UOW
    install_problem_handlers(app)
    return app


def _hand_written() -> FastAPI:
    """The same routes as endpoints written out, as the routers had them."""
    router = api_router(prefix="/api/v1/things", tags=["things"])

    @router.get(
        "",
        summary="List things",
        response_model=Page[ThingRead],
        responses=problem_responses(401, 403, 422),
    )
    async def list_things(
        uow: UowDep,
        principal: Caller,
        name: Annotated[str | None, Query(max_length=20, description="Only this name")] = None,
        limit: LimitQuery = 50,
        cursor: CursorQuery = None,
    ) -> Page[ThingRead]:
        raise NotImplementedError

    @router.post(
        "",
        status_code=201,
        summary="Add a thing",
        response_model=ThingRead,
        responses=problem_responses(401, 403, 422),
    )
    async def create_thing(
        body: ThingChange, uow: UowDep, principal: Boss, response: Response
    ) -> ThingRead:
        raise NotImplementedError

    @router.put(
        "/by-code/{code}", response_model=ThingRead, responses=problem_responses(401, 403, 422)
    )
    async def upsert_thing(
        code: str, body: ThingChange, uow: UowDep, principal: Boss, response: Response
    ) -> ThingRead:
        raise NotImplementedError

    @router.get(
        "/{thing_id}",
        summary="Read a thing",
        response_model=ThingRead,
        responses=problem_responses(401, 403, 404, 422),
    )
    async def get_thing(
        thing_id: uuid.UUID, uow: UowDep, principal: Caller, response: Response
    ) -> ThingRead:
        raise NotImplementedError

    @router.patch(
        "/{thing_id}",
        summary="Change a thing",
        response_model=ThingRead,
        responses=problem_responses(401, 403, 404, 412, 422),
    )
    async def update_thing(
        thing_id: uuid.UUID,
        body: ThingChange,
        uow: UowDep,
        principal: Boss,
        expected: IfMatch,
        response: Response,
    ) -> ThingRead:
        raise NotImplementedError

    @router.delete(
        "/{thing_id}",
        status_code=204,
        summary="Remove a thing",
        responses=problem_responses(401, 403, 404, 422),
    )
    async def delete_thing(thing_id: uuid.UUID, uow: UowDep, principal: Caller) -> Response:
        raise NotImplementedError

    @router.post(
        "/{thing_id}/paint",
        summary="Paint a thing",
        response_model=ThingRead,
        responses=problem_responses(401, 403, 422),
    )
    async def paint_thing(
        thing_id: uuid.UUID, uow: UowDep, principal: Boss, body: ThingChange | None = None
    ) -> ThingRead:
        raise NotImplementedError

    app = FastAPI()
    app.include_router(router)
    return app


def test_the_document_is_the_one_hand_written_endpoints_make() -> None:
    assert _declared().openapi() == _hand_written().openapi()


@pytest.fixture
async def client() -> Any:
    calls.clear()
    transport = httpx.ASGITransport(app=_declared())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_a_read_answers_the_model_with_its_version_as_etag(client: Any) -> None:
    response = await client.get(f"/api/v1/things/{ROW.id}")
    assert response.status_code == 200
    assert response.json() == {"id": str(ROW.id), "version": 3, "name": "seven"}
    assert response.headers["ETag"] == '"3"'
    assert calls == [("get", {"thing_id": ROW.id})]


async def test_a_change_gets_the_body_if_match_and_the_caller(client: Any) -> None:
    response = await client.patch(
        f"/api/v1/things/{ROW.id}", json={"name": "eight"}, headers={"If-Match": '"3"'}
    )
    assert response.status_code == 200 and response.headers["ETag"] == '"4"'
    assert calls == [
        ("update", {"thing_id": ROW.id, "change": ThingChange(name="eight"), "by": "boss"})
    ]
    stale = await client.patch(
        f"/api/v1/things/{ROW.id}", json={"name": "x"}, headers={"If-Match": '"2"'}
    )
    assert stale.status_code == 412


async def test_a_create_answers_201_with_location(client: Any) -> None:
    response = await client.post("/api/v1/things", json={"name": "new"})
    assert response.status_code == 201
    assert response.headers["Location"] == f"/api/v1/things/{uuid.UUID(int=8)}"
    assert response.headers["ETag"] == '"1"'


async def test_an_upsert_answers_201_only_when_it_created(client: Any) -> None:
    made = await client.put("/api/v1/things/by-code/new", json={})
    kept = await client.put("/api/v1/things/by-code/old", json={})
    assert made.status_code == 201 and made.headers["Location"].endswith(str(uuid.UUID(int=9)))
    assert kept.status_code == 200 and "Location" not in kept.headers


async def test_a_page_passes_filters_limit_and_cursor(client: Any) -> None:
    response = await client.get("/api/v1/things", params={"name": "seven", "limit": 2})
    assert response.json() == {
        "items": [{"id": str(ROW.id), "version": 3, "name": "seven"}],
        "next_cursor": None,
    }
    assert calls == [("list", {"name": "seven", "limit": 2, "cursor": None})]


async def test_a_delete_answers_204_and_an_optional_body_defaults(client: Any) -> None:
    deleted = await client.delete(f"/api/v1/things/{ROW.id}")
    painted = await client.post(f"/api/v1/things/{ROW.id}/paint")
    assert deleted.status_code == 204 and deleted.content == b""
    assert painted.status_code == 200
    assert calls == [
        ("delete", {"thing_id": ROW.id, "principal": "alice"}),
        ("colour", {"colour": "red", "change": ThingChange()}),
    ]


class NoteRead(BaseModel):
    id: uuid.UUID
    name: str


NOTE = NoteRead(id=uuid.UUID(int=5), name="n")


async def create_note(uow: object, *, change: ThingChange) -> NoteRead:
    return NOTE


async def get_note(uow: object, *, note_id: uuid.UUID) -> NoteRead:
    return NOTE


async def test_location_and_etag_follow_the_path_and_the_read_model() -> None:
    """A created one lives at the router's prefix and `item`, its id in the last parameter;
    a read model without a version answers without an ETag."""
    router = api_router(prefix="/api/v1", tags=["notes"])
    notes = Resource(router, NoteRead, readers=Caller, writers=Boss, item="/notes/{note_id}")
    notes.create(create_note, ThingChange)
    notes.get(get_note)
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[get_uow] = lambda: UOW
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        made = await c.post("/api/v1/notes", json={})
        read = await c.get(f"/api/v1/notes/{NOTE.id}")
    assert made.status_code == 201
    assert made.headers["Location"] == f"/api/v1/notes/{NOTE.id}"
    assert read.status_code == 200 and "ETag" not in read.headers and "ETag" not in made.headers


def test_hand_written_endpoints_set_the_etag_the_same_way() -> None:
    response = Response()
    model = with_etag(response, ThingRead.from_row(ROW))
    assert model.version == 3 and response.headers["ETag"] == '"3"'


@pytest.mark.parametrize(
    ("declare", "message"),
    [
        (lambda r: r.get(update_thing), "left without change"),
        (lambda r: r.update(get_thing, ThingChange), "left without"),
        (lambda r: r.get(get_thing, path="/{other_id}"), "takes no other_id"),
        (lambda r: r.page(get_thing), "takes no limit, cursor"),
        (lambda r: r.action("x", partial(set_colour, colour="red"), name="x"), "without change"),
        (lambda r: r.update(update_thing, dict), "body= takes a request model"),
        (lambda r: r.get(partial(get_thing)), "name= is needed"),
    ],
)
def test_a_declaration_that_cannot_work_fails_at_import(declare: Any, message: str) -> None:
    things = Resource(
        api_router(), ThingRead.from_row, readers=Caller, writers=Boss, item="/{thing_id}"
    )
    with pytest.raises(TypeError, match=message):
        declare(things)


def test_a_route_nobody_may_call_is_refused() -> None:
    things = Resource(api_router(), ThingRead.from_row, readers=Caller, item="/{thing_id}")
    with pytest.raises(TypeError, match="who may call it"):
        things.update(update_thing, ThingChange)


READS = object()


async def list_notes_on_reads(reads: object, *, limit: int, cursor: str | None) -> Page[NoteRead]:
    """A list that is one statement: it reads on `Reads`, with no unit of work."""
    assert reads is READS
    return Page[NoteRead](items=[NOTE], next_cursor=None)


async def test_a_use_case_that_takes_reads_gets_reads_and_no_unit_of_work() -> None:
    router = api_router(prefix="/api/v1", tags=["notes"])
    notes = Resource(router, NoteRead, readers=Caller, writers=Boss, item="/notes/{note_id}")
    notes.page(list_notes_on_reads)
    app = FastAPI()
    app.include_router(router)

    def no_unit_of_work() -> None:
        raise AssertionError("a read on Reads opened a unit of work")

    app.dependency_overrides[get_uow] = no_unit_of_work
    app.dependency_overrides[get_reads] = lambda: READS
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        listed = await c.get("/api/v1/notes?limit=5")
    assert listed.status_code == 200, listed.text
    assert listed.json()["items"] == [NoteRead.model_validate(NOTE).model_dump(mode="json")]
