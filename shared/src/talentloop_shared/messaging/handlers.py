"""Building a service's subscription map: most events are applied by one use case that
needs only the payload, `payload_to(use_case)`; a handler that needs the envelope too (the
event id, its source) is a module-level function in the service's `events/handlers.py`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol

from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.events.envelope import CloudEvent
from talentloop_shared.messaging.consumer import Handler


class PayloadUseCase(Protocol):
    """A use case that applies an event's payload: `await use_case(uow, payload)`; it never
    commits (the consumer does)."""

    __name__: str

    def __call__(self, uow: UnitOfWork, payload: Any, /) -> Awaitable[object]: ...


def payload_to(use_case: PayloadUseCase) -> Handler:
    """The handler that passes an event's payload to `use_case` (named after it in logs)."""

    async def handler(uow: UnitOfWork, payload: Any, event: CloudEvent) -> None:
        await use_case(uow, payload)

    handler.__name__ = handler.__qualname__ = use_case.__name__
    return handler
