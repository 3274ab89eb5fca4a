"""`recruiting-service serve|migrate`."""

from __future__ import annotations

from recruiting_service.config import Settings
from recruiting_service.main import MIGRATIONS
from talentloop_shared.cli import run_cli


def main() -> None:
    """Entry point of the recruiting-service command."""
    run_cli(app="recruiting_service.main:create_app", migrations=MIGRATIONS, settings=Settings)


if __name__ == "__main__":
    main()
