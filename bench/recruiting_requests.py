"""recruiting-service's hot requests, one process: latency, req/s and SQL round trips each.

The requests the soak and the rejection loop send recruiting: create a candidate, apply
(create an application), read an application, list a page of 20 applications, reject
(with an Idempotency-Key, as `devtools.load.reject` sends it). Starts org-service (for
the position) and recruiting-service as processes against local PostgreSQL and RabbitMQ,
then for each round:
- timing: `--n` requests of each kind at `--concurrency`, p50/p99, req/s and the
  recruiting process's CPU time per request (less disturbed by a busy machine than a rate);
- round trips: recruiting restarted behind a counting proxy to PostgreSQL, `--probes`
  requests of each kind one at a time; per request, the round trips (`Sync` + simple
  `Query` messages) and statements (`Execute` + `Query`) the process sent, the idle
  process's own (relay, pollers) over the same time subtracted.

The baseline in the same run: with `--baseline-src DIR` (a copy of an earlier tree, e.g.
`git archive <rev> shared/src services/recruiting-service/src | tar -x -C DIR`), each
round runs that code first and this tree's second, on the same databases and machine,
so both see the same noise. `--show-sql KIND` prints the SQL of one request of that
kind; `--profile DIR` writes py-spy's collapsed stacks of each timing phase (timings then
include the profiler's cost).

Usage: uv run python bench/recruiting_requests.py [--n 200] [--concurrency 8] [--rounds 2]
       [--probes 20] [--baseline-src DIR] [--profile DIR] [--show-sql reject]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import struct
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

import httpx

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.bench import WrkFigures, cpu_used, per_unit, py_spy, wrk_each
from talentloop_shared.devtools.bench import percentile as pct
from talentloop_shared.devtools.load import HR, REJECTION, seed_position
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.plugin import delete_namespace, register_services
from talentloop_shared.testing.smtp import free_port

REC = "recruiting-service"
KINDS = ("create candidate", "create application", "read application", "list 20", "reject")
WRK_REJECT = "reject, sent by wrk"
REJECT_BODY = json.dumps(REJECTION).encode()
JSON = {"Content-Type": "application/json"}
_SSL_OR_GSS = {80877103, 80877104}


class CountingProxy:
    """TCP proxy to PostgreSQL that counts the frontend's protocol messages by type."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.listen_port = 0
        self.counts: Counter[str] = Counter()
        self.log: list[str] = []  # each statement's SQL, in order sent (all connections)
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.listen_port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()

    def snapshot(self) -> Counter[str]:
        return Counter(self.counts)

    def _note(self, kind: str, body: bytes, names: dict[bytes, str]) -> None:
        """Remember the SQL of a simple query, or of a prepared statement when bound."""
        if kind == "Q":
            self.log.append(body.rstrip(b"\0").decode(errors="replace"))
        elif kind == "P":
            name, _, rest = body.partition(b"\0")
            names[name] = rest.partition(b"\0")[0].decode(errors="replace")
        elif kind == "B":
            _portal, _, rest = body.partition(b"\0")
            self.log.append(names.get(rest.partition(b"\0")[0], "?"))

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(self.host, self.port)

        async def frontend() -> None:
            names: dict[bytes, str] = {}
            with contextlib.suppress(Exception):
                untyped = True  # startup, SSL and GSS requests carry no type byte
                while True:
                    if untyped:
                        head = await reader.readexactly(8)
                        length, code = struct.unpack("!ii", head)
                        rest = await reader.readexactly(length - 8)
                        untyped = code in _SSL_OR_GSS
                        up_writer.write(head + rest)
                    else:
                        head = await reader.readexactly(5)
                        kind, length = head[:1].decode(), struct.unpack("!i", head[1:])[0]
                        rest = await reader.readexactly(length - 4)
                        self.counts[kind] += 1
                        self._note(kind, rest, names)
                        up_writer.write(head + rest)
                    await up_writer.drain()
            up_writer.close()

        async def backend() -> None:
            with contextlib.suppress(Exception):
                while data := await up_reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            writer.close()

        await asyncio.gather(frontend(), backend())


