"""Start the four services as real processes against local PostgreSQL and RabbitMQ.

Used by `make run` (python -m talentloop_shared.devtools.suite run) and by the end-to-end
tests, so what a newcomer runs is what the tests run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import aio_pika
import asyncpg
import httpx

from talentloop_shared.testing.smtp import ReceivedMail, SMTPSink


@dataclass(frozen=True)
class ServiceSpec:
    """How to start one service."""

    name: str
    prefix: str
    module: str
    port: int

    @property
    def database(self) -> str:
        return "talentloop_" + self.name.removesuffix("-service")

    @property
    def migrations(self) -> str:
        return f"{self.module}:migrations"


SERVICES = (
    ServiceSpec("org-service", "ORG", "org_service", 8001),
    ServiceSpec("recruiting-service", "RECRUITING", "recruiting_service", 8002),
    ServiceSpec("notify-service", "NOTIFY", "notify_service", 8003),
    ServiceSpec("talent-service", "TALENT", "talent_service", 8004),
)


class InfrastructureMissing(RuntimeError):
    """PostgreSQL or RabbitMQ cannot be reached."""


def _asyncpg_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@dataclass
class Suite:
    """The four services as child processes."""

    pg_url: str  # libpq URL of an admin database (to create the others)
    amqp_url: str
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    namespace: str = ""
    database_suffix: str = ""
    ports: dict[str, int] = field(default_factory=dict)
    log_dir: Path = Path(".run/logs")
    extra_env: dict[str, str] = field(default_factory=dict)
    # Processes per service. Replica 0 is "<name>" on `port(spec)`; replica i > 0 is
    # "<name>#i" on a port of `replica_ports` (or port + 100·i): two replicas of everything
    # share one database and one queue, as two containers of a deployment would.
    replicas: int = 1
    replica_ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # The HR console's static server (devtools/console.py), once `start_console` ran.
    console: subprocess.Popen[bytes] | None = None

    def port(self, spec: ServiceSpec, replica: int = 0) -> int:
        if replica:
            key = replica_name(spec.name, replica)
            return self.replica_ports.get(key, self.ports.get(spec.name, spec.port) + 100 * replica)
        return self.ports.get(spec.name, spec.port)

    def replica_url(self, name: str, replica: int) -> str:
        """Base URL of one replica of a running service."""
        return f"http://127.0.0.1:{self.port(_spec(name), replica)}"

    def url(self, name: str) -> str:
        """Base URL of a running service."""
        spec = _spec(name)
        return f"http://127.0.0.1:{self.port(spec)}"

    def database_url(self, spec: ServiceSpec) -> str:
        base = _asyncpg_url(self.pg_url).rsplit("/", 1)[0]
        return f"{base}/{spec.database}{self.database_suffix}".replace(
            "postgresql://", "postgresql+asyncpg://", 1
        )

    async def check_infrastructure(self) -> None:
        """Raise InfrastructureMissing with one clear line when PG or RabbitMQ is down."""
        try:
            conn = await asyncpg.connect(_asyncpg_url(self.pg_url), timeout=5)
            await conn.close()
        except Exception as e:
            raise InfrastructureMissing(
                f"PostgreSQL is not reachable at {_redact(self.pg_url)} ({type(e).__name__}: "
                f"{e}); start it or set TALENTLOOP_PG_URL=postgresql://user@host:port/postgres"
            ) from None
        try:
            conn2 = await aio_pika.connect(self.amqp_url, timeout=5)
            await conn2.close()
        except Exception as e:
            raise InfrastructureMissing(
                f"RabbitMQ is not reachable at {_redact(self.amqp_url)} ({type(e).__name__}); "
                "start it or set TALENTLOOP_AMQP_URL=amqp://user:pass@host:5672/"
            ) from None

    async def create_databases(self) -> None:
        """Create each service's database if it does not exist."""
        conn = await asyncpg.connect(_asyncpg_url(self.pg_url))
        try:
            for spec in SERVICES:
                name = spec.database + self.database_suffix
                exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname=$1", name)
                if not exists:
                    await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    async def drop_databases(self) -> None:
        """Drop the suite's databases (tests)."""
        conn = await asyncpg.connect(_asyncpg_url(self.pg_url))
        try:
            for spec in SERVICES:
                await conn.execute(
                    f'DROP DATABASE IF EXISTS "{spec.database}{self.database_suffix}" WITH (FORCE)'
                )
        finally:
            await conn.close()

    def env(self, spec: ServiceSpec, replica: int = 0) -> dict[str, str]:
        """Environment of one service process."""
        p = spec.prefix
        env = {
            **os.environ,
            f"{p}_DATABASE_URL": self.database_url(spec),
            f"{p}_AMQP_URL": self.amqp_url,
            f"{p}_AMQP_NAMESPACE": self.namespace,
            f"{p}_PORT": str(self.port(spec, replica)),
            "NOTIFY_SMTP_HOST": self.smtp_host,
            "NOTIFY_SMTP_PORT": str(self.smtp_port),
            "NOTIFY_PUBLIC_BASE_URL": self.url("notify-service"),
            **self.extra_env,
        }
        return env

    def migrate(self) -> None:
        """Migrate every service's database (each in its own process, as ops would)."""
        for spec in SERVICES:
            subprocess.run(
                [sys.executable, "-m", spec.module, "migrate"],
                env=self.env(spec),
                check=True,
                stdout=subprocess.DEVNULL,
            )

    def start(self, name: str, replica: int = 0) -> None:
        """Start one service process (one replica of it)."""
        spec = _spec(name)
        key = replica_name(name, replica)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{key}.log").open("ab")
        self.processes[key] = subprocess.Popen(
            [sys.executable, "-m", spec.module, "serve", "--port", str(self.port(spec, replica))],
            env=self.env(spec, replica),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def start_all(self) -> None:
        """Start the four services, `replicas` processes of each."""
        for spec in SERVICES:
            for replica in range(self.replicas):
                self.start(spec.name, replica)

    def kill(self, name: str, sig: int = signal.SIGKILL, replica: int = 0) -> None:
        """Kill one service process (SIGKILL by default: no graceful shutdown)."""
        proc = self.processes.pop(replica_name(name, replica))
        proc.send_signal(sig)
        proc.wait(20)

    def start_console(self, port: int = 8000, dist: Path | None = None) -> str:
        """Serve the built HR console on `port`, pointed at these services; its URL."""
        from talentloop_shared.devtools.console import DIST, SERVICE_NAMES

        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / "console.log").open("ab")
        urls = [f"--{n}={self.url(f'{n}-service')}" for n in SERVICE_NAMES]
        self.console = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "talentloop_shared.devtools.console",
                f"--port={port}",
                f"--dist={dist or DIST}",
                *urls,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return f"http://127.0.0.1:{port}"

    async def wait_console(self, url: str, timeout: float = 30) -> None:
        """Poll the console's /config.json until it answers."""
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2) as client:
            while True:
                if self.console is not None and self.console.poll() is not None:
                    raise RuntimeError(f"the console server exited; see {self.log_dir}/console.log")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(url + "/config.json")).status_code == 200:
                        return
                if time.monotonic() > deadline:
                    raise TimeoutError(f"console not ready; see {self.log_dir}/console.log")
                await asyncio.sleep(0.2)

    def stop_all(self) -> None:
        """Stop every service gracefully (SIGTERM), then kill stragglers."""
        if self.console is not None:
            self.console.terminate()
            try:
                self.console.wait(10)
            except subprocess.TimeoutExpired:
                self.console.kill()
            self.console = None
        for proc in self.processes.values():
            proc.send_signal(signal.SIGTERM)
        for proc in self.processes.values():
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.processes.clear()

    async def wait_ready(self, names: list[str] | None = None, timeout: float = 60) -> None:
        """Poll /readyz of each service until ready."""
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2) as client:
            for key in names or list(self.processes) or [s.name for s in SERVICES]:
                name, _, replica = key.partition("#")
                url = self.replica_url(name, int(replica or 0))
                while True:
                    proc = self.processes.get(key)
                    if proc is not None and proc.poll() is not None:
                        raise RuntimeError(
                            f"{key} exited with {proc.returncode}; see {self.log_dir}/{key}.log"
                        )
                    with contextlib.suppress(httpx.HTTPError):
                        r = await client.get(url + "/readyz")
                        if r.status_code == 200:
                            break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{key} not ready; see {self.log_dir}/{key}.log")
                    await asyncio.sleep(0.2)


