"""Two replicas of everything: two processes of each service share its database and its
queue; one replica of each is SIGKILLed in the middle of a run of rejections, and every
candidate still hears exactly once.

What "exactly once" can mean when the process holding an SMTP conversation dies: a notice
the killed dispatcher had claimed may or may not have gone out, and notify never guesses
(service/dispatch.py, at-most-once). It is marked `unknown`; HR checks the mail log and
resends. So the test asserts what a candidate lives through: nobody gets two emails, every
notice is `sent` or `unknown`, and after HR resends the unknown ones that did not arrive,
everyone has exactly one. Everything the other replicas did — the relay taking over the
outbox lock, the consumers taking over unacknowledged messages — loses nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest
import pytest_asyncio

from talentloop_shared.devtools.load import (
    HR,
    Applicant,
    Balancer,
    load_session,
    notices_of_kind,
    quiet_hours_off,
    reject,
    relay_replica,
    seed_applicants,
)
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink

# Eight processes start, and a run of rejections goes through two of everything: more
# than the suite's default per-test limit on a busy machine.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(420)]

REJECTIONS = 60


@pytest_asyncio.fixture(scope="module")
async def replicated(
    suites: Callable[..., AbstractAsyncContextManager[Suite]],
) -> AsyncIterator[Suite]:
    # A claim left by the killed dispatcher turns `unknown` within the test.
    env = {
        "NOTIFY_CLAIM_TIMEOUT_SECONDS": "5",
        **{f"{s.prefix}_DB_POOL_SIZE": "2" for s in SERVICES},
    }
    async with suites("replicas", replicas=2, extra_env=env) as suite:
        yield suite


async def test_one_replica_of_each_killed_midway_every_candidate_hears_once(
    replicated: Suite, mailbox: SMTPSink
) -> None:
    run = uuid.uuid4().hex[:6]
    lb = Balancer(replicated)
    async with (
        httpx.AsyncClient(timeout=30, headers=HR) as http,
        load_session() as rejecter,
    ):
        await quiet_hours_off(http, lb)
        applicants = await seed_applicants(http, lb, REJECTIONS, run, concurrency=6)
        by_email = {a.email: a for a in applicants}
        first, second = applicants[: REJECTIONS // 2], applicants[REJECTIONS // 2 :]

        sem = asyncio.Semaphore(6)

        async def one(a: Applicant) -> None:
            async with sem:
                await reject(rejecter, lb, a)

        # Half the rejections in flight, then one replica of each service dies: the one
        # running the outbox relay where the gauges tell (so the relay must fail over).
        def received() -> Counter[str]:
            return Counter(
                rcpt for m in mailbox.messages for rcpt in m.rcpt_tos if rcpt in by_email
            )

        async def some_arrived() -> bool:
            return sum(received().values()) >= 3

        first_half = asyncio.gather(*(one(a) for a in first))
        await eventually(some_arrived, timeout=60, message="the first emails")
        for spec in SERVICES:
            holder = await relay_replica(http, replicated, spec.name)
            replicated.kill(spec.name, replica=holder or 0)
        await first_half
        await asyncio.gather(*(one(a) for a in second))

        async def settled() -> list[dict[str, Any]] | None:
            notices = [
                n
                for n in await notices_of_kind(http, lb, "rejection")
                if n["recipient"] in by_email
            ]
            statuses.clear()
            statuses.update(n["status"] for n in notices)
            held[:] = [
                (n["locale"], n["flags"]) for n in notices if n["status"] == "pending_review"
            ]
            done = [n for n in notices if n["status"] in {"sent", "unknown"}]
            return notices if len(done) == REJECTIONS and len(notices) == REJECTIONS else None

        statuses: Counter[str] = Counter()
        held: list[Any] = []

        try:
            notices = await eventually(settled, timeout=120, message="every notice sent or unknown")
        except AssertionError:
            raise AssertionError(f"notices by status: {dict(statuses)}; held: {held[:2]}") from None
        counts = received()
        assert not [e for e, c in counts.items() if c > 1], "a candidate got two emails"
        for n in notices:
            if n["status"] == "sent":
                assert counts[n["recipient"]] == 1, n["recipient"]

        # HR checks the mail log and resends what did not arrive.
        for n in notices:
            if n["status"] == "unknown" and counts[n["recipient"]] == 0:
                r = await http.post(
                    f"{lb.url('notify-service')}/api/v1/notifications/{n['id']}/resend"
                )
                assert r.status_code in (200, 201, 202), r.text

        async def everyone_once() -> Counter[str] | None:
            counts = received()
            return counts if len(counts) == REJECTIONS else None

        counts = await eventually(everyone_once, timeout=60, message="one email per candidate")
        assert set(counts.values()) == {1}
