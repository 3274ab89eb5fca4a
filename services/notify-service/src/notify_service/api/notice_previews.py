"""The rejection notice a candidate would get, before anyone rejects them."""

from notify_service.api.schemas import NoticePreviewRead
from notify_service.service import notices
from notify_service.service.inputs import RejectionNoticePreviewRequest
from talentloop_shared.auth.roles import Recruiter
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/notices", tags=["notifications"])


@router.post(
    "/preview",
    summary="Preview the rejection notice for these candidate-rejected fields",
    description="Chooses the template and renders the notice exactly as a `candidate-rejected` "
    "with these fields would now (the candidate's language, the position's job family, the "
    "stage, how close the scores came, HR's words phrased for the notice), runs the "
    "compliance guard, and says whether it would be scheduled or held for review. One "
    "preview per channel; nothing is stored or sent.",
    response_model=list[NoticePreviewRead],
    responses=problem_responses(401, 403, 422),
)
async def preview_rejection_notice(
    body: RejectionNoticePreviewRequest, uow: UowDep, principal: Recruiter
) -> list[NoticePreviewRead]:
    payload = body.as_event(by=principal.sub, at=uow.clock.now())
    previews = await notices.preview_rejection_notice(uow, payload=payload)
    return [NoticePreviewRead.from_notice(n) for n in previews]
