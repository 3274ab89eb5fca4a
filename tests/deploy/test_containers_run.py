"""The deployment files, run: every Talentloop container of deploy/compose.yaml, and every
container of the Kubernetes manifests, as a local process (talentloop_shared.devtools.
containers): entry point and command from the Dockerfile and the deployment file, the
environment exactly as they give it, with deploy/.env.example as the only operator input
(each empty secret filled in as its comment says: openssl rand -hex 32).

What differs from a container engine, and only that: compose's host names are mapped to
this machine's PostgreSQL, RabbitMQ and an SMTP sink; each database name gets this run's
suffix and the database user is the local admin (the local server is not compose's
`postgres` container and trusts loopback); the broker's virtual host and user names get
this run's prefix (users are global to a broker that other runs share); each container's
own port becomes a free port. RabbitMQ's container is run too: its entry point (render.sh)
renders the definitions, which are then imported into the running broker as RabbitMQ's
`load_definitions` would at boot.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import aio_pika
import aiormq
import asyncpg
import httpx
import pytest
import pytest_asyncio
import yaml

from talentloop_shared.devtools.containers import (
    AddressMap,
    ContainerProcess,
    MissingVariable,
    as_process,
    compose_env_file,
    interpolate_tree,
    read_dockerfile,
)
from talentloop_shared.devtools.suite import SERVICES
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink, free_port

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
RABBITMQCTL = shutil.which("rabbitmqctl")


def rabbitmqctl(*args: str, stdin: str | None = None) -> str:
    assert RABBITMQCTL, "rabbitmqctl is needed to load definitions into the test broker"
    done = subprocess.run(
        [RABBITMQCTL, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@dataclass
class Broker:
    """The run's virtual host and users, loaded from the rendered definitions."""

    vhost: str
    user_prefix: str
    host: str  # host:port of the test broker
    users: list[str]

    def url(self, url: str) -> str:
        """amqp://org-service:pw@HOST/talentloop → this run's user, vhost, broker."""
        parts = urlsplit(url)
        netloc = f"{self.user_prefix}{parts.username}:{parts.password}@{self.host}"
        return urlunsplit(parts._replace(netloc=netloc, path=f"/{self.vhost}"))


@pytest.fixture(scope="module")
def operator_env() -> dict[str, str]:
    """deploy/.env as an operator writes it from deploy/.env.example."""
    example = compose_env_file(DEPLOY / ".env.example")
    assert example, "deploy/.env.example is empty"
    return {k: v or secrets.token_hex(32) for k, v in example.items()}


@pytest.fixture(scope="module")
def compose(operator_env: dict[str, str]) -> dict:
    raw = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return interpolate_tree(raw, operator_env)


def test_compose_refuses_to_start_without_the_secrets() -> None:
    raw = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    example = compose_env_file(DEPLOY / ".env.example")
    secrets_documented = [k for k, v in example.items() if not v]
    assert "TALENTLOOP_JWT_SECRET" in secrets_documented
    with pytest.raises(MissingVariable):
        interpolate_tree(raw, example)  # the example as shipped: every secret empty
    for name in secrets_documented:
        filled = {k: v or secrets.token_hex(32) for k, v in example.items()}
        filled[name] = ""
        with pytest.raises(MissingVariable, match=name):
            interpolate_tree(raw, filled)
    text = (DEPLOY / "compose.yaml").read_text()
    assert not re.search(r"\$\{[A-Z_]*(SECRET|PASSWORD)[A-Z_]*:?-", text), "a secret default"


