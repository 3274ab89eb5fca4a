"""Application status machine and the default content of rejection notices (S3).

Status machine (`transition`)::

    screening    --advance--> interviewing --advance--> offer --hire--> hired
    screening    <--screen_in-- screened_out           (system: re-screening passed)
    screening    --screen_out--> screened_out          (system: (re-)screening failed)
    interviewing --hire--> hired                       (hire without a formal offer stage)
    screening | screened_out | interviewing | offer --reject--> rejected
    screening | screened_out | interviewing | offer --withdraw--> withdrawn

`hired`, `rejected` and `withdrawn` are final. Hiring straight from `interviewing` is
allowed on purpose: many HR teams make and track the offer in their ERP, and the
`/hire` endpoint must still close the loop for them. Screening moves (`screen_in`,
`screen_out`) belong to the system's (re-)screening, never to a person.

Rejection content (`default_rejection_content`) follows the notice shape
thanks → strength → reason → suggestion: specific, taken from the screening result or
the evaluations, phrased neutrally (no scores in reasons, no ranking language).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from recruiting_service.domain.errors import DomainValidationError, IllegalTransition
from recruiting_service.domain.screening import Unmet
from talentloop_shared.events.payloads import Reason, Stage

__all__ = [
    "ACTIONS",
    "DEFAULT_SUGGESTIONS",
    "FINAL_STATUSES",
    "GENERIC_SUGGESTION",
    "STATUSES",
    "SYSTEM_ACTIONS",
    "ApplicationAction",
    "ApplicationStatus",
    "IllegalTransition",
    "RejectionContent",
    "allowed_actions",
    "default_rejection_content",
    "is_final",
    "rejection_stage",
    "status_after_screening",
    "transition",
]

ApplicationStatus = Literal[
    "screening", "screened_out", "interviewing", "offer", "hired", "rejected", "withdrawn"
]
ApplicationAction = Literal["advance", "hire", "reject", "withdraw", "screen_in", "screen_out"]

STATUSES: tuple[ApplicationStatus, ...] = get_args(ApplicationStatus)
ACTIONS: tuple[ApplicationAction, ...] = get_args(ApplicationAction)
SYSTEM_ACTIONS: frozenset[str] = frozenset({"screen_in", "screen_out"})

_TRANSITIONS: dict[str, dict[str, ApplicationStatus]] = {
    "screening": {
        "advance": "interviewing",
        "reject": "rejected",
        "withdraw": "withdrawn",
        "screen_out": "screened_out",
    },
    "screened_out": {"reject": "rejected", "withdraw": "withdrawn", "screen_in": "screening"},
    "interviewing": {
        "advance": "offer",
        "hire": "hired",
        "reject": "rejected",
        "withdraw": "withdrawn",
    },
    "offer": {"hire": "hired", "reject": "rejected", "withdraw": "withdrawn"},
    "hired": {},
    "rejected": {},
    "withdrawn": {},
}

FINAL_STATUSES: frozenset[str] = frozenset(s for s, moves in _TRANSITIONS.items() if not moves)

_REJECTION_STAGE: dict[str, Stage] = {
    "screening": "screening",
    "screened_out": "screening",
    "interviewing": "interview",
    "offer": "offer",
}


def _check_status(current: str) -> None:
    if current not in _TRANSITIONS:
        raise DomainValidationError("status", f"unknown application status {current!r}")


def allowed_actions(current: str, *, by_system: bool = False) -> tuple[str, ...]:
    """Return the actions allowed from a status (system screening moves only if by_system)."""
    _check_status(current)
    return tuple(a for a in _TRANSITIONS[current] if by_system or a not in SYSTEM_ACTIONS)


def transition(current: str, action: str, *, by_system: bool = False) -> ApplicationStatus:
    """Return the status after `action`, or raise `IllegalTransition` listing allowed moves."""
    allowed = allowed_actions(current, by_system=by_system)
    if action not in allowed:
        raise IllegalTransition(current, action, allowed)
    return _TRANSITIONS[current][action]


def is_final(status: str) -> bool:
    """Return True when the application is decided (`hired`, `rejected`, `withdrawn`)."""
    _check_status(status)
    return status in FINAL_STATUSES


def status_after_screening(current: str, *, passed: bool) -> ApplicationStatus:
    """Return the status after a (re-)screening result.

    Only applications still at the screening step move (`screening` ↔ `screened_out`).
    Later statuses keep their place: a candidate already interviewing is not silently
    dropped because the requirements changed; HR sees the new result and decides.
    """
    _check_status(current)
    if current == "screening" and not passed:
        return transition(current, "screen_out", by_system=True)
    if current == "screened_out" and passed:
        return transition(current, "screen_in", by_system=True)
    return current  # type: ignore[return-value]  # checked by _check_status


def rejection_stage(current: str) -> Stage:
    """Return the notice stage of a rejection from this status, or raise if not rejectable."""
    stage = _REJECTION_STAGE.get(current)
    if stage is None:
        raise IllegalTransition(current, "reject", allowed_actions(current))
    return stage


# --- rejection content ------------------------------------------------------------------

STRENGTH_MIN_SCORE = 7.0
WEAK_MAX_SCORE = 6.0  # a dimension mean below this is a reason
MAX_STRENGTHS = 3
MAX_DIMENSION_STRENGTHS = 2
MAX_DIMENSION_REASONS = 2  # leaves room for at least one interviewer's specific concern
MAX_REASONS = 3
MAX_SUGGESTIONS = 3

GENERIC_SUGGESTION = (
    "Keep building on your strengths; we would be glad to see your application for a future role."
)

# Keyed by reason code, then by dimension key; "{subject}" is replaced by the specific
# skill, industry, language or dimension. HR edits a database copy of these later.
DEFAULT_SUGGESTIONS: dict[str, str] = {
    "missing_experience": (
        "Taking on projects with more end-to-end responsibility in your current role "
        "will build the experience roles like this ask for."
    ),
    "missing_skill": (
        "A hands-on project or course in {subject} would strengthen a future application."
    ),
    "industry_mismatch": (
        "Projects or volunteering that give you exposure to {subject} would make "
        "a future application stronger."
    ),
    "education": (
        "Further study or a recognised professional certification can bridge the "
        "education requirement for roles like this."
    ),
    "missing_language": (
        "Building working proficiency in {subject}, for example through a course or "
        "a language exchange, would open up roles like this."
    ),
    "interview_concern": (
        "Working on the point above in a real project, or practising it in a mock "
        "interview, is a good next step."
    ),
    "technical": (
        "Regular hands-on practice, such as a small real-world project or technical "
        "exercises, tends to deepen technical skills quickly."
    ),
    "business": (
        "Following how companies in this field make money, and the numbers they "
        "track, will sharpen your business understanding."
    ),
    "culture": (
        "Talking with people who work in teams like ours, or reading about how they "
        "work, can help you judge and show your fit for future roles."
    ),
    "communication": (
        "Practising structured answers (situation, task, action, result) helps your "
        "experience come across clearly."
    ),
    "leadership": (
        "Leading a project or mentoring a colleague is a good way to build and show leadership."
    ),
    "generic": GENERIC_SUGGESTION,
}

LANGUAGE_NAMES: dict[str, str] = {
    "zh": "Chinese",
    "en": "English",
    "ja": "Japanese",
    "ko": "Korean",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "yue": "Cantonese",
}

_EDUCATION_TEXT: dict[str, str] = {
    "bachelor": "a bachelor's degree or higher",
    "master": "a master's degree or higher",
    "phd": "a doctorate (PhD)",
}

_UNMET_CODES: dict[str, str] = {
    "min_years_experience": "missing_experience",
    "required_skills": "missing_skill",
    "industries": "industry_mismatch",
    "education": "education",
    "languages": "missing_language",
}


class RejectionContent(BaseModel):
    """The specific parts of a rejection notice: strengths, reasons, suggestions."""

    model_config = ConfigDict(frozen=True)

    strengths: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Gap:
    """A reason plus what the suggestion lookup needs."""

    reason: Reason
    dimension_key: str | None = None
    subject: str = ""


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _language_name(code: str) -> str:
    primary = code.split("-", 1)[0].lower()
    return LANGUAGE_NAMES.get(primary, code)


def _dimension_name(key: str, names: Mapping[str, str]) -> str:
    return names.get(key) or key.replace("_", " ").capitalize()


def _dedupe(values: Iterable[str]) -> list[str]:
    """Drop blanks and repeats (ignoring case and spacing), keeping first-seen wording."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text and text.lower() not in seen:
            seen[text.lower()] = text
    return list(seen.values())


