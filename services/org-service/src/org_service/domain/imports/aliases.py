"""The column headers old systems export, in Chinese and English, per import kind.

The table is data (`header_aliases.json`, `{"headers": {kind: {column: [spellings]}}}`, the
shape of the shared vocabulary's import packs) so it can move to `talentloop_shared.language`
unchanged; `header_aliases(kind)` is what `read_table(..., aliases=...)` takes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from org_service.domain.imports.rows import ImportKind
from talentloop_shared.tabular import normalise_header


@cache
def _table() -> Mapping[str, Mapping[str, str]]:
    raw = json.loads(
        resources.files(__package__).joinpath("header_aliases.json").read_text("utf-8")
    )
    table: dict[str, Mapping[str, str]] = {}
    for kind, columns in raw["headers"].items():
        aliases: dict[str, str] = {}
        for column, spellings in columns.items():
            for spelling in spellings:
                header = normalise_header(spelling)
                known = aliases.get(header)
                if known is not None and known != column:
                    # One spelling, two meanings: the file could not be read unambiguously.
                    raise ValueError(f"{kind} header {spelling!r} is both {known} and {column}")
                aliases[header] = column
        table[kind] = MappingProxyType(aliases)
    return MappingProxyType(table)


def header_aliases(kind: ImportKind) -> dict[str, str]:
    """Normalised header spelling → column for one import kind (`部门编码` → `org_unit_code`)."""
    return dict(_table().get(kind, {}))
