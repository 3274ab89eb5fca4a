"""Two toy services built only from the shared library, to test the backbone by itself."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Header
from pydantic import Field
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from talentloop_shared.auth import Principal, require_roles
from talentloop_shared.config import ServiceSettings
from talentloop_shared.db import UnitOfWork, infra_metadata
from talentloop_shared.events import CloudEvent, PositionChanged
from talentloop_shared.events.payloads import OrgUnitRef, PositionSnapshot
from talentloop_shared.http import RequestModel
from talentloop_shared.messaging import EventItem, PermanentEventError, each_event
from talentloop_shared.service import ServiceDefinition, UowDep, api_router

toy_metadata = MetaData()
things = Table(
    "things",
    toy_metadata,
    Column("id", String, primary_key=True),
    Column("title", String, nullable=False),
    Column("version", Integer, nullable=False),
)
applied = Table(
    "applied",
    toy_metadata,
    Column("position_id", String, primary_key=True),
    Column("times", Integer, nullable=False),
)

# position id → how many more times the consumer should fail (transient) before succeeding;
# -1: fail permanently (PermanentEventError)
FAILURES: dict[str, int] = {}


def snapshot(position_id: str, title: str, version: int) -> PositionChanged:
    """A minimal position-changed payload."""
    return PositionChanged(
        change="created" if version == 1 else "updated",
        changed_fields=["title"],
        position=PositionSnapshot(
            id=position_id,
            version=version,
            title=title,
            status="open",
            org_unit=OrgUnitRef(id=str(uuid.uuid4()), name="Acme", path=["Acme"]),
        ),
    )


async def write_thing(uow: UnitOfWork, title: str, *, fail_after_publish: bool = False) -> str:
    """A use case: insert a row and publish its event in one unit of work."""
    thing_id = str(uuid.uuid4())
    await uow.session.execute(insert(things).values(id=thing_id, title=title, version=1))
    uow.publish(snapshot(thing_id, title, 1), subject=f"positions/{thing_id}")
    if fail_after_publish:
        raise RuntimeError("boom after publish")
    await uow.commit()
    return thing_id


class ThingCreate(RequestModel):
    title: str = Field(min_length=1, max_length=100)
    headcount: int = Field(default=1, ge=1)


router = api_router(prefix="/api/v1")


@router.post("/things", status_code=201)
async def create_thing(
    body: ThingCreate,
    uow: UowDep,
    principal: Annotated[Principal, Depends(require_roles("hr_admin"))],
    x_test: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    thing_id = await write_thing(uow, body.title)
    return {"id": thing_id}


async def handle_position_changed(
    uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
) -> None:
    """Count how often each position's event was applied; fail on demand."""
    pid = payload.position.id
    if FAILURES.get(pid) == -1:
        raise PermanentEventError("this position can never be applied")
    if FAILURES.get(pid, 0) > 0:
        FAILURES[pid] -= 1
        raise ConnectionError("transient: downstream not ready")
    current = await uow.session.scalar(select(applied.c.times).where(applied.c.position_id == pid))
    if current is None:
        await uow.session.execute(insert(applied).values(position_id=pid, times=1))
    else:
        await uow.session.execute(
            update(applied).where(applied.c.position_id == pid).values(times=current + 1)
        )


# What the batch handler below was given: the event ids of each call, in order.
RUNS: list[list[str]] = []
# Every event applied by the handlers, in the order applied (both kinds of handler).
APPLIED_ORDER: list[str] = []


async def handle_positions_changed(uow: UnitOfWork, items: Sequence[EventItem]) -> None:
    """`handle_position_changed` for a run of events at once (wrapped in a BatchHandler)."""
    RUNS.append([event.id for _, event in items])
    for payload, event in each_event(items):
        await handle_position_changed(uow, payload, event)
        APPLIED_ORDER.append(event.id)


async def handle_candidate_erased(uow: UnitOfWork, payload: Any, event: CloudEvent) -> None:
    """A one-event handler, to split a batch handler's runs."""
    APPLIED_ORDER.append(event.id)


def producer(settings: ServiceSettings) -> ServiceDefinition:
    return ServiceDefinition(
        name="org-service",
        title="toy producer",
        description="",
        settings=settings,
        routers=[router],
        migrations=None,
    )


def consumer(settings: ServiceSettings) -> ServiceDefinition:
    return ServiceDefinition(
        name="toy-consumer",
        title="toy consumer",
        description="",
        settings=settings,
        routers=[],
        migrations=None,
        subscriptions={"position-changed": handle_position_changed},
    )


async def create_schema(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(infra_metadata.create_all)
        await conn.run_sync(toy_metadata.create_all)
    await engine.dispose()
