"""`talentloop`: the operator's command line.

  talentloop dlq list|show|replay|purge [--service S] [--id ID] [--candidate UUID] [--all]
  talentloop backup [--to DIR]          talentloop restore --from DIR
  talentloop rabbitmq definitions       (prints deploy/rabbitmq/definitions.json)

Broker and databases come from the environment: TALENTLOOP_AMQP_URL (an administrator of
the virtual host), TALENTLOOP_AMQP_NAMESPACE, and each service's <PREFIX>_DATABASE_URL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any

DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


def _dlq(args: argparse.Namespace) -> int:
    from talentloop_shared.ops.dlq import DeadLetters, Selection

    letters = DeadLetters(args.amqp_url, args.namespace)
    services = [args.service] if args.service else None
    selection = Selection(ids=args.id or (), candidate=args.candidate, everything=args.all)
    if args.action in {"replay", "purge"} and not (args.id or args.candidate or args.all):
        print(f"talentloop dlq {args.action}: name messages with --id, --candidate or --all")
        return 2
    if args.action in {"list", "show"}:
        found = asyncio.run(letters.find(services, selection))
        for parked in found:
            out: dict[str, Any] = parked.detail() if args.action == "show" else parked.summary()
            print(json.dumps(out, ensure_ascii=False, default=str))
        print(f"{len(found)} parked message(s)", file=sys.stderr)
        return 0
    action = letters.replay if args.action == "replay" else letters.purge
    done = asyncio.run(action(services, selection))
    verb = "replayed" if args.action == "replay" else "purged"
    for parked in done:
        print(
            json.dumps({verb: parked.message_id, "queue": parked.queue, "type": parked.event_type})
        )
    print(f"{len(done)} message(s) {verb}", file=sys.stderr)
    return 0


def _rabbitmq(args: argparse.Namespace) -> int:
    from talentloop_shared.ops.rabbitmq import template_text

    sys.stdout.write(template_text())
    return 0


def _backup(args: argparse.Namespace) -> int:
    from talentloop_shared.ops.backup import backup_from_env

    folder = asyncio.run(backup_from_env(args.to))
    print(folder)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from talentloop_shared.ops.backup import restore_from_env

    asyncio.run(restore_from_env(args.source, force=args.force))
    return 0


def main(argv: list[str] | None = None) -> None:
    """Entry point of `talentloop`."""
    parser = argparse.ArgumentParser(prog="talentloop", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dlq = sub.add_parser("dlq", help="parked messages: list, show, replay, purge")
    dlq.add_argument("action", choices=["list", "show", "replay", "purge"])
    dlq.add_argument("--service", help="org, recruiting, notify, talent or unrouted (all)")
    dlq.add_argument("--id", action="append", help="a message (event) id; repeatable")
    dlq.add_argument("--candidate", help="messages naming this person's id (UUID)")
    dlq.add_argument("--all", action="store_true", help="every parked message")
    dlq.add_argument("--amqp-url", default=os.environ.get("TALENTLOOP_AMQP_URL", DEFAULT_AMQP_URL))
    dlq.add_argument("--namespace", default=os.environ.get("TALENTLOOP_AMQP_NAMESPACE", ""))
    dlq.set_defaults(run=_dlq)
    rabbit = sub.add_parser("rabbitmq", help="RabbitMQ definitions")
    rabbit.add_argument("what", choices=["definitions"])
    rabbit.set_defaults(run=_rabbitmq)
    backup = sub.add_parser("backup", help="pg_dump the four databases + broker definitions")
    backup.add_argument("--to", default="backups", help="parent folder (a dated one is made)")
    backup.set_defaults(run=_backup)
    restore = sub.add_parser("restore", help="restore the four databases from a backup")
    restore.add_argument("--from", dest="source", required=True, help="a backup folder")
    restore.add_argument(
        "--force", action="store_true", help="even while other sessions use the databases"
    )
    restore.set_defaults(run=_restore)
    args = parser.parse_args(argv)
    raise SystemExit(args.run(args))


if __name__ == "__main__":
    main()
