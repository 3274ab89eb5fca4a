"""The reconciliation checksum of a candidate import: the key fields of the file's rows
against what the database holds for them after the run (the migration FAQ's promise).

Each row contributes the key fields it states (`email` and `name` always, `phone` when its
cell is filled: an empty cell keeps the stored phone, so there is nothing to compare). The
database side takes the same fields of the candidate with that email. The checksum
(`talentloop_shared.reconciliation`) does not depend on row order; values are the
normalised ones (lower-case email, E.164 phone), as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from talentloop_shared.reconciliation import checksum, key_text

# The fields a person checks by eye after a migration: who it is and how to reach them.
KEY_FIELDS: Final[tuple[str, ...]] = ("email", "name", "phone")


def key_fields_checksum(rows: Iterable[Mapping[str, Any]]) -> str:
    """A sha256 over each row's key fields (those the row has), independent of row order."""
    return checksum(
        [[name, key_text(row[name])] for name in KEY_FIELDS if name in row] for row in rows
    )
