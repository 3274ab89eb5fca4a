"""The composition root every service uses: one app factory, one runtime, one lifespan.

A service passes its routers, its subscription map and its background loops; this module
wires engine, unit of work, broker, consumer, outbox relay, auth, errors and ops endpoints
the same way in all four services.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from talentloop_shared.auth.dev import dev_router
from talentloop_shared.auth.jwt import TokenVerifier
from talentloop_shared.clock import Clock
from talentloop_shared.config import ServiceSettings
from talentloop_shared.db.engine import create_engine, create_session_factory
from talentloop_shared.db.migrations import database_revision, script_head
from talentloop_shared.db.reads import Reads
from talentloop_shared.db.uow import UnitOfWork, UnitOfWorkFactory
from talentloop_shared.http.idempotency import IdempotentRoute, purge_expired_keys
from talentloop_shared.http.lean import PrefixedRouter
from talentloop_shared.http.middleware import RequestContextMiddleware
from talentloop_shared.http.openapi import add_resource_links
from talentloop_shared.http.problems import install_problem_handlers
from talentloop_shared.inbox import purge_inbox
from talentloop_shared.logging import configure_logging, describe_error, get_logger
from talentloop_shared.messaging.broker import Broker
from talentloop_shared.messaging.consumer import EventConsumer, Handler
from talentloop_shared.messaging.topology import Topology
from talentloop_shared.metrics import BROKER_CONNECTED
from talentloop_shared.ops.monitor import ops_metrics_loop
from talentloop_shared.outbox import OutboxRelay

log = get_logger(__name__)

BackgroundLoop = Callable[["Runtime"], Awaitable[None]]


@dataclass
class ServiceDefinition:
    """What makes one service different from the others."""

    name: str
    title: str
    description: str
    settings: ServiceSettings
    routers: Sequence[APIRouter]
    migrations: str | None  # Alembic script location, e.g. "org_service:migrations"
    subscriptions: Mapping[str, Handler] = field(default_factory=dict)
    # Event types the service publishes; publishing any other raises (None: unchecked).
    publishes: Sequence[str] | None = None
    background: Sequence[BackgroundLoop] = ()
    on_startup: Callable[[Runtime], Awaitable[None]] | None = None
    # After the loops stopped, before the engine closes: release what `build_state` holds.
    on_shutdown: Callable[[Runtime], Awaitable[None]] | None = None
    # Builds the service's own long-lived objects (adapters, caches, a dispatcher) once the
    # runtime exists; the result is `rt.state` and `uow.state`, read through a typed
    # accessor in the service (e.g. `notify_state(rt)`).
    build_state: Callable[[Runtime], object] | None = None
    version: str = "1.0.0"


class EventContract(Protocol):
    """A service's `events` package: what it publishes and its subscription map."""

    @property
    def PUBLISHES(self) -> Sequence[str]: ...  # a module constant

    def subscriptions(self, settings: Any) -> Mapping[str, Handler]: ...


@dataclass(frozen=True)
class Service:
    """A service as its `main.py` declares it, e.g.
    `Service("org-service", __doc__, Settings, ROUTERS, events)`: its name (the package is
    the name with `_` for `-`, its Alembic scripts `<package>:migrations`), its description,
    settings class, routers and `events` package, and any background loops, start-up step
    or long-lived state. `definition(settings)` and `create_app(settings)` compose the rest
    the same way for every service."""

    name: str
    description: str | None
    settings: type[ServiceSettings]
    routers: Sequence[APIRouter]
    events: EventContract
    background: Sequence[BackgroundLoop] = ()
    on_startup: Callable[[Runtime], Awaitable[None]] | None = None
    build_state: Callable[[Runtime], object] | None = None
    on_shutdown: Callable[[Runtime], Awaitable[None]] | None = None

    @property
    def migrations(self) -> str:
        """The Alembic script location, e.g. `org_service:migrations`."""
        return f"{self.name.replace('-', '_')}:migrations"

    def definition(self, settings: ServiceSettings | None = None) -> ServiceDefinition:
        """What the composition root needs to run the service (its default settings when
        none are given)."""
        settings = settings or self.settings()
        return ServiceDefinition(
            name=self.name,
            title=f"Talentloop {self.name}",
            description=self.description or "",
            settings=settings,
            routers=self.routers,
            migrations=self.migrations,
            subscriptions=self.events.subscriptions(settings),
            publishes=self.events.PUBLISHES,
            background=self.background,
            on_startup=self.on_startup,
            on_shutdown=self.on_shutdown,
            build_state=self.build_state,
        )

    def create_app(self, settings: ServiceSettings | None = None) -> FastAPI:
        """The service's FastAPI app (uvicorn: `<package>.main:create_app --factory`)."""
        return create_service_app(self.definition(settings))


