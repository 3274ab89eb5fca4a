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
thanks → strength → reason → suggestion: specific (the interviewers' own words first),
taken from the screening result or the evaluations, written in the candidate's language,
phrased neutrally (no scores, no ranking language) and as what the role needs rather
than what the candidate lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from recruiting_service.domain.errors import DomainValidationError, IllegalTransition
from recruiting_service.domain.screening import Unmet
from talentloop_shared.events.payloads import Reason, Stage

__all__ = [
    "ACTIONS",
    "DEFAULT_LOCALE",
    "DEFAULT_SUGGESTIONS",
    "FINAL_STATUSES",
    "GENERIC_SUGGESTION",
    "GENERIC_SUGGESTION_ZH",
    "STATUSES",
    "SYSTEM_ACTIONS",
    "ApplicationAction",
    "ApplicationStatus",
    "IllegalTransition",
    "RejectionContent",
    "SuggestionLibrary",
    "allowed_actions",
    "default_rejection_content",
    "is_final",
    "need_phrase",
    "rejection_stage",
    "status_after_screening",
    "suggestion_locales",
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

DEFAULT_LOCALE = "en"

GENERIC_SUGGESTION = (
    "Keep building on your strengths; we would be glad to see your application for a future role."
)
GENERIC_SUGGESTION_ZH = "请继续发挥您的优势，今后有合适的岗位，我们很期待再次看到您的申请。"

SuggestionLibrary = Mapping[str, Mapping[str, str]]
"""The suggestion library: locale → (reason code or dimension key) → template."""

# By locale, then by reason code or dimension key; "{subject}" is replaced by the specific
# skill, industry or language. HR edits a database copy of these later (per locale).
DEFAULT_SUGGESTIONS: dict[str, dict[str, str]] = {
    "en": {
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
    },
    "zh-CN": {
        "missing_experience": (
            "可以在现在的岗位上主动争取从方案到落地、完整负责的项目，这类经历正是同类岗位最看重的。"
        ),
        "missing_skill": (
            "建议在实际项目中积累{subject}的经验，例如主动承担一个用到{subject}的小项目，"
            "或系统地学习一门相关课程，并把成果整理成可以展示的案例。"
        ),
        "industry_mismatch": (
            "可以通过参与相关项目、行业交流活动或志愿服务，多接触{subject}行业，"
            "积累对这个行业的实际了解，这会让您今后的申请更有竞争力。"
        ),
        "education": (
            "如果有条件，可以考虑继续深造，或考取业内认可的专业资格证书，"
            "这会让您在同类岗位的申请中更有竞争力。"
        ),
        "missing_language": (
            "建议通过系统的课程或语言交换等方式，把{subject}提升到能在工作中熟练使用的水平，"
            "这会为您打开更多类似的机会。"
        ),
        "interview_concern": (
            "针对上面提到的这一点，可以在实际项目中有意识地多加锻炼，"
            "也可以通过模拟面试练习如何把相关经历讲清楚。"
        ),
        "technical": (
            "保持规律的动手实践，例如完成一个贴近真实业务场景的小项目，"
            "或定期做一些技术练习，专业能力会提升得很快。"
        ),
        "business": (
            "可以多关注这个领域的公司靠什么赚钱、日常重点跟踪哪些经营数据，"
            "这会帮助您加深对业务的理解。"
        ),
        "culture": (
            "可以多和在类似团队工作的人聊一聊，了解他们的工作方式，"
            "这能帮助您判断并展现自己与未来岗位的契合度。"
        ),
        "communication": (
            "回答问题时可以试试STAR结构（情境、任务、行动、结果），"
            "让您的经历表达得更清晰、更有说服力。"
        ),
        "leadership": "主动牵头一个项目，或带一带新同事，都是积累并展示领导力的好方法。",
        "generic": GENERIC_SUGGESTION_ZH,
    },
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

LANGUAGE_NAMES_ZH: dict[str, str] = {
    "zh": "中文",
    "en": "英语",
    "ja": "日语",
    "ko": "韩语",
    "fr": "法语",
    "de": "德语",
    "es": "西班牙语",
    "yue": "粤语",
}

# Chinese names of the usual dimension keys, for a Chinese reader when the organisation
# named its dimensions in English only (an English word in a Chinese notice reads cold).
DIMENSION_NAMES_ZH: dict[str, str] = {
    "technical": "专业技术能力",
    "business": "业务理解能力",
    "culture": "文化契合度",
    "communication": "沟通表达能力",
    "leadership": "领导力",
}

_EDUCATION_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "bachelor": "a bachelor's degree or higher",
        "master": "a master's degree or higher",
        "phd": "a doctorate (PhD)",
    },
    "zh": {
        "bachelor": "本科及以上学历",
        "master": "硕士研究生及以上学历",
        "phd": "博士研究生学历",
    },
}

# Leading words that turn an interviewer's concern ("no Go experience", "缺少渠道经验")
# into what the role needs ("Go experience"): a notice says what the role asks for, it
# does not list what the candidate lacks. Longest first, so "lack of" wins over "lack".
DEFICIT_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        (
            "no ",
            "lack of ",
            "lacks ",
            "lacking ",
            "missing ",
            "limited ",
            "insufficient ",
            "not enough ",
            "缺少",
            "缺乏",
            "没有",
            "欠缺",
            "不具备",
            "不够",
        ),
        key=len,
        reverse=True,
    )
)

