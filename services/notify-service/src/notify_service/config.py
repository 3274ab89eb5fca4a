"""Settings of notify-service (environment variables prefixed NOTIFY_)."""

from __future__ import annotations

import hashlib
from email.utils import getaddresses, parseaddr
from typing import Literal

from limits import parse_many
from pydantic import AliasChoices, BaseModel, Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from notify_service.domain.interviews import parse_offsets
from talentloop_shared.config import ServiceSettings
from talentloop_shared.contacts import canonical_email
from talentloop_shared.i18n import LocaleTag, TimeZoneName

SmtpSecurity = Literal["starttls-opportunistic", "starttls-required", "tls", "none"]
SmsProvider = Literal["generic", "aliyun", "tencent"]
SmsField = Literal["name", "position", "survey_link"]


class SmsTemplate(BaseModel):
    """A provider-approved SMS template: its code at the provider and, in order, its
    parameters (the provider's name → which value notify puts there). Mainland providers
    send only approved templates, so a notice never hands them free text."""

    code: str = Field(min_length=1, max_length=64)
    params: dict[str, SmsField] = Field(default_factory=dict)


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
    # Seals the secrets notify keeps to use (webhook signing secrets, chat robots' webhook
    # URLs and signing secrets) in its database (talentloop_shared.ops.vault). Empty: derived
    # from the JWT secret (fine in dev/test, refused in prod). To rotate it, set the new one
    # here and the old one in `at_rest_old_secret` (it only opens); the next start re-seals.
    at_rest_secret: str = ""
    at_rest_old_secret: str = ""

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
    # Which adapter sends SMS: the generic JSON one above (needs sms_url), Alibaba Cloud SMS
    # (Dysmsapi SendSms, signature v1) or Tencent Cloud SMS (SendSms, TC3-HMAC-SHA256).
    sms_provider: SmsProvider = "generic"
    # The provider's API endpoint; empty: its public one (dysmsapi.aliyuncs.com,
    # sms.tencentcloudapi.com). Tests point it at a local server.
    sms_endpoint: str | None = None
    sms_access_key_id: str | None = None  # Aliyun AccessKey ID / Tencent SecretId
    sms_access_key_secret: str | None = None  # Aliyun AccessKey secret / Tencent SecretKey
    sms_sign_name: str | None = None  # the approved signature (签名), e.g. "阿克米招聘"
    sms_app_id: str | None = None  # Tencent SmsSdkAppId
    sms_region: str | None = None  # empty: cn-hangzhou (Aliyun), ap-guangzhou (Tencent)
    # Notice kind → provider template, as JSON: {"rejection": {"code": "SMS_1234",
    # "params": {"name": "name", "job": "position", "link": "survey_link"}}}.
    sms_templates: dict[str, SmsTemplate] = Field(default_factory=dict)

    # Staff alerts. Where alerts go when a position names no owner with an address, and
    # where HR hears of a webhook subscription disabled after its deliveries kept failing
    # (unset: nowhere; the log, the metric and the API still say it), and in which language
    # and time zone that reader gets them.
    # One address or several, comma-separated ("hr@acme.example, ops@acme.example").
    hr_alert_email: str | None = None
    hr_alert_locale: LocaleTag = "zh-CN"
    hr_alert_timezone: TimeZoneName = "Asia/Shanghai"
    # Where staff reach the HR console (`make run` serves it on :8000): links in alerts
    # open its pages. NOTIFY_STAFF_API_BASE_URL, its name before the console existed, is
    # still read.
    staff_console_url: str = Field(
        default="http://127.0.0.1:8000",
        validation_alias=AliasChoices(
            "staff_console_url", "notify_staff_console_url", "notify_staff_api_base_url"
        ),
    )
    # Team-chat robots (WeCom, DingTalk, Feishu webhooks).
    robot_timeout_seconds: float = 10.0

    # Extra language-pack folders (`:`-separated), read over the built-in packs and those in
    # TALENTLOOP_LANGUAGE_PACKS: a folder per locale (`fr/`, `zh-HK/`…) with JSON sections
    # (`notice_templates.json`, `survey.json`, `phrasing.json`…). A new language is data.
    language_packs_dir: str = ""

    # Wall-clock budget of one template render (or one validation) in a worker thread; a
    # template that needs longer is refused (422 naming the limit) or fails its notice.
    template_render_seconds: float = Field(default=2.0, gt=0, le=30)

    # Interview reminders: how long before an interview each one goes out ("24h,1h";
    # units d, h, m; empty: none). Moved out of the reader's quiet hours.
    interview_reminders: str = "24h,1h"
    # Reminders to each panel member who has not scored yet: how long after the interview
    # ends each one goes out ("2h,1d"; empty: none). Moved out of their quiet hours; their
    # scorecard (evaluation-submitted) cancels the rest.
    scorecard_reminders: str = "2h,1d"

    # Dispatcher.
    dispatch_poll_seconds: float = 1.0
    dispatch_batch_size: int = 200
    # SMTP connections in use at once (a pool every batch on its way shares).
    dispatch_concurrency: int = Field(default=4, ge=1, le=64)
    # Claimed batches on their way at once: one that becomes due while another is being
    # sent does not wait for it (service/dispatch.py).
    dispatch_pipeline: int = Field(default=2, ge=1, le=8)
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    max_attempts: int = 8
    # A notice left in `sending` longer than this (dispatcher crashed mid-send) is failed
    # instead of resent: at-most-once, see service/dispatch.py.
    claim_timeout_seconds: float = 300.0

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

    @field_validator("smtp_from")
    @classmethod
    def _sender(cls, value: str) -> str:
        if "\r" in value or "\n" in value or "@" not in parseaddr(value)[1]:
            raise ValueError("not a sender such as 'Acme Recruiting <no-reply@acme.example>'")
        return value

    @field_validator("hr_alert_email")
    @classmethod
    def _alert_addresses(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if "\r" in value or "\n" in value:
            raise ValueError("must be one line: addresses separated by commas")
        if len(value.strip()) > 320:  # a notice's recipient holds it
            raise ValueError("is longer than 320 characters: name a mailing list instead")
        addresses = [address for _name, address in getaddresses([value])]
        if not addresses:
            raise ValueError("holds no email address")
        for address in addresses:
            try:
                canonical_email(address)
            except ValueError as exc:
                raise ValueError(f"{address!r}: {exc}") from None
        return value.strip()

    @field_validator("interview_reminders", "scorecard_reminders")
    @classmethod
    def _reminders(cls, value: str) -> str:
        parse_offsets(value)  # a ValueError names the item it cannot read
        return value

    @property
    def interview_reminder_minutes(self) -> tuple[int, ...]:
        """The reminder lead times in minutes, longest first."""
        return parse_offsets(self.interview_reminders)

    @property
    def scorecard_reminder_minutes(self) -> tuple[int, ...]:
        """How long after an interview ends each scorecard reminder goes, soonest first."""
        return tuple(sorted(parse_offsets(self.scorecard_reminders)))

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
        if self.webhook_attempt_seconds >= self.webhook_claim_timeout_seconds:
            # A claim taken back while its attempt still runs is sent twice at once.
            raise ValueError(
                "NOTIFY_WEBHOOK_CLAIM_TIMEOUT_SECONDS must be longer than an attempt may take "
                f"({self.webhook_attempt_seconds:g} s: connect + write + read timeouts + 1 s)"
            )
        return self

    @property
    def robot_attempt_seconds(self) -> float:
        """The longest one post to a team-chat robot may take, whole: connecting, sending
        and answering may each take `robot_timeout_seconds`, the post no longer."""
        return 3 * self.robot_timeout_seconds + 1

    @property
    def webhook_attempt_seconds(self) -> float:
        """The longest one webhook attempt may take, whole: a receiver answering a byte at a
        time, each just inside the read timeout, is cut off here."""
        return self.webhook_connect_timeout_seconds + 2 * self.webhook_read_timeout_seconds + 1

    @model_validator(mode="after")
    def _sms_provider_keys(self) -> Settings:
        if self.sms_provider != "generic":
            missing = [
                f"NOTIFY_{name.upper()}"
                for name in ("sms_access_key_id", "sms_access_key_secret", "sms_sign_name")
                + (("sms_app_id",) if self.sms_provider == "tencent" else ())
                if not getattr(self, name)
            ]
            if missing:
                needs = ", ".join(missing)
                raise ValueError(f"NOTIFY_SMS_PROVIDER={self.sms_provider} needs {needs}")
        return self

    @model_validator(mode="after")
    def _at_rest_secret(self) -> Settings:
        if not self.at_rest_secret:
            if self.environment not in {"dev", "test"}:
                raise ValueError("NOTIFY_AT_REST_SECRET must be set outside dev/test")
            self.at_rest_secret = hashlib.sha256(
                ("at-rest:" + self.jwt_secret).encode()
            ).hexdigest()
        return self

    @model_validator(mode="after")
    def _survey_secret(self) -> Settings:
        if not self.survey_secret:
            if self.environment not in {"dev", "test"}:
                raise ValueError("NOTIFY_SURVEY_SECRET must be set outside dev/test")
            # Derived, so dev and test runs work without configuration.
            self.survey_secret = hashlib.sha256(("survey:" + self.jwt_secret).encode()).hexdigest()
        return self
