"""Queries over org units and positions; repositories never commit (the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    String,
    any_,
    cast,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import InstrumentedAttribute, aliased

from org_service.db.models import (
    OrgUnit,
    Person,
    Position,
    PositionVersion,
    Vocabulary,
    VocabularyEntry,
)
from talentloop_shared.db import KeysetOrder, Repository, where_given

# One lock for every change of the tree's shape (create, move, rename, unit import): two
# concurrent moves could otherwise each pass the cycle check and together close a loop, and a
# unit created under a parent that is being moved would keep the parent's old path.
_TREE_LOCK_KEY = "org-service:org-tree"

# How the lists of units, people and a position's versions are ordered and paged (each key
# served by an index: `tests/integration/test_list_plans.py`).
UNITS_BY_NAME = KeysetOrder(OrgUnit.name, OrgUnit.id)
PEOPLE_BY_NAME = KeysetOrder(Person.name, Person.id)
VERSIONS_IN_ORDER = KeysetOrder(PositionVersion.version)


class PositionInUnit(NamedTuple):
    """A position, the org unit it belongs to and its owners (its snapshot names them all)."""

    position: Position
    unit: OrgUnit
    recruiter: Person | None
    hiring_manager: Person | None


async def advisory_lock(session: Any, key: str) -> None:
    """Serialise writers of `key` until this transaction ends (e.g. one upsert per code)."""
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def _contains(q: str, *columns: Any) -> ColumnElement[bool]:
    """Any of `columns` contains `q`, case-insensitively; `%`, `_` and `\\` in `q` are
    searched for as themselves, not as wildcards."""
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


class OrgUnitRepository(Repository[OrgUnit]):
    """Org units and their subtrees."""

    model = OrgUnit
    what = "org unit"

    async def lock_tree(self) -> None:
        """Serialise tree restructures until this transaction ends."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": _TREE_LOCK_KEY}
        )

    async def get_by_code(self, code: str, *, for_update: bool = False) -> OrgUnit | None:
        """The unit with this external code, or None."""
        stmt = select(OrgUnit).where(OrgUnit.code == code)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def by_ids(self, ids: Collection[uuid.UUID]) -> Sequence[OrgUnit]:
        """The units with these ids."""
        if not ids:
            return []
        return (await self.session.scalars(select(OrgUnit).where(OrgUnit.id.in_(list(ids))))).all()

    async def ids_by_codes(self, codes: Collection[str]) -> dict[str, uuid.UUID]:
        """code → id of the units with these codes."""
        if not codes:
            return {}
        rows = await self.session.execute(
            select(OrgUnit.code, OrgUnit.id).where(OrgUnit.code == any_(_text_array(codes)))
        )
        return {code: unit_id for code, unit_id in rows.all() if code is not None}

    async def get_for_share(self, unit_id: uuid.UUID) -> OrgUnit | None:
        """The unit, locked against a concurrent move until this transaction ends."""
        return await self.session.scalar(
            select(OrgUnit)
            .where(OrgUnit.id == unit_id)
            .with_for_update(read=True)
            .execution_options(populate_existing=True)
        )

    async def subtree(self, unit: OrgUnit, *, for_update: bool = False) -> Sequence[OrgUnit]:
        """The unit and all its descendants, shallowest first (one GIN-indexed query)."""
        stmt = (
            select(OrgUnit)
            .where(OrgUnit.path.contains([unit.id]))
            .order_by(func.cardinality(OrgUnit.path), OrgUnit.id)
        )
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(stmt)).all()

    async def existing_ids(self, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """The subset of `ids` that are org units."""
        if not ids:
            return set()
        rows = await self.session.scalars(select(OrgUnit.id).where(OrgUnit.id.in_(list(ids))))
        return set(rows)

    async def contents(self, unit_id: uuid.UUID) -> tuple[int, int, int]:
        """How many child units, positions (open or closed) and people a unit directly holds."""
        children = await self.session.scalar(
            select(func.count()).select_from(OrgUnit).where(OrgUnit.parent_id == unit_id)
        )
        positions = await self.session.scalar(
            select(func.count()).select_from(Position).where(Position.org_unit_id == unit_id)
        )
        people = await self.session.scalar(
            select(func.count()).select_from(Person).where(Person.org_unit_id == unit_id)
        )
        return int(children or 0), int(positions or 0), int(people or 0)

    async def all(self, *, for_update: bool = False) -> Sequence[OrgUnit]:
        """Every unit (the tree is small: thousands of rows at most)."""
        stmt = select(OrgUnit)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(stmt)).all()

    async def tree_rows(self) -> list[dict[str, Any]]:
        """Every unit's id, name, kind and parent id (what the nested tree shows)."""
        stmt = select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id)
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]

    async def key_rows(self, codes: Collection[str]) -> list[dict[str, Any]]:
        """Key fields of the units with these codes, as the reconciliation compares them."""
        if not codes:
            return []
        parent = OrgUnit.__table__.alias("parent")
        table = OrgUnit.__table__
        stmt = (
            select(table.c.code, table.c.name, table.c.kind, parent.c.code.label("parent_code"))
            .outerjoin(parent, parent.c.id == table.c.parent_id)
            .where(table.c.code == any_(_text_array(codes)))
        )
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]

    async def page(
        self,
        *,
        limit: int,
        after: tuple[str, uuid.UUID] | None,
        parent_id: uuid.UUID | None,
        kind: str | None,
        q: str | None = None,
    ) -> Sequence[OrgUnit]:
        """Units ordered by (name, id), `limit + 1` rows after the cursor; `q` is found in
        the name, the code or the path of names ("Acme / R&D / Platform")."""
        stmt = where_given(select(OrgUnit), parent_id=parent_id, kind=kind)
        stmt = UNITS_BY_NAME.paged(stmt, after=after, limit=limit)
        if q:
            stmt = stmt.where(
                _contains(
                    q, OrgUnit.name, OrgUnit.code, func.array_to_string(OrgUnit.name_path, " / ")
                )
            )
        return (await self.session.scalars(stmt)).all()

    async def count(self) -> int:
        """How many units exist."""
        return int(await self.session.scalar(select(func.count()).select_from(OrgUnit)) or 0)