@pytest_asyncio.fixture(scope="module")
async def broker(
    compose: dict, amqp_url: str, run_id: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Broker]:
    """RabbitMQ's container as compose runs it (render.sh), loaded into this run's vhost."""
    rabbit = compose["services"]["rabbitmq"]
    out = tmp_path_factory.mktemp("rabbitmq") / "definitions.json"
    mounts = {"/etc/talentloop": str(DEPLOY / "rabbitmq"), "/var/lib/rabbitmq": str(out.parent)}
    argv = [_mapped(a, mounts) for a in rabbit["entrypoint"]]
    argv = argv[: argv.index("--")]  # render, then (instead of starting a broker) import
    done = subprocess.run(
        argv, env={"PATH": os.environ["PATH"], **rabbit["environment"]}, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    definitions = json.loads(out.read_text())
    vhost, prefix = f"tl-deploy-{run_id}", f"tl-{run_id}-"
    renamed = {u["name"]: prefix + u["name"] for u in definitions["users"]}
    for user in definitions["users"]:
        user["name"] = renamed[user["name"]]
    definitions["vhosts"] = [{**v, "name": vhost} for v in definitions["vhosts"]]
    for key in ("permissions", "topic_permissions", "policies", "queues", "exchanges", "bindings"):
        for item in definitions[key]:
            item["vhost"] = vhost
            if "user" in item:
                item["user"] = renamed[item["user"]]
    # No file argument: read from standard input (the broker runs as another user).
    rabbitmqctl("import_definitions", "--format", "json", stdin=json.dumps(definitions))
    host = urlsplit(amqp_url).netloc.rpartition("@")[2]
    b = Broker(vhost=vhost, user_prefix=prefix, host=host, users=list(renamed.values()))
    try:
        # Loading is asynchronous: wait until a service user can log in.
        org = compose["services"]["org-service"]["environment"]["ORG_AMQP_URL"]
        await eventually(lambda: _can_connect(b.url(org)), timeout=30, message="definitions")
        yield b
    finally:
        rabbitmqctl("delete_vhost", vhost)
        for user in b.users:
            rabbitmqctl("delete_user", user)


async def _can_connect(url: str) -> bool:
    try:
        connection = await aio_pika.connect(url, timeout=5)
    except Exception:
        return False
    await connection.close()
    return True


def _mapped(path: str, mounts: dict[str, str]) -> str:
    for inside, outside in mounts.items():
        if path.startswith(inside + "/"):
            return outside + path[len(inside) :]
    return path


@pytest.fixture(scope="module")
def mailpit() -> Iterator[SMTPSink]:
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


def _addresses(
    pg_admin_url: str, broker: Broker, suffix: str, extra_hosts: dict[str, str]
) -> AddressMap:
    pg = urlsplit(pg_admin_url)

    def database(url: str) -> str:
        parts = urlsplit(url)
        if not parts.scheme.startswith("postgresql"):
            return url
        return urlunsplit(
            parts._replace(netloc=pg.netloc, path=f"{parts.path}{suffix}")
        )  # local admin instead of the container's user; this run's database

    def amqp(url: str) -> str:
        return broker.url(url) if url.startswith("amqp") else url

    hosts = {"postgres": pg.netloc.rpartition("@")[2], "rabbitmq": broker.host, **extra_hosts}
    return AddressMap(hosts=hosts, url_rewrites=[database, amqp])


async def _create_databases(pg_admin_url: str, suffix: str) -> list[str]:
    names = [spec.database + suffix for spec in SERVICES]
    conn = await asyncpg.connect(pg_admin_url)
    try:
        for name in names:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return names


async def _drop_databases(pg_admin_url: str, names: list[str]) -> None:
    conn = await asyncpg.connect(pg_admin_url)
    try:
        for name in names:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _run_all(
    migrations: list[ContainerProcess],
    services: dict[str, tuple[ContainerProcess, int]],
    log_dir: Path,
) -> None:
    """Migrations first (each must exit 0), then the services, until every one is ready."""
    for m in migrations:
        done = await asyncio.to_thread(
            subprocess.run, m.argv, env=m.env, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, f"{m.describe()} exited {done.returncode}: {done.stderr}"
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name, (p, _) in services.items():
            log = (log_dir / f"{name}.log").open("wb")
            procs[name] = subprocess.Popen(p.argv, env=p.env, stdout=log, stderr=subprocess.STDOUT)
        async with httpx.AsyncClient(timeout=2) as client:

            async def ready(name: str, port: int) -> bool:
                if procs[name].poll() is not None:
                    raise AssertionError(
                        f"{name} exited {procs[name].returncode}: "
                        + (log_dir / f"{name}.log").read_text()[-3000:]
                    )
                try:
                    r = await client.get(f"http://127.0.0.1:{port}/readyz")
                except httpx.HTTPError:
                    return False
                return r.status_code == 200

            for name, (_, port) in services.items():
                try:
                    await eventually(
                        lambda n=name, p=port: ready(n, p), timeout=60, message=f"{name} ready"
                    )
                except AssertionError as e:
                    tail = (log_dir / f"{name}.log").read_text()[-3000:]
                    raise AssertionError(f"{e}\n{tail}") from None
    finally:
        for proc in procs.values():
            proc.send_signal(signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


async def test_every_compose_container_migrates_and_becomes_ready(
    compose: dict,
    broker: Broker,
    pg_admin_url: str,
    run_id: str,
    mailpit: SMTPSink,
    tmp_path: Path,
) -> None:
    suffix = f"_c{run_id}"
    names = await _create_databases(pg_admin_url, suffix)  # deploy/postgres/init.sql
    addresses = _addresses(pg_admin_url, broker, suffix, {"mailpit": f"127.0.0.1:{mailpit.port}"})
    migrations, services = [], {}
    try:
        for spec in SERVICES:
            short = spec.name.removesuffix("-service")
            image = read_dockerfile(ROOT / f"services/{spec.name}/Dockerfile")
            m, s = compose["services"][f"{short}-migrate"], compose["services"][spec.name]
            migrations.append(
                as_process(
                    f"{short}-migrate",
                    image,
                    m.get("environment", {}),
                    entrypoint=m.get("entrypoint"),
                    command=m.get("command"),
                    addresses=addresses,
                )
            )
            port = free_port()
            env = dict(s["environment"])
            env[f"{spec.prefix}_PORT"] = str(port)  # the container's own port, here a free one
            if "NOTIFY_SMTP_PORT" in env:
                env["NOTIFY_SMTP_PORT"] = str(mailpit.port)  # mailpit:1025 → the sink
            proc = as_process(
                spec.name,
                image,
                env,
                entrypoint=s.get("entrypoint"),
                command=s.get("command"),
                addresses=addresses,
            )
            assert proc.env[f"{spec.prefix}_ENVIRONMENT"] == "prod"
            services[spec.name] = (proc, port)
        await _run_all(migrations, services, tmp_path)
    finally:
        await _drop_databases(pg_admin_url, names)


async def test_a_service_user_publishes_only_its_own_events(compose: dict, broker: Broker) -> None:
    """Topic permissions: org-service may publish position-changed, not another service's
    event, and nothing on the default exchange (which reaches every queue)."""
    url = broker.url(compose["services"]["org-service"]["environment"]["ORG_AMQP_URL"])
    connection = await aio_pika.connect(url)
    try:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await channel.declare_exchange(
            "talentloop.events",
            aio_pika.ExchangeType.TOPIC,
            durable=True,
            arguments={"alternate-exchange": "talentloop.unrouted"},
        )
        await exchange.publish(aio_pika.Message(b"{}"), routing_key="position-changed")
        with pytest.raises(aiormq.exceptions.ChannelAccessRefused):
            await exchange.publish(aio_pika.Message(b"{}"), routing_key="candidate-rejected")
        channel = await connection.channel(publisher_confirms=True)
        with pytest.raises(aiormq.exceptions.ChannelAccessRefused):
            await channel.default_exchange.publish(
                aio_pika.Message(b"{}"), routing_key="notify-service.events"
            )
    finally:
        await connection.close()


def _pod_env(container: dict, configmaps: dict[str, dict], secret: dict[str, str]) -> dict:
    """A container's environment as the kubelet builds it: envFrom ConfigMaps, then env
    entries (values and Secret references); a missing optional key is left out."""
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        env.update(configmaps[source["configMapRef"]["name"]])
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = item["value"]
            continue
        ref = item["valueFrom"]["secretKeyRef"]
        assert ref["name"] == "talentloop-secrets"
        if ref["key"] in secret:
            env[item["name"]] = secret[ref["key"]]
        else:
            assert ref.get("optional"), f"the Secret lacks {ref['key']}"
    return env


async def test_every_kubernetes_container_migrates_and_becomes_ready(
    operator_env: dict[str, str],
    compose: dict,
    broker: Broker,
    pg_admin_url: str,
    run_id: str,
    tmp_path: Path,
) -> None:
    """The Jobs and Deployments of deploy/k8s with their ConfigMaps and the Secret
    talentloop-secrets as deploy/README.md tells the operator to create it."""
    suffix = f"_k{run_id}"
    names = await _create_databases(pg_admin_url, suffix)
    # In the cluster: CloudNativePG's read-write service and the RabbitmqCluster's service.
    addresses = _addresses(
        pg_admin_url,
        broker,
        suffix,
        {
            "talentloop-pg-rw": urlsplit(pg_admin_url).netloc.rpartition("@")[2],
            "talentloop-rabbitmq": broker.host,
        },
    )
    secret = {
        "jwt-secret": operator_env["TALENTLOOP_JWT_SECRET"],
        "survey-secret": operator_env["TALENTLOOP_SURVEY_SECRET"],
        "at-rest-secret": operator_env["TALENTLOOP_AT_REST_SECRET"],
    }
    for spec in SERVICES:
        short = spec.name.removesuffix("-service")
        password = operator_env[f"TALENTLOOP_AMQP_{short.upper()}_PASSWORD"]
        secret[f"{short}-database-url"] = (
            f"postgresql+asyncpg://{short}:{secrets.token_hex(16)}@talentloop-pg-rw:5432/"
            f"{spec.database}"
        )
        secret[f"{short}-amqp-url"] = (
            f"amqp://{spec.name}:{password}@talentloop-rabbitmq:5672/talentloop"
        )
    migrations, services = [], {}
    try:
        for spec in SERVICES:
            docs = {
                d["kind"]: d
                for d in yaml.safe_load_all((DEPLOY / f"k8s/{spec.name}.yaml").read_text())
            }
            configmaps = {docs["ConfigMap"]["metadata"]["name"]: docs["ConfigMap"]["data"]}
            image = read_dockerfile(ROOT / f"services/{spec.name}/Dockerfile")
            (job,) = docs["Job"]["spec"]["template"]["spec"]["containers"]
            migrations.append(
                as_process(
                    f"{spec.name}-migrate",
                    image,
                    _pod_env(job, configmaps, secret),
                    entrypoint=job.get("command"),
                    command=job.get("args"),
                    addresses=addresses,
                )
            )
            (container,) = docs["Deployment"]["spec"]["template"]["spec"]["containers"]
            env = _pod_env(container, configmaps, secret)
            port = free_port()
            env[f"{spec.prefix}_PORT"] = str(port)  # the pod's own port, here a free one
            proc = as_process(
                spec.name,
                image,
                env,
                entrypoint=container.get("command"),
                command=container.get("args"),
                addresses=addresses,
            )
            assert proc.env[f"{spec.prefix}_ENVIRONMENT"] == "prod"
            services[spec.name] = (proc, port)
        await _run_all(migrations, services, tmp_path)
    finally:
        await _drop_databases(pg_admin_url, names)
