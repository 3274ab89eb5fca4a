"""Small asyncio helpers the services' background loops share."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def wait_for_event(event: asyncio.Event, timeout: float) -> bool:
    """Wait until `event` is set or `timeout` passes; True if it was set.

    Not `asyncio.wait_for(event.wait(), …)`: on Python 3.11 that can swallow a
    cancellation arriving as the event fires, and a loop built on it then never stops
    (a service hung on shutdown). `asyncio.timeout` does not have that race.
    """
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
        return True
    except TimeoutError:
        return False


# How long a batch that lingers for more (the consumer's, the relay's) waits at a time to see
# whether more arrive: a tick that brings nothing ends the wait.
LINGER_TICK_SECONDS = 0.001
# A batch lingers only after one of at least this many: under load, not at a steady trickle
# where two events now and then arrive together (each wait there is latency for nothing).
LINGER_AFTER = 4


async def linger(seconds: float, arrived: Callable[[], bool]) -> None:
    """Wait tick by tick (LINGER_TICK_SECONDS) while each tick brings more, up to `seconds`:
    `arrived()`, asked after each tick, says whether it did (and whether to go on)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        await asyncio.sleep(LINGER_TICK_SECONDS)
        if not arrived():
            return
