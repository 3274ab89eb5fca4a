"""The reconciliation checksum: the key fields of the file's rows against the stored rows
(`talentloop_shared.reconciliation`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from org_service.domain.imports.rows import ImportKind
from talentloop_shared.reconciliation import checksum, key_text

# The fields the reconciliation report compares before and after an import. They are the ones a
# person checks by eye; long free text (responsibilities) would only add noise.
KEY_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "org_units": ("code", "name", "kind", "parent_code"),
    "positions": ("code", "title", "org_unit_code", "job_family", "headcount", "status"),
    # A staff member is recognised by code, name and how to reach them.
    "people": ("external_code", "name", "email", "phone"),
}


def key_fields_checksum(
    rows: Iterable[Mapping[str, Any] | object],
    kind: ImportKind,
    *,
    fields: tuple[str, ...] | None = None,
) -> str:
    """Return a sha256 over the key fields of `rows`, independent of their order.

    `fields` narrows the comparison (a people file without a phone column leaves the stored
    phones alone, so they are not compared)."""
    fields = fields or KEY_FIELDS[kind]
    return checksum([key_text(_field_value(row, name)) for name in fields] for row in rows)


def _field_value(row: Mapping[str, Any] | object, name: str) -> Any:
    # Rows come from the file (dataclasses) and from the database (ORM rows or dicts) for the
    # "after" side of the report; both must hash alike.
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)