def round_trips(c: Counter[str]) -> float:
    return c["S"] + c["Q"]


def statements(c: Counter[str]) -> float:
    return c["E"] + c["Q"]


@dataclass(frozen=True)
class Figures:
    """One kind of request in one round: latencies in seconds, CPU per request by part."""

    p50: float
    p99: float
    per_second: float
    cpu: str


class Workload:
    """The requests, against one recruiting process."""

    def __init__(self, http: httpx.AsyncClient, org: str, position: str, run: str) -> None:
        self.http, self.org, self.position, self.run = http, org, position, run
        self.rec = ""
        self.serial = 0
        self.applications: list[str] = []

    async def ok(self, r: Awaitable[httpx.Response]) -> dict[str, Any]:
        response = await r
        if response.is_error:
            raise RuntimeError(f"{response.status_code} {response.request.url}: {response.text}")
        body: dict[str, Any] = response.json()
        return body

    async def create_candidate(self) -> str:
        self.serial += 1
        i = self.serial
        body = {
            "name": f"Candidate {i}",
            "email": f"cand{i}.{self.run}@load.example",
            "years_experience": 2,
            "skills": ["python"],
            "locale": "en" if i % 2 else "zh-CN",
            "timezone": "Asia/Shanghai",
        }
        created = await self.ok(self.http.post(f"{self.rec}/api/v1/candidates", json=body))
        return str(created["id"])

    async def apply(self, candidate: str) -> str:
        body = {"candidate_id": candidate, "position_id": self.position}
        app = await self.ok(self.http.post(f"{self.rec}/api/v1/applications", json=body))
        return str(app["id"])

    async def read(self, application: str) -> None:
        await self.ok(self.http.get(f"{self.rec}/api/v1/applications/{application}"))

    async def list_page(self) -> None:
        await self.ok(self.http.get(f"{self.rec}/api/v1/applications?limit=20"))

    async def reject(self, application: str) -> None:
        await self.ok(
            self.http.post(
                f"{self.rec}/api/v1/applications/{application}/reject",
                content=REJECT_BODY,
                headers={"Idempotency-Key": f"reject-{application}", **JSON},
            )
        )

    async def reject_with_wrk(self, applications: list[str], concurrency: int) -> WrkFigures:
        """Reject all but the last `concurrency` applications through wrk (which sends
        the rest too, uncounted: its connections stay busy until it stops)."""
        auth = f"Authorization: {HR['Authorization']}"
        requests = [
            f"POST /api/v1/applications/{a}/reject\tIdempotency-Key: reject-{a}\t{auth}"
            f"\tContent-Type: application/json"
            for a in applications
        ]
        return await wrk_each(self.rec, requests, REJECT_BODY, concurrency)


async def timed(
    n: int, concurrency: int, one: Callable[[int], Awaitable[Any]]
) -> tuple[list[float], float, list[Any]]:
    """Latencies of `n` calls at `concurrency`, the wall time, the results."""
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []

    async def run(i: int) -> Any:
        async with sem:
            t = time.perf_counter()
            result = await one(i)
            latencies.append(time.perf_counter() - t)
            return result

    t0 = time.perf_counter()
    results = await asyncio.gather(*(run(i) for i in range(n)))
    return latencies, time.perf_counter() - t0, list(results)


