"""What the `bench/` scripts share: where the local PostgreSQL and RabbitMQ are (the same
variables and defaults as the test plugin), and one percentile."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

# A libpq URL of a database with rights to CREATE DATABASE, and the broker.
PG_ADMIN_URL = os.environ.get(
    "TALENTLOOP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
AMQP_URL = os.environ.get("TALENTLOOP_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank `q` percentile (0 < q ≤ 1) of `values`, in any order."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def process_cpu(pid: int) -> float:
    """CPU seconds a process has used so far (user + system; NaN without /proc). The
    difference over a run, divided by the work done, is a cost per unit that a busy,
    shared machine disturbs much less than a rate."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def command_cpu(command: str) -> float:
    """CPU seconds used so far by every running process whose command name is `command`
    (`postgres`, `beam.smp`): a server's share of a run, as `process_cpu` gives a
    process's. Processes that ended meanwhile are not counted."""
    total = 0.0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/comm") as f:
                if f.read().strip() != command:
                    continue
        except OSError:
            continue
        used = process_cpu(int(entry.name))
        total += 0.0 if used != used else used  # NaN: it ended in between
    return total


@asynccontextmanager
async def py_spy(pid: int, out_file: Path | None, rate: int = 250) -> AsyncIterator[None]:
    """Record a process with py-spy (raw collapsed stacks into `out_file`) while the block
    runs; nothing when `out_file` is None. The figures measured meanwhile include the
    profiler's cost."""
    if out_file is None:
        yield
        return
    if shutil.which("py-spy") is None:
        raise SystemExit("profiling needs py-spy on PATH (uv pip install py-spy)")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    spy = await asyncio.create_subprocess_exec(
        *("py-spy", "record", "--pid", str(pid), "--format", "raw"),
        *("--rate", str(rate), "--nonblocking", "-o", str(out_file)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    await asyncio.sleep(1.0)  # py-spy attaches
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        await asyncio.wait_for(spy.wait(), 30)