_UNMET_CODES: dict[str, str] = {
    "min_years_experience": "missing_experience",
    "required_skills": "missing_skill",
    "industries": "industry_mismatch",
    "education": "education",
    "languages": "missing_language",
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


class RejectionContent(BaseModel):
    """The specific parts of a rejection notice: strengths, reasons, suggestions."""

    model_config = ConfigDict(frozen=True)

    strengths: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Gap:
    """A reason plus what the suggestion lookup needs (and the wording it came from)."""

    reason: Reason
    dimension_key: str | None = None
    subject: str = ""
    source: str = ""  # the interviewer's own words, before rephrasing


def _is_zh(locale: str) -> bool:
    return _norm_locale(locale).startswith("zh")


def _norm_locale(locale: str | None) -> str:
    return (locale or "").strip().replace("_", "-").lower()


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _join(items: Sequence[str], *, zh: bool) -> str:
    """`a`, `a or b`, `a, b or c` (zh: `a或b`, `a、b或c`)."""
    if len(items) <= 1:
        return "".join(items)
    head, last = items[:-1], items[-1]
    return f"{'、'.join(head)}或{last}" if zh else f"{', '.join(head)} or {last}"


def _language_name(code: str, *, zh: bool) -> str:
    primary = code.split("-", 1)[0].lower()
    return (LANGUAGE_NAMES_ZH if zh else LANGUAGE_NAMES).get(primary, code)


def _dimension_name(key: str, names: Mapping[str, str], *, zh: bool = False) -> str:
    name = names.get(key) or ""
    if zh and not _CJK.search(name) and key in DIMENSION_NAMES_ZH:
        return DIMENSION_NAMES_ZH[key]
    return name or key.replace("_", " ").capitalize()


def _lower_first(name: str) -> str:
    # "Business understanding" → "business understanding", but "SQL skills" stays.
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _dedupe(values: Iterable[str]) -> list[str]:
    """Drop blanks and repeats (ignoring case and spacing), keeping first-seen wording."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text and text.lower() not in seen:
            seen[text.lower()] = text
    return list(seen.values())


def need_phrase(concern: str) -> str:
    """Rephrase a concern as what the role needs by dropping a leading negation.

    ``"缺少华东区域渠道管理经验"`` → ``"华东区域渠道管理经验"``, ``"no Go experience"`` →
    ``"Go experience"``. Anything else is kept verbatim, and so is a concern that would be
    left empty.
    """
    text = " ".join(concern.split())
    lowered = text.lower()
    for prefix in DEFICIT_PREFIXES:
        if lowered.startswith(prefix):
            rest = text[len(prefix) :].strip()
            return rest or text
    return text


def _gap_from_unmet(unmet: Unmet, *, zh: bool) -> _Gap:
    code = _UNMET_CODES.get(unmet.requirement, unmet.requirement)
    expected = unmet.expected
    if unmet.requirement == "min_years_experience" and isinstance(expected, int | float):
        years = _fmt_number(expected)
        if zh:
            text = f"{years}年以上相关工作经验"
        else:
            text = f"at least {years} {'year' if expected == 1 else 'years'} of relevant experience"
        return _Gap(Reason(code=code, text=text))
    if unmet.requirement == "required_skills":
        skill = str(expected)
        text = f"{skill}方面的实际经验" if zh else f"hands-on experience with {skill}"
        return _Gap(Reason(code=code, text=text), subject=skill)
    if unmet.requirement == "industries":
        wanted = [str(i) for i in expected] if isinstance(expected, list) else [str(expected)]
        industries = _join(wanted, zh=zh)
        text = f"{industries}行业的从业经验" if zh else f"experience in the {industries} industry"
        return _Gap(Reason(code=code, text=text), subject=industries)
    if unmet.requirement == "education":
        texts = _EDUCATION_TEXT["zh" if zh else "en"]
        fallback = f"{expected}学历" if zh else f"{expected} education"
        return _Gap(Reason(code=code, text=texts.get(str(expected), fallback)))
    if unmet.requirement == "languages":
        name = _language_name(str(expected), zh=zh)
        text = f"熟练的{name}工作能力" if zh else f"working proficiency in {name}"
        return _Gap(Reason(code=code, text=text), subject=name)
    return _Gap(Reason(code=code, text=f"{unmet.requirement}: {expected}"))


def _interview_gaps(
    dimension_means: Mapping[str, float],
    names: Mapping[str, str],
    concerns: Sequence[str],
    *,
    zh: bool,
) -> list[_Gap]:
    weakest = sorted(
        (item for item in dimension_means.items() if item[1] < WEAK_MAX_SCORE),
        key=lambda item: item[1],
    )[:MAX_DIMENSION_REASONS]
    gaps: list[_Gap] = []
    for key, _mean in weakest:
        name = _dimension_name(key, names, zh=zh)
        # The candidate sees this sentence: name the area, never the number.
        text = f"更扎实的{name}" if zh else f"a stronger level of {_lower_first(name)}"
        gaps.append(_Gap(Reason(code=f"low_{key}", text=text), dimension_key=key, subject=name))
    for concern in _dedupe(concerns):
        need = need_phrase(concern)
        gaps.append(_Gap(Reason(code="interview_concern", text=need), subject=need, source=concern))
    return gaps


def suggestion_locales(locale: str, available: Iterable[str]) -> list[str]:
    """The library locales to try for a reader, best first.

    The exact locale, then its bare language, then other regions of that language
    (``zh-TW`` for ``zh-HK``), then English: a Chinese reader gets a Chinese suggestion
    whenever the library has one, even a less specific one.
    """
    wanted = _norm_locale(locale)
    language = wanted.split("-", 1)[0]
    by_norm = {_norm_locale(a): a for a in sorted(available)}
    order: list[str] = []
    for norm in (wanted, language):
        if norm in by_norm:
            order.append(by_norm[norm])
    order += [a for n, a in by_norm.items() if language and n.split("-", 1)[0] == language]
    if DEFAULT_LOCALE in by_norm:
        order.append(by_norm[DEFAULT_LOCALE])
    return list(dict.fromkeys(order))


def _suggestion(gap: _Gap, libraries: Sequence[Mapping[str, str]], generic: str) -> str:
    for library in libraries:
        for key in (gap.reason.code, gap.dimension_key, "generic"):
            template = library.get(key) if key else None
            if template and (gap.subject or "{subject}" not in template):
                return template.replace("{subject}", gap.subject)
    return generic


def default_rejection_content(
    *,
    stage: Stage,
    locale: str,
    unmet: Sequence[Unmet],
    dimension_means: Mapping[str, float],
    dimension_names: Mapping[str, str],
    evaluations_strengths: Sequence[str],
    evaluations_concerns: Sequence[str],
    suggestion_library: SuggestionLibrary,
    matched_skills: Sequence[str] = (),
) -> RejectionContent:
    """Build the default strengths, reasons and suggestions of a rejection notice.

    Everything generated here is phrased for the candidate's `locale` (Chinese for any
    ``zh*`` locale, English otherwise); the interviewers' own words are kept as written.

    Strengths: the interviewers' written strengths first (they are the specific part),
    then at `screening` the position's skills the candidate has (`matched_skills`), at
    `interview`/`offer` the names of the best dimensions (mean ≥ 7, up to 2, never with
    their scores); 3 in all. Reasons: at `screening` the unmet requirements; at
    `interview`/`offer` the weakest dimensions (mean < 6, up to 2) then the interviewers'
    concerns, rephrased as what the role needs (`need_phrase`). When the stage's own
    source is empty the other one is used; at most 3. Reasons read as need-phrases after
    "this role needs …" / "这个岗位需要……". Suggestions come from `suggestion_library`
    (locale → code → template) in the reader's language first (`suggestion_locales`),
    by reason code, then dimension key, then `generic`; deduplicated, at most 3.
    """
    zh = _is_zh(locale)
    screening_gaps = [_gap_from_unmet(u, zh=zh) for u in unmet]
    interview_gaps = _interview_gaps(dimension_means, dimension_names, evaluations_concerns, zh=zh)
    if stage == "screening":
        gaps = screening_gaps or interview_gaps
        strengths = _dedupe([*evaluations_strengths, *matched_skills])
    else:
        gaps = interview_gaps or screening_gaps
        best = sorted(
            (item for item in dimension_means.items() if item[1] >= STRENGTH_MIN_SCORE),
            key=lambda item: item[1],
            reverse=True,  # sorted() is stable, so ties keep the scheme order
        )[:MAX_DIMENSION_STRENGTHS]
        dimension_strengths = [_dimension_name(key, dimension_names, zh=zh) for key, _ in best]
        strengths = _dedupe([*evaluations_strengths, *dimension_strengths])

    gaps = gaps[:MAX_REASONS]
    libraries = [suggestion_library[loc] for loc in suggestion_locales(locale, suggestion_library)]
    generic = GENERIC_SUGGESTION_ZH if zh else GENERIC_SUGGESTION
    if gaps:
        suggestions = _dedupe(_suggestion(g, libraries, generic) for g in gaps)
    else:
        suggestions = [next((lib["generic"] for lib in libraries if lib.get("generic")), generic)]
    return RejectionContent(
        strengths=strengths[:MAX_STRENGTHS],
        reasons=[g.reason for g in gaps],
        suggestions=suggestions[:MAX_SUGGESTIONS],
    )