class PersonRepository(Repository[Person]):
    """The staff directory."""

    model = Person
    what = "person"

    async def get_by_code(self, code: str, *, for_update: bool = False) -> Person | None:
        """The person with this external code, or None."""
        stmt = select(Person).where(Person.external_code == code)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def get_by_subject(self, subject: str) -> Person | None:
        """The person who signs in as `subject`, or None."""
        return await self.session.scalar(select(Person).where(Person.subject == subject))

    async def taken(
        self, column: InstrumentedAttribute[Any], value: str, *, other_than: uuid.UUID
    ) -> uuid.UUID | None:
        """The id of another person with this code or subject, or None."""
        return await self.session.scalar(
            select(Person.id).where(column == value, Person.id != other_than)
        )

    async def by_ids(self, ids: Collection[uuid.UUID], *, lock: bool = False) -> Sequence[Person]:
        """The people with these ids; `lock` holds them (FOR SHARE) until the transaction ends."""
        if not ids:
            return []
        stmt = select(Person).where(Person.id.in_(list(ids)))
        if lock:
            stmt = stmt.with_for_update(read=True).execution_options(populate_existing=True)
        return (await self.session.scalars(stmt)).all()

    async def by_codes(self, codes: Collection[str], *, for_update: bool = False) -> list[Person]:
        """The people with these external codes."""
        if not codes:
            return []
        stmt = select(Person).where(Person.external_code == any_(_text_array(codes)))
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return list((await self.session.scalars(stmt)).all())

    async def codes_and_subjects(self) -> list[tuple[uuid.UUID, str | None, str | None]]:
        """(id, external code, subject) of everyone (what an import checks its rows against)."""
        rows = await self.session.execute(select(Person.id, Person.external_code, Person.subject))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def manager_chain(self, manager_id: uuid.UUID) -> dict[str, str | None]:
        """The manager and everyone above them: id → manager id (a recursive query)."""
        base = select(Person.id, Person.manager_id).where(Person.id == manager_id)
        chain = base.cte("chain", recursive=True)
        step = select(Person.id, Person.manager_id).join(chain, Person.id == chain.c.manager_id)
        chain = chain.union(step)
        rows = (await self.session.execute(select(chain.c.id, chain.c.manager_id))).all()
        return {str(r[0]): (str(r[1]) if r[1] is not None else None) for r in rows}

    async def manager_map(self) -> dict[uuid.UUID, uuid.UUID | None]:
        """Everyone's manager (an import checks the whole line for cycles)."""
        rows = await self.session.execute(select(Person.id, Person.manager_id))
        return {r[0]: r[1] for r in rows.all()}

    async def page(
        self,
        *,
        limit: int,
        after: tuple[str, uuid.UUID] | None,
        q: str | None,
        org_unit: OrgUnit | None,
        include_subtree: bool,
        active: bool | None,
        subject: str | None,
    ) -> Sequence[Person]:
        """People ordered by (name, id), `limit + 1` rows after the cursor."""
        stmt = where_given(select(Person), active=active, subject=subject)
        stmt = PEOPLE_BY_NAME.paged(stmt, after=after, limit=limit)
        if q:
            stmt = stmt.where(_contains(q, Person.name, Person.email, Person.external_code))
        if org_unit is not None:
            if include_subtree:
                stmt = stmt.join(OrgUnit, OrgUnit.id == Person.org_unit_id).where(
                    OrgUnit.path.contains([org_unit.id])
                )
            else:
                stmt = stmt.where(Person.org_unit_id == org_unit.id)
        return (await self.session.scalars(stmt)).all()

    async def count(self) -> int:
        """How many people the directory holds."""
        return int(await self.session.scalar(select(func.count()).select_from(Person)) or 0)

    async def key_rows(self, codes: Collection[str]) -> list[dict[str, Any]]:
        """Key fields of the people with these codes, as the reconciliation compares them."""
        if not codes:
            return []
        stmt = select(Person.external_code, Person.name, Person.email, Person.phone).where(
            Person.external_code == any_(_text_array(codes))
        )
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]


