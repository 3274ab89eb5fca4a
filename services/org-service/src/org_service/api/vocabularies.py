"""HR's vocabularies: the skills synonym table and the education spellings that screening,
candidate inputs, matching and tags accept (publishes `vocabulary-changed`)."""

from typing import Annotated
from urllib.parse import quote

from fastapi import Path, Query, Response
from pydantic import BaseModel

from org_service.api.schemas import EducationLevelRead, SkillRead
from org_service.domain.vocabularies import MAX_TERM_LENGTH
from org_service.service import vocabularies as use_cases
from org_service.service.inputs import EducationEntryPut, SkillEntryPut
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.events.payloads import Education
from talentloop_shared.http import (
    IfMatch,
    problem_responses,
    set_etag,
)
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/vocabularies", tags=["vocabularies"])

SkillPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_TERM_LENGTH,
        description="The skill: its key or any spelling of it ('kubernetes', 'K8s'), or a new one",
    ),
]
LevelPath = Annotated[Education, Path(description="A ladder level")]


def _skill(response: Response, item: use_cases.SkillItem) -> SkillRead:
    if item.custom is not None:
        set_etag(response, item.custom.version)
    return SkillRead.from_item(item)


class SkillFilters(BaseModel):
    """Which skills to list."""

    custom_only: Annotated[bool, Query(description="Only skills HR added to")] = False
    q: Annotated[str | None, Query(max_length=MAX_TERM_LENGTH)] = None


# The table is listed a page at a time; one skill is read, put and removed by hand below,
# its ETag being HR's part's version (a shipped skill has none).
skills = Resource(router, SkillRead.from_item, readers=Reader, item="/skills/{skill:path}")
skills.page(
    use_cases.list_skills,
    SkillFilters,
    summary="The effective skills synonym table (shipped + HR's)",
    description="Every skill screening, candidate inputs, matching and tags know, by key, with "
    "its labels and spellings. `custom_only=true` lists HR's entries only; `q` finds a skill "
    "by any spelling (substring, case-insensitive).",
)


@router.get(
    "/skills/{skill:path}",
    summary="One skill of the table, by any spelling (ETag = HR's entry version)",
    responses=problem_responses(401, 403, 404),
)
async def get_skill(
    skill: SkillPath, uow: UowDep, principal: Reader, response: Response
) -> SkillRead:
    return _skill(response, await use_cases.get_skill(uow, name=skill))


@router.put(
    "/skills/{skill:path}",
    summary="Add a skill's synonyms and labels (publishes `vocabulary-changed`)",
    description="`skill` names a shipped skill by any spelling (HR's entry extends it) or a "
    "new skill. The body is HR's whole entry: aliases and labels left out are removed from "
    "it (the shipped ones stay). 201 when HR's entry is new, 200 when changed or unchanged "
    "(unchanged: no new version, no event). An alias or label that another skill already "
    "has is a 409 naming that skill. `If-Match` optional (412 on a stale version). "
    "Candidates already screened are not re-screened; new screenings and matches use it.",
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def put_skill(
    skill: SkillPath,
    body: SkillEntryPut,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> SkillRead:
    item, created = await use_cases.put_skill(
        uow, name=skill, body=body, expected=expected, by=principal.sub
    )
    if created:
        response.status_code = 201
        response.headers["Location"] = (
            f"/api/v1/vocabularies/skills/{quote(item.entry.key, safe='')}"
        )
    return _skill(response, item)


@router.delete(
    "/skills/{skill:path}",
    status_code=204,
    summary="Remove HR's entry of a skill (publishes `vocabulary-changed`)",
    description="The shipped skill, if it is one, stays with its shipped spellings. 404 when "
    "HR has no entry for it. `If-Match` optional.",
    responses=problem_responses(401, 403, 404, 412),
)
async def delete_skill(
    skill: SkillPath, uow: UowDep, principal: HrAdmin, expected: IfMatch
) -> Response:
    await use_cases.delete_skill(uow, name=skill, expected=expected, by=principal.sub)
    return Response(status_code=204)


@router.get(
    "/education",
    summary="The education ladder and every spelling each level accepts",
    responses=problem_responses(401, 403),
)
async def list_education(uow: UowDep, principal: Reader) -> list[EducationLevelRead]:
    return [EducationLevelRead.from_item(i) for i in await use_cases.list_education(uow)]


@router.put(
    "/education/{level}",
    summary="Add spellings to a ladder level (publishes `vocabulary-changed`)",
    description="The body is HR's whole list for the level. 201 when new, 200 when changed "
    "or unchanged. A spelling that already means another level is a 409 naming it. "
    "`If-Match` optional.",
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def put_education(
    level: LevelPath,
    body: EducationEntryPut,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> EducationLevelRead:
    item, created = await use_cases.put_education(
        uow, level=level, body=body, expected=expected, by=principal.sub
    )
    if created:
        response.status_code = 201
    if item.custom is not None:
        set_etag(response, item.custom.version)
    return EducationLevelRead.from_item(item)


@router.delete(
    "/education/{level}",
    status_code=204,
    summary="Remove HR's spellings of a level (publishes `vocabulary-changed`)",
    responses=problem_responses(401, 403, 404, 412),
)
async def delete_education(
    level: LevelPath, uow: UowDep, principal: HrAdmin, expected: IfMatch
) -> Response:
    await use_cases.delete_education(uow, level=level, expected=expected, by=principal.sub)
    return Response(status_code=204)