def _gap_from_unmet(unmet: Unmet) -> _Gap:
    code = _UNMET_CODES.get(unmet.requirement, unmet.requirement)
    expected, actual = unmet.expected, unmet.actual
    if unmet.requirement == "min_years_experience" and isinstance(expected, int | float):
        years = _fmt_number(expected)
        text = f"at least {years} {'year' if expected == 1 else 'years'} of experience"
        if isinstance(actual, int | float):
            text += f" (you have {_fmt_number(actual)})"
        return _Gap(Reason(code=code, text=text))
    if unmet.requirement == "required_skills":
        return _Gap(
            Reason(code=code, text=f"hands-on {expected} experience"), subject=str(expected)
        )
    if unmet.requirement == "industries":
        wanted = list(expected) if isinstance(expected, list) else [str(expected)]
        if len(wanted) == 1:
            text = f"experience in the {wanted[0]} industry"
        else:
            text = f"experience in one of these industries: {', '.join(wanted)}"
        return _Gap(Reason(code=code, text=text), subject=" or ".join(wanted))
    if unmet.requirement == "education":
        text = _EDUCATION_TEXT.get(str(expected), f"{expected} education")
        return _Gap(Reason(code=code, text=text))
    if unmet.requirement == "languages":
        name = _language_name(str(expected))
        return _Gap(Reason(code=code, text=f"working proficiency in {name}"), subject=name)
    return _Gap(Reason(code=code, text=f"{unmet.requirement}: {expected}"))


