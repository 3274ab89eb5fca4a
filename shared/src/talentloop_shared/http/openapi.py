"""OpenAPI links from each create operation to the operations on what it created.

`POST /api/v1/applications` answers 201 with the application's `id`; every operation under
`/api/v1/applications/{application_id}` can use it. The document says so with OpenAPI
links (`$response.body#/id`), derived from the paths: the last literal segment of the
create's path names the collection, and each operation whose path continues that
collection with a parameter takes the new id. Integrators read the links as documentation;
the fuzzer (schemathesis, `tests/test_fuzz.py`) follows them to reach deep operations.
"""

from __future__ import annotations

import re
from typing import Any

_NAME = re.compile(r"[^A-Za-z0-9._-]")
_METHODS = ("get", "put", "patch", "post", "delete")


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _target_param(collection_prefix: list[str], collection: str, path: str) -> str | None:
    """The parameter right after `collection` in `path`, when `path` continues it."""
    segs = _segments(path)
    for i, seg in enumerate(segs):
        if seg != collection or i + 1 >= len(segs):
            continue
        following = segs[i + 1]
        # The target's literal prefix must lead to the same collection (api/v1, or nested).
        if following.startswith("{") and segs[:i] == collection_prefix[: len(segs[:i])]:
            return following.strip("{}")
    return None


def add_resource_links(document: dict[str, Any]) -> dict[str, Any]:
    """Add links from every `POST …/<collection>` (201) to `…/<collection>/{id}…`."""
    paths: dict[str, dict[str, Any]] = document.get("paths", {})
    for path, item in paths.items():
        create = item.get("post")
        segs = _segments(path)
        if not create or not segs or segs[-1].startswith("{"):
            continue
        created = create.get("responses", {}).get("201")
        if created is None:
            continue
        collection, prefix = segs[-1], segs[:-1]
        links: dict[str, Any] = {}
        for target_path, target_item in paths.items():
            param = _target_param(prefix, collection, target_path)
            if param is None:
                continue
            for method in _METHODS:
                operation = target_item.get(method)
                if not operation or "operationId" not in operation:
                    continue
                name = _NAME.sub("_", f"{method.upper()}_{target_path}")
                links[name] = {
                    "operationId": operation["operationId"],
                    "parameters": {param: "$response.body#/id"},
                }
        if links:
            created.setdefault("links", {}).update(links)
    return document
