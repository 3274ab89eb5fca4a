"""What clients send to talent-service's use cases (request bodies; unknown fields → 422)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import AnyHttpUrl, Field, StringConstraints, model_validator

from talentloop_shared.http import RequestModel
from talentloop_shared.i18n import LocaleTag

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Message = Annotated[str, StringConstraints(max_length=4000)]


Skills = Annotated[list[ShortText], Field(min_length=1, max_length=50)]
Locales = Annotated[list[LocaleTag], Field(max_length=20)]


class InvitationCreate(RequestModel):
    """An optional personal message for the invitation."""

    message: Message | None = None


class BulkInvitationCreate(RequestModel):
    """Invite several matches: by ids, or every uninvited match from a minimum score."""

    match_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=500)
    min_score: int | None = Field(default=None, ge=0, le=100)
    limit: int = Field(default=100, ge=1, le=500, description="At most this many by min_score")
    message: Message | None = None

    @model_validator(mode="after")
    def _one_selector(self) -> BulkInvitationCreate:
        if (self.match_ids is None) == (self.min_score is None):
            raise ValueError("give either match_ids or min_score")
        return self


class CourseCreate(RequestModel):
    """A training course and the skills or scorecard dimensions it builds."""

    title: ShortText
    provider: ShortText
    url: AnyHttpUrl
    skills: Skills
    locales: Locales = Field(
        default_factory=list, description="Languages it is taught in, e.g. ['zh-CN', 'en']"
    )


class CourseUpdate(RequestModel):
    """A partial change of a course; fields left out (or null) stay as they are."""

    title: ShortText | None = None
    provider: ShortText | None = None
    url: AnyHttpUrl | None = None
    skills: Skills | None = None
    locales: Locales | None = None
