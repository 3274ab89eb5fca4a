"""Erasing a candidate's personal data (candidate-erased).

What identifies or describes the person goes: the address, the rendered notice (subject,
bodies, the survey link, an interview email's calendar part), the compliance excerpts and
matched phrases, survey comments, and the address wherever a delivery error quoted it.
What the feedback dashboard and audits need stays: ids, kind, channel, status,
timestamps, template, job family, stage, locale, survey ratings and "open to future
roles". Unsent notices are cancelled, alerts to staff about the candidate (a pending
decision, a hire) included. An alert that names the person among others (the daily
re-contact digest, an opening's best matches) keeps going (it is HR's), without them: they
leave its list and its count, and its subject and body are written again
(service/alerts.py).

Notices and the dispatcher. A notice in `sending` is being delivered right now; its
status is left to the dispatcher, but its content is erased at once. The dispatcher's
outcome UPDATE never writes content back, and it treats a `sending` row whose recipient is
gone as erased: a failure (or a retry) becomes `cancelled` instead of `failed` or
`scheduled`; a success is recorded as `sent`, which is the truth (a message already
handed to the SMTP server or SMS provider when the erasure commits still goes out), and
so is an `unknown` outcome (with nothing left to resend).
Both sides decide from the row itself, in one UPDATE each, so whichever commits second
sees the other's result (PostgreSQL re-reads a row changed under a waiting UPDATE).

Lock order. The erasure first locks the candidate's notices (`SELECT … ORDER BY id FOR NO
KEY UPDATE`, the lock its UPDATE takes anyway), and the dispatcher records a batch in id
order too: an invitation's email and SMS, claimed together, are locked by both sides in the
same order, so neither can hold one while waiting for the other (a deadlock PostgreSQL would
break by aborting one side; the dispatcher losing would leave the notices in `sending`
until the stale-claim sweep failed them). The lock does not change the race above: it waits
for a dispatcher that is recording, and the UPDATE then reads every row as it is now, with
no one able to change it before the erasure commits. The survey answers and delivery
attempts are updated after the lock; no other path updates several of them at once (a survey
answer takes the candidate's advisory lock first, the dispatcher only inserts attempts).

Late events. The erasure is recorded in `erased_candidates` (even for a candidate this
service never heard of: a rejection still waiting for a retry must not notify them later),
and the paths that write notices or survey answers skip erased candidates. A per-candidate
advisory lock orders those writers against the erasure (see `ErasureRepository`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import case, func, literal_column, or_, select, update
from sqlalchemy.dialects.postgresql import JSONB

from notify_service.db.models import DeliveryAttempt, Notification, SurveyResponse
from notify_service.db.repositories import ErasureRepository
from notify_service.service.alerts import alerts_naming, scrub_alerts_naming
from notify_service.service.notice_control import HOLDABLE
from talentloop_shared.db import UnitOfWork, each_element_sql, forget_person
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

ERASED_REASON = "cancelled: the candidate's personal data was erased"
"""`status_reason` of a notice cancelled because its candidate was erased."""

REDACTED = "[erased]"
"""Stands in for the candidate's address inside delivery error messages."""

# Flags keep what the guard found (category) and where (subject, body, reasons…), not the
# excerpt around it nor the matched phrase (a pattern match such as "aged 45" describes the
# person). An allowlist, so a key added to flags later is dropped too.
_DEIDENTIFIED_FLAGS = literal_column(
    each_element_sql(
        "notifications.flags",
        "jsonb_build_object('category', e.value->'category', 'source', e.value->'source')",
    ),
    type_=JSONB,
)


@dataclass(frozen=True, slots=True)
class ErasureResult:
    """What one erasure changed (all zero when the candidate is unknown or already erased)."""

    first_time: bool
    notices_erased: int
    notices_cancelled: int
    survey_comments_erased: int
    delivery_errors_redacted: int


