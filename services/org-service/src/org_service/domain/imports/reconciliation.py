"""The reconciliation checksum: the key fields of the file's rows against the stored rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from org_service.domain.imports.rows import ImportKind

# The fields the reconciliation report compares before and after an import. They are the ones a
# person checks by eye; long free text (responsibilities) would only add noise.
KEY_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "org_units": ("code", "name", "kind", "parent_code"),
    "positions": ("code", "title", "org_unit_code", "job_family", "headcount", "status"),
}


def key_fields_checksum(rows: Iterable[Mapping[str, Any] | object], kind: ImportKind) -> str:
    """Return a sha256 over the key fields of `rows`, independent of their order."""
    fields = KEY_FIELDS[kind]
    lines = sorted(
        json.dumps([_key_text(_field_value(row, name)) for name in fields], ensure_ascii=False)
        for row in rows
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def _field_value(row: Mapping[str, Any] | object, name: str) -> Any:
    # Rows come from the file (dataclasses) and from the database (ORM rows or dicts) for the
    # "after" side of the report; both must hash alike.
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


def _key_text(value: Any) -> str:
    """Return one canonical text per value, so 2, 2.0 and '2' hash alike and None equals ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
