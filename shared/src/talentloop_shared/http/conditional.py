"""Optimistic concurrency over HTTP: `ETag: "<version>"` out, `If-Match` in (API.md).

One meaning everywhere: no header or `*` → the change applies to the current version;
a list of tags → it applies only if one of them is the current version, else 412 with the
current ETag. Use cases receive the parsed `ExpectedVersion` and call `.check(...)` on the
row they locked, so the comparison happens inside the transaction.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Response

from talentloop_shared.errors import ExpectedVersion, etag

__all__ = ["ExpectedVersion", "IfMatch", "etag", "if_match", "set_etag"]


def if_match(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            max_length=1024,
            description='The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the '
            "change applies to the current version; with a stale one → 412.",
        ),
    ] = None,
) -> ExpectedVersion:
    """The versions the client's If-Match header accepts."""
    return ExpectedVersion.parse(if_match)


IfMatch = Annotated[ExpectedVersion, Depends(if_match)]


def set_etag(response: Response, version: int) -> None:
    """Put the resource version's ETag on the response."""
    response.headers["ETag"] = etag(version)
