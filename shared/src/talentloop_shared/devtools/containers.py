"""Run the deployment's containers as local processes (there is no container engine here).

Each container becomes one process: the image's entry point and command (from its
Dockerfile, overridden by the compose file or the Kubernetes manifest), with exactly the
environment the image and the deployment file give it (Dockerfile `ENV`, then compose's
`environment`, or a pod's `envFrom` ConfigMaps and `env` Secrets). The only changes are
the ones a container engine would make: the image's `/app/.venv` is this checkout's
virtualenv, the compose hostnames are mapped to loopback (see `AddressMap`), and each
container's own port becomes a free loopback port (containers have their own network
namespace; processes share one).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

# python:3.11-slim's PATH, which the Dockerfiles' `ENV PATH=/app/.venv/bin:$PATH` extends.
BASE_IMAGE_ENV = {
    "PATH": "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
}
IMAGE_VENV = "/app/.venv"


class MissingVariable(ValueError):
    """`${VAR:?message}` with VAR unset or empty: compose refuses to start."""


_VAR = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
    r"|(?P<named>[A-Za-z_][A-Za-z0-9_]*))"
)


def interpolate(value: str, env: Mapping[str, str]) -> str:
    """Compose's variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`,
    `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `$$`."""

    def sub(m: re.Match[str]) -> str:
        if m.group("escaped"):
            return "$"
        name = m.group("braced") or m.group("named")
        op, arg = m.group("op"), m.group("arg") or ""
        current = env.get(name)
        unset_or_empty = not current
        if op == ":-":
            return arg if unset_or_empty else str(current)
        if op == "-":
            return arg if current is None else current
        if (op == ":?" and unset_or_empty) or (op == "?" and current is None):
            raise MissingVariable(f"{name}: {arg}" if arg else name)
        return current or ""

    return _VAR.sub(sub, value)


def interpolate_tree(obj: Any, env: Mapping[str, str]) -> Any:
    """`interpolate` every string in a parsed compose file."""
    if isinstance(obj, str):
        return interpolate(obj, env)
    if isinstance(obj, list):
        return [interpolate_tree(v, env) for v in obj]
    if isinstance(obj, dict):
        return {k: interpolate_tree(v, env) for k, v in obj.items()}
    return obj


@dataclass(frozen=True)
class Image:
    """What a Dockerfile's final stage sets for the running container."""

    env: dict[str, str]
    entrypoint: list[str]
    cmd: list[str]
    user: str | None


def _exec_form(text: str) -> list[str]:
    text = text.strip()
    if text.startswith("["):
        parsed: list[str] = json.loads(text)
        return parsed
    return ["/bin/sh", "-c", text]


def read_dockerfile(path: Path) -> Image:
    """ENV, ENTRYPOINT, CMD and USER of the last stage (line continuations joined)."""
    text = re.sub(r"\\\n", " ", path.read_text())
    stage = text.split("\nFROM ")[-1]
    env = dict(BASE_IMAGE_ENV)
    entrypoint: list[str] = []
    cmd: list[str] = []
    user = None
    for line in stage.splitlines():
        word, _, rest = line.strip().partition(" ")
        if word == "ENV":
            for item in shlex.split(rest):
                key, _, value = item.partition("=")
                env[key] = re.sub(
                    r"\$(\w+)|\$\{(\w+)\}", lambda m: env.get(m[1] or m[2], ""), value
                )
        elif word == "ENTRYPOINT":
            entrypoint = _exec_form(rest)
        elif word == "CMD":
            cmd = _exec_form(rest)
        elif word == "USER":
            user = rest.strip()
    return Image(env=env, entrypoint=entrypoint, cmd=cmd, user=user)


@dataclass
class AddressMap:
    """How a deployment's addresses become this machine's.

    `hosts` maps a host name (and optionally port) to a loopback address: `{"postgres":
    "127.0.0.1:5432"}`. `url_rewrites` get every URL after its host was mapped and may
    rename what test isolation needs (a database name, a broker virtual host and user).
    """

    hosts: dict[str, str] = field(default_factory=dict)
    url_rewrites: list[Callable[[str], str]] = field(default_factory=list)

    def url(self, value: str) -> str:
        parts = urlsplit(value)
        if not parts.scheme or not parts.hostname or parts.hostname not in self.hosts:
            return value
        target = self.hosts[parts.hostname]
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{target}" if userinfo else target
        mapped = urlunsplit(parts._replace(netloc=netloc))
        for rewrite in self.url_rewrites:
            mapped = rewrite(mapped)
        return mapped

    def value(self, value: str) -> str:
        if "://" in value:
            return self.url(value)
        if value in self.hosts:  # a bare host setting (NOTIFY_SMTP_HOST: mailpit)
            return self.hosts[value].rpartition(":")[0] or self.hosts[value]
        return value


@dataclass
class ContainerProcess:
    """One container as a local process."""

    name: str
    argv: list[str]
    env: dict[str, str]

    def describe(self) -> str:
        return f"{self.name}: {shlex.join(self.argv)}"


def as_process(
    name: str,
    image: Image,
    environment: Mapping[str, str],
    *,
    entrypoint: list[str] | None = None,
    command: list[str] | None = None,
    addresses: AddressMap,
    venv: str = sys.prefix,
) -> ContainerProcess:
    """The process for a container of `image` run with `environment` (compose's or a pod's).

    Compose's `entrypoint` replaces the image's and drops its CMD; `command` replaces CMD
    (Kubernetes' `command`/`args` likewise)."""
    argv = (entrypoint if entrypoint is not None else image.entrypoint) + (
        command if command is not None else ([] if entrypoint is not None else image.cmd)
    )
    env = {**image.env, **{k: str(v) for k, v in environment.items()}}
    env = {k: addresses.value(v).replace(IMAGE_VENV, venv) for k, v in env.items()}
    return ContainerProcess(name=name, argv=argv, env=env)


def compose_env_file(path: Path) -> dict[str, str]:
    """`KEY=value` lines of an env file (compose's `.env` syntax, comments skipped)."""
    values: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values
