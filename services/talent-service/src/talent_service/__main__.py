"""`talent-service serve|migrate`."""

from __future__ import annotations

from talent_service.config import Settings
from talent_service.main import MIGRATIONS
from talentloop_shared.cli import run_cli


def main() -> None:
    """Entry point of the talent-service command."""
    run_cli(app="talent_service.main:create_app", migrations=MIGRATIONS, settings=Settings)


if __name__ == "__main__":
    main()