# Built once: an alias made per query costs more than the query (its column collections
# are built anew, and the statement cache cannot recognise a new alias).
_RECRUITER = aliased(Person, name="recruiter")
_MANAGER = aliased(Person, name="hiring_manager")


class PositionRepository(Repository[Position]):
    """Positions, their reports-to chains and their history."""

    model = Position
    what = "position"

    async def get_by_code(self, code: str, *, for_update: bool = False) -> Position | None:
        """The position with this external code, or None."""
        stmt = select(Position).where(Position.code == code)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def in_unit(self, position: Position) -> PositionInUnit:
        """The position with its unit and owners (one query)."""
        recruiter, manager = _RECRUITER, _MANAGER
        stmt = (
            select(OrgUnit, recruiter, manager)
            .select_from(OrgUnit)
            .outerjoin(recruiter, recruiter.id == literal(position.recruiter_id, Person.id.type))
            .outerjoin(manager, manager.id == literal(position.hiring_manager_id, Person.id.type))
            .where(OrgUnit.id == position.org_unit_id)
        )
        unit, r, m = (await self.session.execute(stmt)).one()
        return PositionInUnit(position, unit, r, m)

    async def ids_by_codes(self, codes: Collection[str]) -> dict[str, uuid.UUID]:
        """code → id of the positions with these codes."""
        if not codes:
            return {}
        rows = await self.session.execute(
            select(Position.code, Position.id).where(Position.code == any_(_text_array(codes)))
        )
        return {code: pid for code, pid in rows.all() if code is not None}

    async def rows_owned_by(
        self, person_ids: Collection[uuid.UUID], *, for_update: bool = False
    ) -> list[dict[str, Any]]:
        """Plain column dicts of the positions these people own (recruiter or hiring manager)."""
        if not person_ids:
            return []
        table = Position.__table__
        ids = list(person_ids)
        stmt = (
            select(table)
            .where(or_(table.c.recruiter_id.in_(ids), table.c.hiring_manager_id.in_(ids)))
            .order_by(table.c.id)
        )
        if for_update:
            stmt = stmt.with_for_update()
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]

    async def code_taken(self, code: str, *, other_than: uuid.UUID | None = None) -> bool:
        """True if another position already uses this external code."""
        stmt = select(Position.id).where(Position.code == code)
        if other_than is not None:
            stmt = stmt.where(Position.id != other_than)
        return (await self.session.scalar(stmt)) is not None

    async def reports_to_chain(self, manager_id: uuid.UUID) -> dict[str, str | None]:
        """The manager and everyone above it: id → reports-to id (a recursive query)."""
        base = select(Position.id, Position.reports_to_position_id).where(Position.id == manager_id)
        chain = base.cte("chain", recursive=True)
        step = select(Position.id, Position.reports_to_position_id).join(
            chain, Position.id == chain.c.reports_to_position_id
        )
        chain = chain.union(step)
        rows = (
            await self.session.execute(select(chain.c.id, chain.c.reports_to_position_id))
        ).all()
        return {str(r[0]): (str(r[1]) if r[1] is not None else None) for r in rows}

    async def rows_in_units(
        self, unit_ids: Collection[uuid.UUID], *, for_update: bool = False
    ) -> list[dict[str, Any]]:
        """Plain column dicts of the positions in these units (for bulk rewrites)."""
        if not unit_ids:
            return []
        table = Position.__table__
        stmt = select(table).where(table.c.org_unit_id.in_(list(unit_ids))).order_by(table.c.id)
        if for_update:
            stmt = stmt.with_for_update()
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]

    async def rows_by_codes(
        self, codes: Collection[str], *, for_update: bool = False
    ) -> dict[str, dict[str, Any]]:
        """Plain column dicts of the positions with these codes, keyed by code."""
        if not codes:
            return {}
        table = Position.__table__
        stmt = select(table).where(table.c.code == any_(_text_array(codes)))
        if for_update:
            stmt = stmt.with_for_update()
        return {r.code: dict(r._mapping) for r in (await self.session.execute(stmt)).all()}

    async def history(
        self, position_id: uuid.UUID, *, limit: int, after_version: int | None
    ) -> Sequence[PositionVersion]:
        """Versions of a position, oldest first, `limit + 1` rows after the cursor."""
        stmt = VERSIONS_IN_ORDER.paged(
            select(PositionVersion).where(PositionVersion.position_id == position_id),
            after=None if after_version is None else (after_version,),
            limit=limit,
        )
        return (await self.session.scalars(stmt)).all()

    async def count(self) -> int:
        """How many positions exist."""
        return int(await self.session.scalar(select(func.count()).select_from(Position)) or 0)

    async def key_rows(self, codes: Collection[str]) -> list[dict[str, Any]]:
        """Key fields of the positions with these codes, as the reconciliation compares them."""
        if not codes:
            return []
        stmt = (
            select(
                Position.code,
                Position.title,
                OrgUnit.code.label("org_unit_code"),
                Position.job_family,
                Position.headcount,
                Position.status,
            )
            .join(OrgUnit, OrgUnit.id == Position.org_unit_id)
            .where(Position.code == any_(_text_array(codes)))
        )
        return [dict(r._mapping) for r in (await self.session.execute(stmt)).all()]