@dataclass
class Runtime:
    """Everything a running service holds; `app.state.runtime`."""

    definition: ServiceDefinition
    settings: ServiceSettings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    uow_factory: UnitOfWorkFactory
    broker: Broker
    relay: OutboxRelay
    verifier: TokenVerifier
    schema_head: str | None
    clock: Clock = field(default_factory=Clock)
    state: object = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # deprecated: use `state`
    # One-statement reads on the same pool, without a unit of work (see `ReadsDep`).
    reads: Reads = field(init=False)

    def __post_init__(self) -> None:
        self.reads = Reads(self.engine)


def build_runtime(definition: ServiceDefinition) -> Runtime:
    """Create (not start) the runtime objects of a service."""
    s = definition.settings
    engine = create_engine(
        s.database_url,
        pool_size=s.db_pool_size,
        max_overflow=s.db_max_overflow,
        pool_timeout=s.db_pool_timeout_seconds,
    )
    sessions = create_session_factory(engine)
    topology = Topology(
        service=definition.name,
        namespace=s.amqp_namespace,
        retry_delays_ms=tuple(s.retry_delays_ms),
        delivery_limit=s.delivery_limit,
    )
    extras: dict[str, Any] = {}
    clock = Clock()
    uow_factory = UnitOfWorkFactory(
        sessions,
        extras=extras,
        service=definition.name,
        publishes=None if definition.publishes is None else frozenset(definition.publishes),
        clock=clock,
    )
    consumer = (
        EventConsumer(
            topology=topology,
            subscriptions=definition.subscriptions,
            uow_factory=uow_factory,
            batch_size=s.consumer_batch_size,
            linger_seconds=s.consumer_linger_ms / 1000,
        )
        if definition.subscriptions and s.consume_events
        else None
    )
    selected_loops(definition)  # an unknown loop name stops the start, saying which exist
    broker = Broker(
        s.amqp_url,
        topology,
        consumer=consumer,
        prefetch=s.prefetch,
        watchdog_seconds=s.watchdog_seconds,
    )
    relay = OutboxRelay(
        database_url=s.database_url,
        service=definition.name,
        broker=broker,
        batch_size=s.outbox_batch_size,
        poll_seconds=s.outbox_poll_seconds,
        retention_hours=s.outbox_retention_hours,
        linger_seconds=s.outbox_linger_ms / 1000,
    )
    uow_factory.on_outbox_commit = relay.committed
    rt = Runtime(
        definition=definition,
        settings=s,
        engine=engine,
        session_factory=sessions,
        uow_factory=uow_factory,
        broker=broker,
        relay=relay,
        verifier=TokenVerifier(
            secret=s.jwt_secret,
            issuer=s.jwt_issuer,
            audience=s.jwt_audience,
            jwks_url=s.jwt_jwks_url,
        ),
        schema_head=script_head(definition.migrations) if definition.migrations else None,
        clock=clock,
        extras=extras,
    )
    if definition.build_state is not None:
        rt.state = definition.build_state(rt)
        uow_factory.state = rt.state
    return rt


