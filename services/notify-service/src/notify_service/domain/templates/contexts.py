"""What a template sees: the variables built from a `candidate-rejected` or `talent-invited`
event, and realistic samples of them for previews and validation (`samples.json`).

A rejection's strengths, reasons and suggestions go through the shared phrasing step
(`talentloop_shared.language.phrase_notice`) for the notice's language: each arrives as a
`Phrased` whose `need` fits the template's frame ("this role needs {{ reason.need }}") and
whose `sentence` stands on its own when it cannot ("The panel's main concern: …"); what
could not be fitted is flagged (`phrasing_flags`) and the service holds the notice for HR.
The position's title is the one in the notice's language when the event carries it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any, Final, Literal, get_args

from notify_service.domain.interviews import INTERVIEW_KINDS
from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    PositionRef,
    Reason,
    Scorecard,
    TalentInvited,
)
from talentloop_shared.i18n import language_of, locale_chain, translated
from talentloop_shared.language import LanguagePacks, PhrasedNotice, phrase_notice, phraser

__all__ = [
    "KINDS",
    "TemplateKind",
    "first_name_guess",
    "invitation_context",
    "phrased_rejection",
    "phrasing_flags",
    "rejection_context",
    "sample_context",
    "translated",
]

TemplateKind = Literal[
    "rejection",
    "invitation",
    "interview_invitation",
    "interview_update",
    "interview_cancellation",
    "interview_reminder",
    "scorecard_due",
]
KINDS: Final[tuple[str, ...]] = get_args(TemplateKind)
"""Template kinds whose context this module knows how to build and validate (the
interview kinds' contexts are built in `interview_contexts`)."""

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


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


def _candidate(info: CandidateInfo) -> dict[str, Any]:
    # Contact details are left out on purpose: templates don't need them.
    return {
        "name": info.name,
        "first_name": first_name_guess(info.name),
        "locale": info.locale,
        "talent_pool_consent": info.talent_pool_consent,
        "background": info.background or "",
    }


def _position(ref: PositionRef, locale: str | None = None) -> dict[str, Any]:
    return {
        "title": translated(ref.title, ref.titles, locale),
        "org_unit_name": ref.org_unit_name,
        "job_family": ref.job_family,
    }


def phrased_rejection(
    event: CandidateRejected, locale: str | None, *, packs: LanguagePacks | None = None
) -> PhrasedNotice:
    """The event's strengths, reasons and suggestions phrased for a reader in `locale`."""
    return phrase_notice(
        locale,
        strengths=event.strengths,
        reasons=event.reasons,
        suggestions=event.suggestions,
        packs=packs,
    )


def phrasing_flags(
    phrased: PhrasedNotice, *, packs: LanguagePacks | None = None
) -> list[dict[str, Any]]:
    """What HR should look at before the notice goes out, as notices store flags:
    one per flagged phrase (category ``phrasing``), its notes explained in the notice's
    language, the sentence the candidate would read as the excerpt."""
    engine = phraser(phrased.locale, packs)
    sources = {"strength": "strengths", "reason": "reasons", "suggestion": "suggestions"}
    return [
        {
            "category": "phrasing",
            "phrase": item.source.strip(),
            "excerpt": item.sentence,
            "source": sources[item.kind],
            "notes": list(item.notes) or ["quoted"],
            "why": "; ".join(engine.note_text(n) for n in (item.notes or ("quoted",))),
        }
        for item in phrased.flagged
    ]


def rejection_context(
    event: CandidateRejected,
    *,
    survey_url: str,
    company_name: str,
    locale: str | None = None,
    packs: LanguagePacks | None = None,
    phrased: PhrasedNotice | None = None,
) -> dict[str, Any]:
    """Template variables for a rejection notice, built from the `candidate-rejected` data,
    for a reader in `locale` (the candidate's by default).

    Keys: ``candidate`` (name, first_name, locale, talent_pool_consent, background),
    ``position`` (title in the reader's language, org_unit_name, job_family), ``stage``,
    ``band`` (``close``/``far``/``""``), ``strengths`` / ``strength`` (first that reads as
    a strength), ``reasons`` / ``reason`` (first), ``suggestions`` / ``suggestion``
    (first), ``survey_url``, ``company``. Strengths, reasons and suggestions are `Phrased`
    items: ``{{ reason }}`` prints what fits a frame (or the quoted sentence),
    ``reason.need`` / ``reason.sentence`` / ``reason.fits`` / ``reason.nominal`` /
    ``reason.form`` / ``reason.code`` let a template choose. Missing singulars are ``""``
    so ``{% if strength %}`` reads naturally; an empty list leaves its paragraph out.
    """
    reader = locale or event.candidate.locale
    notice = phrased or phrased_rejection(event, reader, packs=packs)
    strengths = list(notice.strengths)
    praise = [s for s in strengths if s.fits]  # a gap written as a strength is not praise
    reasons = list(notice.reasons)
    suggestions = list(notice.suggestions)
    scorecard = event.scorecard
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position, reader),
        "stage": event.stage,
        "band": (scorecard.band if scorecard and scorecard.band else "") or "",
        "strengths": strengths,
        "strength": praise[0] if praise else "",
        "reasons": reasons,
        "reason": reasons[0] if reasons else "",
        "suggestions": suggestions,
        "suggestion": suggestions[0] if suggestions else "",
        "survey_url": survey_url,
        "company": company_name,
    }


def invitation_context(
    event: TalentInvited,
    *,
    company_name: str,
    respond_url: str | None = None,
    locale: str | None = None,
) -> dict[str, Any]:
    """Template variables for an invitation, built from the `talent-invited` data.

    Keys: ``candidate``, ``position`` (as for rejections), ``message`` (HR's personal note,
    or ``""``), ``explanation`` (why the candidate matched, internal wording, or ``""``),
    ``respond_url`` (where to say yes, or ``""`` → templates ask for a reply), ``company``.
    """
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position, locale or event.candidate.locale),
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
    if kind in INTERVIEW_KINDS:
        # Imported here: interview_contexts builds on this module (first_name_guess).
        from notify_service.domain.templates.interview_contexts import interview_sample_context

        return interview_sample_context(kind, locale=locale, language=language, sparse=sparse)
    samples = _samples()
    key = next((tag for tag in locale_chain(locale) if tag in samples), None)
    if key is None:  # another regional Chinese reads the zh-CN sample rather than English
        key = "zh-CN" if language_of(locale) == "zh" else "en"
    data = samples[key]
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
        scorecard=None
        if sparse
        else Scorecard(composite=7.1, dimensions={"technical": 8.0}, band="close"),
    )
    return rejection_context(
        rejected, survey_url=_SAMPLE_SURVEY_URL, company_name=data["company"], locale=locale
    )
