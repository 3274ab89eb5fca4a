"""What the `bench/` scripts share: where the local PostgreSQL and RabbitMQ are (the same
variables and defaults as the test plugin), and one percentile."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import NamedTuple

# A libpq URL of a database with rights to CREATE DATABASE, and the broker.
PG_ADMIN_URL = os.environ.get(
    "TALENTLOOP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
AMQP_URL = os.environ.get("TALENTLOOP_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank `q` percentile (0 < q ≤ 1) of `values`, in any order."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def histogram_quantile(q: float, buckets: Mapping[float, float]) -> float:
    """The `q` quantile (0 < q ≤ 1) of a Prometheus histogram given as cumulative counts by
    upper bound (`+Inf` included), interpolated within its bucket as PromQL's
    `histogram_quantile` does (from 0 in the first; the highest finite bound when it falls
    in `+Inf`); NaN without observations."""
    bounds = sorted(buckets)
    total = buckets[bounds[-1]] if bounds else 0.0
    if total <= 0:
        return float("nan")
    rank = q * total
    lower, below = 0.0, 0.0
    for bound in bounds:
        count = buckets[bound]
        if count >= rank:
            if bound == float("inf"):
                return lower
            return lower + (bound - lower) * (rank - below) / (count - below)
        lower, below = bound, count
    return lower


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


def cpu_shares(processes: Mapping[str, int | Iterable[int]], here: str) -> dict[str, float]:
    """CPU seconds so far of each named process (or processes together), PostgreSQL,
    RabbitMQ, and this process under the name `here` (the bench's own clients, servers)."""
    shares = {
        name: process_cpu(pids) if isinstance(pids, int) else sum(map(process_cpu, pids))
        for name, pids in processes.items()
    }
    shares["PostgreSQL"] = command_cpu("postgres")
    shares["RabbitMQ"] = command_cpu("beam.smp")
    shares[here] = process_cpu(os.getpid())
    return shares


@contextmanager
def cpu_used(processes: Mapping[str, int | Iterable[int]], here: str) -> Iterator[dict[str, float]]:
    """The CPU seconds each part (`cpu_shares`) used while the block ran, in the dict
    yielded, filled when the block ends."""
    used: dict[str, float] = {}
    before = cpu_shares(processes, here)
    yield used
    used.update({k: v - before[k] for k, v in cpu_shares(processes, here).items()})


def per_unit(used: Mapping[str, float], n: int, unit: str = "ms") -> str:
    """`used` CPU seconds per unit of work, each part and all, e.g. "notify 2.4 ms, … (all
    5.1 ms)"; `unit` "ms" or "µs"."""
    scale, fmt = (1e3, "{:,.1f}") if unit == "ms" else (1e6, "{:,.0f}")
    parts = ", ".join(f"{k} {fmt.format(v / n * scale)} {unit}" for k, v in used.items())
    return f"{parts} (all {fmt.format(sum(used.values()) / n * scale)} {unit})"


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


# wrk sends each request of a file once ("METHOD path" and "Name: value" headers, a tab
# between), one body for all; once `limit` are answered it stops listening and says so on
# a line of its own, to be stopped (wrk runs for its whole `-d` otherwise); its report is
# the done() line.
_WRK_EACH = r"""
local lines, sent, answered, limit, body = {}, 0, 0, 0, ""
function init(args)
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  limit = tonumber(args[2])
  local f = io.open(args[3], "rb"); body = f:read("*a"); f:close()
end
function request()
  sent = sent + 1
  local fields, headers = {}, {}
  for field in string.gmatch(lines[math.min(sent, #lines)], "[^\t]+") do
    fields[#fields + 1] = field
  end
  local method, path = string.match(fields[1], "^(%S+) (.+)$")
  for i = 2, #fields do
    local name, value = string.match(fields[i], "^([^:]+): (.*)$")
    headers[name] = value
  end
  return wrk.format(method, path, headers, body)
end
function response(status, headers, body)
  answered = answered + 1
  if answered == limit then
    wrk.thread:stop()
    io.write("all answered\n"); io.flush()
  end
end
function done(summary, latency, requests)
  io.write(string.format("answered %d p50 %d p99 %d errors %d\n", summary.requests,
    latency:percentile(50), latency:percentile(99), summary.errors.status))
end
"""


class WrkFigures(NamedTuple):
    """What `wrk_each` measured: latencies in seconds."""

    p50: float
    p99: float
    per_second: float
    answered: int


async def wrk_each(base_url: str, requests: list[str], body: bytes, connections: int) -> WrkFigures:
    """Send each request once through `wrk` (a C client, so the load takes little of the
    CPU it measures) at `connections`: each request is "METHOD /path" then tab-separated
    "Name: value" headers, all with `body`. Any error answer stops the bench. Up to
    `connections` - 1 requests past the last counted one are sent (wrk keeps every
    connection busy) and not waited for: `requests` holds `connections` more than are
    counted, each its own request."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    n = len(requests) - connections
    with tempfile.TemporaryDirectory() as tmp:
        script, lines, payload = (Path(tmp) / name for name in ("each.lua", "lines", "body"))
        script.write_text(_WRK_EACH)
        lines.write_text("\n".join(requests) + "\n")
        payload.write_bytes(body)
        wrk = await asyncio.create_subprocess_exec(
            *("wrk", "-t1", f"-c{connections}", "-d600s", "-s", str(script), base_url),
            *("--", str(lines), str(n), str(payload)),
            stdout=subprocess.PIPE,
        )
        assert wrk.stdout is not None
        t0 = time.perf_counter()
        while (line := await wrk.stdout.readline()) and line != b"all answered\n":
            pass
        elapsed = time.perf_counter() - t0
        wrk.send_signal(signal.SIGINT)
        out = (await wrk.communicate())[0].decode()
    found = [line.split() for line in out.splitlines() if line.startswith("answered ")]
    if not found:
        raise SystemExit(f"wrk said: {out}")
    _, answered, _, p50, _, p99, _, errors = found[0]
    if int(errors):
        raise SystemExit(f"wrk: {errors} of {answered} answers were errors")
    return WrkFigures(int(p50) / 1e6, int(p99) / 1e6, n / elapsed, int(answered))
