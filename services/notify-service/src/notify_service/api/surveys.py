"""The candidate survey: an HTML page and form (public; the token is the credential)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from notify_service.api import survey_pages
from notify_service.api.schemas import SurveyReceipt
from notify_service.domain import SurveyAnswers
from notify_service.service.state import notify_state
from notify_service.service.survey_links import LINK_PROBLEMS
from notify_service.service.surveys import answer_survey, open_survey
from talentloop_shared.errors import Gone, ProblemError
from talentloop_shared.http import problem_responses
from talentloop_shared.service import RuntimeDep, UowDep, api_router

TokenPath = Annotated[str, Path(max_length=400, description="The token from the notice's link")]


async def _rate_limit(token: TokenPath, request: Request, rt: RuntimeDep) -> None:
    """429 once this link or this client address has asked too often (before anything
    else is looked at, the token included)."""
    address = request.client.host if request.client else "unknown"
    notify_state(rt).survey_limiter.hit(token=token, address=address)


# Public: the token is the credential, so every survey endpoint is rate-limited.
pages = APIRouter(tags=["survey"], dependencies=[Depends(_rate_limit)])
router = api_router(prefix="/api/v1/surveys", tags=["survey"], dependencies=[Depends(_rate_limit)])

_HTML_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"content": {"text/html": {}}, "description": "The link is not valid"},
    410: {"content": {"text/html": {}}, "description": "The link has expired"},
    **problem_responses(429),
}


def _link_problem(exc: ProblemError) -> HTMLResponse:
    page = survey_pages.link_problem(expired=isinstance(exc, Gone))
    return HTMLResponse(page, status_code=exc.status)


@pages.get(
    "/survey/{token}",
    summary="The survey page (HTML)",
    response_class=HTMLResponse,
    responses=_HTML_ERRORS,
)
async def survey_page(token: TokenPath, uow: UowDep) -> HTMLResponse:
    try:
        notice, previous = await open_survey(uow, token=token)
    except LINK_PROBLEMS as exc:
        return _link_problem(exc)
    return HTMLResponse(
        survey_pages.survey_form(
            locale=notice.locale,
            action=f"/survey/{token}",
            previous=previous,
            packs=notify_state(uow).packs,
        )
    )


def _form_answers(form: dict[str, str]) -> SurveyAnswers:
    data: dict[str, object] = {}
    for key in ("tone", "detail", "timeliness", "helpfulness"):
        if form.get(key, "").strip():
            data[key] = form[key].strip()
    if form.get("comment", "").strip():
        data["comment"] = form["comment"].strip()
    # Yes or no from the radio buttons; left unanswered, the question says nothing (any
    # other value is the field's 422).
    future = form.get("open_to_future_roles", "").strip().lower()
    if future:
        data["open_to_future_roles"] = _YES_NO.get(future, future)
    return SurveyAnswers.model_validate(data)


_YES_NO = {
    "yes": True,
    "on": True,
    "true": True,
    "1": True,
    "no": False,
    "false": False,
    "0": False,
}


@pages.post(
    "/survey/{token}",
    summary="Submit the survey form (form-encoded; HTML thank-you page)",
    response_class=HTMLResponse,
    responses=_HTML_ERRORS,
)
async def submit_survey_form(token: TokenPath, request: Request, uow: UowDep) -> HTMLResponse:
    try:
        notice, previous = await open_survey(uow, token=token)
    except LINK_PROBLEMS as exc:
        return _link_problem(exc)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        # Not the form's answer: an empty answer would be stored over the candidate's own
        # (and published). The JSON answer has its own route.
        raise ProblemError(
            415,
            "Unsupported Media Type",
            "the survey form is sent as application/x-www-form-urlencoded; "
            f"JSON answers go to POST /api/v1/surveys/{{token}}, not {media_type or 'no type'}",
            type_="unsupported-media-type",
        )
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        answers = _form_answers(fields)
    except ValidationError as exc:
        wrong = ", ".join(str(e["loc"][0]) for e in exc.errors() if e.get("loc"))
        return HTMLResponse(
            survey_pages.survey_form(
                locale=notice.locale,
                action=f"/survey/{token}",
                previous=previous,
                error=wrong,
                packs=notify_state(uow).packs,
            ),
            status_code=422,
        )
    await answer_survey(uow, token=token, answers=answers)
    return HTMLResponse(survey_pages.thank_you(notice.locale, notify_state(uow).packs))


@router.post(
    "/{token}",
    summary="Answer a survey (JSON)",
    response_model=SurveyReceipt,
    responses=problem_responses(404, 410, 422, 429),
)
async def submit_survey(token: TokenPath, body: SurveyAnswers, uow: UowDep) -> SurveyReceipt:
    return SurveyReceipt.model_validate(await answer_survey(uow, token=token, answers=body))
