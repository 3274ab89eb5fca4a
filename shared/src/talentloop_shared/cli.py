"""The command line every service offers: `<service> serve` and `<service> migrate`."""

from __future__ import annotations

import argparse
import os
import sys

import uvicorn
from pydantic import ValidationError

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.logging import keep_loggers


def run_cli(
    *, app: str, migrations: str, settings: ServiceSettings | type[ServiceSettings]
) -> None:
    """Parse argv and serve or migrate.

    `migrate` reads only `<PREFIX>DATABASE_URL`: a migration Job or container needs no
    broker URL and no secrets. `serve` loads (and validates) every setting first and, when
    one is wrong, exits 2 naming the settings, never their values.
    """
    cls = settings if isinstance(settings, type) else type(settings)
    prog = str(cls.model_fields["service_name"].default)
    parser = argparse.ArgumentParser(prog=prog)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API, consumer, relay and loops")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--migrate", action="store_true", help="migrate before serving")
    sub.add_parser("migrate", help="apply pending database migrations (needs only the URL)")
    args = parser.parse_args()
    if args.command == "migrate":
        upgrade_to_head(migrations, migration_database_url(cls))
        print(f"{prog}: database migrated")
        return
    loaded = settings if isinstance(settings, ServiceSettings) else load_settings(cls)
    if args.migrate:
        upgrade_to_head(migrations, loaded.database_url)
        print(f"{prog}: database migrated")
    keep_loggers()
    uvicorn.run(
        app,
        factory=True,
        host=args.host or loaded.host,
        port=args.port or loaded.port,
        log_config=None,
        access_log=False,
    )


def migration_database_url(cls: type[ServiceSettings]) -> str:
    """`<PREFIX>DATABASE_URL` from the environment, or the service's default."""
    prefix = str(cls.model_config.get("env_prefix", ""))
    default = str(cls.model_fields["database_url"].default)
    return os.environ.get(f"{prefix}DATABASE_URL", default)


def load_settings(cls: type[ServiceSettings]) -> ServiceSettings:
    """The service's settings; on an invalid one, exit 2 with one line per problem."""
    try:
        return cls()
    except ValidationError as e:
        print(f"{cls.model_fields['service_name'].default}: invalid settings", file=sys.stderr)
        for line in settings_errors(cls, e):
            print(f"  {line}", file=sys.stderr)
        raise SystemExit(2) from None


def settings_errors(cls: type[ServiceSettings], error: ValidationError) -> list[str]:
    """`ORG_PORT: Input should be a valid integer`: names, messages, never inputs."""
    prefix = str(cls.model_config.get("env_prefix", ""))
    lines = []
    for err in error.errors(include_input=False, include_url=False, include_context=False):
        msg = str(err["msg"]).removeprefix("Value error, ")
        loc = ".".join(str(p) for p in err["loc"])
        lines.append(f"{prefix}{loc.upper()}: {msg}" if loc else msg)
    return lines
