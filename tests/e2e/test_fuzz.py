"""Hostile input is normal input: schemathesis fuzzes each service's OpenAPI document
against the running services — examples, boundary values, random and malformed data, and
sequences that follow the documents' links from each create (so it reaches
`/applications/{id}/interviews` and beyond) — and no request may get a server error.

The budget is `TALENTLOOP_FUZZ_SECONDS` per service (default 25 s; the four run side by
side). A failure prints schemathesis' report with a curl command that reproduces it.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from talentloop_shared.devtools.suite import SERVICES, Suite

pytestmark = pytest.mark.e2e

BUDGET_SECONDS = int(os.environ.get("TALENTLOOP_FUZZ_SECONDS", "25"))
SCHEMATHESIS = Path(sys.executable).with_name("st")


async def _fuzz(url: str, token: str, report: Path) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        str(SCHEMATHESIS),
        "run",
        f"{url}/openapi.json",
        "--checks",
        "not_a_server_error",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-time",
        str(BUDGET_SECONDS),
        # One worker: hypothesis compiles code in threads, and CPython 3.11 can fail with
        # "AST constructor recursion depth mismatch" when two threads do it at once.
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "--header",
        f"Authorization: Bearer {token}",
        "--suppress-health-check",
        "all",
        "--report",
        "junit",
        "--report-dir",
        str(report),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"},
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=BUDGET_SECONDS * 4 + 120)
    return process.returncode or 0, out.decode(errors="replace")


async def test_no_input_gets_a_server_error(suite: Suite, token, tmp_path: Path) -> None:
    admin = token("hr_admin", sub="fuzzer")
    results = await asyncio.gather(
        *(_fuzz(suite.url(spec.name), admin, tmp_path / spec.name) for spec in SERVICES)
    )
    failed = [
        f"== {spec.name} (exit {code})\n{out[-6000:]}"
        for spec, (code, out) in zip(SERVICES, results, strict=True)
        if code != 0
    ]
    assert not failed, "\n".join(failed)
