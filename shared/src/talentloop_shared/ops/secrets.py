"""Secrets outside dev/test: long enough, and never a value anyone can read in the repository.

A secret that appears in the repository (the development JWT secret, a placeholder in the
compose file, the manifests or `deploy/.env.example`, RabbitMQ's `guest`) is public, so a
deployment that kept it is open to anyone who read the repository. The images do not carry
the repository, so the values are listed here; `tests/deploy/test_secrets.py` scans the
deployment files and fails when one holds a secret value this list does not know.

Errors name the setting (`ORG_JWT_SECRET`), never its value.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from pydantic import BaseModel

MIN_SECRET_BYTES = 32

DEV_JWT_SECRET = "talentloop-dev-secret-change-me-0123456789"

# Every secret value that appears, or appeared, in the repository's files.
KNOWN_VALUES: frozenset[str] = frozenset(
    {
        DEV_JWT_SECRET,
        "change-me-to-a-long-random-secret-of-40-chars",  # compose's former JWT default
        "talentloop",  # compose's former PostgreSQL password
        "guest",  # RabbitMQ's default user (loopback only)
        "postgres",
        "change-me",
        "changeme",
        "secret",
        "password",
    }
)

# Fields whose values are secrets we choose (HMAC keys): long and unknown.
_STRONG_SUFFIXES = ("_secret",)
# Fields whose values are credentials someone else may issue (an SMTP password, an SMS
# token): any length, but never a value from the repository.
_CREDENTIAL_SUFFIXES = ("_password", "_token")
_URL_SUFFIX = "_url"


def is_known(value: str) -> bool:
    """True when `value` is one of the secret values the repository shows."""
    return value in KNOWN_VALUES


def secret_problems(settings: BaseModel, *, prefix: str, skip: Iterable[str] = ()) -> list[str]:
    """What is wrong with the secrets of `settings`, one line per setting, no values."""
    problems: list[str] = []
    skipped = set(skip)
    for name in type(settings).model_fields:
        if name in skipped:
            continue
        value = getattr(settings, name)
        if not isinstance(value, str) or not value:
            continue
        env = f"{prefix}{name.upper()}"
        if name.endswith(_STRONG_SUFFIXES):
            if is_known(value):
                problems.append(f"{env} is a value published in the repository; generate one")
            elif len(value.encode()) < MIN_SECRET_BYTES:
                problems.append(f"{env} is shorter than {MIN_SECRET_BYTES} bytes")
        elif name.endswith(_CREDENTIAL_SUFFIXES):
            if is_known(value):
                problems.append(f"{env} is a value published in the repository")
        elif name.endswith(_URL_SUFFIX):
            password = _url_password(value)
            if password is not None and is_known(password):
                problems.append(f"{env} holds a password published in the repository")
    return problems


def _url_password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None
