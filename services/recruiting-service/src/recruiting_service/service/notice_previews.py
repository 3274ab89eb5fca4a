"""HR sees the sentence before it is sent (issue 19): a rejection answered with the notice's
phrases as the candidate will read them (`domain.notice_preview.phrased_preview`)."""

from __future__ import annotations

from dataclasses import dataclass

from recruiting_service.domain.notice_preview import NoticePreview
from recruiting_service.service.applications import ApplicationRecord


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A rejected application with the preview of the notice it leads to."""

    record: ApplicationRecord
    preview: NoticePreview
