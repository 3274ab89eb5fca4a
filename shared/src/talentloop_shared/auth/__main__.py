"""Print a development token: `python -m talentloop_shared.auth ROLE [SUB]`."""

from __future__ import annotations

import argparse
import os

from talentloop_shared.auth.jwt import ROLES, issue_token
from talentloop_shared.config import DEV_JWT_SECRET


def main() -> None:
    """Parse arguments and print a signed token."""
    parser = argparse.ArgumentParser(description="Print a Talentloop development JWT.")
    parser.add_argument("role", nargs="+", choices=ROLES)
    parser.add_argument("--sub", default="dev-user")
    parser.add_argument("--ttl", type=int, default=8 * 3600, help="seconds")
    args = parser.parse_args()
    secret = os.environ.get("TALENTLOOP_JWT_SECRET", DEV_JWT_SECRET)
    print(issue_token(sub=args.sub, roles=args.role, secret=secret, ttl_seconds=args.ttl))


if __name__ == "__main__":
    main()
