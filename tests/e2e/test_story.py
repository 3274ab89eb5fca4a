"""S1–S5 end to end over real processes, ending with the person's erasure everywhere; then
the same story with a service killed midway."""

from __future__ import annotations

import signal

import httpx
import pytest

from talentloop_shared.devtools.story import Story
from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.smtp import SMTPSink

pytestmark = pytest.mark.e2e


async def _story(
    suite: Suite,
    http: httpx.AsyncClient,
    mailbox: SMTPSink,
    kill: str | None = None,
    kill_after: str | None = None,
) -> Story:
    story = Story(suite, http, mailbox)
    for step in Story.STEPS:
        await getattr(story, step)()
        if step == kill_after and kill:
            # SIGKILL: no graceful shutdown; whatever was in flight is cut off.
            suite.kill(kill, signal.SIGKILL)
            suite.start(kill)
            await suite.wait_ready([kill], timeout=60)
    await story.erase()
    return story


def _assert_end_state_once(story: Story) -> None:
    lina = story.ids["lina_email"]
    mails = story.mails_to(lina)
    ids = [m.message["Message-ID"] for m in mails]
    assert len(ids) == len(set(ids)), [m.subject for m in mails]  # no notice sent twice
    # One rejection, one invitation back to a new opening; nothing else.
    assert sorted(m.kind or "" for m in mails) == ["invitation", "rejection"], ids
    [rejection] = story.mails_to(lina, "rejection")
    [invitation] = story.mails_to(lina, "invitation")
    assert "hr-team@acme.example" in rejection.rcpt_tos
    text = rejection.text()
    assert "数据分析能力扎实" in text, text  # what the interviewer wrote, not a score
    assert "华东区域渠道管理经验" in text, text  # the specific gap, as what the role needs
    assert "缺少华东" not in text and "/10" not in text, text
    assert invitation.subject != rejection.subject
    assert story.ids["invited_applications"] == "1"
    for other in ("junior_email", "bob_email"):
        assert story.mails_to(story.ids[other]) == []


async def test_the_whole_loop(suite: Suite, http: httpx.AsyncClient, mailbox: SMTPSink) -> None:
    story = await _story(suite, http, mailbox)
    _assert_end_state_once(story)


async def test_no_log_line_holds_the_candidates_email_phone_or_survey_token(
    suite: Suite, http: httpx.AsyncClient, mailbox: SMTPSink
) -> None:
    story = await _story(suite, http, mailbox)
    phone = story.ids["lina_phone"]
    secrets = {
        "email": story.ids["lina_email"],
        "phone": phone,
        "phone (national digits)": phone.removeprefix("+86"),
        "survey token": story.ids["survey_token"],
    }
    logs = sorted(suite.log_dir.glob("*.log"))
    assert logs and any(p.stat().st_size for p in logs), "the services wrote no logs"
    for log in logs:
        for number, line in enumerate(log.read_text(errors="replace").splitlines(), 1):
            for what, value in secrets.items():
                assert value not in line, f"{log.name}:{number} holds the candidate's {what}"


@pytest.mark.parametrize(
    ("service", "after"),
    [
        ("org-service", "restructure"),  # position-changed events may still be in its outbox
        ("recruiting-service", "reject"),  # candidate-rejected may still be in its outbox
        ("notify-service", "reject"),  # the notice may be half-way through the dispatcher
        ("talent-service", "new_opening"),  # matching may be half-way through
    ],
)
async def test_a_restarted_service_loses_nothing_and_sends_nothing_twice(
    suite: Suite, http: httpx.AsyncClient, mailbox: SMTPSink, service: str, after: str
) -> None:
    story = await _story(suite, http, mailbox, kill=service, kill_after=after)
    _assert_end_state_once(story)