async def start_runtime(rt: Runtime) -> None:
    """Start broker supervision, the relay and the service's own loops."""
    if rt.definition.on_startup is not None:
        await rt.definition.on_startup(rt)
    if not rt.settings.run_background:
        return
    rt.tasks.append(asyncio.create_task(rt.broker.run(), name="broker"))
    rt.tasks.append(asyncio.create_task(rt.relay.run(), name="outbox-relay"))
    rt.tasks.append(asyncio.create_task(_guarded(housekeeping, rt), name="housekeeping"))
    rt.tasks.append(asyncio.create_task(_guarded(ops_metrics_loop, rt), name="ops-metrics"))
    for loop in selected_loops(rt.definition):
        rt.tasks.append(asyncio.create_task(_guarded(loop, rt), name=loop.__name__))


def loop_name(loop: BackgroundLoop) -> str:
    """A background loop's name in `<P>_BACKGROUND_LOOPS`: its function's, without `_loop`."""
    return loop.__name__.removesuffix("_loop")


def runs_loop(settings: ServiceSettings, name: str) -> bool:
    """Whether this process runs the background loop called `name`."""
    return settings.run_background and (
        settings.background_loops is None or name in settings.background_loops
    )


def selected_loops(definition: ServiceDefinition) -> list[BackgroundLoop]:
    """The service's background loops this process runs (`<P>_BACKGROUND_LOOPS`)."""
    wanted = definition.settings.background_loops
    if wanted is None:
        return list(definition.background)
    known = {loop_name(loop): loop for loop in definition.background}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        prefix = str(definition.settings.model_config.get("env_prefix", ""))
        raise ValueError(
            f"{prefix}BACKGROUND_LOOPS names no loop of {definition.name}: "
            f"{', '.join(unknown)} (it has: {', '.join(known) or 'none'})"
        )
    return [known[name] for name in dict.fromkeys(wanted)]


HOUSEKEEPING_SECONDS = 3600.0


async def housekeeping(rt: Runtime) -> None:
    """Hourly, in every replica (each delete is harmless to repeat): forget expired
    Idempotency-Keys and their stored responses, and inbox rows past their retention.
    (The relay purges the outbox.)"""
    while True:
        try:
            async with rt.uow_factory() as uow:
                purged = await purge_expired_keys(
                    uow.session, hours=rt.settings.idempotency_retention_hours
                )
                await uow.commit()
            if purged:
                log.info("idempotency.purged", keys=purged)
            async with rt.uow_factory() as uow:
                events = await purge_inbox(uow.session, hours=rt.settings.inbox_retention_hours)
                await uow.commit()
            if events:
                log.info("inbox.purged", events=events)
        except Exception as e:  # the database may be away; next hour will do
            log.warning("housekeeping.failed", error=describe_error(e, 300))
        await asyncio.sleep(HOUSEKEEPING_SECONDS)


async def _guarded(loop: BackgroundLoop, rt: Runtime) -> None:
    # A background loop that crashes is restarted, never silently gone.
    while True:
        try:
            await loop(rt)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("background.crashed", loop=loop.__name__)
            await asyncio.sleep(1.0)


# How long shutdown waits for a cancelled loop. A loop inside a broker RPC can sit out its
# cancellation until the connection closes; shutdown then closes it and waits once more,
# rather than hanging (a stuck shutdown is a pod that never terminates).
STOP_GRACE_SECONDS = 5.0


async def stop_runtime(rt: Runtime) -> None:
    """Stop loops, close the broker, the service's own state and the engine."""
    for task in rt.tasks:
        task.cancel()
    pending = await _settle(set(rt.tasks))
    await rt.broker.stop()
    pending = await _settle(pending)
    for task in pending:
        log.warning("shutdown.loop_did_not_stop", loop=task.get_name())
    rt.tasks.clear()
    if rt.definition.on_shutdown is not None:
        await rt.definition.on_shutdown(rt)
    await rt.engine.dispose()


async def _settle(tasks: set[asyncio.Task[None]]) -> set[asyncio.Task[None]]:
    """Wait (bounded) for cancelled tasks; the ones still running."""
    if not tasks:
        return set()
    done, pending = await asyncio.wait(tasks, timeout=STOP_GRACE_SECONDS)
    for task in done:
        if not task.cancelled():
            task.exception()  # retrieved: a loop that failed on its way out is not news
    return pending


