"""HR's vocabularies: read the effective skills table, put and delete a skill's synonyms and
labels, put and delete an education level's spellings.

Every real change locks its kind's version row, writes the entry, raises the kind's version
by one and publishes `vocabulary-changed` with the whole custom table of that kind, in one
transaction; recruiting and talent rebuild their vocabularies from it. A PUT that changes
nothing writes nothing and publishes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from org_service.db.models import VocabularyEntry
from org_service.db.repositories import VocabularyRepository
from org_service.domain.vocabularies import (
    CustomEntry,
    NoSuchEntry,
    check_education_entry,
    check_skill_entry,
    education_json,
    normalised,
    same_entry,
    skill_table,
    skill_target,
    skills_json,
    unique_spellings,
)
from org_service.service.inputs import EducationEntryPut, SkillEntryPut
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import ExpectedVersion, NotFound, found
from talentloop_shared.events import VocabularyChanged
from talentloop_shared.language.vocabulary import SkillEntry, education_vocabulary
from talentloop_shared.pagination import Keyset, Page

Kind = Literal["skills", "education"]

# The effective skills table is listed by key.
SKILLS = Keyset(str)


@dataclass(frozen=True, slots=True)
class SkillItem:
    """A skill of the effective table, with HR's part of it when there is one."""

    entry: SkillEntry
    custom: VocabularyEntry | None


@dataclass(frozen=True, slots=True)
class EducationLevelItem:
    """A ladder level: every spelling it accepts, and HR's part of them."""

    level: str
    spellings: list[str]
    custom: VocabularyEntry | None


def _custom(row: VocabularyEntry) -> CustomEntry:
    return CustomEntry(row.key, tuple(row.aliases), dict(row.labels), row.family)


def _customs(rows: Sequence[VocabularyEntry]) -> list[CustomEntry]:
    return [_custom(r) for r in rows]


# --- skills ---------------------------------------------------------------------------------


async def list_skills(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    custom_only: bool = False,
    q: str | None = None,
) -> Page[SkillItem]:
    """The effective skills table (shipped + HR's), by key; `q` matches any spelling."""
    after = SKILLS.decode(cursor)
    rows = {r.key: r for r in await VocabularyRepository(uow.session).entries("skills")}
    table = skill_table(_customs(list(rows.values())))
    needle = normalised(q) if q else ""
    items: list[SkillItem] = []
    for entry in sorted(table, key=lambda e: e.key):
        if after is not None and entry.key <= after[0]:
            continue
        if custom_only and entry.key not in rows:
            continue
        if needle and not any(
            needle in normalised(s) for s in (entry.key, *entry.labels.values(), *entry.aliases)
        ):
            continue
        items.append(SkillItem(entry, rows.get(entry.key)))
        if len(items) > limit:
            break
    return SKILLS.page(items, limit, key=lambda item: (item.entry.key,))


async def get_skill(uow: UnitOfWork, *, name: str) -> SkillItem:
    """A skill of the effective table by any of its spellings (404 when none has it)."""
    return _skill_item(list(await VocabularyRepository(uow.session).entries("skills")), name)


def _skill_item(rows: Sequence[VocabularyEntry], name: str) -> SkillItem:
    table = skill_table(_customs(rows))
    key = table.owner(name)
    entry = table.entry(key) if key is not None else None
    if key is None or entry is None:
        raise NotFound("skill", repr(name))
    return SkillItem(entry, next((r for r in rows if r.key == key), None))


async def put_skill(
    uow: UnitOfWork, *, name: str, body: SkillEntryPut, expected: ExpectedVersion, by: str
) -> tuple[SkillItem, bool]:
    """Write HR's entry of a skill (True when it is new); 409 for an alias another skill has."""
    repo = VocabularyRepository(uow.session)
    rows = await _locked_entries(repo, "skills")
    key = skill_target(_customs(rows), name)
    row = _entry_to_put(rows, key, expected, what=f"skill {key!r}")
    entry = CustomEntry(
        key,
        unique_spellings(body.aliases),
        dict(body.labels),
        body.family if body.family is not None else (row.family if row is not None else ""),
    )
    if row is not None and same_entry(_custom(row), entry):
        return _skill_item(rows, key), False
    check_skill_entry(_customs(rows), entry, creating=row is None)
    _write(uow, repo, rows, row, kind="skills", entry=entry, by=by)
    await _publish(uow, repo, "skills", key, "upserted", skills_json(_customs(rows)))
    item = _skill_item(rows, key)
    await uow.commit()
    return item, row is None


async def delete_skill(uow: UnitOfWork, *, name: str, expected: ExpectedVersion, by: str) -> None:
    """Remove HR's entry of a skill (the shipped skill, if any, stays as shipped)."""
    repo = VocabularyRepository(uow.session)
    rows = await _locked_entries(repo, "skills")
    key = skill_target(_customs(rows), name)
    rest = await _delete_entry(
        uow, rows, key, expected, what=f"skill {key!r}", missing=("custom skill", repr(name))
    )
    await _publish(uow, repo, "skills", key, "deleted", skills_json(_customs(rest)))
    await uow.commit()


