"""notify's dispatcher in processes of its own (`NOTIFY_BACKGROUND_LOOPS`,
`NOTIFY_CONSUME_EVENTS`): the consuming process stores notices and wakes the dispatcher
elsewhere through PostgreSQL; the dispatching process consumes nothing. Two runtimes over
one database and one broker namespace, as two containers of the image would run."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from notify_testkit import mails_to, publish, rejection

from notify_service.config import Settings
from notify_service.main import MIGRATIONS, definition
from talentloop_shared.service import selected_loops
from talentloop_shared.testing.harness import RunningService, applied, service_under_test
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink

# Far longer than the test waits: a notice sent in time was woken, not found by a poll.
POLL = 60.0


@asynccontextmanager
async def _notify(
    databases: Any, amqp_url: str, namespace: str, sink: SMTPSink, url: str | None, **kw: Any
) -> AsyncIterator[RunningService]:
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=namespace,
        migrations=MIGRATIONS,
        database_url=url,
        smtp_host="127.0.0.1",
        smtp_port=sink.port,
        dispatch_poll_seconds=POLL,
        **kw,
    ) as running:
        yield running


def _dispatcher(databases: Any, amqp_url: str, namespace: str, sink: SMTPSink, url: str) -> Any:
    """A second process of the service that only dispatches (its relay stands by: the
    consuming process holds it)."""
    return _notify(
        databases,
        amqp_url,
        namespace,
        sink,
        url,
        wait_ready=False,
        consume_events=False,
        background_loops=["dispatcher"],
    )


async def _arrived(sink: SMTPSink, address: str, within: float) -> float:
    started = time.monotonic()
    await eventually(
        lambda: _true_if(bool(mails_to(sink, address))), timeout=within, message=address
    )
    return time.monotonic() - started


async def _true_if(value: bool) -> bool | None:
    return value or None


async def test_a_dispatcher_apart_sends_what_the_consuming_process_stores(
    databases, amqp_url, amqp_namespace, mail_sink
):
    namespace = f"{amqp_namespace}apart-{uuid.uuid4().hex[:6]}."
    async with _notify(
        databases,
        amqp_url,
        namespace,
        mail_sink,
        None,
        background_loops=["notice_metrics", "webhook"],
    ) as consuming:
        url = consuming.runtime.settings.database_url
        assert not any(t.get_name() == "dispatcher_loop" for t in consuming.runtime.tasks)
        async with _dispatcher(databases, amqp_url, namespace, mail_sink, url) as dispatching:
            assert dispatching.runtime.broker.consumer is None
            assert [t.get_name() for t in dispatching.runtime.tasks].count("dispatcher_loop") == 1
            first = rejection()
            await applied(consuming, await publish(consuming, amqp_url, first))
            took = await _arrived(mail_sink, first.candidate.email or "", 10)
            assert took < POLL / 4  # woken through PostgreSQL, not found by a poll

        # The dispatcher is gone (a deploy, a crash): notices still go into the table...
        second = rejection()
        await applied(consuming, await publish(consuming, amqp_url, second))
        assert not mails_to(mail_sink, second.candidate.email or "")
        # ...and the next dispatcher sends them when it starts, the first one not again.
        async with _dispatcher(databases, amqp_url, namespace, mail_sink, url):
            await _arrived(mail_sink, second.candidate.email or "", 10)
        assert len(mails_to(mail_sink, first.candidate.email or "")) == 1
        assert len(mails_to(mail_sink, second.candidate.email or "")) == 1


def test_an_unknown_loop_name_says_which_loops_the_service_has() -> None:
    settings = Settings(background_loops=["dispatcher", "dispatch"])
    with pytest.raises(ValueError) as refused:
        selected_loops(definition(settings))
    assert str(refused.value) == (
        "NOTIFY_BACKGROUND_LOOPS names no loop of notify-service: dispatch "
        "(it has: dispatcher, notice_metrics, webhook)"
    )
    chosen = selected_loops(definition(Settings(background_loops=["webhook", "dispatcher"])))
    assert [loop.__name__ for loop in chosen] == ["webhook_loop", "dispatcher_loop"]
    assert selected_loops(definition(Settings(background_loops=[]))) == []
