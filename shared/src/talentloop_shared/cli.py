"""The command line every service offers: `<service> serve` and `<service> migrate`."""

from __future__ import annotations

import argparse

import uvicorn

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db.migrations import upgrade_to_head


def run_cli(*, app: str, migrations: str, settings: ServiceSettings) -> None:
    """Parse argv and serve or migrate."""
    parser = argparse.ArgumentParser(prog=settings.service_name)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API, consumer, relay and loops")
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", type=int, default=settings.port)
    serve.add_argument("--migrate", action="store_true", help="migrate before serving")
    sub.add_parser("migrate", help="apply pending database migrations")
    args = parser.parse_args()
    if args.command == "migrate" or getattr(args, "migrate", False):
        upgrade_to_head(migrations, settings.database_url)
        print(f"{settings.service_name}: database migrated")
        if args.command == "migrate":
            return
    uvicorn.run(
        app, factory=True, host=args.host, port=args.port, log_config=None, access_log=False
    )
