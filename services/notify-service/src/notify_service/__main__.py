"""`notify-service serve|migrate`."""

from __future__ import annotations

from notify_service.config import Settings
from notify_service.main import MIGRATIONS
from talentloop_shared.cli import run_cli


def main() -> None:
    """Entry point of the notify-service command."""
    run_cli(app="notify_service.main:create_app", migrations=MIGRATIONS, settings=Settings)


if __name__ == "__main__":
    main()
