"""The migration that folds codes stored before codes were folded on the way in: a code
typed in full width becomes the code it stands for, unless another record already has
that code (then a person merges the two), and two typed alike do not collide."""

from __future__ import annotations

import logging

import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection

from talentloop_shared.db.engine import create_engine
from talentloop_shared.db.migrations import fold_stored_codes


def _fold(connection: Connection) -> None:
    with Operations.context(MigrationContext.configure(connection)):
        fold_stored_codes(("units", "code"))


async def test_stored_codes_are_folded_where_the_folded_code_is_free(
    databases, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(await databases.create("fold"))
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text("CREATE TABLE units (id int PRIMARY KEY, code varchar(8) UNIQUE)")
            )
            await conn.execute(
                text(
                    "INSERT INTO units VALUES (1, 'ＤＥＰＴ－１'), (2, 'ACME'), (3, 'ＡＣＭＥ'), "
                    "(4, 'ＴＷＩＮ'), (5, 'TＷＩＮ'), (6, NULL), (7, 'ok-1'), (8, '㈱㈱㈱')"
                )
            )
        with caplog.at_level(logging.WARNING):
            async with engine.begin() as conn:
                await conn.run_sync(_fold)
        async with engine.connect() as conn:
            stored = dict((await conn.execute(text("SELECT id, code FROM units"))).all())
        assert stored == {
            1: "DEPT-1",  # folded
            2: "ACME",
            3: "ＡＣＭＥ",  # ACME is taken: left for a person to merge
            4: "ＴＷＩＮ",  # two typed alike: one (the first in code order) takes the
            5: "TWIN",  # folded code, not both (that would break the unique constraint)
            6: None,
            7: "ok-1",
            8: "㈱㈱㈱",  # "(株)(株)(株)" would not fit the column
        }
        assert "units.code: 3 code(s)" in caplog.text
    finally:
        await engine.dispose()
