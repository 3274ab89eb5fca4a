"""The candidate survey (answers, feedback-received) and the HR feedback summary."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from notify_service import domain
from notify_service.db.models import Notification, SurveyResponse
from notify_service.db.repositories import (
    ErasureRepository,
    NotificationRepository,
    SurveyRepository,
)
from notify_service.domain.survey import NoticeOutcome
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import FeedbackReceived
from talentloop_shared.http.problems import ProblemError

GROUPINGS = ("template", "job_family", "stage")


class SurveyLinkError(ProblemError):
    """A survey link that does not work; `expired` tells a 410 from a 404."""

    def __init__(
        self, status: int, detail: str, *, expired: bool, type_: str | None = None
    ) -> None:
        super().__init__(
            status,
            "Gone" if expired else "Not Found",
            detail,
            type_=type_ or ("survey-expired" if expired else "survey-not-found"),
        )
        self.expired = expired


def notification_of_token(token: str, *, secret: str, now: datetime) -> uuid.UUID:
    """The notice a survey token names; 404 for a forged one, 410 for an expired one."""
    try:
        raw = domain.read_token(token, secret=secret, now=now)
        return uuid.UUID(raw)
    except domain.ExpiredToken:
        raise SurveyLinkError(
            410, "this survey link has expired; thank you for your interest", expired=True
        ) from None
    except (domain.InvalidToken, ValueError):
        raise SurveyLinkError(404, "this survey link is not valid", expired=False) from None


async def open_survey(
    uow: UnitOfWork, *, token: str, secret: str, now: datetime
) -> tuple[Notification, SurveyResponse | None]:
    """The notice behind a survey link and the answer given so far, if any."""
    notification_id = notification_of_token(token, secret=secret, now=now)
    notice = await NotificationRepository(uow.session).get(notification_id)
    if notice is None:
        raise SurveyLinkError(404, "this survey link is not valid", expired=False)
    # Checked under the candidate's lock, so an answer cannot slip in beside an erasure.
    if await ErasureRepository(uow.session).is_erased(notice.candidate_id):
        raise SurveyLinkError(
            410,
            "this survey is closed: the personal data behind this notice was erased",
            expired=True,
            type_="survey-closed",
        )
    return notice, await SurveyRepository(uow.session).get(notification_id)


async def answer_survey(
    uow: UnitOfWork, *, token: str, answers: domain.SurveyAnswers, secret: str, now: datetime
) -> SurveyResponse:
    """Record (or update) the answer to a notice's survey and publish feedback-received."""
    notice, _ = await open_survey(uow, token=token, secret=secret, now=now)
    response = await SurveyRepository(uow.session).get_for_update(notice.id)
    fields = answers.model_dump()
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


async def feedback_summary(uow: UnitOfWork, *, group_by: str, kind: str) -> dict[str, Any]:
    """Survey results per template, job family or stage, and overall."""
    rows = (
        await uow.session.execute(
            select(Notification, SurveyResponse)
            .outerjoin(SurveyResponse, SurveyResponse.notification_id == Notification.id)
            .where(Notification.kind == kind)
            .where(or_(Notification.status == "sent", SurveyResponse.notification_id.is_not(None)))
        )
    ).all()
    labels: dict[str, str] = {}
    outcomes = []
    for notice, response in rows:
        if group_by == "template":
            group = str(notice.template_id) if notice.template_id else "none"
            labels[group] = notice.template_name or group
        elif group_by == "job_family":
            group = notice.job_family or "none"
        else:
            group = notice.stage or "none"
        answers = None
        if response is not None:
            answers = domain.SurveyAnswers(
                tone=response.tone,
                detail=response.detail,
                timeliness=response.timeliness,
                helpfulness=response.helpfulness,
                comment=response.comment,
                open_to_future_roles=response.open_to_future_roles,
            )
        outcomes.append(NoticeOutcome(group, notice.occurred_at, notice.sent_at, answers))
    summary = domain.summarise(outcomes)
    return {
        "group_by": group_by,
        "groups": [{**asdict(g), "label": labels.get(g.group)} for g in summary.groups],
        "overall": asdict(summary.overall),
    }
