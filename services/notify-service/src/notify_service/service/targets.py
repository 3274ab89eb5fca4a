"""Outbound HTTP to addresses HR gives: webhook subscriptions and team-chat robots.

Both follow one set of rules (`domain.webhooks`): outside dev/test only https, and no
loopback, private, link-local (cloud metadata), multicast or unspecified address. A URL is
checked when HR sets it (`check_target`, a 422 naming the rule) and again before every
request (`pinned_post`): the host is resolved, every address checked, and the request
connects to the checked address (the Host header and TLS name stay the URL's), so a name
that resolves elsewhere by the time of sending (DNS rebinding) reaches nothing it may not.
Every request has one deadline for the whole exchange, resolving the name included, and
reads a bounded answer.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from notify_service.config import Settings
from notify_service.domain import webhooks as rules
from talentloop_shared.errors import FieldInvalid


def target_policy(settings: Settings) -> rules.TargetPolicy:
    """This deployment's rules for webhook targets."""
    local = settings.webhooks_local
    return rules.TargetPolicy(allow_private=local, require_https=not local)


async def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address `host` resolves to (an IP literal: itself); OSError when none."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except UnicodeError:  # "a..b", a label over 63 characters: IDNA cannot encode it
        raise OSError(f"{host} is not a valid host name") from None
    found: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in found:
            found.append(ip)
    if not found:
        raise OSError(f"{host} has no address")
    return found


async def check_target(
    url: str, settings: Settings, *, field: str | tuple[str, ...] = "url"
) -> None:
    """422 naming the rule (and `field`) when `url` may not receive webhooks or chat-robot
    posts (scheme, SSRF ranges). A host name is resolved and every address checked; one
    that does not resolve is refused too (a typo is caught now, not after a day of
    retries)."""
    policy = target_policy(settings)
    problem = rules.url_problem(url, policy)
    if problem is None and not policy.allow_private:
        target = rules.parse_target(url)
        try:
            addresses = await resolve(target.host, target.port)
        except OSError as exc:
            invalid = "not a valid host name" in str(exc)
            problem = ("unresolvable", str(exc) if invalid else f"{target.host} does not resolve")
        else:
            for ip in addresses:
                problem = rules.address_problem(ip, policy)
                if problem is not None:
                    break
    if problem is not None:
        rule, message = problem
        raise FieldInvalid(field, f"{message} (rule: {rule})")


class TargetRefused(Exception):
    """The URL, or an address its host resolves to, may not be reached: `rule` names the
    rule, `message` says why (neither holds the URL)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"refused: {message} (rule: {rule})")
        self.rule = rule


class TargetUnresolvable(Exception):
    """The URL's host resolves to no address (now): worth trying again later."""


class NothingSent(TimeoutError):
    """The deadline passed before any of the request went out (while connecting or
    shaking hands): worth trying again, nobody got it."""


@dataclass(frozen=True, slots=True)
class Answer:
    """What a target answered: its status and at most the bytes asked for of its body."""

    status_code: int
    body: bytes
    truncated: bool


async def pinned_post(
    client: httpx.AsyncClient,
    settings: Settings,
    url: str,
    *,
    content: bytes,
    headers: Mapping[str, str],
    deadline: float,
    max_bytes: int,
) -> Answer:
    """POST `content` to `url` under the target rules, connected to a checked address,
    within `deadline` seconds for the whole exchange, reading at most `max_bytes` of the
    answer (not decompressed: identity is asked for). TargetRefused when the rules refuse
    it, TargetUnresolvable when the host does not resolve (in time: the deadline counts
    from before resolving, and nothing was sent), NothingSent past the deadline before the
    request began to go out, TimeoutError past it after, httpx's errors otherwise."""
    ends = asyncio.get_running_loop().time() + deadline
    policy = target_policy(settings)
    problem = rules.url_problem(url, policy)
    if problem is not None:
        raise TargetRefused(*problem)
    target = rules.parse_target(url)
    try:
        async with asyncio.timeout_at(ends):
            addresses = await resolve(target.host, target.port)
    except TimeoutError:  # an OSError too: first
        raise TargetUnresolvable(f"no address within {deadline:g} s") from None
    except OSError as exc:
        raise TargetUnresolvable(str(exc)) from None
    for ip in addresses:
        problem = rules.address_problem(ip, policy)
        if problem is not None:
            raise TargetRefused(*problem)
    ip = addresses[0]
    host = f"[{ip}]" if ip.version == 6 else str(ip)
    pinned = f"{target.scheme}://{host}:{target.port}{target.path}"
    # The name as it goes on the wire: its ASCII (IDNA) form, as the resolver used it.
    name = target.host if target.host.isascii() else target.host.encode("idna").decode()
    netloc = target.netloc if target.netloc.isascii() else _with_port(name, url)
    sent = {**headers, "host": netloc, "accept-encoding": "identity"}
    sending = False

    async def trace(event: str, info: Any) -> None:
        # httpcore's progress events: from its first header on, the request may be out.
        nonlocal sending
        if ".send_request_headers." in event:
            sending = True

    extensions: dict[str, Any] = {"trace": trace}
    if target.scheme == "https":
        extensions["sni_hostname"] = name
    chunks: list[bytes] = []
    read = 0
    truncated = False
    try:
        async with asyncio.timeout_at(ends):
            request = client.build_request(
                "POST", pinned, content=content, headers=sent, extensions=extensions
            )
            response = await client.send(request, stream=True)
            try:
                async for chunk in response.aiter_raw():
                    chunks.append(chunk)
                    read += len(chunk)
                    if read >= max_bytes:
                        truncated = True
                        break  # the rest is never read: closing drops the connection
            finally:
                await response.aclose()
    except TimeoutError:
        if not sending:
            raise NothingSent(f"no connection within {deadline:g} s") from None
        raise
    return Answer(response.status_code, b"".join(chunks)[:max_bytes], truncated)


def _with_port(host: str, url: str) -> str:
    """`host`, with the URL's port when the URL names one (as a Host header carries it)."""
    port = urlsplit(url).port
    return host if port is None else f"{host}:{port}"