async def timing_phase(
    w: Workload, n: int, concurrency: int, pid: int, profile: Path | None, label: str
) -> dict[str, Figures]:
    """Each kind `n` times at `concurrency`: latencies, wall time, and the CPU per request
    of the recruiting process, PostgreSQL, RabbitMQ and this client (a cost a busy, shared
    machine disturbs less than a rate; on two cores, a closed loop's latency is mostly
    the sum of these, queued)."""
    out: dict[str, Figures] = {}
    candidates: list[str] = []

    async def phase(kind: str, one: Callable[[int], Awaitable[Any]]) -> list[Any]:
        out_file = None if profile is None else profile / f"{label}-{kind.replace(' ', '-')}.txt"
        async with py_spy(pid, out_file):
            with cpu_used({"recruiting": pid}, "client") as cpu:
                latencies, wall, results = await timed(n, concurrency, one)
        out[kind] = Figures(pct(latencies, 0.5), pct(latencies, 0.99), n / wall, per_unit(cpu, n))
        return results

    candidates = await phase("create candidate", lambda i: w.create_candidate())
    apps = await phase("create application", lambda i: w.apply(candidates[i]))
    await phase("read application", lambda i: w.read(apps[i]))
    await phase("list 20", lambda i: w.list_page())
    await phase("reject", lambda i: w.reject(apps[i]))
    if shutil.which("wrk"):
        # The same rejections sent by a client that costs the machine next to nothing.
        _, _, people = await timed(n + concurrency, concurrency, lambda i: w.create_candidate())
        _, _, fresh = await timed(n + concurrency, concurrency, lambda i: w.apply(people[i]))
        with cpu_used({"recruiting": pid}, "client (idle: wrk sends)") as cpu:
            figures = await w.reject_with_wrk(fresh, concurrency)
        cost = per_unit(cpu, figures.answered)
        out[WRK_REJECT] = Figures(figures.p50, figures.p99, figures.per_second, cost)
    return out


async def probe_phase(
    w: Workload, proxy: CountingProxy, probes: int, show_sql: set[str]
) -> dict[str, float]:
    """Round trips and statements per request, one request at a time."""
    found: dict[str, float] = {}
    before = proxy.snapshot()
    t = time.perf_counter()
    await asyncio.sleep(2.0)
    idle = proxy.snapshot() - before
    idle_rate = {k: v / (time.perf_counter() - t) for k, v in idle.items()}

    async def count(kind: str, one: Callable[[int], Awaitable[Any]]) -> list[Any]:
        before = proxy.snapshot()
        t0 = time.perf_counter()
        results = [await one(i) for i in range(probes - 1)]
        start = len(proxy.log)
        results.append(await one(probes - 1))
        await asyncio.sleep(0.3)  # the relay's statements after a commit
        used = proxy.snapshot() - before
        if kind in show_sql:
            print(f"-- the statements of one '{kind}' (and the relay's, after it):")
            for sql in proxy.log[start:]:
                print("   ", " ".join(sql.split())[:160])
        dt = time.perf_counter() - t0
        background = Counter({k: r * dt for k, r in idle_rate.items()})
        found[f"{kind}: round trips"] = (round_trips(used) - round_trips(background)) / probes
        found[f"{kind}: statements"] = (statements(used) - statements(background)) / probes
        return results

    candidates = await count("create candidate", lambda i: w.create_candidate())
    apps = await count("create application", lambda i: w.apply(candidates[i]))
    await count("read application", lambda i: w.read(apps[i]))
    await count("list 20", lambda i: w.list_page())
    await count("reject", lambda i: w.reject(apps[i]))
    return found


