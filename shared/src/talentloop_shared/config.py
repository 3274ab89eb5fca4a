"""Settings every service shares; each service subclasses with its own env prefix."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from talentloop_shared.ops.secrets import DEV_JWT_SECRET, secret_problems

__all__ = ["DEV_JWT_SECRET", "ServiceSettings"]

# Where `make run` serves the HR console, and Vite's dev server.
DEV_CONSOLE_ORIGINS = (
    "http://127.0.0.1:8000",
    "http://localhost:8000",
    "http://127.0.0.1:5173",
    "http://localhost:5173",
)


class ServiceSettings(BaseSettings):
    """Common settings; a service sets `model_config = SettingsConfigDict(env_prefix=...)`."""

    # Errors never echo the input: it holds secrets (subclasses inherit this).
    model_config = SettingsConfigDict(
        env_prefix="TALENTLOOP_", extra="ignore", hide_input_in_errors=True
    )

    service_name: str = "service"
    environment: str = Field(default="dev", description="dev, test or prod")
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop"
    amqp_url: str = "amqp://guest:guest@127.0.0.1:5672/"
    # Prefixes every exchange and queue name, so test runs (or several environments on one
    # broker) never see each other's messages; empty in production.
    amqp_namespace: str = ""
    host: str = "127.0.0.1"
    port: int = 8000

    jwt_secret: str = DEV_JWT_SECRET
    jwt_jwks_url: str | None = None
    jwt_issuer: str = "talentloop"
    jwt_audience: str = "talentloop"

    log_level: str = "INFO"
    log_json: bool = True

    # Browser origins allowed to call the API (CORS), e.g. the HR console's. In dev the
    # console's local origins are allowed unless this is set.
    cors_origins: list[str] | None = None
    # Request bodies: JSON and forms up to `max_body_bytes`, file uploads (imports) up to
    # `max_upload_bytes`; anything larger gets 413 before it is parsed.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)

    # Messaging robustness knobs (see ARCHITECTURE.md, "Messaging rules").
    prefetch: int = 100
    # Deliveries applied in one transaction when they arrive together (1: one by one).
    consumer_batch_size: int = 50
    # Under load, a batch waits for more as long as more keep arriving, up to this long:
    # fewer, larger transactions (a burst through the pipeline costs ~15 % less CPU per
    # event: bench/events_pipeline.py); an event arriving alone, or a trickle, never waits.
    consumer_linger_ms: float = Field(default=10.0, ge=0, le=100)
    delivery_limit: int = 20
    retry_delays_ms: list[int] = Field(default_factory=lambda: [5_000, 60_000, 600_000])
    # Database connections kept open per process (opened as needed, then kept), and how
    # many more a burst may open (closed as soon as they are handed back while the pool is
    # full). Twenty kept: with ten, load above 10 concurrent queries opened and closed a
    # connection every ~13 requests (connect, codec set-up, statements prepared again). The
    # burst allowance stays: with none, a small pool (the replica drill runs with 2) made
    # requests wait 30 s for a connection behind the relay, consumers and dispatcher, and
    # fail with a 500.
    db_pool_size: int = Field(default=20, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=400)
    # How long a request waits for a free connection before it is answered 503 with
    # Retry-After (clients and load balancers give up after ~30 s; a saturated service
    # should say so well before that, not answer 500 after the wait).
    db_pool_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    outbox_batch_size: int = 200
    outbox_poll_seconds: float = 2.0
    # Under load, the relay waits for more as long as more keep being committed, up to
    # this long, before it fetches (fewer, larger batches); a commit arriving alone, or a
    # trickle, never waits.
    outbox_linger_ms: float = Field(default=10.0, ge=0, le=100)
    outbox_retention_hours: int = 24 * 7
    # How long an Idempotency-Key (and the response stored with it) is kept; a retry later
    # than this is a new request. Stored responses can hold personal data, so not forever.
    idempotency_retention_hours: int = 24
    # How long consumed event ids are kept (the inbox). Must outlive the longest
    # redelivery path (delivery limit × retry tiers, checked below) and a DLQ replay
    # (parked messages live 14 days): 30 days by default.
    inbox_retention_hours: int = 24 * 30
    watchdog_seconds: float = 5.0
    run_background: bool = True
    # What this process runs besides its HTTP API (routes, health, metrics) and the outbox
    # relay (one is active per service, the others stand by): whether it consumes events,
    # and which of the service's own background loops it runs, by name (unset: all; []:
    # none). One process running everything is the default and right until one part needs
    # a core of its own; then e.g. notify's dispatcher runs in processes of its own
    # (deploy/README.md, "Scaling a part apart").
    consume_events: bool = True
    background_loops: list[str] | None = None

    def allowed_origins(self) -> list[str]:
        """The CORS origins in force: the configured ones, or the console's in dev."""
        if self.cors_origins is not None:
            return self.cors_origins
        if self.environment == "dev":
            return list(DEV_CONSOLE_ORIGINS)
        return []

    @model_validator(mode="after")
    def _inbox_outlives_redeliveries(self) -> ServiceSettings:
        from talentloop_shared.inbox import min_inbox_retention_hours

        needed = min_inbox_retention_hours(self.delivery_limit, self.retry_delays_ms)
        if self.inbox_retention_hours <= needed:
            prefix = str(self.model_config.get("env_prefix", ""))
            raise ValueError(
                f"{prefix}INBOX_RETENTION_HOURS must exceed the longest redelivery path "
                f"(delivery limit × retry tiers = {needed:.1f} hours)"
            )
        return self

    @model_validator(mode="after")
    def _refuse_weak_secrets_outside_dev(self) -> ServiceSettings:
        # Outside dev/test: every secret at least 32 bytes and none the repository shows
        # (ops/secrets.py); the error names the settings, never their values.
        if self.environment in {"dev", "test"}:
            return self
        problems = secret_problems(
            self,
            prefix=str(self.model_config.get("env_prefix", "")),
            skip=("jwt_secret",) if self.jwt_jwks_url else (),
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self
