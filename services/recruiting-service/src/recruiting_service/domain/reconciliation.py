"""The reconciliation checksum of a candidate import: the key fields of the file's rows
against what the database holds for them after the run (the migration FAQ's promise).

Each row contributes the key fields it states (`email` and `name` always, `phone` when its
cell is filled: an empty cell keeps the stored phone, so there is nothing to compare). The
database side takes the same fields of the candidate with that email. Lines are sorted
before hashing, so the checksum does not depend on row order; values are the normalised
ones (lower-case email, E.164 phone), as stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

# The fields a person checks by eye after a migration: who it is and how to reach them.
KEY_FIELDS: Final[tuple[str, ...]] = ("email", "name", "phone")


def key_fields_checksum(rows: Iterable[Mapping[str, Any]]) -> str:
    """A sha256 over each row's key fields (those the row has), independent of row order."""
    lines = sorted(
        json.dumps(
            [[name, _text(row[name])] for name in KEY_FIELDS if name in row], ensure_ascii=False
        )
        for row in rows
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def _text(value: Any) -> str:
    """One canonical text per value (None is empty), so both sides hash alike."""
    return "" if value is None else str(value).strip()
