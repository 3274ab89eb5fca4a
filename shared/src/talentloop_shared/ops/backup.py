"""`make backup` / `make restore FROM=…`: the four databases with `pg_dump -Fc` (started
together, so their snapshots are milliseconds apart) and the broker's definitions, into a
dated folder; and back.

A restore puts each database back as it was at the backup, then makes the services
consistent again with what happened after it, which the broker and the candidates saw:
- events published in the last hour before the backup are marked unpublished, so the
  relays publish them again: a consumer whose snapshot missed one gets it, the others'
  inboxes drop the repeat (RESEND_WINDOW);
- a notice that was due (or being sent) when restored may have gone out after the backup:
  it is marked `unknown` ("outcome unknown after a restore"), never sent again by itself;
  HR checks and resends it (POST /api/v1/notifications/{id}/resend), as after a crash.

Stop the services first (compose: `docker compose stop`; Kubernetes: scale to 0): the
restore refuses while other sessions use a database, unless forced.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from talentloop_shared.logging import get_logger

log = get_logger(__name__)

RESEND_WINDOW = "1 hour"
UNKNOWN_AFTER_RESTORE = (
    "delivery outcome unknown after a restore from backup: the notice may have gone out "
    "after the backup was taken; check with the candidate or the mail log, then resend "
    "(POST /api/v1/notifications/{id}/resend) if it never arrived"
)


@dataclass(frozen=True)
class Target:
    """One service's database."""

    service: str
    url: str  # libpq URL (postgresql://…)

    @property
    def dump(self) -> str:
        return f"{self.service}.dump"


def libpq(url: str) -> str:
    """SQLAlchemy's `postgresql+asyncpg://` → libpq's `postgresql://`."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def targets_from_env() -> list[Target]:
    """Each service's <PREFIX>_DATABASE_URL (or its default)."""
    from talentloop_shared.devtools.suite import SERVICES

    found = []
    for spec in SERVICES:
        default = f"postgresql://postgres@127.0.0.1:5432/{spec.database}"
        found.append(
            Target(spec.name, libpq(os.environ.get(f"{spec.prefix}_DATABASE_URL", default)))
        )
    return found


async def _run(*argv: str, stdin: bytes | None = None) -> bytes:
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE if stdin is not None else None,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate(stdin)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return out


async def backup(targets: list[Target], parent: Path, *, rabbitmqctl: str | None = None) -> Path:
    """Dump every database (and the broker definitions) into parent/<UTC time>/."""
    folder = parent / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    folder.chmod(0o700)  # personal data
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    await asyncio.gather(
        *(_run("pg_dump", "-Fc", "--no-owner", "-f", str(folder / t.dump), t.url) for t in targets)
    )
    broker = None
    if rabbitmqctl:
        try:
            broker = await _run(*shlex.split(rabbitmqctl), "export_definitions", "-")
            (folder / "rabbitmq-definitions.json").write_bytes(broker)
        except (RuntimeError, OSError) as e:
            log.warning("backup.broker_definitions_failed", error=str(e)[:300])
    manifest = {
        "started_at": started.isoformat(),
        "seconds": round(time.perf_counter() - t0, 3),
        "databases": {t.service: t.dump for t in targets},
        "broker_definitions": broker is not None,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


async def restore(
    targets: list[Target], folder: Path, *, force: bool = False, rabbitmqctl: str | None = None
) -> float:
    """Recreate every database from `folder`, then reconcile; with `rabbitmqctl`, load the
    broker definitions the backup holds (users, permissions, queues, policies: a broker
    rebuilt from nothing gets its topology and per-service users back). Seconds taken."""
    manifest = json.loads((folder / "manifest.json").read_text())
    definitions = folder / "rabbitmq-definitions.json"
    if rabbitmqctl and definitions.exists():
        # On standard input, so it works through `docker compose exec -T` and `kubectl exec -i`.
        await _run(*shlex.split(rabbitmqctl), "import_definitions", stdin=definitions.read_bytes())
    started_at = datetime.fromisoformat(manifest["started_at"])
    t0 = time.perf_counter()
    for t in targets:
        await _recreate(t, force=force)
    await asyncio.gather(
        *(
            _run(
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "-j",
                "2",
                "-d",
                t.url,
                str(folder / manifest["databases"][t.service]),
            )
            for t in targets
        )
    )
    for t in targets:
        await _reconcile(t, started_at)
    return time.perf_counter() - t0


async def _recreate(t: Target, *, force: bool) -> None:
    base, _, name = t.url.rpartition("/")
    name = name.split("?")[0]
    conn = await asyncpg.connect(f"{base}/postgres")
    try:
        others = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            name,
        )
        if others and not force:
            raise RuntimeError(
                f"{others} session(s) use {name}: stop {t.service} first (or --force)"
            )
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _reconcile(t: Target, started_at: datetime) -> None:
    conn = await asyncpg.connect(t.url)
    try:
        republished = await conn.execute(
            "UPDATE outbox SET published_at = NULL "
            f"WHERE published_at > $1::timestamptz - interval '{RESEND_WINDOW}'",
            started_at,
        )
        if await conn.fetchval("SELECT to_regclass('notifications') IS NOT NULL"):
            held = await conn.execute(
                "UPDATE notifications SET status = 'unknown', last_error = $1, updated_at = now() "
                "WHERE status = 'sending' OR (status = 'scheduled' AND send_at <= now())",
                UNKNOWN_AFTER_RESTORE,
            )
            log.info("restore.notices_held", service=t.service, notices=held.split()[-1])
        log.info("restore.republish", service=t.service, events=republished.split()[-1])
    finally:
        await conn.close()


async def backup_from_env(parent: str) -> Path:
    """`talentloop backup`: databases from the services' variables; the broker's
    definitions through TALENTLOOP_RABBITMQCTL (default `rabbitmqctl`; e.g. `docker compose
    -f deploy/compose.yaml exec -T rabbitmq rabbitmqctl`, or `kubectl -n talentloop exec
    -i talentloop-rabbitmq-server-0 -- rabbitmqctl`; empty: skip)."""
    rabbitmqctl = os.environ.get("TALENTLOOP_RABBITMQCTL", "rabbitmqctl")
    return await backup(targets_from_env(), Path(parent), rabbitmqctl=rabbitmqctl or None)


async def restore_from_env(folder: str, *, force: bool = False) -> None:
    """`talentloop restore --from DIR` (broker definitions through TALENTLOOP_RABBITMQCTL,
    as `backup_from_env`)."""
    rabbitmqctl = os.environ.get("TALENTLOOP_RABBITMQCTL", "rabbitmqctl")
    seconds = await restore(
        targets_from_env(), Path(folder), force=force, rabbitmqctl=rabbitmqctl or None
    )
    print(f"restored {folder} in {seconds:.1f} s; start the services")