def _text_array(values: Collection[str]) -> Any:
    # One array parameter instead of an expanding IN: a 50,000-row import would exceed the
    # protocol's 32,767 bind parameters.
    return cast(literal(list(values), ARRAY(String)), ARRAY(String))


class VocabularyRepository(Repository[VocabularyEntry]):
    """HR's vocabulary entries, and the version row of each kind."""

    model = VocabularyEntry

    async def lock(self, kind: str) -> Vocabulary:
        """The kind's version row, created if missing and locked: changes of a kind queue
        here, so each sees the one before it and versions follow commit order."""
        await self.session.execute(
            insert(Vocabulary)
            .values(kind=kind, version=0)
            .on_conflict_do_nothing(index_elements=[Vocabulary.kind])
        )
        row = await self.session.get(Vocabulary, kind, with_for_update=True, populate_existing=True)
        assert row is not None  # inserted above or already there
        return row

    async def entries(self, kind: str) -> Sequence[VocabularyEntry]:
        """Every entry of a kind, by key."""
        return await self.list(
            select(VocabularyEntry)
            .where(VocabularyEntry.kind == kind)
            .order_by(VocabularyEntry.key)
        )

    async def version(self, kind: str) -> int:
        """The kind's current version (0 before HR's first change)."""
        found = await self.session.scalar(select(Vocabulary.version).where(Vocabulary.kind == kind))
        return int(found or 0)
