"""notify-service benchmark: candidate-rejected events in, emails out at a real SMTP server.

Runs notify-service as processes, as it is deployed, over real PostgreSQL (a scratch
database, created and dropped) and RabbitMQ (a private namespace), with an aiosmtpd server
on loopback in this process. Twice in the same run: one process doing everything (the
default), then the dispatcher in a process of its own (`NOTIFY_BACKGROUND_LOOPS`,
`NOTIFY_CONSUME_EVENTS`; deploy/README.md). For each, prints:
- notices/s: `--notices` candidate-rejected events (delay 0) published at once, until the
  last email arrives at the SMTP server (consume → render → compliance → store → dispatch
  → SMTP); the events are built (validated, serialised) before the clock starts, as
  recruiting-service would have built them, and only published while it runs;
- rejection→sent latency p50/p99, with events paced at `--rate` per second (the burst's
  latencies are printed too: they mostly measure queueing).
The baseline from the same run: bare aiosmtplib sends of the same number of messages over
the same server, with the same connection reuse and concurrency, from a process of its own
(as the dispatcher sends from one), and each figure's ratio to it. The baseline's messages
are the service's own (default template, written by its `EmailWriter`), built before the
clock starts, and sent as aiosmtplib is usually used: `send_message` of an `email` message
object (built with the compat32 MIME classes, the cheapest to serialise, as the service
built them until 2026-11-29), which serialises it. The ratio is what the service adds
around sending them. A second baseline, the floor, hands aiosmtplib the bytes already
written (`sendmail`), as the service itself now does: its ratio is what the service adds
around the SMTP conversation alone. The baseline is also measured just before and just
after each burst, notify idle meanwhile, and each burst's ratio to the mean of those two is
printed beside the ratio to the one at the end: this machine's speed drifts by the minute.

Usage: uv run python bench/notify_send.py [--notices 1000] [--rate 100] [--profile DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate
from pathlib import Path
from typing import Any

import aio_pika
import aiosmtplib
import asyncpg
import httpx

from notify_service import domain
from notify_service.config import Settings
from notify_service.db.models import Notification
from notify_service.main import MIGRATIONS
from notify_service.service.mime import EmailWriter, OutgoingEmail, message_id_for
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN
from talentloop_shared.devtools.bench import cpu_used, per_unit, process_cpu, py_spy
from talentloop_shared.devtools.bench import percentile as pct
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import CandidateRejected
from talentloop_shared.messaging.topology import Topology, declare_exchanges, persistent_message
from talentloop_shared.testing.plugin import delete_namespace, register_services
from talentloop_shared.testing.smtp import SMTPSink, free_port

CONCURRENCY = 4


@dataclass
class TimedHandler:
    """SMTP handler that records when each message arrived, by recipient."""

    arrivals: dict[str, float] = field(default_factory=dict)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        now = time.time()
        for rcpt in envelope.rcpt_tos:
            self.arrivals.setdefault(rcpt, now)
        return "250 Message accepted for delivery"


def noon_zone() -> str:
    """A zone where it is about noon, so quiet hours never delay the benchmark."""
    offset = (12 - datetime.now(UTC).hour) % 24
    if offset > 14:
        offset -= 24
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"


def rejection(uid: str, zone: str) -> CandidateRejected:
    return CandidateRejected.model_validate(
        {
            "application_id": f"app-{uid}",
            "rejected_at": datetime.now(UTC).isoformat(),
            "stage": "interview",
            "decided_by": "bench",
            "candidate": {
                "id": f"c-{uid}",
                "name": "Jane Doe",
                "email": f"{uid}@bench.example",
                "locale": "en",
                "timezone": zone,
                "talent_pool_consent": True,
            },
            "position": {
                "id": "p-1",
                "title": "Backend Engineer",
                "job_family": "engineering",
                "org_unit_name": "Platform",
            },
            "strengths": ["clear algorithm design"],
            "reasons": [
                {
                    "code": "missing_experience",
                    "text": "hands-on Go high-concurrency project experience",
                }
            ],
            "suggestions": ["a Go project with real concurrency, e.g. a rate-limited crawler"],
            "notify": {"send": True, "channels": ["email"], "delay_minutes": 0},
        }
    )


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A candidate-rejected event ready to publish: whom it is about, and its body."""

    recipient: str
    event_id: str
    body: bytes