def _screening_gaps(unmet: Sequence[Unmet]) -> list[_Gap]:
    return [_gap_from_unmet(u) for u in unmet]


def _interview_gaps(
    dimension_means: Mapping[str, float], names: Mapping[str, str], concerns: Sequence[str]
) -> list[_Gap]:
    weakest = sorted(
        (item for item in dimension_means.items() if item[1] < WEAK_MAX_SCORE),
        key=lambda item: item[1],
    )[:MAX_DIMENSION_REASONS]
    gaps: list[_Gap] = []
    for key, _mean in weakest:
        name = _dimension_name(key, names)
        # The candidate sees this sentence: name the area, never the number.
        text = f"stronger {name[:1].lower()}{name[1:]}"
        gaps.append(_Gap(Reason(code=f"low_{key}", text=text), dimension_key=key, subject=name))
    gaps += [_Gap(Reason(code="interview_concern", text=c), subject=c) for c in _dedupe(concerns)]
    return gaps


def _suggestion(gap: _Gap, library: Mapping[str, str]) -> str:
    for key in (gap.reason.code, gap.dimension_key, "generic"):
        template = library.get(key) if key else None
        if template and (gap.subject or "{subject}" not in template):
            return template.replace("{subject}", gap.subject)
    return GENERIC_SUGGESTION


def default_rejection_content(
    *,
    stage: Stage,
    unmet: Sequence[Unmet],
    dimension_means: Mapping[str, float],
    dimension_names: Mapping[str, str],
    evaluations_strengths: Sequence[str],
    evaluations_concerns: Sequence[str],
    suggestion_library: Mapping[str, str],
    matched_skills: Sequence[str] = (),
) -> RejectionContent:
    """Build the default strengths, reasons and suggestions of a rejection notice.

    At `screening`: reasons from the unmet requirements, strengths from the position's
    skills the candidate has (`matched_skills`). At `interview`/`offer`: strengths from the
    best dimensions (mean ≥ 7, up to 2) and the interviewers' strengths (3 in all);
    reasons from the weakest dimensions (mean < 6, up to 2) then the interviewers'
    concerns. When the stage's own source is empty the other one is used. At most 3
    reasons; suggestions come from `suggestion_library` by reason code, then dimension
    key, then its `generic` entry, deduplicated, at most 3.
    """
    screening_gaps = _screening_gaps(unmet)
    interview_gaps = _interview_gaps(dimension_means, dimension_names, evaluations_concerns)
    if stage == "screening":
        gaps = screening_gaps or interview_gaps
        strengths = _dedupe([*matched_skills, *evaluations_strengths])
    else:
        gaps = interview_gaps or screening_gaps
        best = sorted(
            (item for item in dimension_means.items() if item[1] >= STRENGTH_MIN_SCORE),
            key=lambda item: item[1],
            reverse=True,  # sorted() is stable, so ties keep the scheme order
        )[:MAX_DIMENSION_STRENGTHS]
        dimension_strengths = [
            f"{_dimension_name(key, dimension_names)} ({mean:.1f}/10)" for key, mean in best
        ]
        strengths = _dedupe([*dimension_strengths, *evaluations_strengths])

    gaps = gaps[:MAX_REASONS]
    if gaps:
        suggestions = _dedupe(_suggestion(g, suggestion_library) for g in gaps)
    else:
        suggestions = [suggestion_library.get("generic") or GENERIC_SUGGESTION]
    return RejectionContent(
        strengths=strengths[:MAX_STRENGTHS],
        reasons=[g.reason for g in gaps],
        suggestions=suggestions[:MAX_SUGGESTIONS],
    )
