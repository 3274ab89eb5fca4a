"""HR's feedback dashboard is counted by PostgreSQL, a few numbers per group: it must say
what counting every notice in Python said (`feedback_reference`), on any mix of notices,
answers and delays, and it can look at one period."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from feedback_reference import Seen, summarise

from notify_service.db.models import Notification, SurveyResponse
from notify_service.domain.survey import GroupSummary, SurveyAnswers
from notify_service.service.surveys import feedback_summary
from talentloop_shared.db import UnitOfWork

GROUPINGS = ("template", "job_family", "stage", "week", "delay")
DECIDED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


async def _store(svc, kind: str, notices: list[Seen], *, status: str | None = None) -> None:
    """The notices as notify keeps them (sent, or still scheduled where never sent), each
    with its answers if it has any."""
    async with svc.runtime.session_factory() as session:
        for seen in notices:
            notice = Notification(
                id=uuid.uuid4(),
                kind=kind,
                source_event_id=str(uuid.uuid4()),
                candidate_id=str(uuid.uuid4()),
                channel="email",
                recipient="someone@example.com",
                locale="en",
                timezone="UTC",
                status=status or ("sent" if seen.sent_at else "scheduled"),
                template_id=uuid.UUID(seen.template_id) if seen.template_id else None,
                template_name=seen.template_name,
                job_family=seen.job_family,
                stage=seen.stage,
                subject="About your application",
                body_text="Thank you.",
                occurred_at=seen.occurred_at,
                sent_at=seen.sent_at,
            )
            session.add(notice)
            await session.flush()
            if seen.answers is not None:
                session.add(
                    SurveyResponse(
                        notification_id=notice.id,
                        **seen.answers.model_dump(),
                        answered_at=seen.occurred_at,
                    )
                )
        await session.commit()


async def _summary(
    svc, kind: str, group_by: str, **filters
) -> tuple[list[GroupSummary], GroupSummary]:
    async with UnitOfWork(svc.runtime.session_factory, source="notify-service") as uow:
        summary = await feedback_summary(uow, group_by=group_by, kind=kind, **filters)
    return summary.groups, summary.overall


def _same(got: GroupSummary, want: GroupSummary) -> None:
    assert (got.group, got.label, got.notices_sent, got.responses) == (
        want.group,
        want.label,
        want.notices_sent,
        want.responses,
    )
    for name in ("response_rate", "share_satisfied", "share_open_to_future_roles"):
        assert getattr(got, name) == pytest.approx(getattr(want, name)), (got.group, name)
    assert got.mean_ratings == pytest.approx(want.mean_ratings), got.group
    # The median of an even count: PostgreSQL interpolates the interval to the microsecond.
    assert got.median_minutes_to_send == pytest.approx(want.median_minutes_to_send, abs=1e-6)


def _seen(
    stage: str | None, minutes: float | None, answers: SurveyAnswers | None = None, **fields
) -> Seen:
    decided = fields.get("occurred_at", DECIDED)
    return Seen(
        template_id=fields.get("template_id"),
        template_name=fields.get("template_name"),
        job_family=fields.get("job_family"),
        stage=stage,
        occurred_at=decided,
        sent_at=decided + timedelta(minutes=minutes) if minutes is not None else None,
        answers=answers,
    )


async def test_each_group_and_all_of_them_are_counted(svc) -> None:
    kind = f"fb-{uuid.uuid4().hex[:12]}"
    notices = [
        _seen(
            "interview",
            60,
            SurveyAnswers(tone=5, detail=4, timeliness=5, helpfulness=4, open_to_future_roles=True),
        ),
        _seen(
            "interview",
            120,
            SurveyAnswers(
                tone=2, detail=2, timeliness=3, helpfulness=3, open_to_future_roles=False
            ),
        ),
        _seen("interview", 180),
        _seen("interview", None),  # still scheduled: not sent, not counted
        _seen("screening", 30, SurveyAnswers(comment="Thanks")),  # answered, rated nothing
    ]
    await _store(svc, kind, notices)
    groups, overall = await _summary(svc, kind, "stage")
    interview, screening = groups
    assert (interview.group, interview.notices_sent, interview.responses) == ("interview", 3, 2)
    assert interview.response_rate == pytest.approx(2 / 3)
    assert interview.mean_ratings == {
        "tone": 3.5,
        "detail": 3.0,
        "timeliness": 4.0,
        "helpfulness": 3.5,
    }
    assert interview.share_satisfied == 0.5 and interview.share_open_to_future_roles == 0.5
    assert interview.median_minutes_to_send == 120
    # A comment alone is a response, but says nothing of satisfaction or future roles.
    assert (screening.responses, screening.response_rate) == (1, 1.0)
    assert screening.share_satisfied is None and screening.share_open_to_future_roles is None
    assert screening.mean_ratings["tone"] is None
    assert (overall.group, overall.notices_sent, overall.responses) == ("*", 4, 3)
    assert overall.median_minutes_to_send == 90
    # A kind with no notice at all: no group, and an overall of nothing.
    groups, overall = await _summary(svc, f"fb-{uuid.uuid4().hex[:12]}", "delay")
    assert groups == [] and overall.notices_sent == 0
    assert overall.response_rate is None and overall.median_minutes_to_send is None


async def test_a_renamed_template_shows_the_name_it_was_last_sent_under(svc) -> None:
    kind = f"fb-{uuid.uuid4().hex[:12]}"
    template = str(uuid.uuid4())
    named = [("Zeta (the first name)", DECIDED), ("Alpha (renamed)", DECIDED + timedelta(days=3))]
    await _store(
        svc,
        kind,
        [
            _seen("interview", 5, template_id=template, template_name=name, occurred_at=at)
            for name, at in named
        ],
    )
    [group], _ = await _summary(svc, kind, "template")
    assert (group.group, group.label, group.notices_sent) == (template, "Alpha (renamed)", 2)


def _random_notices(rng: random.Random, n: int) -> list[Seen]:
    templates = [(str(uuid.uuid4()), f"Template {i}") for i in range(3)]
    notices = []
    for _ in range(n):
        template = rng.choice([*templates, None])
        answers = None
        if rng.random() < 0.5:
            answers = SurveyAnswers(
                **{
                    q: rng.choice([None, 1, 2, 3, 4, 5])
                    for q in ("tone", "detail", "timeliness", "helpfulness")
                },
                comment=rng.choice([None, "ok"]),
                open_to_future_roles=rng.choice([None, True, False]),
            )
        decided = DECIDED + timedelta(days=rng.randint(-40, 40), seconds=rng.randint(0, 86_399))
        minutes = rng.choice([None, 0, 59.999, 60, rng.uniform(0, 6_000), 1_440, 4_320.5])
        notices.append(
            _seen(
                # "" as well as none (org's PATCH stores an emptied job family as ""):
                # both are the group "none".
                rng.choice(["screening", "interview", "", None]),
                minutes,
                answers,
                template_id=template[0] if template else None,
                template_name=template[1] if template else None,
                job_family=rng.choice(["engineering", "sales", "", None]),
                occurred_at=decided,
            )
        )
    return notices


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_postgresql_counts_what_reading_every_notice_counted(svc, seed: int) -> None:
    kind = f"fb-{uuid.uuid4().hex[:12]}"
    notices = _random_notices(random.Random(seed), 400)
    await _store(svc, kind, notices)
    # Answered although never recorded as sent: the answer proves it went out.
    answered_unsent = [n for n in notices if n.sent_at is None and n.answers is not None]
    assert answered_unsent, "the sample should hold an answered notice with no send time"
    for group_by in GROUPINGS:
        groups, overall = await _summary(svc, kind, group_by)
        # What the dashboard ever read: the notices sent, or answered.
        want_groups, want_overall = summarise(
            [n for n in notices if n.sent_at or n.answers], group_by
        )
        assert [g.group for g in groups] == [g.group for g in want_groups], group_by
        for got, want in zip(groups, want_groups, strict=True):
            _same(got, want)
        _same(overall, want_overall)


async def test_a_period_counts_only_the_notices_sent_in_it(svc, client, auth) -> None:
    family = f"fb-period-{uuid.uuid4().hex[:8]}"
    october = datetime(2026, 10, 15, tzinfo=UTC)
    notices = [
        _seen("interview", 10, job_family=family, occurred_at=october),
        _seen("interview", 10, SurveyAnswers(tone=5), job_family=family, occurred_at=DECIDED),
        _seen("screening", 10, job_family=family, occurred_at=DECIDED + timedelta(days=1)),
    ]
    await _store(svc, "rejection", notices)

    async def summary(**params) -> dict:
        r = await client.get(
            "/api/v1/feedback/summary",
            params={"group_by": "stage", "job_family": family, **params},
            headers=auth("recruiter"),
        )
        assert r.status_code == 200, r.text
        return r.json()

    assert (await summary())["overall"]["notices_sent"] == 3
    november = await summary(sent_from="2026-11-01T00:00:00+08:00")
    assert [(g["group"], g["notices_sent"]) for g in november["groups"]] == [
        ("interview", 1),
        ("screening", 1),
    ]
    # From inclusive, before exclusive: the day of the second notice alone.
    day = await summary(
        sent_from=(DECIDED + timedelta(minutes=10)).isoformat(),
        sent_before=(DECIDED + timedelta(days=1)).isoformat(),
    )
    assert [(g["group"], g["responses"]) for g in day["groups"]] == [("interview", 1)]
    assert day["overall"]["mean_ratings"]["tone"] == 5.0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sent_from": "2026-11-01T00:00:00"}, "sent_from"),  # no zone: whose midnight?
        ({"sent_before": "last tuesday"}, "sent_before"),
        (
            {"sent_from": "2026-11-02T00:00:00Z", "sent_before": "2026-11-01T00:00:00Z"},
            "sent_before",
        ),
        (
            {"sent_from": "2026-11-01T00:00:00Z", "sent_before": "2026-11-01T00:00:00Z"},
            "sent_before",
        ),
    ],
)
async def test_a_period_that_is_not_one_is_refused(client, auth, params, field) -> None:
    r = await client.get("/api/v1/feedback/summary", params=params, headers=auth("recruiter"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert [e["loc"] for e in r.json()["errors"]] == [["query", field]]
