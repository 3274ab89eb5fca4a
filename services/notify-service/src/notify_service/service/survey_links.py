"""Survey links: the signed, expiring URL in a notice, and which notice a link names.

The token is the candidate's only credential (no login), so the errors say as little as
possible: a link that is not ours is simply "not valid" (404), a genuine one past its
expiry "expired" (410), and a notice whose candidate was erased "closed" (410).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from notify_service import domain
from notify_service.config import Settings
from talentloop_shared.errors import Gone, NotFound, ProblemError


class SurveyLinkInvalid(NotFound):
    """404: forged, mangled or unknown survey link."""

    def __init__(self) -> None:
        # Not NotFound's "<what> <id> does not exist": the id is the token, a credential.
        ProblemError.__init__(
            self, 404, "Not Found", "this survey link is not valid", type_="survey-not-found"
        )


class SurveyExpired(Gone):
    """410: a genuine survey link past its expiry."""

    def __init__(self) -> None:
        super().__init__(
            "this survey link has expired; thank you for your interest", type_="survey-expired"
        )


class SurveyClosed(Gone):
    """410: the candidate behind the notice was erased; their survey takes no answers."""

    def __init__(self) -> None:
        super().__init__(
            "this survey is closed: the personal data behind this notice was erased",
            type_="survey-closed",
        )


LINK_PROBLEMS = (SurveyLinkInvalid, SurveyExpired, SurveyClosed)
"""What opening a survey link can answer instead of the survey."""


@dataclass(frozen=True, slots=True)
class SurveyLinks:
    """Signs and reads survey links with the service's secret, under its public URL."""

    secret: str
    public_base_url: str

    @classmethod
    def from_settings(cls, settings: Settings) -> SurveyLinks:
        """The survey secret and public base URL of the running service."""
        return cls(settings.survey_secret, settings.public_base_url.rstrip("/"))

    def url(self, notification_id: uuid.UUID, expires_at: datetime) -> str:
        """The signed, expiring survey link of a notice."""
        token = domain.make_token(str(notification_id), secret=self.secret, expires_at=expires_at)
        return f"{self.public_base_url}/survey/{token}"

    def notification_of(self, token: str, *, now: datetime) -> uuid.UUID:
        """The notice a survey token names; 404 for a forged one, 410 for an expired one."""
        try:
            return uuid.UUID(domain.read_token(token, secret=self.secret, now=now))
        except domain.ExpiredToken:
            raise SurveyExpired() from None
        except (domain.InvalidToken, ValueError):
            raise SurveyLinkInvalid() from None
