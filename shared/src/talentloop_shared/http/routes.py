"""A resource's standard routes, declared once; `Resource` writes the endpoints.

Routers used to write the same few routes by hand, decorator, signature and body, in every
service: read one by id with its ETag, change it (PATCH, If-Match honoured), create it (201
with Location), upsert it by a natural key (201 or 200), delete it (204), act on it (POST
`…/{id}/<verb>`), list a page of them. Now a router says what the resource is (how it is
read, where one lives, who reads and who writes it) and, per route, only what is
particular to it:

    router = api_router(prefix="/api/v1/templates", tags=["templates"])
    templates = Resource(
        router, TemplateRead, readers=Reader, writers=HrAdmin, item="/{template_id}"
    )
    templates.get(use_cases.get_template, summary="Read a template")
    templates.update(
        use_cases.update_template, TemplateUpdate, summary="Edit a template", errors=(404,)
    )

**Calling the use case**: `use_case(uow, **inputs)` (or `use_case(reads, **inputs)` when its
first parameter is named `reads`: a one-statement read on `talentloop_shared.db.Reads`,
without a unit of work or a transaction), with those of its parameters the route
knows by name: each path parameter (`template_id`); `expected`, the If-Match header's
versions (a route whose use case takes `expected` honours If-Match and documents it);
`by`, the caller's `sub`; `principal`, the caller; the fields of the route's query model
(a list's filters), `limit` and `cursor`; and the request body (`body=Model`, or
`Model | None` when it may be left out), given to the one parameter left without a
default. A declaration whose use case does not fit fails at import. Bind fixed arguments
with `functools.partial`; a route of another shape stays a hand-written endpoint
(`with_etag` below sets its ETag; `model_response` answers with a model once).

**The answer**: the use case's result through the resource's `read` (a response model,
meaning its `model_validate`, or a classmethod such as `PersonRead.from_row`; a route's
`read=` for another answer), with `ETag: "<version>"` from the model when the resource is
versioned; `upsert` expects `(row, created)`, `page` a `Page` of rows, `delete` nothing.

**The document**: the endpoint's signature is built for FastAPI (`__signature__`), so the
OpenAPI document shows the parameters, body, statuses and problem responses a hand-written
endpoint would. The route knows some of its problem statuses itself: 401 and 403 (every route
has a role), 422 when it takes any input, 412 when its use case takes `expected`; `errors`
lists the others its use case may answer (404, 409, …). The route (its operationId) is
named after the use case unless `name=` says otherwise; other keywords (`summary`,
`description`, `dependencies`, `status_code`, …) go to FastAPI as they are.

Import it from here, not from `talentloop_shared.http`: it depends on
`talentloop_shared.service`, which itself imports that package.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from talentloop_shared.http.conditional import IfMatch, etag, set_etag
from talentloop_shared.http.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page
from talentloop_shared.http.problems import problem_responses
from talentloop_shared.http.responses import model_response
from talentloop_shared.service import ReadsDep, UowDep

__all__ = ["Resource", "with_etag"]

M = TypeVar("M", bound=BaseModel)
UseCase = Callable[..., Awaitable[Any]]
Read = type[BaseModel] | Callable[[Any], BaseModel]
Answer = Literal["model", "created", "upsert", "page", "empty"]

_PATH_PARAM = re.compile(r"{(\w+)(?::\w+)?}")
_KW = inspect.Parameter.KEYWORD_ONLY
_PAGING = (
    inspect.Parameter("limit", _KW, annotation=LimitQuery, default=DEFAULT_LIMIT),
    inspect.Parameter("cursor", _KW, annotation=CursorQuery, default=None),
)


def with_etag(response: Response, model: M) -> M:
    """The model, its `version` as the response's ETag."""
    set_etag(response, model.version)  # type: ignore[attr-defined]
    return model


