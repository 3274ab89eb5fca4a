"""What a template sees: the variables built from a `candidate-rejected` or `talent-invited`
event, and realistic samples of them for previews and validation (`samples.json`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any, Final

from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    PositionRef,
    Reason,
    Scorecard,
    TalentInvited,
)
from talentloop_shared.i18n import language_of

__all__ = [
    "KINDS",
    "first_name_guess",
    "invitation_context",
    "rejection_context",
    "sample_context",
]

KINDS: Final = (
    "rejection",
    "invitation",
    "interview_invitation",
    "interview_update",
    "interview_cancellation",
    "interview_reminder",
)
"""Template kinds whose context this module knows how to build and validate (the
interview kinds' contexts are built in `interview_contexts`)."""

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TRAILING_PUNCT = " \t\r\n.。,，;；:：!！"


def first_name_guess(name: str) -> str:
    """Best guess at how to address someone: ``"Jane Doe"`` → ``"Jane"``.

    Chinese, Japanese and Korean names are returned whole: business letters address the
    full name (``张伟，您好``), and splitting off a surname would be wrong or rude.
    ``"Doe, Jane"`` → ``"Jane"``.
    """
    clean = " ".join(name.split())
    if not clean or _CJK.search(clean):
        return clean
    if "," in clean:
        after = clean.split(",", 1)[1].strip()
        if after:
            return after.split(" ", 1)[0]
    return clean.split(" ", 1)[0]


def _phrase(text: str) -> str:
    # Templates add their own full stop; interviewers sometimes type one too.
    return text.strip().rstrip(_TRAILING_PUNCT).strip()


def _phrases(items: Iterable[str]) -> list[str]:
    return [p for p in (_phrase(i) for i in items) if p]


def _candidate(info: CandidateInfo) -> dict[str, Any]:
    # Contact details are left out on purpose: templates don't need them.
    return {
        "name": info.name,
        "first_name": first_name_guess(info.name),
        "locale": info.locale,
        "talent_pool_consent": info.talent_pool_consent,
    }


def _position(ref: PositionRef) -> dict[str, Any]:
    return {
        "title": ref.title,
        "org_unit_name": ref.org_unit_name,
        "job_family": ref.job_family,
    }


def rejection_context(
    event: CandidateRejected, *, survey_url: str, company_name: str
) -> dict[str, Any]:
    """Template variables for a rejection notice, built from the `candidate-rejected` data.

    Keys: ``candidate`` (name, first_name, locale, talent_pool_consent), ``position``
    (title, org_unit_name, job_family), ``stage``, ``strengths`` / ``strength`` (first),
    ``reasons`` (list of {code, text}) / ``reason`` (first text), ``suggestions`` /
    ``suggestion`` (first), ``survey_url``, ``company``. Items have trailing punctuation
    removed; missing singulars are ``""`` so ``{% if strength %}`` reads naturally.
    """
    strengths = _phrases(event.strengths)
    reasons = [{"code": r.code, "text": _phrase(r.text)} for r in event.reasons if _phrase(r.text)]
    suggestions = _phrases(event.suggestions)
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position),
        "stage": event.stage,
        "strengths": strengths,
        "strength": strengths[0] if strengths else "",
        "reasons": reasons,
        "reason": reasons[0]["text"] if reasons else "",
        "suggestions": suggestions,
        "suggestion": suggestions[0] if suggestions else "",
        "survey_url": survey_url,
        "company": company_name,
    }


def invitation_context(
    event: TalentInvited, *, company_name: str, respond_url: str | None = None
) -> dict[str, Any]:
    """Template variables for an invitation, built from the `talent-invited` data.

    Keys: ``candidate``, ``position`` (as for rejections), ``message`` (HR's personal note,
    or ``""``), ``explanation`` (why the candidate matched, internal wording, or ``""``),
    ``respond_url`` (where to say yes, or ``""`` → templates ask for a reply), ``company``.
    """
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position),
        "message": (event.message or "").strip(),
        "explanation": (event.explanation or "").strip(),
        "respond_url": respond_url or "",
        "company": company_name,
    }


_SAMPLE_TIME: Final = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
_SAMPLE_SURVEY_URL: Final = "https://careers.example.com/survey/AbCdEf123"
_SAMPLE_RESPOND_URL: Final = "https://careers.example.com/invitations/XyZ789"


@cache
def _samples() -> dict[str, dict[str, Any]]:
    raw = resources.files(__package__).joinpath("samples.json")
    samples: dict[str, dict[str, Any]] = json.loads(raw.read_text(encoding="utf-8"))["samples"]
    return samples


def sample_context(kind: str, *, locale: str = "en", sparse: bool = False) -> dict[str, Any]:
    """A realistic context for `kind` (for previews and validation); `sparse` empties lists.

    The sample goes through the same `*_context` builder as real events, so a template that
    renders against it renders against real payloads too.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown template kind '{kind}'")
    language = "zh" if language_of(locale) == "zh" else "en"
    if kind.startswith("interview_"):
        # Imported here: interview_contexts builds on this module (first_name_guess).
        from notify_service.domain.templates.interview_contexts import interview_sample_context

        return interview_sample_context(kind, locale=locale, language=language, sparse=sparse)
    data = _samples()[language]
    candidate = CandidateInfo(**data["candidate"])
    position = PositionRef(**data["position"])
    if kind == "invitation":
        invited = TalentInvited(
            invitation_id="i-1",
            match_id="m-1",
            invited_by="hr-1",
            invited_at=_SAMPLE_TIME,
            candidate=candidate,
            position=position,
            message=None if sparse else data["message"],
            explanation=None if sparse else data["explanation"],
        )
        return invitation_context(
            invited,
            company_name=data["company"],
            respond_url=None if sparse else _SAMPLE_RESPOND_URL,
        )
    rejected = CandidateRejected(
        application_id="a-1",
        rejected_at=_SAMPLE_TIME,
        stage="screening" if sparse else "interview",
        decided_by="hr-1",
        candidate=candidate,
        position=position,
        strengths=[] if sparse else data["strengths"],
        reasons=[] if sparse else [Reason(**r) for r in data["reasons"]],
        suggestions=[] if sparse else data["suggestions"],
        scorecard=None if sparse else Scorecard(composite=7.1, dimensions={"technical": 8.0}),
    )
    return rejection_context(rejected, survey_url=_SAMPLE_SURVEY_URL, company_name=data["company"])
