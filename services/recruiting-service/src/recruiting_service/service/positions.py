"""An opening as the rest of recruiting reads it: its scheme's dimensions, and the position
as the events recruiting publishes carry it."""

from __future__ import annotations

from recruiting_service.db.models import Opening
from recruiting_service.db.repositories import AnyOpening
from recruiting_service.service.people import fresh_owners
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import Dimension, PersonRef, PositionOwners, PositionRef
from talentloop_shared.models import from_attributes


def scheme_dimensions(opening: AnyOpening) -> list[Dimension]:
    """The opening's evaluation scheme dimensions."""
    return [Dimension.model_validate(d) for d in opening.evaluation_scheme.get("dimensions", [])]


async def position_ref(uow: UnitOfWork, opening: Opening) -> PositionRef:
    """The position as the events recruiting publishes carry it: title and its
    translations, and its owners with their current addresses and languages."""
    return position_ref_with(opening, await fresh_owners(uow, opening.owners))


def position_ref_with(opening: AnyOpening, owners: dict[str, PersonRef | None]) -> PositionRef:
    """`position_ref` with the owners already refreshed (`fresh_owners`, `owners_refreshed`)."""
    return from_attributes(
        PositionRef, opening, id=str(opening.position_id), owners=PositionOwners(**owners)
    )
