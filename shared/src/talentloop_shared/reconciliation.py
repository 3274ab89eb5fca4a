"""The reconciliation checksum of a bulk import: a sha256 over the key fields of the file's
rows, compared with the same over what the database holds after the run.

Pure (no I/O): org's and recruiting's imports each choose their key fields and call this.
The checksum does not depend on row order (lines are sorted before hashing) nor on how a
value is written (`key_text`: 2, 2.0 and "2" alike; None and "" alike).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any


def checksum(lines: Iterable[Sequence[Any]]) -> str:
    """A sha256 over one JSON line a row (the row's key cells, already `key_text`), in
    sorted order."""
    digest = hashlib.sha256()
    for line in sorted(json.dumps(list(cells), ensure_ascii=False) for cells in lines):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def key_text(value: Any) -> str:
    """One canonical text per value, so 2, 2.0 and '2' hash alike and None equals ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
