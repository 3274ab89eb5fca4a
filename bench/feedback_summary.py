"""Benchmark: HR's feedback dashboard over 20,000 sent rejection notices (S6).

`GET /api/v1/feedback/summary` has PostgreSQL count every sent notice of a kind with its
survey answers, per group (template, job family, stage, week or delay) and overall, and reads
a few numbers per group. Creates a scratch database, migrates it, seeds sent notices shaped
like a rejection's (a 4 KB text and HTML body each; a quarter answered the survey), then
times `feedback_summary` as the endpoint calls it, grouped three ways, and its peak memory
(tracemalloc, a separate pass), over all notices and over the last 30 days. Two baselines in
the same run, through the same session: the notices read whole with their answers (what the
summary first read), and only the columns it groups by (what it read next, to group them in
Python: the least any summary that groups in Python must read). Drops the database.

    uv run python bench/feedback_summary.py [--n 20000] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import tracemalloc
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy import or_, select

from notify_service.db.models import Notification, SurveyResponse
from notify_service.main import MIGRATIONS
from notify_service.service.surveys import feedback_summary
from talentloop_shared.db import UnitOfWork, create_engine, create_session_factory
from talentloop_shared.db.migrations import upgrade_to_head

BODY = "We read your application with care. " * 110  # ~4 KB, as a rejection's text runs
_NOTICE = """
INSERT INTO notifications (id, kind, source_event_id, channel, recipient, status, subject,
    body_text, body_html, occurred_at, sent_at, job_family, stage, application_id,
    candidate_id, position_id, locale, timezone, part, cc, params, flags, attempts,
    created_at, updated_at)
VALUES ($1, 'rejection', $2, 'email', $3, 'sent', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
    'en', 'UTC', '', '{}', '{}', '[]', 1, $7, $7)
"""
_ANSWER = """
INSERT INTO survey_responses (notification_id, tone, detail, timeliness, helpfulness,
    answered_at, times_answered)
VALUES ($1, $2, $3, $4, $5, $6, 1)
"""

NOW = datetime(2026, 11, 29, tzinfo=UTC)


async def seed(dsn: str, n: int) -> None:
    rng = random.Random(20261129)
    now = NOW
    notices, answers = [], []
    for i in range(n):
        notice_id = uuid.uuid4()
        decided = now - timedelta(hours=i % 4000)
        sent = decided + timedelta(minutes=rng.choice([5, 90, 600, 2000]))
        notices.append(
            (
                notice_id,
                str(uuid.uuid4()),
                f"candidate{i}@example.com",
                "About your application",
                BODY,
                f"<p>{BODY}</p>",
                decided,
                sent,
                rng.choice(["engineering", "sales", "marketing"]),
                rng.choice(["screening", "interview"]),
                str(uuid.uuid4()),
                str(uuid.uuid4()),
                str(uuid.uuid4()),
            )
        )
        if i % 4 == 0:
            answers.append((notice_id, *(rng.randint(1, 5) for _ in range(4)), sent))
    conn = await asyncpg.connect(dsn)
    try:
        await conn.executemany(_NOTICE, notices)
        await conn.executemany(_ANSWER, answers)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def timed(run: Callable[[], Awaitable[Any]], rounds: int = 3) -> tuple[float, float]:
    """Median seconds over `rounds`, then the peak traced memory (MB) of one more."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await run()
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    try:
        await run()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    return sorted(times)[len(times) // 2], peak


async def main(n: int, pg: str) -> None:
    name = f"bench_feedback_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(pg)
    await admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = pg.rpartition("/")
    dsn = f"{base}/{name}"
    url = dsn.replace("postgresql://", "postgresql+asyncpg://", 1)
    engine = create_engine(url)
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        started = time.perf_counter()
        await seed(dsn, n)
        took = time.perf_counter() - started
        print(f"seeded {n:,} sent notices (~8 KB of text each) in {took:.1f} s")
        sessions = create_session_factory(engine)

        def read(*columns: Any) -> Callable[[], Awaitable[None]]:
            async def run() -> None:
                async with sessions() as session:
                    statement = (
                        select(*columns)
                        .outerjoin(
                            SurveyResponse, SurveyResponse.notification_id == Notification.id
                        )
                        .where(Notification.kind == "rejection")
                        .where(
                            or_(
                                Notification.status == "sent",
                                SurveyResponse.notification_id.is_not(None),
                            )
                        )
                    )
                    (await session.execute(statement)).all()

            return run

        whole, whole_peak = await timed(read(Notification, SurveyResponse))
        print(
            f"baseline: the notices read whole with their answers {whole * 1000:,.0f} ms,"
            f" peak {whole_peak:,.1f} MB"
        )
        columns, columns_peak = await timed(
            read(
                Notification.template_id,
                Notification.template_name,
                Notification.job_family,
                Notification.stage,
                Notification.occurred_at,
                Notification.sent_at,
                SurveyResponse,
            )
        )
        print(
            f"baseline: only the columns it groups by, with the answers {columns * 1000:,.0f} ms,"
            f" peak {columns_peak:,.1f} MB"
        )
        month_ago = NOW - timedelta(days=30)
        for group_by, since in [(g, None) for g in ("stage", "week", "delay")] + [
            ("week", month_ago)
        ]:

            async def summary(group_by: Any = group_by, since: datetime | None = since) -> None:
                async with UnitOfWork(sessions, source="bench") as uow:
                    await feedback_summary(
                        uow, group_by=group_by, kind="rejection", sent_from=since
                    )

            seconds, peak = await timed(summary)
            what = f"by {group_by}" + (", last 30 days" if since else "")
            print(
                f"summary {what:<20} {seconds * 1000:7,.1f} ms = {seconds / whole:.3f}x the "
                f"whole rows, {seconds / columns:.3f}x the columns; peak {peak:,.2f} MB"
            )
    finally:
        await engine.dispose()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    a = ap.parse_args()
    asyncio.run(main(a.n, a.pg))
