"""Webhook rules with no I/O: secrets, which targets are allowed (SSRF), the retry schedule,
and which candidates and applications an event's data names (for erasure).

A target is checked twice: its URL when a subscription is created or changed
(`url_problem`), and every address its host resolves to, at creation and again before each
delivery attempt (`address_problem`); the delivery then connects to the address it checked,
so a DNS answer that changes between check and connect (rebinding) cannot redirect it.
"""

from __future__ import annotations

import base64
import ipaddress
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # Standard Webhooks: 24 to 64 bytes, base64 after the prefix


def new_secret() -> str:
    """A fresh signing secret as Standard Webhooks writes it: `whsec_` + base64(32 bytes)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """What targets a deployment may deliver to. Outside dev/test: https only, and no
    loopback, link-local, private, multicast, unspecified or reserved address."""

    allow_private: bool
    require_https: bool


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL, split for the connection."""

    scheme: str
    host: str  # without brackets for IPv6
    port: int
    path: str  # path and query, at least "/"
    netloc: str  # as written (for the Host header)


def url_problem(url: str, policy: TargetPolicy) -> tuple[str, str] | None:
    """(rule, message) when the URL may not be a webhook target, else None. Addresses
    written as IP literals are checked here too; host names when they are resolved."""
    try:
        target = parse_target(url)
    except ValueError as e:
        return ("url", str(e))
    try:
        ip = ipaddress.ip_address(target.host)
    except ValueError:
        name = target.host.lower().rstrip(".")
        if not policy.allow_private and (name == "localhost" or name.endswith(".localhost")):
            return ("loopback", f"{name} is a loopback name")
    else:
        problem = address_problem(ip, policy)
        if problem is not None:
            return problem
    if policy.require_https and target.scheme != "https":
        return ("https-required", "webhook URLs must use https")
    return None


def parse_target(url: str) -> Target:
    """Split a webhook URL; ValueError naming what is wrong."""
    if len(url) > 2000:
        raise ValueError("the URL is longer than 2000 characters")
    if any(c <= " " or c == "\x7f" for c in url):
        raise ValueError("the URL holds a space or a control character")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValueError("only http and https URLs can receive webhooks")
    if parts.username or parts.password:
        raise ValueError("credentials in the URL are not allowed (the signature authenticates)")
    host = parts.hostname
    if not host:
        raise ValueError("the URL has no host")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise ValueError("the URL's port is not a number from 0 to 65535") from None
    if parts.fragment:
        raise ValueError("a webhook URL has no #fragment")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(scheme=scheme, host=host, port=port, path=path, netloc=parts.netloc)


_RULES: tuple[tuple[str, str], ...] = (
    ("unspecified", "is_unspecified"),
    ("loopback", "is_loopback"),
    ("link-local", "is_link_local"),
    ("multicast", "is_multicast"),
    ("private", "is_private"),
    ("reserved", "is_reserved"),
)


def address_problem(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address, policy: TargetPolicy
) -> tuple[str, str] | None:
    """(rule, message) when the policy forbids delivering to `ip`, else None."""
    if policy.allow_private:
        return None
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:  # ::ffff:10.0.0.1 is 10.0.0.1
        ip = mapped
    for rule, attribute in _RULES:
        if getattr(ip, attribute):
            return (rule, f"{ip} is a {rule} address; webhooks go to public addresses only")
    if isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"):
        return ("private", f"{ip} is a shared (carrier-grade NAT) address")
    return None


def retry_delay(attempt: int, schedule: Sequence[float]) -> timedelta | None:
    """The wait after failed attempt number `attempt` (1-based) of a delivery, or None when
    the schedule is spent (the delivery has failed for good)."""
    if attempt < 1 or attempt > len(schedule):
        return None
    return timedelta(seconds=schedule[attempt - 1])


def schedule_span(schedule: Sequence[float]) -> timedelta:
    """How long a delivery is retried in total."""
    return timedelta(seconds=sum(schedule))


def signing_secrets(
    current: str, previous: str | None, previous_until: datetime | None, now: datetime
) -> list[str]:
    """The secrets to sign with now: the current one, and the previous one during the
    overlap after a rotation (receivers holding either verify; the spec allows several
    space-separated signatures)."""
    keys = [current]
    if previous and previous_until is not None and now < previous_until:
        keys.append(previous)
    return keys


def _walk(value: Any, parent: str | None = None) -> Iterator[tuple[str | None, str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield parent, key, item
            yield from _walk(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, parent)


def people_named(event_type: str, data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(candidate ids, application ids) an event's data names, found anywhere in it:
    `candidate_id`, a `candidate` object's `id`, a match's `talent_id`, `application_id`.
    Used to find the stored deliveries to scrub when a candidate is erased.
    `candidate-erased` names none: its body is the opaque id receivers need to erase too."""
    if event_type == "candidate-erased":
        return [], []
    candidates: set[str] = set()
    applications: set[str] = set()
    for parent, key, value in _walk(data):
        if not isinstance(value, str) or not value:
            continue
        if key in ("candidate_id", "talent_id") or (key == "id" and parent == "candidate"):
            candidates.add(value)
        elif key == "application_id":
            applications.add(value)
    return sorted(candidates), sorted(applications)
