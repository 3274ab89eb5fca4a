"""A resource's standard routes, declared once; `Resource` writes the endpoints.

Routers used to write the same few routes by hand, decorator, signature and body, in every
service: read one by id with its ETag, change it (PATCH, If-Match honoured), create it (201
with Location), upsert it by a natural key (201 or 200), delete it (204), act on it (POST
`…/{id}/<verb>`), list a page of them. A router now says only what is particular to each:

    router = api_router(prefix="/api/v1/templates", tags=["templates"])
    templates = Resource(
        router, TemplateRead, item="/{template_id}", location="/api/v1/templates/{id}"
    )
    templates.get(use_cases.get_template, Reader, summary="Read a template")
    templates.update(
        use_cases.update_template, TemplateUpdate, HrAdmin, summary="Edit a template",
        errors=(404, 412, 422),
    )

**Calling the use case**: `use_case(uow, **inputs)`, with those of its parameters the route
knows by name: each path parameter (`template_id`); `expected`, the If-Match header's
versions (a route whose use case takes `expected` honours If-Match and documents it);
`by`, the caller's `sub`; `principal`, the caller; each field of the route's query model;
and the request body, given to the one parameter left without a default. A declaration
whose use case does not fit fails at import. Bind fixed arguments with
`functools.partial`; a route of another shape stays a hand-written endpoint (with
`with_etag` and `created` below for its headers).

**The answer**: the use case's result through the resource's `read` (a response model,
meaning its `model_validate`, or a classmethod such as `PersonRead.from_row`), with
`ETag: "<version>"` from the model when the resource is versioned; `upsert` expects
`(row, created)`, `list` a `Page` of rows, `delete` nothing.

**The document**: the endpoint's signature is built for FastAPI (`__signature__`), so the
OpenAPI document shows the parameters, body, statuses and problem responses a hand-written
endpoint would; `errors` lists the problem statuses besides 401 and 403, which every route
with a role answers. The route (its operationId) is named after the use case unless
`name=` says otherwise.

Import it from here, not from `talentloop_shared.http`: it depends on
`talentloop_shared.service`, which itself imports that package.
"""

from __future__ import annotations

import inspect
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from talentloop_shared.http.conditional import IfMatch, set_etag
from talentloop_shared.http.pagination import Page
from talentloop_shared.http.problems import problem_responses
from talentloop_shared.service import UowDep

__all__ = ["Resource", "created", "with_etag"]

M = TypeVar("M", bound=BaseModel)
UseCase = Callable[..., Awaitable[Any]]
Answer = Literal["model", "created", "upsert", "page", "empty"]

_PATH_PARAM = re.compile(r"{(\w+)(?::\w+)?}")
# Inputs the endpoint gives a use case by these names, when it declares them.
_CALLER = ("by", "principal")
_KW = inspect.Parameter.KEYWORD_ONLY


def with_etag(response: Response, model: M) -> M:
    """The model, its `version` as the response's ETag."""
    set_etag(response, model.version)  # type: ignore[attr-defined]
    return model


def created(response: Response, location: str | None) -> None:
    """Answer 201 Created, with the new resource's Location when there is one."""
    response.status_code = 201
    if location is not None:
        response.headers["Location"] = location


def _model_of(read: Any) -> type[BaseModel] | None:
    """The response model `read` builds: the model itself, or its classmethod's class."""
    owner = read if isinstance(read, type) else getattr(read, "__self__", None)
    return owner if isinstance(owner, type) and issubclass(owner, BaseModel) else None


