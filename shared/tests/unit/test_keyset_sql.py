"""`KeysetSql`: a list page as one SQL statement with `$n` parameters."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from talentloop_shared.db import KeysetSql


def test_a_first_page_has_the_given_conditions_the_key_order_and_one_row_more() -> None:
    page = KeysetSql("SELECT * FROM t", key=("t.created_at", "t.id"), after=None)
    page.equal("t.status", "open")
    page.equal("t.kind", None)  # not given: no condition
    page.where(f"t.tags @> ARRAY[{page.arg('go')}]")
    assert page.sql(20) == (
        "SELECT * FROM t WHERE t.status = $1 AND t.tags @> ARRAY[$2]"
        " ORDER BY t.created_at, t.id LIMIT $3",
        ["open", "go", 21],
    )


def test_a_next_page_starts_after_the_whole_key() -> None:
    at, last = datetime(2026, 11, 28, tzinfo=UTC), uuid.UUID(int=5)
    page = KeysetSql("SELECT * FROM t", key=("t.created_at", "t.id"), after=(at, last))
    assert page.sql(2) == (
        "SELECT * FROM t WHERE (t.created_at, t.id) > ($1, $2) ORDER BY t.created_at, t.id"
        " LIMIT $3",
        [at, last, 3],
    )
