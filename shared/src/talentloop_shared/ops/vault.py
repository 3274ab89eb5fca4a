"""Secrets a service must keep in clear to use, sealed at rest.

A webhook's signing secret, a chat robot's webhook URL (its access token is in the URL) and
its signing secret must be readable to sign or to post, so they cannot be hashed like a
password; stored as they are, a database dump or a read-only SQL account would hand them to
anyone. `Vault` seals such a value before it is written (Fernet: AES-128-CBC with an
HMAC-SHA256, from `cryptography`) and opens it where it is used, with a key derived from a
service setting (`<P>_AT_REST_SECRET`) that lives outside the database.

A sealed value starts with `v1:`. A value without the prefix is one written before sealing
existed: it is opened as it is (and `is_sealed` tells a start-up pass to seal it). Keys
rotate: the vault seals with the first secret and opens with any of them, so a deployment
adds the new secret first, re-seals, then drops the old one.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "v1:"


class SealedValueUnreadable(Exception):
    """A sealed value none of the vault's keys opens (a wrong or dropped secret)."""


def _key(secret: str) -> bytes:
    # A Fernet key from the setting (any length, validated elsewhere); the label keeps it
    # apart from every other use of the same secret.
    digest = hashlib.sha256(b"talentloop at-rest v1\x00" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest)


class Vault:
    """Seals with the first secret, opens with any of them."""

    def __init__(self, secrets: Sequence[str]) -> None:
        if not secrets or not all(secrets):
            raise ValueError("a vault needs at least one non-empty secret")
        self._fernet = MultiFernet([Fernet(_key(secret)) for secret in secrets])
        self._rotating = len(secrets) > 1

    def reseal(self, stored: str | None) -> str | None:
        """What a stored value should be stored as now, or None when it is fine as it is: a
        value in clear gets sealed; while an old secret is configured (a rotation), every
        sealed value is sealed again with the current one."""
        if stored is None:
            return None
        if not stored.startswith(PREFIX):
            return self.seal(stored)
        if self._rotating:
            return self.seal(self.open(stored))
        return None

    def seal(self, value: str) -> str:
        """The value as it is stored."""
        return PREFIX + self._fernet.encrypt(value.encode()).decode("ascii")

    def open(self, stored: str) -> str:
        """The value a stored one holds (a value stored before sealing, as it is)."""
        if not stored.startswith(PREFIX):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode()
        except (InvalidToken, UnicodeError) as exc:
            raise SealedValueUnreadable(
                "a sealed secret cannot be opened with the configured at-rest secrets"
            ) from exc

    def open_optional(self, stored: str | None) -> str | None:
        """`open`, None kept."""
        return None if stored is None else self.open(stored)

    def seal_optional(self, value: str | None) -> str | None:
        """`seal`, None kept."""
        return None if value is None else self.seal(value)


def is_sealed(stored: str | None) -> bool:
    """Whether a stored value is sealed (None counts: there is nothing to seal)."""
    return stored is None or stored.startswith(PREFIX)