def outgoing(uid: str, zone: str) -> Outgoing:
    """The event of a rejection made now (the payload validated, the envelope serialised)."""
    payload = rejection(uid, zone)
    event = new_event(type="candidate-rejected", source="/recruiting-service", data=payload)
    return Outgoing(f"{uid}@bench.example", event.id, event.to_json())


async def publish_all(
    namespace: str, n: int, make: Callable[[int], Outgoing], rate: float | None
) -> dict[str, float]:
    """Publish `make(0)` … `make(n - 1)` (paced when `rate` is given); returns recipient →
    when its event was handed to the broker (epoch seconds)."""
    sent_at: dict[str, float] = {}
    connection = await aio_pika.connect(AMQP)
    try:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await declare_exchanges(channel, Topology(service="bench", namespace=namespace))
        start = time.monotonic()
        pending = []
        for i in range(n):
            if rate:
                delay = start + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            event = make(i)
            sent_at[event.recipient] = time.time()
            pending.append(
                exchange.publish(
                    persistent_message(
                        event.body, message_id=event.event_id, event_type="candidate-rejected"
                    ),
                    routing_key="candidate-rejected",
                )
            )
            if rate or len(pending) >= 100:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)
    finally:
        await connection.close()
    return sent_at


async def wait_arrivals(handler: TimedHandler, expected: set[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not expected.issubset(handler.arrivals):
        if time.monotonic() > deadline:
            missing = len(expected - set(handler.arrivals))
            raise SystemExit(f"{missing} notices did not arrive within {timeout}s")
        await asyncio.sleep(0.01)


def baseline_notices(n: int, zone: str) -> list[Notification]:
    """The notices the service would write for n rejections, made by its own code: the
    default template it picks, rendered."""
    payload = rejection("baseline", zone)
    template = domain.select_template(
        domain.default_templates(),
        kind="rejection",
        job_family=payload.position.job_family,
        stage=payload.stage,
        locale=payload.candidate.locale,
        channel="email",
    )
    assert template is not None
    context = domain.rejection_context(
        payload, survey_url="http://127.0.0.1:8003/survey/" + "x" * 50, company_name="Acme"
    )
    rendered = domain.render(template["subject"], template["body"], context, html=True)
    return [
        Notification(
            id=uuid.uuid4(),
            kind="rejection",
            recipient=f"base-{i}@bench.example",
            cc="hr@bench.example",
            locale="en",
            subject=rendered.subject,
            body_text=rendered.text,
            body_html=rendered.html,
        )
        for i in range(n)
    ]


def as_message(notice: Notification, sender: str) -> Message:
    """The notice as the `email` package's compat32 MIME classes build it, to be serialised
    by `send_message`: the same parts and headers as the service writes."""
    parts = [MIMEText(notice.body_text or "", "plain", "utf-8")]
    parts.append(MIMEText(notice.body_html or "", "html", "utf-8"))
    msg = MIMEMultipart("alternative", boundary=f"=_{uuid.uuid4().hex}", _subparts=parts)
    for name, value in [
        ("From", sender),
        ("To", notice.recipient),
        ("Cc", notice.cc),
        ("Subject", notice.subject),
        ("Date", formatdate(usegmt=True)),
        ("Message-ID", message_id_for(notice)),
        ("X-Talentloop-Notice", notice.kind),
    ]:
        msg[name] = value or ""
    return msg


async def baseline(port: int, items: list[OutgoingEmail] | list[Message]) -> float:
    """Bare aiosmtplib: the emails over CONCURRENCY reused connections; messages/s. Each
    is handed over as the bytes the service writes (`sendmail`), or as an `email` message
    object (`send_message`, which serialises it)."""

    async def lane(indexes: range) -> None:
        smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
        await smtp.connect()
        for i in indexes:
            item = items[i]
            if isinstance(item, OutgoingEmail):
                await smtp.sendmail(item.sender, item.recipients, item.data)
            else:
                await smtp.send_message(item)
        await smtp.quit()

    n = len(items)
    start = time.perf_counter()
    await asyncio.gather(*(lane(range(k, n, CONCURRENCY)) for k in range(CONCURRENCY)))
    return n / (time.perf_counter() - start)


def _baseline_process(port: int, n: int, zone: str, written: bool, out: Any) -> None:
    """Child process: the baseline (`written`: the floor); its rate and the CPU seconds its
    sending took, sent back through `out`."""
    sender = Settings().smtp_from
    notices = baseline_notices(n, zone)
    items: list[OutgoingEmail] | list[Message] = (
        [EmailWriter(sender).write(notice) for notice in notices]
        if written
        else [as_message(notice, sender) for notice in notices]
    )
    cpu = process_cpu(os.getpid())
    rate = asyncio.run(baseline(port, items))
    out.send((rate, process_cpu(os.getpid()) - cpu))


def baseline_apart(
    port: int, n: int, zone: str, *, written: bool = False
) -> tuple[float, dict[str, float]]:
    """The baseline from a process of its own, as the service's dispatcher sends from one
    (in this process it would share the interpreter with the SMTP server's thread): its
    rate, and the CPU seconds of the sender and of this process (the SMTP server)."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_baseline_process, args=(port, n, zone, written, send))
    server = process_cpu(os.getpid())
    child.start()
    rate, sender = receive.recv()
    server = process_cpu(os.getpid()) - server
    child.join(30)
    return float(rate), {"sender": sender, "SMTP server": server}


@dataclass
class Notify:
    """notify-service's processes for one round (the first serves the API)."""

    processes: list[subprocess.Popen[bytes]]
    base: str


def start_notify(url: str, namespace: str, smtp_port: int, *, apart: bool) -> Notify:
    """notify-service as one process, or (`apart`) with the dispatcher in a second one."""
    common = {
        **os.environ,
        "NOTIFY_DATABASE_URL": url,
        "NOTIFY_AMQP_URL": AMQP,
        "NOTIFY_AMQP_NAMESPACE": namespace,
        "NOTIFY_ENVIRONMENT": "test",
        "NOTIFY_LOG_LEVEL": "WARNING",
        "NOTIFY_SMTP_HOST": "127.0.0.1",
        "NOTIFY_SMTP_PORT": str(smtp_port),
        "NOTIFY_DISPATCH_CONCURRENCY": str(CONCURRENCY),
        "NOTIFY_PREFETCH": "64",
    }
    roles: list[dict[str, str]] = [{}]
    if apart:
        roles = [
            {"NOTIFY_BACKGROUND_LOOPS": '["notice_metrics", "webhook"]'},
            {"NOTIFY_CONSUME_EVENTS": "false", "NOTIFY_BACKGROUND_LOOPS": '["dispatcher"]'},
        ]
    ports = [free_port() for _ in roles]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "notify_service", "serve", "--port", str(port)],
            env={**common, **role},
            stdout=subprocess.DEVNULL,
        )
        for port, role in zip(ports, roles, strict=True)
    ]
    return Notify(processes, f"http://127.0.0.1:{ports[0]}")


