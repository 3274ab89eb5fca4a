"""The candidate survey (answers, feedback-received) and the HR feedback summary."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, Text, case, cast, func, or_, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from notify_service import domain
from notify_service.db.models import Notification, SurveyResponse
from notify_service.db.repositories import (
    ErasureRepository,
    NotificationRepository,
    SurveyRepository,
)
from notify_service.domain.survey import (
    RATING_QUESTIONS,
    SATISFIED_THRESHOLD,
    FeedbackSummary,
    GroupTotals,
)
from notify_service.service.state import notify_state
from notify_service.service.survey_links import SurveyClosed, SurveyLinkInvalid
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import FeedbackReceived

DELAY_BUCKETS: tuple[tuple[str, float], ...] = (
    ("under_1h", 60),
    ("1h_to_1d", 24 * 60),
    ("1d_to_3d", 3 * 24 * 60),
    ("over_3d", float("inf")),
)
"""The delay groups (minutes from the decision to sending), shortest first; a notice not
sent yet falls in `unsent`."""


async def open_survey(uow: UnitOfWork, *, token: str) -> tuple[Notification, SurveyResponse | None]:
    """The notice behind a survey link and the answer given so far, if any."""
    links = notify_state(uow).survey_links
    notification_id = links.notification_of(token, now=uow.clock.now())
    notice = await NotificationRepository(uow.session).get(notification_id)
    if notice is None:
        raise SurveyLinkInvalid()
    # Checked under the candidate's lock, so an answer cannot slip in beside an erasure.
    if await ErasureRepository(uow.session).is_erased(notice.candidate_id):
        raise SurveyClosed()
    return notice, await SurveyRepository(uow.session).get(notification_id)


async def answer_survey(
    uow: UnitOfWork, *, token: str, answers: domain.SurveyAnswers
) -> SurveyResponse:
    """Record the one answer to a notice's survey, or change it (until the link expires).

    `feedback-received` is published when the answer is new or differs from the one
    recorded; sending the same answer again only counts the submission. So however often
    a form is submitted, consumers see one event per distinct answer, in order, each
    carrying the whole answer and when it was given (`answered_at`).
    """
    notice, _ = await open_survey(uow, token=token)
    # Answers to one notice take turns (two first answers at once would both insert).
    await NotificationRepository(uow.session).get_for_update(notice.id)
    response = await SurveyRepository(uow.session).get_for_update(notice.id)
    fields = answers.model_dump()
    if response is not None and _answers(response) == answers:
        response.times_answered += 1
        await uow.commit()
        return response
    now = uow.clock.now()
    if response is None:
        response = SurveyResponse(
            notification_id=notice.id, answered_at=now, times_answered=1, **fields
        )
        uow.session.add(response)
    else:
        for key, value in fields.items():
            setattr(response, key, value)
        response.answered_at = now
        response.times_answered += 1
    uow.publish(
        FeedbackReceived(
            notification_id=str(notice.id),
            application_id=notice.application_id or notice.invitation_id or "",
            candidate_id=notice.candidate_id,
            position_id=notice.position_id,
            job_family=notice.job_family,
            stage=notice.stage,
            ratings=answers.ratings(),
            comment=answers.comment,
            open_to_future_roles=answers.open_to_future_roles,
            answered_at=now,
        ),
        subject=f"notifications/{notice.id}",
    )
    await uow.commit()
    return response


def _answers(response: SurveyResponse) -> domain.SurveyAnswers:
    return domain.SurveyAnswers.model_validate(response, from_attributes=True)


Grouping = Literal["template", "job_family", "stage", "week", "delay"]

# A notice's moment on the dashboard: when it was sent, or decided where it never was.
_MOMENT = func.coalesce(Notification.sent_at, Notification.occurred_at)


def _group_key(group_by: Grouping) -> ColumnElement[str]:
    """The group a notice falls in: its template, job family or stage ("none" without one),
    the week (its Monday, ISO date, UTC) it was sent in, or the delay bucket from the
    decision to sending ("unsent" while it is not sent)."""
    notice = Notification
    if group_by == "template":
        return func.coalesce(cast(notice.template_id, Text), "none")
    if group_by == "job_family":
        return func.coalesce(func.nullif(notice.job_family, ""), "none")
    if group_by == "stage":
        return func.coalesce(func.nullif(notice.stage, ""), "none")
    if group_by == "week":
        monday = func.date_trunc("week", func.timezone("UTC", _MOMENT))
        return func.to_char(monday, "YYYY-MM-DD")
    delay = notice.sent_at - notice.occurred_at
    return case(
        (notice.sent_at.is_(None), "unsent"),
        *(
            (delay < timedelta(minutes=limit), name)
            for name, limit in DELAY_BUCKETS
            if limit != float("inf")
        ),
        else_=DELAY_BUCKETS[-1][0],
    )


def feedback_totals(
    group_by: Grouping,
    *,
    kind: str,
    job_family: str | None,
    template_id: uuid.UUID | None,
    sent_from: datetime | None,
    sent_before: datetime | None,
) -> Select[Any]:
    """One row of counts per group and one for all groups (`overall`), counted by
    PostgreSQL: the dashboard reads a few numbers per group, never a notice (a year of an
    agency's notices is millions of rows)."""
    notice, response = Notification, SurveyResponse
    ratings = [getattr(response, q) for q in RATING_QUESTIONS]
    answered = response.notification_id.is_not(None)
    rows = (
        select(
            _group_key(group_by).label("key"),
            notice.template_name.label("label"),
            _MOMENT.label("moment"),
            or_(notice.sent_at.is_not(None), answered).label("went_out"),
            answered.label("answered"),
            *(rating.label(q) for q, rating in zip(RATING_QUESTIONS, ratings, strict=True)),
            func.num_nonnulls(*ratings).label("rated"),
            _sum_of(ratings).label("rating_sum"),
            response.open_to_future_roles.label("future"),
            (notice.sent_at - notice.occurred_at).label("delay"),
        )
        .select_from(notice)
        .outerjoin(response, response.notification_id == notice.id)
        .where(notice.kind == kind)
        .where(or_(notice.status == "sent", answered))
    )
    if job_family is not None:
        rows = rows.where(notice.job_family == job_family)
    if template_id is not None:
        rows = rows.where(notice.template_id == template_id)
    if sent_from is not None:
        rows = rows.where(_MOMENT >= sent_from)
    if sent_before is not None:
        rows = rows.where(_MOMENT < sent_before)
    r = rows.subquery()
    rated = r.c.rated > 0
    return select(
        r.c.key,
        func.grouping(r.c.key).label("overall"),
        # A template renamed since: the name it was last sent under.
        func.array_agg(aggregate_order_by(r.c.label, r.c.moment.desc()))[1].label("label"),
        func.count().filter(r.c.went_out).label("notices_sent"),
        func.count().filter(r.c.answered).label("responses"),
        *(func.coalesce(func.sum(r.c[q]), 0).label(f"sum_{q}") for q in RATING_QUESTIONS),
        *(func.count(r.c[q]).label(f"count_{q}") for q in RATING_QUESTIONS),
        func.count().filter(rated).label("rated"),
        func.count()
        .filter(rated, r.c.rating_sum >= SATISFIED_THRESHOLD * r.c.rated)
        .label("satisfied"),
        func.count().filter(r.c.future.is_(True)).label("open_to_future_roles"),
        func.count(r.c.future).label("future_answered"),
        func.percentile_cont(0.5).within_group(r.c.delay).label("median_delay"),
    ).group_by(func.rollup(r.c.key))


def _sum_of(ratings: list[Any]) -> ColumnElement[int]:
    """The sum of a response's given ratings (unanswered ones add nothing)."""
    total: ColumnElement[int] = func.coalesce(ratings[0], 0)
    for rating in ratings[1:]:
        total = total + func.coalesce(rating, 0)
    return total


def _totals(row: Any, group_by: Grouping) -> GroupTotals:
    median = row.median_delay
    return GroupTotals(
        group="*" if row.overall else row.key,
        notices_sent=row.notices_sent,
        responses=row.responses,
        rating_sums={q: row._mapping[f"sum_{q}"] for q in RATING_QUESTIONS},
        rating_counts={q: row._mapping[f"count_{q}"] for q in RATING_QUESTIONS},
        rated=row.rated,
        satisfied=row.satisfied,
        open_to_future_roles=row.open_to_future_roles,
        future_answered=row.future_answered,
        median_minutes_to_send=median.total_seconds() / 60 if median is not None else None,
        # A template's name shows for its id.
        label=(row.label or row.key) if group_by == "template" and not row.overall else None,
    )


async def feedback_summary(
    uow: UnitOfWork,
    *,
    group_by: Grouping,
    kind: str,
    job_family: str | None = None,
    template_id: uuid.UUID | None = None,
    sent_from: datetime | None = None,
    sent_before: datetime | None = None,
) -> FeedbackSummary:
    """Survey results per template, job family, stage, week or delay, and overall; only
    the notices of one job family or template, and of a period (sent from, sent before),
    when given. Groups come in key order; delay buckets shortest first."""
    query = feedback_totals(
        group_by,
        kind=kind,
        job_family=job_family,
        template_id=template_id,
        sent_from=sent_from,
        sent_before=sent_before,
    )
    rows = (await uow.session.execute(query)).all()
    # ROLLUP adds the row for all groups, even over no notice at all.
    [overall] = [_totals(row, group_by) for row in rows if row.overall]
    groups = sorted((_totals(r, group_by) for r in rows if not r.overall), key=lambda t: t.group)
    if group_by == "delay":
        order = [name for name, _ in DELAY_BUCKETS] + ["unsent"]
        groups.sort(key=lambda t: order.index(t.group))
    return FeedbackSummary(
        groups=[domain.summary_of(t) for t in groups], overall=domain.summary_of(overall)
    )
