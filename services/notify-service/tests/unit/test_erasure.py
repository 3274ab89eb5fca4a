"""Pure parts of the erasure: delivery errors without the address, the closed survey."""

from __future__ import annotations

from notify_service.db.models import Notification
from notify_service.service.dispatch import _without_recipient
from notify_service.service.survey_links import SurveyClosed, SurveyExpired


def _notice(recipient: str | None) -> Notification:
    return Notification(channel="email", recipient=recipient)


def test_delivery_error_does_not_keep_the_address() -> None:
    error = "recipients refused: {'jane@example.com': (550, 'no such user')}"
    cleaned = _without_recipient(error, _notice("jane@example.com"))
    assert cleaned == "recipients refused: {'<recipient>': (550, 'no such user')}"


def test_delivery_error_without_address_or_recipient_is_unchanged() -> None:
    assert _without_recipient("SMTP 451: later", _notice("jane@example.com")) == "SMTP 451: later"
    assert _without_recipient("no provider", _notice(None)) == "no provider"
    assert _without_recipient(None, _notice("jane@example.com")) is None


def test_closed_survey_is_gone_with_its_own_type() -> None:
    closed = SurveyClosed()
    assert (closed.status, closed.title, closed.type) == (410, "Gone", "survey-closed")
    expired = SurveyExpired()
    assert (expired.status, expired.type) == (410, "survey-expired")
