"""Settings of notify-service (environment variables prefixed NOTIFY_)."""

from __future__ import annotations

import hashlib
from typing import Literal

from limits import parse_many
from pydantic import Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from talentloop_shared.config import ServiceSettings

SmtpSecurity = Literal["starttls-opportunistic", "starttls-required", "tls", "none"]


class Settings(ServiceSettings):
    """notify-service settings; every field can be set as NOTIFY_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="NOTIFY_", extra="ignore")

    service_name: str = "notify-service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/talentloop_notify"
    port: int = 8003

    # Where candidates reach the survey page; links in notices are built from it.
    public_base_url: str = "http://127.0.0.1:8003"
    # Empty: derived from the JWT secret (fine in dev/test, refused in prod).
    survey_secret: str = ""

    # How often the public survey endpoints answer one link and one client address
    # (`limits` notation: "20/minute;200/day"); per process, in memory.
    survey_rate_per_token: str = "20/minute;200/day"
    survey_rate_per_address: str = "120/minute"

    # SMTP (email notices). Security: STARTTLS when the server offers it (default), STARTTLS
    # or nothing ("starttls-required"), implicit TLS ("tls", port 465), or plain ("none").
    # Certificates are verified; `smtp_ca_file` names a CA bundle for a private CA.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_security: SmtpSecurity = "starttls-opportunistic"
    smtp_ca_file: str | None = None
    # Before smtp_security: NOTIFY_SMTP_TLS=true reads as "tls", NOTIFY_SMTP_STARTTLS=true as
    # "starttls-required" and =false as "none" (what they meant), unless smtp_security is set.
    smtp_starttls: bool | None = None
    smtp_tls: bool | None = None
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_from: str = "Talentloop Recruiting <no-reply@talentloop.local>"
    smtp_timeout_seconds: float = 10.0

    # SMS (generic JSON provider); unset URL → SMS notices fail with a clear error.
    sms_url: str | None = None
    sms_token: str | None = None
    sms_sender: str | None = None
    sms_timeout_seconds: float = 10.0

    # Wall-clock budget of one template render (or one validation) in a worker thread; a
    # template that needs longer is refused (422 naming the limit) or fails its notice.
    template_render_seconds: float = Field(default=2.0, gt=0, le=30)

    # Dispatcher.
    dispatch_poll_seconds: float = 1.0
    dispatch_batch_size: int = 200
    dispatch_concurrency: int = 4  # SMTP connections used in parallel per batch
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    max_attempts: int = 8
    # A notice left in `sending` longer than this (dispatcher crashed mid-send) is failed
    # instead of resent: at-most-once, see service/dispatch.py.
    claim_timeout_seconds: float = 300.0

    # Where HR is told about things that need them (a webhook subscription disabled after
    # its deliveries kept failing); unset → the log, the metric and the API say it.
    hr_alert_email: str | None = None

    # Webhooks out (service/webhooks*.py). The retry schedule: the wait after each failed
    # attempt, in seconds (about a day in all); once spent, the delivery fails and its
    # subscription is disabled. Tests use tiny ones.
    webhook_retry_schedule_seconds: list[float] = Field(
        default_factory=lambda: [5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0],
        min_length=1,
    )
    webhook_concurrency: int = Field(default=16, ge=1, le=256)  # requests in flight
    webhook_connect_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    webhook_read_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    webhook_max_response_bytes: int = Field(default=4096, ge=0)  # read at most; rest dropped
    webhook_poll_seconds: float = 1.0
    # A delivery left `delivering` this long (the process died mid-request) is tried again:
    # webhooks are at least once, receivers deduplicate on webhook-id.
    webhook_claim_timeout_seconds: float = 120.0
    # After a secret rotation, deliveries are signed with both secrets this long.
    webhook_secret_overlap_seconds: float = Field(default=86400.0, ge=0)
    # Targets on loopback, link-local, private, multicast, unspecified or reserved addresses,
    # and plain http: unset → allowed in dev/test only. Setting it true outside dev/test is
    # refused (SSRF: a webhook would reach the internal network).
    webhook_allow_private_targets: bool | None = None

    @field_validator("survey_rate_per_token", "survey_rate_per_address")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            parse_many(value)
        except ValueError:
            raise ValueError("not a rate limit such as '20/minute;200/day'") from None
        return value

    @model_validator(mode="after")
    def _smtp_security_from_old_flags(self) -> Settings:
        if "smtp_security" not in self.model_fields_set:
            if self.smtp_tls:
                self.smtp_security = "tls"
            elif self.smtp_starttls is not None:
                self.smtp_security = "starttls-required" if self.smtp_starttls else "none"
        return self

    @property
    def webhooks_local(self) -> bool:
        """True when webhooks may target loopback/private addresses and plain http."""
        if self.webhook_allow_private_targets is None:
            return self.environment in {"dev", "test"}
        return self.webhook_allow_private_targets

    @model_validator(mode="after")
    def _webhook_targets(self) -> Settings:
        if self.webhook_allow_private_targets and self.environment not in {"dev", "test"}:
            raise ValueError("NOTIFY_WEBHOOK_ALLOW_PRIVATE_TARGETS is for dev/test only")
        return self

    @model_validator(mode="after")
    def _survey_secret(self) -> Settings:
        if not self.survey_secret:
            if self.environment not in {"dev", "test"}:
                raise ValueError("NOTIFY_SURVEY_SECRET must be set outside dev/test")
            # Derived, so dev and test runs work without configuration.
            self.survey_secret = hashlib.sha256(("survey:" + self.jwt_secret).encode()).hexdigest()
        return self
