"""The secrets notify keeps in its database, sealed (`talentloop_shared.ops.vault`).

New and changed ones are sealed where they are written (webhooks.py, chat_robots.py). At
start-up, `seal_stored_secrets` seals what an older version stored in clear and, during a
rotation of the at-rest secret, seals everything again with the new one.
"""

from __future__ import annotations

import urllib.parse

from sqlalchemy import select

from notify_service.db.alert_models import ChatRobot
from notify_service.db.webhooks import WebhookSubscription
from notify_service.service.state import notify_state
from talentloop_shared.logging import get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)


async def seal_stored_secrets(rt: Runtime) -> int:
    """Seal the stored secrets that need it (see the module); how many rows changed. The
    rows are locked while they are rewritten, so replicas starting together take turns."""
    vault = notify_state(rt).vault
    changed = 0
    async with rt.uow_factory() as uow:
        session = uow.session
        subs = (await session.scalars(select(WebhookSubscription).with_for_update())).all()
        for sub in subs:
            secret, previous = vault.reseal(sub.secret), vault.reseal(sub.previous_secret)
            if secret is not None or previous is not None:
                sub.secret = secret or sub.secret
                sub.previous_secret = previous or sub.previous_secret
                changed += 1
        robots = (await session.scalars(select(ChatRobot).with_for_update())).all()
        for robot in robots:
            url, secret = vault.reseal(robot.webhook_url), vault.reseal(robot.secret)
            if url is not None or secret is not None:
                if not robot.webhook_host:
                    opened = vault.open(robot.webhook_url)
                    robot.webhook_host = urllib.parse.urlsplit(opened).hostname or ""
                robot.webhook_url = url or robot.webhook_url
                robot.secret = secret or robot.secret
                changed += 1
        await uow.commit()
    if changed:
        log.info("secrets.sealed", rows=changed)
    return changed
