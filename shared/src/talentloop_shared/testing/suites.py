"""The four services as real processes for end-to-end tests and benchmarks: fresh
databases, an isolated broker namespace, free ports, fast retry tiers; all removed after."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from talentloop_shared.devtools.suite import SERVICES, Suite, replica_name
from talentloop_shared.testing.plugin import delete_namespace, register_services
from talentloop_shared.testing.smtp import SMTPSink, free_port

# Fast retry tiers so a restarted service catches up within seconds.
RETRY_DELAYS_MS = (500, 1000, 2000)


@asynccontextmanager
async def running_suite(
    *,
    pg_admin_url: str,
    amqp_url: str,
    namespace: str,
    database_suffix: str,
    mailbox: SMTPSink,
    log_dir: Path,
    replicas: int = 1,
    extra_env: dict[str, str] | None = None,
) -> AsyncIterator[Suite]:
    """All four services (`replicas` processes of each) on free ports; stopped, and their
    databases and broker namespace removed, afterwards."""
    ports = {spec.name: free_port() for spec in SERVICES}
    suite = Suite(
        pg_url=pg_admin_url,
        amqp_url=amqp_url,
        smtp_port=mailbox.port,
        namespace=namespace,
        database_suffix=database_suffix,
        ports=ports,
        replicas=replicas,
        replica_ports={
            replica_name(spec.name, i): free_port() for spec in SERVICES for i in range(1, replicas)
        },
        log_dir=log_dir,
        extra_env={
            # Fast retry tiers and polling so a restarted service catches up within seconds.
            **{f"{s.prefix}_RETRY_DELAYS_MS": json.dumps(RETRY_DELAYS_MS) for s in SERVICES},
            **{f"{s.prefix}_OUTBOX_POLL_SECONDS": "0.5" for s in SERVICES},
            **{f"{s.prefix}_DB_POOL_SIZE": "3" for s in SERVICES},
            **{f"{s.prefix}_WATCHDOG_SECONDS": "1" for s in SERVICES},
            **{f"{s.prefix}_LOG_LEVEL": "INFO" for s in SERVICES},
            **(extra_env or {}),
        },
    )
    register_services(
        [s.name for s in SERVICES], namespace=namespace, retry_delays_ms=RETRY_DELAYS_MS
    )
    await suite.check_infrastructure()
    await suite.drop_databases()
    await suite.create_databases()
    suite.migrate()
    suite.start_all()
    try:
        await suite.wait_ready(timeout=90)
        yield suite
    finally:
        suite.stop_all()
        await suite.drop_databases()
        await delete_namespace(amqp_url, namespace)
