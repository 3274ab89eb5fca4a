"""The restore drill: play part of the story, back up, play more, restore all four
databases, restart; the services become ready, the restored state is consistent across
services, and no notice that was already sent is sent again."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import httpx
import pytest

from talentloop_shared.devtools.story import HR, Story
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.ops.backup import Target, backup, libpq, restore
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink

pytestmark = pytest.mark.e2e

BEFORE_BACKUP = ("org_structure", "screening", "panel", "reject", "rejection_mail")
AFTER_BACKUP = ("survey", "new_opening", "invite")


async def _unpublished(suite: Suite) -> int:
    total = 0
    for spec in SERVICES:
        conn = await asyncpg.connect(libpq(suite.database_url(spec)))
        try:
            total += await conn.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        finally:
            await conn.close()
    return total


async def test_backup_restore_restart_consistent_and_nothing_sent_twice(
    suite: Suite, http: httpx.AsyncClient, mailbox: SMTPSink, tmp_path: Path
) -> None:
    story = Story(suite, http, mailbox)
    for step in BEFORE_BACKUP:
        await getattr(story, step)()
    targets = [Target(spec.name, libpq(suite.database_url(spec))) for spec in SERVICES]
    folder = await backup(targets, tmp_path)  # while the services run, as in production
    for step in AFTER_BACKUP:
        await getattr(story, step)()
    lina = story.ids["lina_email"]
    sent_before = [m.subject for m in story.mails_to(lina)]
    kinds = [m.kind for m in story.mails_to(lina)]
    assert kinds.count("rejection") == kinds.count("invitation") == 1, kinds

    suite.stop_all()
    await restore(targets, folder)
    suite.start_all()
    await suite.wait_ready(timeout=90)

    # Consistent: everything after the backup is gone everywhere, everything before is there.
    pid, analyst = story.ids["position"], story.ids["analyst_position"]
    await story.call("GET", "org-service", f"/api/v1/positions/{pid}")
    await story.call("GET", "org-service", f"/api/v1/positions/{analyst}", expect=404)
    await story.call("GET", "recruiting-service", f"/api/v1/openings/{analyst}", expect=404)
    app = await story.call(
        "GET", "recruiting-service", f"/api/v1/applications/{story.ids['lina_application']}"
    )
    assert app["status"] == "rejected"
    candidate = story.ids["lina_candidate"]
    notices = (
        await story.call("GET", "notify-service", f"/api/v1/notifications?candidate_id={candidate}")
    )["items"]
    assert [n["kind"] for n in notices] == ["rejection"], notices
    assert notices[0]["status"] in {"sent", "unknown"}, notices  # unknown: HR checks, resends
    talent = await story.call("GET", "talent-service", f"/api/v1/talents/{candidate}")
    assert not any(t["kind"] == "open_to_contact" for t in talent["tags"]), talent
    matches = await http.get(
        suite.url("talent-service") + f"/api/v1/positions/{analyst}/matches", headers=HR
    )
    assert matches.status_code == 404 or matches.json()["items"] == []

    # The relays republish the last hour's events; the inboxes drop what they applied.
    await eventually(lambda: _zero(_unpublished(suite)), timeout=30, message="outboxes drained")
    notices_after = (
        await story.call("GET", "notify-service", f"/api/v1/notifications?candidate_id={candidate}")
    )["items"]
    assert [n["id"] for n in notices_after] == [n["id"] for n in notices]
    assert [m.subject for m in story.mails_to(lina)] == sent_before  # nothing sent again


async def _zero(count: object) -> bool:
    return await count == 0  # type: ignore[misc]