class Resource:
    """One kind of resource on a router: how it is read, where one of it lives."""

    def __init__(
        self,
        router: APIRouter,
        read: type[BaseModel] | Callable[[Any], BaseModel],
        *,
        item: str,
        collection: str = "",
        location: str | None = None,
        etag: bool = True,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """`item` is one resource's path below the router's prefix (`/{person_id}`),
        `collection` the list's (`""`, `/courses`); `location`, with `{id}` for the read
        model's id, is where a created one is found; `etag`: answers carry the model's
        version; `params` gives a path parameter a type other than `uuid.UUID`."""
        self.router = router
        self.read = read
        self.item = item
        self.collection = collection
        self.location = location
        self.etag = etag
        self.params = dict(params or {})

    # --- the routes -----------------------------------------------------------------------

    def get(self, use_case: UseCase, role: Any, *, path: str | None = None, **route: Any) -> None:
        """GET one: `use_case` returns the row."""
        route.setdefault("errors", (404,))
        self._add("GET", path, use_case, role, answer="model", **route)

    def update(self, use_case: UseCase, body: type[BaseModel], role: Any, **route: Any) -> None:
        """PATCH one with a partial body."""
        self._add("PATCH", None, use_case, role, body=body, answer="model", **route)

    def replace(self, use_case: UseCase, body: type[BaseModel], role: Any, **route: Any) -> None:
        """PUT one, the body its whole new state."""
        self._add("PUT", None, use_case, role, body=body, answer="model", **route)

    def create(self, use_case: UseCase, body: type[BaseModel], role: Any, **route: Any) -> None:
        """POST to the collection: 201, with Location when the resource has one."""
        self._add(
            "POST",
            route.pop("path", self.collection),
            use_case,
            role,
            body=body,
            answer="created",
            status_code=201,
            **route,
        )

    def upsert(
        self, path: str, use_case: UseCase, body: type[BaseModel], role: Any, **route: Any
    ) -> None:
        """PUT by a natural key (`/by-code/{code}`): `use_case` returns `(row, created)`;
        201 with Location when it created the row, else 200."""
        self._add("PUT", path, use_case, role, body=body, answer="upsert", **route)

    def delete(self, use_case: UseCase, role: Any, **route: Any) -> None:
        """DELETE one: 204."""
        route.setdefault("errors", (404,))
        self._add("DELETE", None, use_case, role, answer="empty", status_code=204, **route)

    def action(self, verb: str, use_case: UseCase, role: Any, **route: Any) -> None:
        """POST `…/{id}/<verb>`: an act on one, answered with it as it now stands."""
        self._add("POST", f"{self.item}/{verb}", use_case, role, answer="model", **route)

    def page(self, use_case: UseCase, role: Any, query: type[BaseModel], **route: Any) -> None:
        """GET a page of the collection: the query model's fields (filters, `limit`,
        `cursor`) go to `use_case`, which returns a `Page` of rows."""
        self._add(
            "GET",
            route.pop("path", self.collection),
            use_case,
            role,
            query=query,
            answer="page",
            **route,
        )

    # --- how a route is built -------------------------------------------------------------

    def _add(
        self,
        method: str,
        path: str | None,
        use_case: UseCase,
        role: Any,
        *,
        answer: Answer,
        body: type[BaseModel] | None = None,
        optional_body: bool = False,
        query: type[BaseModel] | None = None,
        read: type[BaseModel] | Callable[[Any], BaseModel] | None = None,
        etag: bool | None = None,
        errors: Sequence[int] = (),
        name: str | None = None,
        params: Mapping[str, Any] | None = None,
        **route: Any,
    ) -> None:
        path = self.item if path is None else path
        read = read or self.read
        model = _model_of(read)
        if model is None:
            raise TypeError(f"{method} {path}: `read` must be a response model or its classmethod")
        build: Callable[[Any], Any] = model.model_validate if read is model else read
        name = name or getattr(use_case, "__name__", None)
        if name is None:
            raise TypeError(f"{method} {path}: name= is needed for {use_case!r}")
        types = {**self.params, **(params or {})}
        path_names = _PATH_PARAM.findall(path)
        taken = set(inspect.signature(use_case).parameters)
        body_as = _body_parameter(use_case, path_names, query, body is not None, f"{method} {path}")
        if_match = "expected" in taken

        signature = [
            inspect.Parameter(p, _KW, annotation=types.get(p, uuid.UUID)) for p in path_names
        ]
        if body is not None:
            signature.append(
                inspect.Parameter("body", _KW, annotation=body | None, default=None)
                if optional_body
                else inspect.Parameter("body", _KW, annotation=body)
            )
        if query is not None:
            signature.append(inspect.Parameter("query", _KW, annotation=Annotated[query, Query()]))
        signature += [
            inspect.Parameter("uow", _KW, annotation=UowDep),
            inspect.Parameter("principal", _KW, annotation=role),
            inspect.Parameter("response", _KW, annotation=Response),
        ]
        if if_match:
            signature.append(inspect.Parameter("expected", _KW, annotation=IfMatch))

        etag = self.etag if etag is None else etag
        location = self.location

        async def endpoint(**values: Any) -> Any:
            response: Response = values["response"]
            principal = values["principal"]
            kwargs = {p: values[p] for p in path_names}
            if query is not None:
                kwargs.update(dict(values["query"]))
            if body_as is not None:
                given = values["body"]
                kwargs[body_as] = given if given is not None else body()  # type: ignore[misc]
            if if_match:
                kwargs["expected"] = values["expected"]
            if "by" in taken:
                kwargs["by"] = principal.sub
            if "principal" in taken:
                kwargs["principal"] = principal
            result = await use_case(values["uow"], **kwargs)
            if answer == "empty":
                return Response(status_code=204)
            if answer == "page":
                return result.map(build)
            is_new = answer == "created"
            if answer == "upsert":
                result, is_new = result
            out = build(result)
            if is_new:
                created(response, location and location.format(id=out.id))
            return with_etag(response, out) if etag else out

        endpoint.__name__ = endpoint.__qualname__ = name
        endpoint.__signature__ = inspect.Signature(signature)  # type: ignore[attr-defined]
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
            responses=problem_responses(401, 403, *errors),
            **route,
        )


def _body_parameter(
    use_case: UseCase,
    path_names: Sequence[str],
    query: type[BaseModel] | None,
    has_body: bool,
    where: str,
) -> str | None:
    """The use case's parameter that takes the request body; checks that the route gives
    the use case every input it needs and only inputs it takes."""
    parameters = list(inspect.signature(use_case).parameters.values())[1:]  # after `uow`
    fields = list(query.model_fields) if query else []
    names = {p.name for p in parameters}
    missing = [p for p in (*path_names, *fields) if p not in names]
    if missing:
        raise TypeError(f"{where}: {use_case!r} takes no {', '.join(missing)}")
    given = {*path_names, *fields, "expected", *_CALLER}
    free = [
        p.name
        for p in parameters
        if p.name not in given
        and p.default is inspect.Parameter.empty
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    if has_body and len(free) != 1:
        raise TypeError(f"{where}: {use_case!r} needs one parameter for the body, has {free}")
    if not has_body and free:
        raise TypeError(f"{where}: nothing gives {use_case!r} its {', '.join(free)}")
    return free[0] if has_body else None
