"""An erased person's copies in the infrastructure tables go with them."""

from __future__ import annotations

import uuid

import toy
from sqlalchemy import func, insert, select

from talentloop_shared.db import (
    create_engine,
    create_session_factory,
    forget_person,
    idempotency_keys,
    outbox,
)


def _event(person: str, *, published: bool) -> dict:
    return {
        "id": uuid.uuid4(),
        "event_type": "candidate-rejected",
        "routing_key": "candidate-rejected",
        "envelope": {"data": {"candidate": {"id": person, "name": "Lin Wei"}}},
        "published_at": func.now() if published else None,
    }


async def test_published_events_and_stored_responses_about_the_person_are_deleted(
    databases,
) -> None:
    url = await databases.create("erasure")
    await toy.create_schema(url)
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    erased, other = str(uuid.uuid4()), str(uuid.uuid4())
    try:
        async with sessions() as s:
            for row in (
                _event(erased, published=True),
                _event(erased, published=False),  # still to be delivered: it stays
                _event(other, published=True),
            ):
                await s.execute(insert(outbox).values(**row))
            await s.execute(
                insert(idempotency_keys),
                [
                    {"scope": "a", "request_hash": "h", "response_body": {"id": erased}},
                    {"scope": "b", "request_hash": "h", "response_body": {"id": other}},
                ],
            )
            await s.commit()

        async with sessions() as s:
            # Not a UUID, or only part of one: nothing is taken for it.
            assert await forget_person(s, "a") == 0
            assert await forget_person(s, erased[:8]) == 0
            assert await forget_person(s, erased) == 2
            await s.commit()

        async with sessions() as s:
            left = (await s.execute(select(outbox.c.envelope, outbox.c.published_at))).all()
            keys = (await s.scalars(select(idempotency_keys.c.scope))).all()
        about = {(r.envelope["data"]["candidate"]["id"], r.published_at is None) for r in left}
        assert about == {(erased, True), (other, False)}
        assert keys == ["b"]
    finally:
        await engine.dispose()


async def test_stored_import_reports_that_quote_the_persons_contacts_are_deleted(
    databases,
) -> None:
    url = await databases.create("erasure_contacts")
    await toy.create_schema(url)
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    erased = str(uuid.uuid4())
    report = {  # an import's report names rows by what the file held, not by our ids
        "rows": [
            {"row": 3, "error": "duplicate email li.na@example.com"},
            {"row": 4, "phone": "+86 138 0013 8000"},
        ]
    }
    try:
        async with sessions() as s:
            await s.execute(
                insert(idempotency_keys),
                [
                    {"scope": "import-1", "request_hash": "h", "response_body": report},
                    {"scope": "import-2", "request_hash": "h", "response_body": {"rows": []}},
                    {"scope": "other", "request_hash": "h", "response_body": {"n": "1380"}},
                ],
            )
            await s.commit()

        async with sessions() as s:
            # A contact too short to be specific takes nothing.
            assert await forget_person(s, erased, contacts=["1380", None, ""]) == 0
            assert (
                await forget_person(s, erased, contacts=["li.na@example.com", "+86 138 0013 8000"])
                == 1
            )
            await s.commit()

        async with sessions() as s:
            keys = sorted((await s.scalars(select(idempotency_keys.c.scope))).all())
        assert keys == ["import-2", "other"]
    finally:
        await engine.dispose()
