"""The feedback dashboard as it was before PostgreSQL counted it, kept (for the tests and
nothing else) as the reference the SQL must agree with, group for group, on any notices.

The grouping of `_group_of` and the aggregation of `summarise` from main at 30ed1c2
(notify_service/service/surveys.py and domain/survey.py), reading each notice's row in
Python. Do not "fix" or speed it up: it is the specification.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import fmean, median

from notify_service.domain.survey import RATING_QUESTIONS, GroupSummary, SurveyAnswers
from notify_service.service.surveys import DELAY_BUCKETS

__all__ = ["Seen", "summarise"]


@dataclass(frozen=True)
class Seen:
    """What the dashboard reads of one notice of the kind that was sent or answered."""

    template_id: str | None
    template_name: str | None
    job_family: str | None
    stage: str | None
    occurred_at: datetime
    sent_at: datetime | None
    answers: SurveyAnswers | None


def _group_of(notice: Seen, group_by: str, labels: dict[str, str]) -> str:
    if group_by == "template":
        group = notice.template_id or "none"
        labels[group] = notice.template_name or group
        return group
    if group_by == "job_family":
        return notice.job_family or "none"
    if group_by == "week":
        moment = (notice.sent_at or notice.occurred_at).astimezone(UTC)
        monday = moment.date() - timedelta(days=moment.weekday())
        return monday.isoformat()
    if group_by == "delay":
        if notice.sent_at is None:
            return "unsent"
        minutes = (notice.sent_at - notice.occurred_at).total_seconds() / 60
        return next(name for name, limit in DELAY_BUCKETS if minutes < limit)
    return notice.stage or "none"


def _summarise_group(group: str, rows: list[Seen], label: str | None = None) -> GroupSummary:
    sent = [r for r in rows if r.sent_at is not None or r.answers is not None]
    answered = [r.answers for r in rows if r.answers is not None]
    means: dict[str, float | None] = {}
    for q in RATING_QUESTIONS:
        values = [v for a in answered if (v := getattr(a, q)) is not None]
        means[q] = fmean(values) if values else None
    rated = [a.ratings() for a in answered if a.ratings()]
    future = [a.open_to_future_roles for a in answered if a.open_to_future_roles is not None]
    satisfied = [fmean(r.values()) >= 4.0 for r in rated]
    delays = [(r.sent_at - r.occurred_at).total_seconds() / 60 for r in rows if r.sent_at]
    return GroupSummary(
        group=group,
        notices_sent=len(sent),
        responses=len(answered),
        response_rate=len(answered) / len(sent) if sent else None,
        mean_ratings=means,
        share_satisfied=sum(satisfied) / len(satisfied) if satisfied else None,
        share_open_to_future_roles=sum(future) / len(future) if future else None,
        median_minutes_to_send=median(delays) if delays else None,
        label=label,
    )


def summarise(notices: list[Seen], group_by: str) -> tuple[list[GroupSummary], GroupSummary]:
    """Per-group summaries (in key order; delay buckets shortest first) and the overall."""
    labels: dict[str, str] = {}
    by_group: dict[str, list[Seen]] = defaultdict(list)
    for notice in notices:
        by_group[_group_of(notice, group_by, labels)].append(notice)
    keys = sorted(by_group)
    if group_by == "delay":
        order = [name for name, _ in DELAY_BUCKETS] + ["unsent"]
        keys.sort(key=order.index)
    groups = [_summarise_group(g, by_group[g], labels.get(g)) for g in keys]
    return groups, _summarise_group("*", notices)
