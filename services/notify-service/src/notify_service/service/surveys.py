"""The candidate survey (answers, feedback-received) and the HR feedback summary."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select

from notify_service import domain
from notify_service.db.models import Notification, SurveyResponse
from notify_service.db.repositories import (
    ErasureRepository,
    NotificationRepository,
    SurveyRepository,
)
from notify_service.domain.survey import FeedbackSummary, NoticeOutcome
from notify_service.service.state import notify_state
from notify_service.service.survey_links import SurveyClosed, SurveyLinkInvalid
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import FeedbackReceived

GROUPINGS = ("template", "job_family", "stage", "week", "delay")

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


# What the summary reads of each notice: never its text (a notice's subject and bodies are
# kilobytes, and the summary reads every sent notice of the kind: 20,000 of them took ~1 s
# and 250 MB as whole rows).
_OUTCOME_COLUMNS = (
    Notification.template_id,
    Notification.template_name,
    Notification.job_family,
    Notification.stage,
    Notification.occurred_at,
    Notification.sent_at,
)


def _group_of(notice: Any, group_by: str, labels: dict[str, str]) -> str:
    """The group a notice falls in: template, job family, stage, the week (its Monday,
    ISO date) it was sent in, or the delay bucket from decision to sending."""
    if group_by == "template":
        group = str(notice.template_id) if notice.template_id else "none"
        labels[group] = notice.template_name or group
        return group
    if group_by == "job_family":
        return notice.job_family or "none"
    if group_by == "week":
        moment = notice.sent_at or notice.occurred_at
        monday = moment.date() - timedelta(days=moment.weekday())
        return monday.isoformat()
    if group_by == "delay":
        if notice.sent_at is None:
            return "unsent"
        minutes = (notice.sent_at - notice.occurred_at).total_seconds() / 60
        return next(name for name, limit in DELAY_BUCKETS if minutes < limit)
    return notice.stage or "none"


async def feedback_summary(
    uow: UnitOfWork,
    *,
    group_by: str,
    kind: str,
    job_family: str | None = None,
    template_id: uuid.UUID | None = None,
) -> FeedbackSummary:
    """Survey results per template, job family, stage, week or delay, and overall; only
    the notices of one job family or template when given."""
    stmt = (
        select(*_OUTCOME_COLUMNS, SurveyResponse)
        .outerjoin(SurveyResponse, SurveyResponse.notification_id == Notification.id)
        .where(Notification.kind == kind)
        .where(or_(Notification.status == "sent", SurveyResponse.notification_id.is_not(None)))
    )
    if job_family is not None:
        stmt = stmt.where(Notification.job_family == job_family)
    if template_id is not None:
        stmt = stmt.where(Notification.template_id == template_id)
    labels: dict[str, str] = {}
    outcomes = []
    for notice in await uow.session.execute(stmt):
        response = notice.SurveyResponse
        group = _group_of(notice, group_by, labels)
        answers = _answers(response) if response is not None else None
        outcomes.append(NoticeOutcome(group, notice.occurred_at, notice.sent_at, answers))
    summary = domain.summarise(outcomes, labels=labels)
    if group_by == "delay":
        order = [name for name, _ in DELAY_BUCKETS] + ["unsent"]
        summary.groups.sort(key=lambda g: order.index(g.group))
    return summary
