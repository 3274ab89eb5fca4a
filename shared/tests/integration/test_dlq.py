"""`talentloop dlq`: a parked message shows why it was parked, goes back to its service's
queue on replay, and an erased person's parked messages can be purged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import aio_pika

from talentloop_shared.events import new_event
from talentloop_shared.messaging.consumer import REASON_HEADER
from talentloop_shared.messaging.topology import (
    Topology,
    declare_consumer_queues,
    declare_exchanges,
    persistent_message,
)
from talentloop_shared.ops.dlq import DeadLetters, Selection
from talentloop_shared.testing.plugin import eventually, register_services


def _event(candidate: str) -> bytes:
    return new_event(
        type="candidate-erased",
        source="/talent-service",
        data={"candidate_id": candidate, "erased_at": "2026-11-27T00:00:00Z"},
    ).to_json()


async def test_list_show_replay_and_purge(amqp_url: str, amqp_namespace: str) -> None:
    ns = f"{amqp_namespace}dlq."
    register_services(["notify-service"], namespace=ns)
    topo = Topology(service="notify-service", namespace=ns)
    lina, bob = str(uuid.uuid4()), str(uuid.uuid4())
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel(publisher_confirms=True)
        await declare_exchanges(channel, topo)
        await declare_consumer_queues(channel, topo, ["candidate-erased"])
        local = await channel.get_exchange(topo.local_exchange)
        parked = [
            ("id-lina", _event(lina), "permanent: no such notice"),
            ("id-bob", _event(bob), "failed after 3 retries: TimeoutError()"),
            ("id-junk", b"{not json", "malformed: Expecting property name"),
        ]
        for mid, body, reason in parked:
            await local.publish(
                persistent_message(
                    body,
                    message_id=mid,
                    event_type="candidate-erased",
                    headers={REASON_HEADER: reason},
                ),
                routing_key=topo.dlq,
            )
        letters = DeadLetters(amqp_url, ns)

        listed = await letters.find(["notify"])
        assert {p.message_id: p.reason for p in listed} == {m: r for m, _, r in parked}
        assert len(await letters.find(["notify"])) == 3, "listing removed nothing"
        (shown,) = await letters.find(["notify"], Selection(candidate=lina))
        assert shown.detail()["body"]["data"]["candidate_id"] == lina

        replayed = await letters.replay(["notify"], Selection(ids=["id-lina"]))
        assert [p.message_id for p in replayed] == ["id-lina"]
        main = await channel.declare_queue(topo.queue, passive=True)
        back = await eventually(lambda: main.get(no_ack=True, fail=False), timeout=10)
        assert back.message_id == "id-lina" and REASON_HEADER not in (back.headers or {})

        purged = await letters.purge(["notify"], Selection(candidate=bob))
        assert [p.message_id for p in purged] == ["id-bob"]
        left = await letters.find(["notify"])
        assert [p.message_id for p in left] == ["id-junk"]

        # The command line, as `make dlq-list SERVICE=notify` runs it.
        done = subprocess.run(
            [sys.executable, "-m", "talentloop_shared.ops", "dlq", "list", "--service", "notify"],
            env={**os.environ, "TALENTLOOP_AMQP_URL": amqp_url, "TALENTLOOP_AMQP_NAMESPACE": ns},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        (line,) = done.stdout.splitlines()
        assert json.loads(line)["reason"].startswith("malformed")
    finally:
        await connection.close()
