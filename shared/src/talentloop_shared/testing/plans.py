"""Is a list's page served by an index? Its query plan, asked of the real PostgreSQL.

A page of a list ordered newest first reads its 20 rows from an index in that order, or it
reads and sorts the whole table: the same answer either way, at 20 rows or 2 million, so
only the plan tells them apart. `full_sorts` asks PostgreSQL for the plan it would choose
if it could avoid sorting and scanning whole tables at any cost; a `Sort` left in it has
no index to come from. (An `Incremental Sort`, which orders the rows of equal leading keys
an index already ordered, is bounded by the page, and allowed.)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.repository import KeysetOrder
from talentloop_shared.db.uow import driver_connection

# A value of each key type, to ask for the page after it.
_SAMPLES: dict[type, Any] = {
    datetime: datetime(2026, 11, 29, tzinfo=UTC),
    uuid.UUID: uuid.UUID(int=1),
    str: "m",
    int: 1,
    float: 0.5,
}


async def full_sorts(
    session: AsyncSession, statement: Executable | tuple[str, Sequence[Any]]
) -> list[str]:
    """The full sorts in the plan of `statement` (SQLAlchemy's, or SQL with its `$n`
    arguments, as `KeysetSql.sql` gives them), each as `Sort by <keys> on <input>`; none
    when an index yields its rows in order. Give it a session of its own: the planner
    settings it changes last until that session's transaction ends."""
    nodes = await _plan(session, statement)
    return [_describe(node) for node in nodes if node["Node Type"] == "Sort"]


async def indexes_read(
    session: AsyncSession, statement: Executable | tuple[str, Sequence[Any]]
) -> dict[str, str]:
    """The indexes the plan of `statement` reads, each with the condition it is searched by
    (`Index Cond`, "" for a full read of the index), planned as `full_sorts` plans it (a
    whole-table scan only where no index can serve). A query that spells an expression
    index's expression otherwise may still read the index, by its leading columns only:
    the condition tells. A session of its own, too."""
    return {
        node["Index Name"]: node.get("Index Cond", "")
        for node in await _plan(session, statement)
        if "Index Name" in node
    }


async def _plan(
    session: AsyncSession, statement: Executable | tuple[str, Sequence[Any]]
) -> list[dict[str, Any]]:
    if isinstance(statement, tuple):
        sql, args = statement
    else:
        compiled = statement.compile(  # type: ignore[attr-defined]
            dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
        )
        sql = str(compiled)
        args = []
    conn = await driver_connection(session)
    await conn.execute("SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off")
    raw = await conn.fetchval(f"EXPLAIN (FORMAT JSON) {sql}", *args)
    plan = raw if isinstance(raw, list) else json.loads(raw)
    return _nodes(plan[0]["Plan"])


async def unsorted_pages(session_factory: Any, order: KeysetOrder, statement: Any) -> list[str]:
    """The full sorts in the plans of `statement`'s first page in `order` and of a page
    after a cursor: none when an index serves the list (`[]`)."""
    after = sample_key(order.keyset.types)
    sorts = []
    for key in (None, after):
        async with session_factory() as session:
            paged = order.paged(statement, after=key, limit=20)
            sorts += [
                f"{'after a cursor' if key else 'first page'}: {sort}"
                for sort in await full_sorts(session, paged)
            ]
    return sorts


def sample_key(types: Sequence[type]) -> list[Any]:
    """A cursor's key of these types, to plan the page after it."""
    return [_SAMPLES[t] for t in types]


def _nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node]
    for child in node.get("Plans", []):
        found.extend(_nodes(child))
    return found


def _describe(sort: dict[str, Any]) -> str:
    inputs = [child.get("Relation Name") or child["Node Type"] for child in sort.get("Plans", [])]
    return f"Sort by {', '.join(sort.get('Sort Key', []))} on {', '.join(inputs)}"
