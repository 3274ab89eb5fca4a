"""Data migrations of talent-service, run against a real PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
from alembic import command

from talent_service.domain.matching import match_id
from talent_service.main import MIGRATIONS
from talentloop_shared.db.migrations import alembic_config, upgrade_to_head
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import CourseChanged


async def test_the_catalogue_as_it_stands_is_announced_once_when_courses_get_versions(
    databases,
) -> None:
    url = await databases.create("talent-migrations")
    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, url), "talent_0004")
    dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    course_id = uuid.uuid4()
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(
            "INSERT INTO courses (id, title, provider, url, skills) VALUES ($1, $2, $3, $4, $5)",
            course_id,
            "临床研究入门",
            "Acme Academy",
            "https://academy.example/clinical",
            ["clinical research"],
        )
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        rows = await conn.fetch("SELECT id, event_type, envelope FROM outbox")
        assert await conn.fetchval("SELECT version FROM courses") == 1
    finally:
        await conn.close()

    [row] = rows
    assert row["event_type"] == "course-changed"
    event = CloudEvent.from_json(row["envelope"])
    assert event.id == str(row["id"])
    assert event.source == "/talent-service"
    assert event.subject == f"courses/{course_id}"
    assert event.time.endswith("Z")
    changed = CourseChanged.model_validate(event.data)
    assert (changed.change, changed.version) == ("created", 1)
    assert changed.course.id == str(course_id)
    assert changed.course.title == "临床研究入门"
    assert changed.course.skills == ["clinical research"]
    assert changed.course.active is True


async def test_existing_matches_get_ids_from_their_position_and_profile(databases) -> None:
    url = await databases.create("talent-migrations")
    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, url), "talent_0006")
    dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    old_id, profile_id, position_id = uuid.uuid4(), "p-招聘-1", "pos-1"
    try:
        await conn.execute(
            "INSERT INTO talent_profiles (id, name, locale, timezone, skills, strengths, "
            "industries, gaps, tags, open_to_contact, search_document, consented_at, "
            "consent_expires_at, next_contact_at) VALUES ($1, 'X', 'en', 'UTC', '{}', '{}', "
            "'{}', '{}', '{}', false, '', now(), now() + interval '1 year', now())",
            profile_id,
        )
        await conn.execute(
            "INSERT INTO talent_matches (id, position_id, profile_id, position_version, score, "
            "years_rank, explanation, matched_required, missing_required, strength_tags, "
            "created_at, invited_at) VALUES ($1, $2, $3, 1, 80, 3, '', '{}', '{}', '{}', now(), "
            "now())",
            old_id,
            position_id,
            profile_id,
        )
        await conn.execute(
            "INSERT INTO invitations (id, match_id, profile_id, position_id, invited_by, "
            "invited_at) VALUES ($1, $2, $3, $4, 'hr', now())",
            uuid.uuid4(),
            old_id,
            profile_id,
            position_id,
        )
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        new_id = await conn.fetchval("SELECT id FROM talent_matches")
        invited = await conn.fetchval("SELECT match_id FROM invitations")
    finally:
        await conn.close()
    assert new_id == match_id(position_id, profile_id)
    assert invited == new_id