async def main(
    n: int,
    concurrency: int,
    rounds: int,
    probes: int,
    baseline: Path | None,
    profile: Path | None,
    show_sql: set[str],
) -> None:
    run = uuid.uuid4().hex[:6]
    namespace = f"bench-{run}."
    ports = {s.name: free_port() for s in SERVICES}
    proxy = CountingProxy("127.0.0.1", int(PG.rsplit(":", 1)[1].split("/")[0]))
    await proxy.start()
    suite = Suite(
        pg_url=PG,
        amqp_url=AMQP,
        namespace=namespace,
        database_suffix=f"_bench_{run}",
        ports=ports,
        log_dir=Path(mkdtemp(prefix="talentloop-bench-")),
        extra_env={f"{s.prefix}_LOG_LEVEL": "WARNING" for s in SERVICES},
    )
    direct_url = suite.database_url(next(s for s in SERVICES if s.name == REC))
    proxied_url = direct_url.replace(
        direct_url.split("@", 1)[1].split("/", 1)[0], f"127.0.0.1:{proxy.listen_port}"
    )
    register_services(["org-service", REC], namespace=namespace)
    versions: dict[str, Path | None] = {"this tree": None}
    if baseline is not None:
        versions = {"baseline": baseline, "this tree": None}
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
        if shutil.which("py-spy") is None:
            raise SystemExit("--profile needs py-spy on PATH")

    def start_recruiting(version: Path | None, db_url: str) -> int:
        env = {"RECRUITING_DATABASE_URL": db_url}
        if version is not None:
            sources = [version / "shared/src", version / "services/recruiting-service/src"]
            env["PYTHONPATH"] = os.pathsep.join(str(p) for p in sources)
        suite.extra_env.update(env)
        suite.start(REC)
        suite.extra_env.pop("PYTHONPATH", None)
        return suite.processes[REC].pid

    async def stop_recruiting() -> None:
        # Waited for without blocking the loop: the counting proxy runs on it, and the
        # process closes its database connections through it while it stops.
        proc = suite.processes.pop(REC)
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        while proc.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)

    timings: dict[str, dict[str, list[Figures]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str, list[dict[str, float]]] = defaultdict(list)
    await suite.check_infrastructure()
    await suite.drop_databases()
    await suite.create_databases()
    try:
        suite.migrate()
        suite.start("org-service")
        start_recruiting(None, direct_url)
        await suite.wait_ready()
        async with httpx.AsyncClient(timeout=60, headers=HR) as http:
            org, rec = suite.url("org-service"), suite.url(REC)
            position = await seed_position(http, org, rec, run)
            await stop_recruiting()
            w = Workload(http, org, position["id"], run)
            w.rec = rec
            for r in range(rounds):
                for label, version in versions.items():
                    pid = start_recruiting(version, direct_url)
                    await suite.wait_ready([REC])
                    for _ in range(20):  # warm up: connections, prepared statements
                        await w.list_page()
                    tag = f"{label.replace(' ', '-')}-{r + 1}"
                    phase = await timing_phase(w, n, concurrency, pid, profile, tag)
                    for kind, figures in phase.items():
                        timings[label][kind].append(figures)
                    await stop_recruiting()
                    start_recruiting(version, proxied_url)
                    await suite.wait_ready([REC])
                    for _ in range(5):
                        await w.list_page()
                    counts[label].append(await probe_phase(w, proxy, probes, show_sql))
                    await stop_recruiting()
    finally:
        suite.stop_all()
        await suite.drop_databases()
        await delete_namespace(AMQP, namespace)
        await proxy.stop()

    print(f"recruiting-service, one process: {n} of each request at concurrency {concurrency}")
    for label in versions:
        print(f"== {label}" + (" (baseline)" if label == "baseline" else ""))
        for kind in (*KINDS, WRK_REJECT):
            for f in timings[label][kind]:
                print(
                    f"  {kind:<20} p50 {f.p50 * 1000:5.1f} ms p99 {f.p99 * 1000:6.1f} ms "
                    f"{f.per_second:6.1f} req/s"
                )
                print(f"  {'':<20} CPU per request: {f.cpu}")
            if kind == WRK_REJECT:
                continue
            rt = " / ".join(f"{c[f'{kind}: round trips']:.1f}" for c in counts[label])
            st = " / ".join(f"{c[f'{kind}: statements']:.1f}" for c in counts[label])
            print(f"  {'':<20} round trips {rt}, statements {st} per request")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--probes", type=int, default=20)
    ap.add_argument("--baseline-src", type=Path, default=None)
    ap.add_argument("--profile", type=Path, default=None)
    ap.add_argument("--show-sql", action="append", default=[], choices=KINDS)
    a = ap.parse_args()
    asyncio.run(
        main(a.n, a.concurrency, a.rounds, a.probes, a.baseline_src, a.profile, set(a.show_sql))
    )
