"""Cycle checks shared by the two trees org-service keeps: org units and reports-to lines."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def creates_cycle(node_id: K, new_parent_id: K | None, parent_of: Mapping[K, K | None]) -> bool:
    """Return True if making `new_parent_id` the parent of `node_id` would close a cycle."""
    if new_parent_id is None:
        return False
    # Walk up from the new parent: the move closes a cycle iff node_id is one of its ancestors
    # (or the new parent itself). node_id's own current parent is irrelevant: it is replaced.
    seen: set[K] = set()
    current: K | None = new_parent_id
    while current is not None:
        if current == node_id:
            return True
        if current in seen:
            # Data already holds a cycle that does not pass through node_id; this move does not
            # create it, and stopping here keeps corrupt data from hanging the request.
            return False
        seen.add(current)
        current = parent_of.get(current)
    return False


def ancestor_chain(node_id: K, parent_of: Mapping[K, K | None]) -> list[K]:
    """Return `node_id` and its ancestors, nearest first; raise ValueError on a cycle."""
    chain: list[K] = []
    seen: set[K] = set()
    current: K | None = node_id
    while current is not None:
        if current in seen:
            raise ValueError(f"cycle in hierarchy at {current!r}")
        seen.add(current)
        chain.append(current)
        current = parent_of.get(current)
    return chain