async def erase_candidate(
    uow: UnitOfWork, *, candidate_id: str, erased_at: datetime
) -> ErasureResult:
    """Erase a candidate's personal data from notices and surveys (does not commit)."""
    erasures = ErasureRepository(uow.session)
    await erasures.lock(candidate_id, exclusive=True)
    first_time = await erasures.record(candidate_id, erased_at)
    session = uow.session
    of_candidate = select(Notification.id).where(Notification.candidate_id == candidate_id)
    # The candidate's notices and the alerts that name them among others, locked in id
    # order before anything else ("Lock order").
    await session.execute(
        select(Notification.id)
        .where(or_(Notification.candidate_id == candidate_id, alerts_naming(candidate_id)))
        .order_by(Notification.id)
        .with_for_update(key_share=True)
    )
    alerts_scrubbed = await scrub_alerts_naming(uow, candidate_id)

    comments = await session.execute(
        update(SurveyResponse)
        .where(
            SurveyResponse.notification_id.in_(of_candidate),
            SurveyResponse.comment.is_not(None),
        )
        .values(comment=None)
        .returning(SurveyResponse.notification_id),
        execution_options={"synchronize_session": False},
    )
    comments_erased = len(comments.all())

    # Before the notices lose their recipient: it is what we look for in the errors.
    errors = await session.execute(
        update(DeliveryAttempt)
        .where(
            DeliveryAttempt.notification_id == Notification.id,
            Notification.candidate_id == candidate_id,
            Notification.recipient.is_not(None),
            func.strpos(DeliveryAttempt.error, Notification.recipient) > 0,
        )
        .values(error=func.replace(DeliveryAttempt.error, Notification.recipient, REDACTED))
        .returning(DeliveryAttempt.id),
        execution_options={"synchronize_session": False},
    )
    errors_redacted = len(errors.all())

    # One statement decides and erases per row, from the row's current version (the rows
    # are locked above, after any dispatcher recording an outcome committed): a notice the
    # dispatcher put back to `scheduled` (a retry) while we waited for its lock is
    # cancelled too, one it claimed (`sending`) keeps its status for the dispatcher.
    cancellable = Notification.status.in_(sorted(HOLDABLE))
    notices = await session.execute(
        update(Notification)
        .where(
            Notification.candidate_id == candidate_id,
            or_(
                cancellable,
                Notification.recipient.is_not(None),
                Notification.subject.is_not(None),
                Notification.body_text.is_not(None),
                Notification.body_html.is_not(None),
                Notification.survey_url.is_not(None),
                Notification.calendar.is_not(None),
                Notification.params.is_not(None),
                Notification.flags.is_distinct_from(_DEIDENTIFIED_FLAGS),
            ),
        )
        .values(
            status=case((cancellable, "cancelled"), else_=Notification.status),
            status_reason=case((cancellable, ERASED_REASON), else_=Notification.status_reason),
            recipient=None,
            subject=None,
            body_text=None,
            body_html=None,
            survey_url=None,
            calendar=None,  # an interview's calendar part names the candidate
            params=None,
            flags=_DEIDENTIFIED_FLAGS,
            # replace() is NULL when the recipient was already gone: keep the error then.
            last_error=func.coalesce(
                func.replace(Notification.last_error, Notification.recipient, REDACTED),
                Notification.last_error,
            ),
            updated_at=func.now(),
        )
        .returning(Notification.status, Notification.status_reason),
        # Notices this transaction loaded (a rejection earlier in the same batch) are
        # refreshed, so nothing stale is flushed back over the erasure.
        execution_options={"synchronize_session": "fetch"},
    )
    rows = notices.all()
    cancelled = sum(
        1 for status, reason in rows if status == "cancelled" and reason == ERASED_REASON
    )
    result = ErasureResult(first_time, len(rows), cancelled, comments_erased, errors_redacted)
    # Published feedback-received events carry survey comments; stored API responses too.
    infra_rows = await forget_person(session, candidate_id)
    log.info(
        "candidate.erased",
        candidate_id=candidate_id,
        alerts_naming_scrubbed=alerts_scrubbed,
        infra_rows=infra_rows,
        **asdict(result),
    )
    return result
