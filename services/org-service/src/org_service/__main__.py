"""`org-service serve|migrate`."""

from __future__ import annotations

from org_service.config import Settings
from org_service.main import MIGRATIONS
from talentloop_shared.cli import run_cli


def main() -> None:
    """Entry point of the org-service command."""
    run_cli(app="org_service.main:create_app", migrations=MIGRATIONS, settings=Settings)


if __name__ == "__main__":
    main()
