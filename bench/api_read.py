"""Authenticated reads against a bare FastAPI + asyncpg baseline, in the same run.

Starts org-service (one process) and a bare app (FastAPI + asyncpg, one process) that reads
the same position row by key from the same database, then loads both alternately with the
same client — `wrk` when it is installed, otherwise a Python load generator (which
saturates sooner: its figures are lower for both sides). Prints requests/s for:
- the bare app's GET of one row (the baseline),
- org-service `GET /api/v1/positions/{id}` with a bearer token,
- org-service `GET /api/v1/positions?limit=50` (a list page),
- org-service `/healthz` (the request path without auth or the database),
and each org figure as a ratio of the baseline.

Usage: uv run python bench/api_read.py [--seconds 8] [--connections 32] [--rounds 2]
       [--profile DIR]   (py-spy's raw stacks of each load; figures then include its cost)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp

import httpx

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.bench import process_cpu, py_spy
from talentloop_shared.devtools.load import HR
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import free_port

BARE_APP = textwrap.dedent(
    """
    import os, asyncpg
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()
    pool = None

    @app.on_event("startup")
    async def start():
        global pool
        pool = await asyncpg.create_pool(os.environ["BARE_DSN"], min_size=4, max_size=10)

    @app.get("/positions/{pid}")
    async def position(pid: str):
        row = await pool.fetchval(
            "SELECT row_to_json(p)::text FROM positions p WHERE id = $1::uuid", pid
        )
        return Response(row, media_type="application/json")
    """
)


async def wrk(url: str, seconds: int, connections: int, auth: bool) -> tuple[float, int]:
    """Requests/s and how many requests were answered."""
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if auth:
        argv[1:1] = ["-H", f"Authorization: {HR['Authorization']}"]
    out = await asyncio.to_thread(
        subprocess.run, argv, capture_output=True, text=True, check=True, timeout=seconds + 30
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out.stdout)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses under load")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out.stdout)
    answered = re.search(r"(\d+) requests in", out.stdout)
    assert found and answered, out.stdout
    return float(found.group(1)), int(answered.group(1))


async def pyload(url: str, seconds: int, connections: int, auth: bool) -> tuple[float, int]:
    headers = HR if auth else {}
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    done = 0
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=10) as client:

        async def worker() -> None:
            nonlocal done
            while time.monotonic() < deadline:
                r = await client.get(url)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: {r.status_code} under load")
                done += 1

        start = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(connections)))
        return done / (time.monotonic() - start), done


async def main(seconds: int, connections: int, rounds: int, profile: Path | None) -> None:
    load = wrk if shutil.which("wrk") else pyload
    run = uuid.uuid4().hex[:6]
    org = next(s for s in SERVICES if s.name == "org-service")
    port = free_port()
    suite = Suite(
        pg_url=PG,
        amqp_url=AMQP,
        namespace=f"bench-read-{run}.",
        database_suffix=f"_benchread_{run}",
        ports={org.name: port},
        log_dir=Path(mkdtemp(prefix="talentloop-read-")),
        extra_env={"ORG_LOG_LEVEL": "WARNING"},
    )
    await suite.check_infrastructure()
    await suite.create_databases()
    suite.migrate()
    suite.start(org.name)
    bare_dir = Path(mkdtemp(prefix="talentloop-bare-"))
    (bare_dir / "bare_app.py").write_text(BARE_APP)
    bare_port = free_port()
    dsn = suite.database_url(org).replace("postgresql+asyncpg://", "postgresql://", 1)
    bare = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bare_app:app",
            "--port",
            str(bare_port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=bare_dir,
        env={**os.environ, "BARE_DSN": dsn},
    )
    try:
        await suite.wait_ready([org.name])
        base = suite.url(org.name)
        async with httpx.AsyncClient(headers=HR, timeout=30) as http:
            unit = (
                await http.post(
                    f"{base}/api/v1/org-units", json={"name": "Bench", "kind": "company"}
                )
            ).json()
            ids = []
            for i in range(50):
                r = await http.post(
                    f"{base}/api/v1/positions",
                    json={
                        "title": f"Engineer {i}",
                        "org_unit_id": unit["id"],
                        "job_family": "engineering",
                    },
                )
                r.raise_for_status()
                ids.append(r.json()["id"])
            for _ in range(100):
                try:
                    if (
                        await http.get(f"http://127.0.0.1:{bare_port}/positions/{ids[0]}")
                    ).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        org_pid = suite.processes[org.name].pid
        targets = {  # name: URL, with a token, the server's process
            "bare FastAPI + asyncpg, one row": (
                f"http://127.0.0.1:{bare_port}/positions/{ids[0]}",
                False,
                bare.pid,
            ),
            "org GET /api/v1/positions/{id}": (f"{base}/api/v1/positions/{ids[0]}", True, org_pid),
            "org GET /api/v1/positions?limit=50": (
                f"{base}/api/v1/positions?limit=50",
                True,
                org_pid,
            ),
            "org /healthz": (f"{base}/healthz", False, org_pid),
        }
        figures: dict[str, list[float]] = {name: [] for name in targets}
        cpu_us: dict[str, list[float]] = {name: [] for name in targets}
        for round_ in range(rounds):  # alternately, so drift on a shared machine hits both
            for name, (url, auth, pid) in targets.items():
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                out_file = None if profile is None else profile / f"{slug}-{round_ + 1}.txt"
                async with py_spy(pid, out_file):
                    cpu_before = process_cpu(pid)
                    rate, answered = await load(url, seconds, connections, auth)
                figures[name].append(rate)
                cpu_us[name].append((process_cpu(pid) - cpu_before) / answered * 1e6)
    finally:
        bare.terminate()
        suite.stop_all()
        await suite.drop_databases()
    client = "wrk" if load is wrk else "python load generator"
    print(f"{client}, {connections} connections, {seconds} s × {rounds} rounds, one process each")
    baseline = statistics.median(figures["bare FastAPI + asyncpg, one row"])
    for name, values in figures.items():
        median = statistics.median(values)
        print(
            f"  {name:<38} {median:8.0f} req/s  ({', '.join(f'{v:.0f}' for v in values)})"
            f"  = {median / baseline:.2f}x the bare read"
        )
    # The server's own CPU per answered request: what each costs, which a shared, busy
    # machine disturbs far less than the rates (the load generator's share is left out).
    print("  server CPU per request (median of the rounds), and the bare read's as a ratio of it:")
    bare_cost = statistics.median(cpu_us["bare FastAPI + asyncpg, one row"])
    for name, values in cpu_us.items():
        cost = statistics.median(values)
        print(f"  {name:<38} {cost:8.0f} µs  = {bare_cost / cost:.2f}x the bare read's speed")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument(
        "--profile", type=Path, default=None, help="write py-spy's raw stacks of each load here"
    )
    a = ap.parse_args()
    asyncio.run(main(a.seconds, a.connections, a.rounds, a.profile))
