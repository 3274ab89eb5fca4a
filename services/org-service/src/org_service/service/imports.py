"""Bulk import of org units, positions and people (S7): read, validate, upsert by code,
reconcile.

A real run is all-or-nothing: one bad row and nothing is written. A dry run validates and,
when the file is valid, performs the whole import inside a transaction that is rolled back,
so its reconciliation shows exactly what a real run would do. Upserts compare normalised
values: a row identical to the stored one is not a change (no version, no event), so
importing the same file twice is a no-op the second time.

Headers are read through the old systems' spellings (`header_aliases`, 部门编码 → code) and
the uploader's own `column_map`; the report says how each header was understood.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any, Final

from sqlalchemy import insert, update

from org_service.db.models import OrgUnit, Person, Position
from org_service.db.repositories import OrgUnitRepository, PersonRepository, PositionRepository
from org_service.domain.errors import RowProblem
from org_service.domain.imports.aliases import header_aliases
from org_service.domain.imports.org_units import (
    ORG_UNIT_COLUMNS,
    OrgUnitImportRow,
    validate_org_unit_rows,
)
from org_service.domain.imports.people import (
    PEOPLE_COLUMNS,
    PersonImportRow,
    validate_people_rows,
)
from org_service.domain.imports.positions import (
    POSITION_COLUMNS,
    PositionImportRow,
    validate_position_rows,
)
from org_service.domain.imports.reconciliation import KEY_FIELDS, key_fields_checksum
from org_service.domain.imports.rows import ImportKind, ImportReport, column_mapping
from org_service.domain.org_tree import path_of
from org_service.domain.people import NEW_PERSON_DEFAULTS, change_kind, changed_fields
from org_service.domain.positions import FieldChange, diff_positions
from org_service.service.people import (
    lock_reporting_lines,
    person_snapshot,
    person_values,
    publish_person,
)
from org_service.service.position_versions import (
    TRACKED_FIELDS,
    UNSET_VALUES,
    insert_history,
    owner_refs,
    owners_state,
    person_ref,
    position_state,
    record_version,
    republish_owned,
    republish_positions,
    stored_requirements,
    stored_scheme,
    unit_ref,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Invalid
from talentloop_shared.tabular import read_table

# A file is read row by row up to this many data rows (an ERP's whole position list fits;
# more is refused with 422 before anything is validated: split the file).
MAX_IMPORT_ROWS: Final = 50_000
# The columns each kind of import reads (a column mapping may only name these).
IMPORT_COLUMNS: Final[Mapping[ImportKind, tuple[str, ...]]] = {
    "org_units": ORG_UNIT_COLUMNS,
    "positions": POSITION_COLUMNS,
    "people": PEOPLE_COLUMNS,
}
_UNIT_COLUMNS = tuple(c.key for c in OrgUnit.__table__.columns)
_PERSON_COLUMNS = tuple(c.key for c in Person.__table__.columns)


@dataclass
class ImportOutcome:
    """What an import found and did; the API turns it into the report."""

    kind: ImportKind
    dry_run: bool
    total_rows: int
    valid_rows: int
    rows_with_problems: int
    problems: list[RowProblem]
    column_mapping: dict[str, str | None]
    written: bool = False
    reconciliation: dict[str, Any] | None = None
    events_published: int = 0

    @property
    def ok(self) -> bool:
        """True when the file had no problems."""
        return not self.problems


async def run_import(
    uow: UnitOfWork,
    *,
    kind: ImportKind,
    upload: IO[bytes],
    dry_run: bool,
    by: str,
    column_map: Mapping[str, str] | None = None,
) -> ImportOutcome:
    """Validate the file; write it (real run) or simulate and roll back (dry run)."""
    # Parsing is CPU work on a file the web server spooled to disk: off the event loop, and
    # streamed with a row cap, so the upload is never held whole in memory.
    table = await asyncio.to_thread(
        read_table,
        upload,
        max_rows=MAX_IMPORT_ROWS,
        aliases=header_aliases(kind),
        column_map=column_map,
        # `code`, `parent_code`, `org_unit_code`…: read as codes sent to the API are.
        codes=[column for column in IMPORT_COLUMNS[kind] if column.endswith("code")],
    )
    units = OrgUnitRepository(uow.session)
    positions = PositionRepository(uow.session)
    people = PersonRepository(uow.session)
    # The tree lock also keeps the unit codes this validation relies on stable until commit.
    await units.lock_tree()
    existing_units = list(await units.all(for_update=kind == "org_units"))
    before = {
        "org_units": len(existing_units),
        "positions": await positions.count(),
        "people": await people.count(),
    }
    unit_codes = {u.code for u in existing_units if u.code}

    report: (
        ImportReport[OrgUnitImportRow]
        | ImportReport[PositionImportRow]
        | ImportReport[PersonImportRow]
    )
    if kind == "org_units":
        by_id = {u.id: u for u in existing_units}
        report = validate_org_unit_rows(
            table,
            existing_codes=unit_codes,
            existing_parent_codes={
                u.code: (by_id[u.parent_id].code if u.parent_id else None)
                for u in existing_units
                if u.code
            },
        )
    elif kind == "positions":
        report = validate_position_rows(table, known_org_unit_codes=unit_codes)
    else:
        # As a PUT changing a manager does: a concurrent one could otherwise close a loop
        # with a line of this file (A → B here, B → A there), each checked alone.
        await lock_reporting_lines(uow)
        managers, subjects = await _people_keys(people)
        report = validate_people_rows(
            table,
            known_org_unit_codes=unit_codes,
            existing_managers=managers,
            subject_owners=subjects,
        )
    outcome = ImportOutcome(
        kind=kind,
        dry_run=dry_run,
        total_rows=report.total_rows,
        valid_rows=len(report.rows),
        rows_with_problems=report.rows_with_problems,
        problems=list(report.problems),
        column_mapping=column_mapping(table, IMPORT_COLUMNS[kind]),
    )
    if not outcome.ok:
        return outcome  # nothing written; the router answers 422 for a real run

    key_fields = KEY_FIELDS[kind]
    rows: list[Any] = list(report.rows)  # the kind above says which rows these are
    codes = [r.code for r in rows]
    if kind == "org_units":
        counts = await _upsert_org_units(uow, rows, existing_units, by)
        stored = await units.key_rows(codes)
    elif kind == "positions":
        counts = await _upsert_positions(uow, rows, existing_units, by)
        stored = await positions.key_rows(codes)
    else:
        counts = await _upsert_people(uow, rows, existing_units, by)
        stored = await people.key_rows(codes)
        # Columns the file does not have were left as stored: compare only what it says.
        key_fields = tuple(f for f in key_fields if f in table.columns)
    await uow.flush()
    after = {
        "org_units": await units.count(),
        "positions": await positions.count(),
        "people": await people.count(),
    }
    file_checksum = key_fields_checksum(rows, kind, fields=key_fields)
    db_checksum = key_fields_checksum(stored, kind, fields=key_fields)
    outcome.events_published = len(uow.pending_events)
    outcome.reconciliation = {
        "before": before,
        "after": after,
        **counts,
        "checksum": {
            "key_fields": list(key_fields),
            "file": file_checksum,
            "database": db_checksum,
            "match": file_checksum == db_checksum,
        },
    }
    if dry_run:
        await uow.rollback()  # a dry run shows what would happen and keeps nothing
    else:
        await uow.commit()
        outcome.written = True
    return outcome


async def _upsert_org_units(
    uow: UnitOfWork, rows: Sequence[OrgUnitImportRow], existing: list[OrgUnit], by: str
) -> dict[str, int]:
    """Create or update units by code (parents first), rewrite paths, republish positions."""
    by_code = {u.code: u for u in existing if u.code}
    by_id = {u.id: u for u in existing}
    old_refs = {u.id: unit_ref(u) for u in existing}
    old_paths = {u.id: list(u.path) for u in existing}
    created = updated = unchanged = 0
    at = uow.clock.now()
    new_units: list[OrgUnit] = []
    for row in rows:
        parent_id = by_code[row.parent_code].id if row.parent_code else None
        unit = by_code.get(row.code)
        if unit is None:
            unit = OrgUnit(
                id=uuid.uuid4(),
                version=1,
                code=row.code,
                name=row.name,
                kind=row.kind.value,
                parent_id=parent_id,
                path=[],
                name_path=[],
                created_at=at,
                updated_at=at,
            )
            by_code[row.code] = unit
            by_id[unit.id] = unit
            new_units.append(unit)
            created += 1
            continue
        if row.parent_code is None and unit.parent_id is not None:
            if by_id[unit.parent_id].code is None:
                # The current parent has no code, so the file cannot name it: keep it.
                parent_id = unit.parent_id
        if (unit.name, unit.kind, unit.parent_id) == (row.name, row.kind.value, parent_id):
            unchanged += 1
            continue
        unit.name, unit.kind, unit.parent_id, unit.updated_at = (
            row.name,
            row.kind.value,
            parent_id,
            at,
        )
        unit.version += 1
        updated += 1
    parent_of = {str(u.id): (str(u.parent_id) if u.parent_id else None) for u in by_id.values()}
    name_of = {str(u.id): u.name for u in by_id.values()}
    for unit in by_id.values():
        try:
            path = path_of(str(unit.id), parent_of=parent_of, name_of=name_of)
        except ValueError:
            raise Invalid(
                f"the file would put org unit {unit.code or unit.id} inside its own subtree",
                errors=[{"loc": ["file"], "msg": "parent_code forms a cycle"}],
            ) from None
        ids = [uuid.UUID(i) for i in path.ids]
        if list(unit.path) != ids:
            unit.path = ids
        if list(unit.name_path) != list(path.names):
            unit.name_path = list(path.names)
    # Parents come first in `rows`, so a single multi-row INSERT satisfies the parent FK.
    if new_units:
        # No autoflush here: the updated units may already point at these new parents.
        with uow.session.no_autoflush:
            await uow.session.execute(
                insert(OrgUnit), [{c: getattr(u, c) for c in _UNIT_COLUMNS} for u in new_units]
            )
    await uow.flush()
    new_refs = {u.id: unit_ref(u) for u in existing}
    moved = {u.id for u in existing if old_paths[u.id] != list(u.path)}
    await republish_positions(
        uow,
        old_refs=old_refs,
        new_refs={k: v for k, v in new_refs.items() if k in moved},
        change="moved",
        by=by,
    )
    await republish_positions(
        uow,
        old_refs=old_refs,
        new_refs={k: v for k, v in new_refs.items() if k not in moved},
        change="updated",
        by=by,
    )
    return {"created": created, "updated": updated, "unchanged": unchanged}


def imported_values(
    row: PositionImportRow, *, unit_id: uuid.UUID, unit_id_by_code: Mapping[str, str]
) -> dict[str, Any]:
    """The position columns an import row sets, normalised as stored (ids, version and
    timestamps are the upsert's business)."""
    return {
        "code": row.code,
        "title": row.title,
        "org_unit_id": unit_id,
        "job_family": row.job_family,
        "headcount": row.headcount,
        "status": row.status,
        "location": row.location,
        "responsibilities": list(row.responsibilities),
        "requirements": stored_requirements(row.requirements),
        "evaluation_scheme": stored_scheme(row.scheme_for(unit_id_by_code)),
    }


async def _upsert_positions(
    uow: UnitOfWork, rows: Sequence[PositionImportRow], units: list[OrgUnit], by: str
) -> dict[str, int]:
    """Create or update positions by code in bulk; publish one event per real change."""
    unit_by_code = {u.code: u for u in units if u.code}
    unit_by_id = {u.id: u for u in units}
    id_by_code = {code: str(u.id) for code, u in unit_by_code.items()}
    refs = {u.id: unit_ref(u) for u in units}
    existing = await PositionRepository(uow.session).rows_by_codes(
        [r.code for r in rows], for_update=True
    )
    # An import does not change owners; their refs are in the snapshots all the same.
    people = await owner_refs(uow, list(existing.values()))
    no_owners = owners_state({}, {})
    at = uow.clock.now()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    unchanged = 0
    for row in rows:
        unit = unit_by_code[row.org_unit_code]
        target = imported_values(row, unit_id=unit.id, unit_id_by_code=id_by_code)
        current = existing.get(row.code)
        if current is None:
            values = {
                **target,
                "id": uuid.uuid4(),
                "version": 1,
                "reports_to_position_id": None,
                "titles": {},
                "recruiter_id": None,
                "hiring_manager_id": None,
                "created_at": at,
                "updated_at": at,
            }
            state = position_state(values, refs[unit.id], no_owners)
            # Stored values are already normalised, so "everything that is set" is the diff
            # against nothing, without canonicalising 10,000 snapshots.
            changes = [
                FieldChange(f, None, state[f])
                for f in TRACKED_FIELDS
                if state[f] not in UNSET_VALUES
            ]
            inserts.append(values)
            history.append(
                record_version(uow, state=state, change="created", changes=changes, by=by, at=at)
            )
            continue
        owners = owners_state(current, people)
        old_state = position_state(current, refs[unit_by_id[current["org_unit_id"]].id], owners)
        values = {**current, **target}
        state = position_state(values, refs[unit.id], owners)
        # Plain equality first: re-importing the same file is the common case and must be cheap;
        # only rows that differ are compared field by field with normalisation.
        changes = [] if state == old_state else diff_positions(old_state, state, TRACKED_FIELDS)
        if not changes:
            unchanged += 1
            continue
        values["version"] = current["version"] + 1
        values["updated_at"] = at
        state["version"] = values["version"]
        change = "updated"
        if [c.field for c in changes] == ["status"]:
            change = "closed" if row.status == "closed" else "reopened"
        updates.append(
            {"id": current["id"], **target, "version": values["version"], "updated_at": at}
        )
        history.append(
            record_version(uow, state=state, change=change, changes=changes, by=by, at=at)
        )
    session = uow.session
    if inserts:
        await session.execute(insert(Position), inserts)
    if updates:
        await session.execute(update(Position), updates)
    await insert_history(uow, history)
    return {"created": len(inserts), "updated": len(updates), "unchanged": unchanged}


async def _people_keys(
    people: PersonRepository,
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Everyone's manager and every subject's holder, by person key (their code, or `#<id>`
    for someone without one), for the people rules."""
    everyone = await people.codes_and_subjects()
    key_of = {person_id: code or f"#{person_id}" for person_id, code, _ in everyone}
    manager_of = await people.manager_map()
    managers = {
        key_of[pid]: (key_of[mid] if mid is not None else None) for pid, mid in manager_of.items()
    }
    subjects = {subject: key_of[pid] for pid, _, subject in everyone if subject is not None}
    return managers, subjects


async def _upsert_people(
    uow: UnitOfWork, rows: Sequence[PersonImportRow], units: list[OrgUnit], by: str
) -> dict[str, int]:
    """Create or update people by code in bulk (managers first); publish one `person-changed`
    per real change and republish the positions of owners whose ref changed."""
    repo = PersonRepository(uow.session)
    unit_id_by_code = {u.code: u.id for u in units if u.code}
    existing = {
        p.external_code: p for p in await repo.by_codes([r.code for r in rows], for_update=True)
    }
    id_by_code = {code: pid for pid, code, _ in await repo.codes_and_subjects() if code}
    for row in rows:
        id_by_code.setdefault(row.code, uuid.uuid4())
    at = uow.clock.now()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    old_refs: dict[uuid.UUID, dict[str, Any]] = {}
    new_refs: dict[uuid.UUID, dict[str, Any]] = {}
    unchanged = 0
    for row in rows:
        current = existing.get(row.code)
        old: dict[str, Any] = (
            person_values(current)
            if current is not None
            else {
                "id": id_by_code[row.code],
                "version": 0,
                "external_code": row.code,
                **NEW_PERSON_DEFAULTS,
                "created_at": at,
            }
        )
        new = {**old, "name": row.name}
        for column in ("email", "phone", "subject"):
            if column in row.given:
                new[column] = getattr(row, column)
        for column in ("locale", "timezone", "active"):
            if getattr(row, column) is not None:
                new[column] = getattr(row, column)
        if "org_unit_code" in row.given:
            new["org_unit_id"] = unit_id_by_code[row.org_unit_code] if row.org_unit_code else None
        if "manager_code" in row.given:
            new["manager_id"] = id_by_code[row.manager_code] if row.manager_code else None
        changed = changed_fields(person_snapshot(old) if current else {}, person_snapshot(new))
        if current is not None and not changed:
            unchanged += 1
            continue
        new["version"] = old["version"] + 1
        new["updated_at"] = at
        if current is None:
            inserts.append({c: new[c] for c in _PERSON_COLUMNS})
            publish_person(uow, new, "created", changed)
            continue
        updates.append({c: new[c] for c in _PERSON_COLUMNS if c != "created_at"})
        publish_person(uow, new, change_kind(changed, active=new["active"]), changed)
        if person_ref(old) != person_ref(new):
            old_refs[current.id], new_refs[current.id] = person_ref(old), person_ref(new)
    session = uow.session
    # Managers come first in `rows`, so each INSERT batch only names people already written.
    if inserts:
        await session.execute(insert(Person), inserts)
    if updates:
        await session.execute(update(Person), updates)
    await republish_owned(uow, old_people=old_refs, new_people=new_refs, by=by)
    return {"created": len(inserts), "updated": len(updates), "unchanged": unchanged}