class Resource:
    """One kind of resource on a router: how it is read, where one of it lives."""

    def __init__(
        self,
        router: APIRouter,
        read: Read,
        *,
        item: str,
        readers: Any = None,
        writers: Any = None,
        collection: str | None = None,
        etag: bool | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """`item` is one resource's path below the router's prefix (`/{person_id}`).
        `readers` is the role alias that may get and list it, `writers` the one that may
        change it (a route's `role=` says otherwise). `collection` is the list's path, by
        default `item` without its last segment. A created one is found at the router's
        prefix and `item`, its id in place of the last path parameter (the Location of a 201).
        `etag`: answers carry the model's version, by default when the read model has one;
        `params` types the path parameters that are not UUIDs."""
        self.router = router
        self.read = read
        self.item = item
        self.readers = readers
        self.writers = writers
        self.collection = item.rsplit("/", 1)[0] if collection is None else collection
        self.location = _location(router.prefix + item)
        model, _ = _model_and_builder(read, f"Resource {router.prefix}{item}")
        self.etag = "version" in model.model_fields if etag is None else etag
        self.params = dict(params or {})

    def get(self, use_case: UseCase, **route: Any) -> None:
        """GET one (or what `path=` names): `use_case` returns the row."""
        route.setdefault("errors", (404,))
        self._add("GET", self.item, use_case, self.readers, answer="model", **route)

    def page(self, use_case: UseCase, filters: type[BaseModel] | None = None, **route: Any) -> None:
        """GET a page of the collection (or `path=`): `filters`, a model of query
        parameters, then `limit` and `cursor` go to `use_case`, which returns a `Page`."""
        self._add(
            "GET", self.collection, use_case, self.readers, answer="page", query=filters, **route
        )

    def create(self, use_case: UseCase, body: Any, **route: Any) -> None:
        """POST to the collection (or `path=`): 201, with Location when the resource has
        one."""
        route.setdefault("status_code", 201)
        self._write("POST", self.collection, use_case, body=body, answer="created", **route)

    def update(self, use_case: UseCase, body: Any, **route: Any) -> None:
        """PATCH one with a partial body."""
        self._write("PATCH", self.item, use_case, body=body, answer="model", **route)

    def replace(self, use_case: UseCase, body: Any, **route: Any) -> None:
        """PUT one, the body its whole new state."""
        self._write("PUT", self.item, use_case, body=body, answer="model", **route)

    def upsert(self, path: str, use_case: UseCase, body: Any, **route: Any) -> None:
        """PUT by a natural key (`/by-code/{code}`): `use_case` returns `(row, created)`;
        201 with Location when it created the row, else 200."""
        self._write("PUT", path, use_case, body=body, answer="upsert", **route)

    def delete(self, use_case: UseCase, **route: Any) -> None:
        """DELETE one: 204."""
        route.setdefault("errors", (404,))
        route.setdefault("status_code", 204)
        self._write("DELETE", self.item, use_case, answer="empty", **route)

    def action(self, verb: str, use_case: UseCase, **route: Any) -> None:
        """POST `…/{id}/<verb>`: an act on one, answered with it as it now stands (or with
        what `read=` makes of the use case's result)."""
        self._write("POST", f"{self.item}/{verb}", use_case, answer="model", **route)

    def _write(self, method: str, default_path: str, use_case: UseCase, **route: Any) -> None:
        """A route that changes the resource: its writers may call it."""
        self._add(method, default_path, use_case, self.writers, **route)

    def _add(
        self,
        method: str,
        default_path: str,
        use_case: UseCase,
        default_role: Any,
        *,
        answer: Answer,
        role: Any = None,
        path: str | None = None,
        body: Any = None,
        query: type[BaseModel] | None = None,
        read: Read | None = None,
        etag: bool | None = None,
        errors: Sequence[int] = (),
        name: str | None = None,
        params: Mapping[str, Any] | None = None,
        **decorator: Any,
    ) -> None:
        path = default_path if path is None else path
        where = f"{method} {path}"
        role = role or default_role
        if role is None:
            raise TypeError(f"{where}: who may call it? (readers=, writers= or role=)")
        model, build = _model_and_builder(read or self.read, where)
        name = name or getattr(use_case, "__name__", None)
        if name is None:
            raise TypeError(f"{where}: name= is needed for {use_case!r}")
        body_model, optional_body = _body_model(body, where)
        route = _Route(
            use_case=use_case,
            answer=answer,
            path_names=tuple(_PATH_PARAM.findall(path)),
            body=body_model,
            optional_body=optional_body,
            query=query,
            build=build,
            model=model,
            etag=self.etag if etag is None else etag,
            location=self.location,
            status_code=decorator.get("status_code") or 200,
        )
        route.bind(where)
        endpoint = route.endpoint({**self.params, **(params or {})}, role)
        endpoint.__name__ = endpoint.__qualname__ = name
        response_model: Any = None
        if answer == "page":
            response_model = Page[model]  # type: ignore[valid-type]
        elif answer != "empty":
            response_model = model
        self.router.add_api_route(
            path,
            endpoint,
            methods=[method],
            name=name,
            response_model=response_model,
            responses=problem_responses(*route.statuses(errors)),
            **decorator,
        )


def _location(item_path: str) -> str | None:
    """Where a created resource is found: its item path, `{id}` in place of the last
    segment when that is a path parameter (`/api/v1/people/{person_id}` →
    `/api/v1/people/{id}`); None when the item path does not end in one."""
    head, _, last = item_path.rpartition("/")
    return f"{head}/{{id}}" if _PATH_PARAM.fullmatch(last) else None


def _body_model(body: Any, where: str) -> tuple[type[BaseModel] | None, bool]:
    """The request body's model, and whether the body may be left out (`Model | None`)."""
    if body is None or (isinstance(body, type) and issubclass(body, BaseModel)):
        return body, False
    models = [t for t in typing.get_args(body) if t is not type(None)]
    if isinstance(body, types.UnionType) and len(models) == 1 and len(typing.get_args(body)) == 2:
        return models[0], True
    raise TypeError(f"{where}: body= takes a request model, or `Model | None` for an optional one")


def _model_and_builder(read: Read, where: str) -> tuple[type[BaseModel], Callable[[Any], Any]]:
    """The response model `read` builds (the model itself, or its classmethod's class),
    and the function that builds it from a use case's result."""
    owner = read if isinstance(read, type) else getattr(read, "__self__", None)
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        raise TypeError(f"{where}: `read` must be a response model or its classmethod")
    return owner, owner.model_validate if read is owner else read


@dataclass
class _Route:
    """One declared route: what its endpoint takes, gives the use case and answers."""

    use_case: UseCase
    answer: Answer
    path_names: tuple[str, ...]
    body: type[BaseModel] | None
    optional_body: bool
    query: type[BaseModel] | None
    build: Callable[[Any], Any]
    model: type[BaseModel]  # the response model (of an item; a page's items)
    etag: bool
    location: str | None
    status_code: int = 200  # of an answer that is not a new resource
    body_as: str | None = None
    takes: frozenset[str] = frozenset()
    on_reads: bool = False  # the use case reads on `Reads`, not in a unit of work

    def bind(self, where: str) -> None:
        """Check that the route gives the use case what it needs, and find the parameter
        that takes the body: the one left without a default."""
        first, *parameters = inspect.signature(self.use_case).parameters.values()
        self.on_reads = first.name == "reads"  # else the unit of work
        self.takes = frozenset(p.name for p in parameters)
        given = [*self.path_names, *(self.query.model_fields if self.query else ())]
        if self.answer == "page":
            given += ["limit", "cursor"]
        if missing := [n for n in given if n not in self.takes]:
            raise TypeError(f"{where}: {self.use_case!r} takes no {', '.join(missing)}")
        free = [
            p.name
            for p in parameters
            if p.name not in {*given, "expected", "by", "principal"}
            and p.default is inspect.Parameter.empty
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if len(free) != (self.body is not None):
            raise TypeError(f"{where}: {self.use_case!r} is left without {', '.join(free)}")
        self.body_as = free[0] if free else None

    def statuses(self, errors: Sequence[int]) -> list[int]:
        """The problem statuses it may answer: 401 and 403 (every route has a role), 422
        when it takes any input (FastAPI validates it), 412 when it honours If-Match, and
        the route's own `errors`."""
        derived = {401, 403}
        if self.path_names or self.body or self.query or self.answer == "page":
            derived.add(422)
        if "expected" in self.takes:
            derived |= {412, 422}
        return sorted(derived | set(errors))

    def signature(self, types: Mapping[str, Any], role: Any) -> inspect.Signature:
        """What FastAPI reads: path parameters, body, filters, paging, the unit of work,
        the caller (their role checked), the response, and If-Match when it counts."""
        params = [
            inspect.Parameter(p, _KW, annotation=types.get(p, uuid.UUID)) for p in self.path_names
        ]
        if self.body is not None:
            params.append(
                inspect.Parameter("body", _KW, annotation=self.body | None, default=None)
                if self.optional_body
                else inspect.Parameter("body", _KW, annotation=self.body)
            )
        if self.query is not None:
            params.append(
                inspect.Parameter("query", _KW, annotation=Annotated[self.query, Query()])
            )
        if self.answer == "page":
            params += _PAGING
        params += [
            inspect.Parameter("uow", _KW, annotation=ReadsDep if self.on_reads else UowDep),
            inspect.Parameter("principal", _KW, annotation=role),
        ]
        if "expected" in self.takes:
            params.append(inspect.Parameter("expected", _KW, annotation=IfMatch))
        # It answers with a `Response` it built (see `respond`): FastAPI then neither
        # checks the answer against the response model again nor merges a sub-response,
        # and a read of this shape takes the lean path (`talentloop_shared.http.lean`).
        return inspect.Signature(params, return_annotation=Response)

    def inputs(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The use case's keyword arguments from the endpoint's."""
        kwargs = {p: values[p] for p in self.path_names}
        if self.query is not None:
            kwargs.update(dict(values["query"]))
        if self.answer == "page":
            kwargs.update(limit=values["limit"], cursor=values["cursor"])
        if self.body_as is not None:
            given = values["body"]
            kwargs[self.body_as] = given if given is not None else self.body()  # type: ignore[misc]
        if "expected" in self.takes:
            kwargs["expected"] = values["expected"]
        if "by" in self.takes:
            kwargs["by"] = values["principal"].sub
        if "principal" in self.takes:
            kwargs["principal"] = values["principal"]
        return kwargs

    def respond(self, result: Any) -> Response:
        """The answer to the use case's result: the model validated once by `build` and
        serialised once by the response model's own serialiser (what FastAPI would write
        for it), with its ETag and, when created, 201 and its Location."""
        if self.answer == "empty":
            return Response(status_code=204)
        if self.answer == "page":
            return model_response(result.map(self.build))
        is_new = self.answer == "created"
        if self.answer == "upsert":
            result, is_new = result
        model = self.build(result)
        headers: dict[str, str] = {}
        if self.etag:
            headers["ETag"] = etag(model.version)
        status = self.status_code
        if is_new:
            status = 201
            if self.location is not None:
                headers["Location"] = self.location.format(id=model.id)
        return model_response(model, status_code=status, headers=headers, shape=self.model)

    def endpoint(self, types: Mapping[str, Any], role: Any) -> Callable[..., Awaitable[Any]]:
        """The endpoint function, its signature set for FastAPI."""

        async def endpoint(**values: Any) -> Response:
            result = await self.use_case(values["uow"], **self.inputs(values))
            return self.respond(result)

        endpoint.__signature__ = self.signature(types, role)  # type: ignore[attr-defined]
        return endpoint