# --- education ------------------------------------------------------------------------------


async def list_education(uow: UnitOfWork) -> list[EducationLevelItem]:
    """The ladder, lowest first, with every spelling each level accepts."""
    return _education_items(list(await VocabularyRepository(uow.session).entries("education")))


def _education_items(entries: Sequence[VocabularyEntry]) -> list[EducationLevelItem]:
    rows = {r.key: r for r in entries}
    table = education_vocabulary().with_aliases({k: r.aliases for k, r in rows.items()})
    return [
        EducationLevelItem(level, spellings, rows.get(level))
        for level, spellings in table.spellings().items()
    ]


async def put_education(
    uow: UnitOfWork, *, level: str, body: EducationEntryPut, expected: ExpectedVersion, by: str
) -> tuple[EducationLevelItem, bool]:
    """Write HR's spellings of a ladder level (True when new); 409 for another level's."""
    repo = VocabularyRepository(uow.session)
    rows = await _locked_entries(repo, "education")
    row = _entry_to_put(rows, level, expected, what=f"education level {level!r}")
    entry = CustomEntry(level, unique_spellings(body.aliases))
    if row is not None and same_entry(_custom(row), entry):
        return _education_item(rows, level), False
    check_education_entry(education_vocabulary(), _customs(rows), entry)
    _write(uow, repo, rows, row, kind="education", entry=entry, by=by)
    await _publish(uow, repo, "education", level, "upserted", education_json(_customs(rows)))
    item = _education_item(rows, level)
    await uow.commit()
    return item, row is None


async def delete_education(
    uow: UnitOfWork, *, level: str, expected: ExpectedVersion, by: str
) -> None:
    """Remove HR's spellings of a level (the shipped spellings stay)."""
    repo = VocabularyRepository(uow.session)
    rows = await _locked_entries(repo, "education")
    rest = await _delete_entry(
        uow,
        rows,
        level,
        expected,
        what=f"education level {level!r}",
        missing=("custom education spellings of", repr(level)),
    )
    await _publish(uow, repo, "education", level, "deleted", education_json(_customs(rest)))
    await uow.commit()


def _education_item(rows: Sequence[VocabularyEntry], level: str) -> EducationLevelItem:
    return next(item for item in _education_items(rows) if item.level == level)


# --- HR's entries, either kind -------------------------------------------------------------


async def _locked_entries(repo: VocabularyRepository, kind: Kind) -> list[VocabularyEntry]:
    """HR's entries of a kind, read after locking the kind's version row."""
    await repo.lock(kind)
    return list(await repo.entries(kind))


def _entry_to_put(
    rows: Sequence[VocabularyEntry], key: str, expected: ExpectedVersion, *, what: str
) -> VocabularyEntry | None:
    """HR's entry under `key` (None: the PUT creates it), at a version If-Match accepts; 412
    when If-Match names a version of an entry that does not exist."""
    row = next((r for r in rows if r.key == key), None)
    if row is None and not expected.any:
        raise NoSuchEntry(what)
    if row is not None:
        expected.check(row.version, what=what)
    return row


def _write(
    uow: UnitOfWork,
    repo: VocabularyRepository,
    rows: list[VocabularyEntry],
    row: VocabularyEntry | None,
    *,
    kind: Kind,
    entry: CustomEntry,
    by: str,
) -> None:
    """Create HR's entry (version 1, added to `rows`) or raise its version; store `entry`."""
    now = uow.clock.now()
    if row is None:
        row = repo.add(
            VocabularyEntry(
                kind=kind, key=entry.key, version=1, updated_by=by, created_at=now, updated_at=now
            )
        )
        rows.append(row)
    else:
        row.version += 1
    row.aliases = list(entry.aliases)
    row.labels = dict(entry.labels)
    row.family = entry.family
    row.updated_by = by
    row.updated_at = now


async def _delete_entry(
    uow: UnitOfWork,
    rows: Sequence[VocabularyEntry],
    key: str,
    expected: ExpectedVersion,
    *,
    what: str,
    missing: tuple[str, str],
) -> list[VocabularyEntry]:
    """Delete HR's entry under `key` (404 `NotFound(*missing)` when there is none); the
    other entries."""
    row = found(next((r for r in rows if r.key == key), None), *missing)
    expected.check(row.version, what=what)
    await uow.session.delete(row)
    return [r for r in rows if r.key != key]


# --- the event ------------------------------------------------------------------------------


async def _publish(
    uow: UnitOfWork,
    repo: VocabularyRepository,
    kind: Kind,
    key: str,
    change: Literal["upserted", "deleted"],
    table: dict[str, Any],
) -> None:
    """Raise the kind's version (its row is locked) and record `vocabulary-changed`."""
    vocabulary = await repo.lock(kind)
    vocabulary.version += 1
    vocabulary.updated_at = uow.clock.now()
    await uow.session.flush()
    uow.publish(
        VocabularyChanged(
            kind=kind, version=vocabulary.version, change=change, key=key, table=table
        ),
        subject=f"vocabularies/{kind}",
    )
