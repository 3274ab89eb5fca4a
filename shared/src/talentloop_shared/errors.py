"""Errors that carry their HTTP status, for every layer (domain included: no I/O here).

A domain rule, a use case or a dependency raises one of these; the HTTP layer turns every
`ProblemError` into an RFC 9457 problem+json response with one handler
(`talentloop_shared.http.problems`). Nothing maps errors by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class ProblemError(Exception):
    """An error that carries its HTTP status; raised by domain rules, use cases, deps."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        type_: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type_ or title.lower().replace(" ", "-")
        self.errors = errors
        self.headers = headers or {}
        # RFC 9457 §3.2 extension members (e.g. an import's full validation report).
        self.extensions = extensions or {}


class NotFound(ProblemError):
    """404: the resource does not exist (or the caller may not know it does)."""

    def __init__(self, what: str, id: object) -> None:
        super().__init__(404, "Not Found", f"{what} {id} does not exist", type_="not-found")


def found(value: T | None, what: str, id: object) -> T:
    """`value` when a look-up found something, else 404 `NotFound(what, id)`:
    `person = found(await people.get_by_subject(sub), "person with subject", repr(sub))`."""
    if value is None:
        raise NotFound(what, id)
    return value


class Conflict(ProblemError):
    """409: the request conflicts with the current state."""

    def __init__(self, detail: str, *, type_: str = "conflict", **extensions: Any) -> None:
        super().__init__(409, "Conflict", detail, type_=type_, extensions=extensions or None)


class Invalid(ProblemError):
    """422: a well-formed request the rules refuse; `errors` names each field."""

    def __init__(self, detail: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(422, "Unprocessable Content", detail, type_="validation", errors=errors)


class FieldInvalid(Invalid):
    """422 for one field: `loc` as FastAPI reports it, e.g. ("body", "education")."""

    def __init__(self, loc: str | Sequence[str | int], msg: str) -> None:
        path = [loc] if isinstance(loc, str) else list(loc)
        if path and path[0] not in ("body", "query", "path", "header"):
            path = ["body", *path]
        self.field = ".".join(str(p) for p in path[1:])
        self.msg = msg
        super().__init__(f"{self.field}: {msg}", errors=[{"loc": path, "msg": msg}])


class PreconditionFailed(ProblemError):
    """412: If-Match named a version that is no longer current."""

    def __init__(self, what: str, current: int) -> None:
        super().__init__(
            412,
            "Precondition Failed",
            f"{what} was changed by someone else (now version {current}); "
            "reload it and apply your change again",
            type_="precondition-failed",
            headers={"ETag": etag(current)},
            extensions={"current_version": current},
        )


class Forbidden(ProblemError):
    """403: authenticated, but not allowed to do this."""

    def __init__(self, detail: str) -> None:
        super().__init__(403, "Forbidden", detail, type_="forbidden")


class Gone(ProblemError):
    """410: the resource existed and was removed for good (e.g. erased at a person's
    request)."""

    def __init__(self, detail: str, *, type_: str = "gone") -> None:
        super().__init__(410, "Gone", detail, type_=type_)


# Function spellings kept for call sites that read better with them.
def not_found(what: str, id: object) -> ProblemError:
    """404 for a missing resource."""
    return NotFound(what, id)


def conflict(detail: str, *, type_: str = "conflict") -> ProblemError:
    """409 for a request that conflicts with the current state."""
    return Conflict(detail, type_=type_)


def unprocessable(detail: str, errors: list[dict[str, Any]] | None = None) -> ProblemError:
    """422 for a well-formed request the rules refuse."""
    return Invalid(detail, errors)


def etag(version: int) -> str:
    """The strong ETag of a resource version: `"3"`."""
    return f'"{version}"'


class ExpectedVersion:
    """What an If-Match header asks for: any version (absent or `*`), or some versions.

    RFC 9110 §13.1.1: `*` matches any current representation, so it passes for every
    resource that exists; a list of tags passes when one of them is the current version.
    A header that names no version we could have issued matches nothing (412).
    """

    __slots__ = ("versions",)

    def __init__(self, versions: frozenset[int] | None = None) -> None:
        self.versions = versions

    ANY: ExpectedVersion

    @classmethod
    def parse(cls, header: str | None) -> ExpectedVersion:
        """Parse an If-Match header value (weak tags accepted: proxies weaken ETags)."""
        if header is None or header.strip() == "*":
            return cls.ANY
        versions: set[int] = set()
        for part in header.split(",")[:50]:
            tag = part.strip().removeprefix("W/").strip().strip('"')
            # ASCII digits only: "²" is a digit to str.isdigit, not to int().
            if tag.isascii() and tag.isdigit() and len(tag) < 12:
                versions.add(int(tag))
        return cls(frozenset(versions))

    @property
    def any(self) -> bool:
        """True when any current version is acceptable."""
        return self.versions is None

    def matches(self, current: int) -> bool:
        """True when `current` satisfies the precondition."""
        return self.versions is None or current in self.versions

    def check(self, current: int, *, what: str) -> None:
        """Raise 412 (with the current ETag) unless `current` satisfies the precondition."""
        if not self.matches(current):
            raise PreconditionFailed(what, current)

    def __repr__(self) -> str:
        return f"ExpectedVersion({'*' if self.versions is None else sorted(self.versions)})"


ExpectedVersion.ANY = ExpectedVersion(None)