async def wait_ready(notify: Notify) -> None:
    async with httpx.AsyncClient(timeout=5) as http:
        for _ in range(300):
            try:
                if (await http.get(f"{notify.base}/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("notify-service did not become ready")


def stop_notify(notify: Notify) -> None:
    for proc in notify.processes:
        proc.send_signal(signal.SIGTERM)
    for proc in notify.processes:
        proc.wait(30)


@dataclass
class Round:
    throughput: float
    burst: list[float]
    paced: list[float]
    cpu: dict[str, float]  # CPU seconds of each part over the burst
    baselines: tuple[float, float]  # the baseline just before the burst and just after it

    @property
    def baseline(self) -> float:
        """The baseline beside this burst: the mean of the two that bracket it."""
        return statistics.fmean(self.baselines)


async def one_round(
    url: str,
    namespace: str,
    handler: TimedHandler,
    port: int,
    n: int,
    rate: float,
    tag: str,
    *,
    apart: bool,
    profile: Path | None = None,
) -> Round:
    zone = noon_zone()
    notify = start_notify(url, namespace, port, apart=apart)
    try:
        await wait_ready(notify)
        async with httpx.AsyncClient(timeout=30) as http:
            r = await http.put(  # HR copy on, as in production
                f"{notify.base}/api/v1/settings",
                json={"cc_hr": "hr@bench.example"},
                headers={"Authorization": "Bearer " + _token()},
            )
            r.raise_for_status()
        warm = await publish_all(namespace, 20, lambda i: outgoing(f"w{tag}-{i}", zone), None)
        await wait_arrivals(handler, set(warm), 60)

        burst = [outgoing(f"b{tag}-{i}", zone) for i in range(n)]  # before the clock
        # The baseline just before the burst and just after it, notify idle meanwhile: on a
        # shared machine whose speed drifts by the minute, the ratio is to what the same
        # minutes allowed.
        before, _ = await asyncio.to_thread(baseline_apart, port, n, zone)
        async with contextlib.AsyncExitStack() as spies:
            for i, proc in enumerate(notify.processes if profile else ()):
                name = f"{tag.split('-')[0]}-{'apart' if apart else 'one'}-{i}.txt"
                out = None if profile is None else profile / name
                await spies.enter_async_context(py_spy(proc.pid, out))
            names = ("notify (API, consumer)", "notify (dispatcher)") if apart else ("notify",)
            notify_pids = {name: p.pid for name, p in zip(names, notify.processes, strict=True)}
            with cpu_used(notify_pids, "SMTP server + publisher") as cpu:
                t0 = time.time()
                sent_at = await publish_all(namespace, n, burst.__getitem__, None)
                await wait_arrivals(handler, set(sent_at), 120)
                elapsed = max(handler.arrivals[r] for r in sent_at) - t0
        burst_lat = [handler.arrivals[r] - sent_at[r] for r in sent_at]
        after, _ = await asyncio.to_thread(baseline_apart, port, n, zone)

        # Paced: each event built when it is due, so it is rejected just before it is sent.
        paced_at = await publish_all(namespace, n, lambda i: outgoing(f"p{tag}-{i}", zone), rate)
        await wait_arrivals(handler, set(paced_at), 120)
        paced = [handler.arrivals[r] - paced_at[r] for r in paced_at]
        return Round(n / elapsed, burst_lat, paced, cpu, (before, after))
    finally:
        stop_notify(notify)


async def main(n: int, rate: float, profile: Path | None) -> None:
    run = uuid.uuid4().hex[:8]
    db = f"bench_notify_{run}"
    namespace = f"bench-{run}."
    register_services(["notify-service"], namespace=namespace)
    admin = await asyncpg.connect(ADMIN)
    await admin.execute(f'CREATE DATABASE "{db}"')
    await admin.close()
    url = ADMIN.rpartition("/")[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + db
    handler = TimedHandler()
    sink = SMTPSink()
    sink._handler = handler  # type: ignore[assignment]  # keep arrival times, not messages
    sink.start()
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        rounds = {
            "one process": await one_round(
                url,
                namespace,
                handler,
                sink.port,
                n,
                rate,
                f"1-{run}",
                apart=False,
                profile=profile,
            ),
            "dispatcher apart": await one_round(
                url, namespace, handler, sink.port, n, rate, f"2-{run}", apart=True, profile=profile
            ),
        }
        base, base_cpu = baseline_apart(sink.port, n, noon_zone())
        floor, floor_cpu = baseline_apart(sink.port, n, noon_zone(), written=True)
        print(f"notify-service: {n} notices (render + compliance + store + SMTP, HR in CC)")
        print(
            f"baseline: raw aiosmtplib send_message, {CONCURRENCY} reused connections, its own "
            f"process: {base:,.0f} messages/s; CPU per message: {per_unit(base_cpu, n, 'µs')}"
        )
        print(
            f"floor: raw aiosmtplib sendmail of bytes already written: {floor:,.0f} messages/s "
            f"({floor / base:.2f}x the baseline); CPU per message: "
            f"{per_unit(floor_cpu, n, 'µs')}"
        )
        for name, r in rounds.items():
            print(
                f"  {name}: burst {r.throughput:,.0f} notices/s = {r.throughput / base:.2f}x "
                f"the baseline above, {r.throughput / r.baseline:.2f}x the baseline beside it "
                f"({r.baselines[0]:,.0f} just before, {r.baselines[1]:,.0f} just after); burst "
                f"latency p50 {statistics.median(r.burst) * 1000:,.0f} ms, "
                f"p99 {pct(r.burst, 0.99) * 1000:,.0f} ms (queueing included); paced at "
                f"{rate:.0f}/s: rejection→sent p50 {statistics.median(r.paced) * 1000:,.0f} ms, "
                f"p99 {pct(r.paced, 0.99) * 1000:,.0f} ms (target p99 < 500 ms, issue 17)"
            )
            print(f"    CPU per notice in the burst: {per_unit(r.cpu, n, 'µs')}")
    finally:
        sink.stop()
        await delete_namespace(AMQP, namespace)
        admin = await asyncpg.connect(ADMIN)
        await admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await admin.close()


def _token() -> str:
    from talentloop_shared.auth import issue_token
    from talentloop_shared.config import DEV_JWT_SECRET

    return issue_token(sub="bench", roles=["hr_admin"], secret=DEV_JWT_SECRET)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument(
        "--profile", type=Path, default=None, help="py-spy's raw stacks of notify in each burst"
    )
    args = parser.parse_args()
    asyncio.run(main(args.notices, args.rate, args.profile))