def replica_name(name: str, replica: int) -> str:
    """The process key of one replica: "notify-service", "notify-service#1", …"""
    return f"{name}#{replica}" if replica else name


def _spec(name: str) -> ServiceSpec:
    for spec in SERVICES:
        if spec.name == name:
            return spec
    raise KeyError(name)


def _redact(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


class MailFolder(SMTPSink):
    """The local SMTP catcher of `make run`: every message is saved as an .eml file."""

    def __init__(self, port: int, folder: Path) -> None:
        super().__init__(port)
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        original = self._handler.handle_DATA

        async def save(server: Any, session: Any, envelope: Any) -> str:
            result = await original(server, session, envelope)
            msg = email.message_from_bytes(envelope.original_content or envelope.content)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = folder / f"{stamp}-{len(self.messages):04d}.eml"
            path.write_bytes(envelope.original_content or envelope.content)
            subject = ReceivedMail(envelope.mail_from, envelope.rcpt_tos, msg).subject
            print(f"  ✉  mail to {', '.join(envelope.rcpt_tos)}: {subject}  → {path}", flush=True)
            return result

        self._handler.handle_DATA = save  # type: ignore[method-assign]


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """`run`: create databases, migrate, start the four services until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="talentloop-suite")
    parser.add_argument("command", choices=["run", "migrate"])
    args = parser.parse_args()
    suite = Suite(
        pg_url=os.environ.get("TALENTLOOP_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        amqp_url=os.environ.get("TALENTLOOP_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/"),
        smtp_port=int(os.environ.get("TALENTLOOP_SMTP_PORT", "1025")),
    )
    try:
        asyncio.run(suite.check_infrastructure())
    except InfrastructureMissing as e:
        print(f"talentloop: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    asyncio.run(suite.create_databases())
    suite.migrate()
    print("talentloop: databases ready and migrated")
    if args.command == "migrate":
        return
    mail = MailFolder(suite.smtp_port, Path(".run/mail"))
    external_smtp = "NOTIFY_SMTP_HOST" in os.environ
    if not external_smtp:
        try:
            mail.start()
        except OSError:
            print(
                f"talentloop: port {suite.smtp_port} is taken; set TALENTLOOP_SMTP_PORT",
                file=sys.stderr,
            )
            raise SystemExit(2) from None
    suite.start_all()
    try:
        asyncio.run(suite.wait_ready())
        print("talentloop: all four services are ready")
        from talentloop_shared.devtools.console import DIST

        if (DIST / "index.html").is_file():
            console_url = suite.start_console(
                int(os.environ.get("TALENTLOOP_CONSOLE_PORT", "8000"))
            )
            asyncio.run(suite.wait_console(console_url))
            print(f"  {'HR console':<20} {console_url}  (development sign-in: pick a role)")
        else:
            print("  HR console: not built (make console)")
        for spec in SERVICES:
            print(f"  {spec.name:<20} {suite.url(spec.name)}/docs")
        if not external_smtp:
            print(f"  emails are caught on smtp://127.0.0.1:{suite.smtp_port} → .run/mail/")
        print(f"  logs: {suite.log_dir}/   dev token: make token ROLE=hr_admin   Ctrl-C stops")
        signal.signal(signal.SIGTERM, _interrupt)
        while True:
            time.sleep(1)
            for name, proc in suite.processes.items():
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"{name} stopped (exit {proc.returncode}); see {suite.log_dir}/{name}.log"
                    )
    except (KeyboardInterrupt, RuntimeError, TimeoutError) as e:
        if not isinstance(e, KeyboardInterrupt):
            print(f"talentloop: {e}", file=sys.stderr)
    finally:
        # A second Ctrl-C (or uv forwarding the first) must not cut the shutdown short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("talentloop: stopping…")
        suite.stop_all()
        if not external_smtp:
            mail.stop()


if __name__ == "__main__":
    main()