def _freeze_startup_objects() -> None:
    """Keep what start-up built (modules, models, the app) out of later GC passes.

    Those objects live as long as the process; without this, every full collection walks
    them all again, a pause measured at about 100 ms in a running service, which lands on
    whichever request or event is in flight (the standard remedy, see `gc.freeze`).
    """
    gc.collect()
    gc.freeze()


def create_service_app(definition: ServiceDefinition) -> FastAPI:
    """The FastAPI app of a service, with lifespan, errors, auth, ops endpoints."""
    s = definition.settings
    configure_logging(service=definition.name, level=s.log_level, json=s.log_json)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = build_runtime(definition)
        app.state.runtime = rt
        await start_runtime(rt)
        _freeze_startup_objects()
        log.info("service.started", port=s.port)
        try:
            yield
        finally:
            await stop_runtime(rt)
            gc.unfreeze()

    app = FastAPI(
        title=definition.title,
        description=definition.description,
        version=definition.version,
        lifespan=lifespan,
        # FastAPI's OpenTelemetry layer asks the global providers (reading os.environ) on
        # every request, ~2 % of a read's CPU, and no provider is ever configured here:
        # metrics are Prometheus's (/metrics), traces ride on the traceparent in the logs.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_problem_handlers(app)
    origins = s.allowed_origins()
    if origins:
        # Browsers (the HR console) send the token in the Authorization header, never a
        # cookie, so credentials stay off.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "Idempotency-Key",
                "X-Request-ID",
                "traceparent",
            ],
            expose_headers=["ETag", "Location", "X-Request-ID", "Retry-After"],
            max_age=600,
        )
    app.add_middleware(
        RequestContextMiddleware,
        service=definition.name,
        max_body_bytes=s.max_body_bytes,
        max_upload_bytes=s.max_upload_bytes,
    )
    app.include_router(ops_router())
    if s.environment == "dev" and not s.jwt_jwks_url:
        app.include_router(dev_router())
    for router in definition.routers:
        app.include_router(router)
    _document_links(app)
    return app


def _document_links(app: FastAPI) -> None:
    """Serve the OpenAPI document with links from each create to what it created."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_resource_links(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def api_router(**kwargs: Any) -> APIRouter:
    """An APIRouter under /api/v1 whose POSTs honour Idempotency-Key."""
    return PrefixedRouter(route_class=IdempotentRoute, **kwargs)


def ops_router() -> APIRouter:
    """/healthz, /readyz and /metrics (no auth)."""
    router = APIRouter(tags=["ops"])

    @router.get("/healthz", summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", summary="Readiness: database, schema and broker are ready")
    async def readyz(request: Request) -> JSONResponse:
        rt: Runtime = request.app.state.runtime
        checks: dict[str, str] = {}
        try:
            async with rt.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            checks["database"] = "ok"
            revision = await database_revision(rt.engine)
            checks["schema"] = (
                "ok"
                if revision == rt.schema_head
                else f"at {revision}, code expects {rt.schema_head}: run migrations"
            )
        except Exception as e:
            checks["database"] = f"unreachable: {type(e).__name__}"
        broker_ok = rt.broker.ready
        BROKER_CONNECTED.labels(rt.definition.name).set(1 if broker_ok else 0)
        checks["broker"] = "ok" if broker_ok else "not connected"
        ready = all(v == "ok" for v in checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": checks},
            status_code=200 if ready else 503,
        )

    @router.get("/metrics", summary="Prometheus metrics")
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def get_runtime(request: Request) -> Runtime:
    """The running service's runtime."""
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_uow(request: Request) -> AsyncIterator[UnitOfWork]:
    """A unit of work for this request; the use case commits it."""
    async with get_runtime(request).uow_factory() as uow:
        yield uow


async def get_reads(request: Request) -> Reads:
    """One-statement reads for this request, without a unit of work (no transaction).

    `async` so FastAPI calls it in place: a plain `def` dependency is run in a thread.
    """
    reads: Reads = request.app.state.runtime.reads
    return reads


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
# For a read that is one statement: no session, no transaction (see `talentloop_shared.db.reads`).
ReadsDep = Annotated[Reads, Depends(get_reads)]
