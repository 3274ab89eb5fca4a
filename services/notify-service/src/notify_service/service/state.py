"""notify-service's long-lived objects (`rt.state`, `uow.state`), read through `notify_state`.

Built once per process by `ServiceDefinition(build_state=build_notify_state)`: the
delivery adapters (SMTP, SMS, team-chat robots), the template renderer (worker threads),
the dispatcher's wake-up, the survey link signer and its rate limits, and the template cache.
The clock is the shared one (`rt.clock`, `uow.clock`).
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from typing import cast

from notify_service.config import Settings
from notify_service.domain.alerts import Links
from notify_service.domain.templates.rendering import RenderLimits
from notify_service.service.delivery import EmailSender, SmsGateway, SmtpMailer, sms_gateway
from notify_service.service.rendering import TemplateRenderer
from notify_service.service.robot_delivery import RobotSender
from notify_service.service.survey_limits import SurveyRateLimiter
from notify_service.service.survey_links import SurveyLinks
from notify_service.service.template_cache import TemplateCache
from talentloop_shared.aio import wait_for_event
from talentloop_shared.db import UnitOfWork
from talentloop_shared.db.engine import asyncpg_dsn
from talentloop_shared.db.wake import CrossProcessWake
from talentloop_shared.language import PACKS_ENV, LanguagePacks, load_packs
from talentloop_shared.language.packs import pack_folders
from talentloop_shared.ops.vault import Vault
from talentloop_shared.service import Runtime, runs_loop

WAKE_CHANNEL = "notify_dispatch"
"""LISTEN/NOTIFY channel: a commit that makes a notice due wakes every dispatcher."""


class DispatcherWakeup:
    """Tells the dispatcher to look for due notices now instead of at its next poll (a
    commit made a notice due; a test moved the clock): this process's, or, where this
    process runs none (`<P>_BACKGROUND_LOOPS` without it), the ones listening elsewhere."""

    def __init__(self, elsewhere: CrossProcessWake | None = None) -> None:
        self._event = asyncio.Event()
        self.elsewhere = elsewhere

    def wake(self) -> None:
        """Look for due notices now."""
        if self.elsewhere is not None:
            self.elsewhere.notify()
        else:
            self._event.set()

    def wake_here(self) -> None:
        """Look again now, in this process (a batch of its own finished)."""
        self._event.set()

    def clear(self) -> None:
        """Forget earlier wake-ups (the dispatcher is about to look anyway)."""
        self._event.clear()

    async def wait(self, timeout: float) -> None:
        """Until woken, or `timeout` seconds."""
        await wait_for_event(self._event, timeout)


@dataclass
class NotifyState:
    """What notify-service keeps for as long as the process runs."""

    settings: Settings
    survey_links: SurveyLinks
    survey_limiter: SurveyRateLimiter
    mailer: EmailSender
    sms: SmsGateway
    renderer: TemplateRenderer
    robots: RobotSender
    packs: LanguagePacks
    vault: Vault  # seals and opens the secrets kept in the database
    dispatcher: DispatcherWakeup = field(default_factory=DispatcherWakeup)
    # The webhook delivery loop's wake-up (a commit recorded deliveries, one finished).
    webhooks: DispatcherWakeup = field(default_factory=DispatcherWakeup)
    templates: TemplateCache = field(default_factory=TemplateCache)

    @property
    def links(self) -> Links:
        """Links to the HR console's pages, for staff emails (alerts, a panel's invitations)."""
        return Links(self.settings.staff_console_url)


def language_packs(settings: Settings) -> LanguagePacks:
    """The language packs in force: built-in, then TALENTLOOP_LANGUAGE_PACKS, then
    NOTIFY_LANGUAGE_PACKS_DIR (later folders win)."""
    folders = pack_folders(os.environ.get(PACKS_ENV)) + pack_folders(settings.language_packs_dir)
    return load_packs(folders)


def build_notify_state(rt: Runtime) -> NotifyState:
    """The state of a notify-service runtime (`ServiceDefinition.build_state`)."""
    settings = cast(Settings, rt.settings)
    return NotifyState(
        settings=settings,
        survey_links=SurveyLinks.from_settings(settings),
        survey_limiter=SurveyRateLimiter(
            settings.survey_rate_per_token, settings.survey_rate_per_address
        ),
        mailer=SmtpMailer(settings),
        sms=sms_gateway(settings),
        renderer=TemplateRenderer(RenderLimits(seconds=settings.template_render_seconds)),
        robots=RobotSender(settings),
        packs=language_packs(settings),
        vault=Vault([s for s in (settings.at_rest_secret, settings.at_rest_old_secret) if s]),
        dispatcher=DispatcherWakeup(
            None
            if runs_loop(settings, "dispatcher")
            else CrossProcessWake(
                asyncpg_dsn(settings.database_url), WAKE_CHANNEL, name="notify-dispatcher"
            )
        ),
    )


async def close_notify_state(rt: Runtime) -> None:
    """Close what the state holds open (`Service(on_shutdown=…)`)."""
    elsewhere = notify_state(rt).dispatcher.elsewhere
    if elsewhere is not None:
        await elsewhere.close()


def notify_state(holder: Runtime | UnitOfWork) -> NotifyState:
    """The notify-service state of a runtime or of a unit of work it made."""
    state = holder.state
    if not isinstance(state, NotifyState):
        raise RuntimeError("not a notify-service runtime: build_state was not notify's")
    return state
