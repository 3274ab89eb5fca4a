"""HR's synonyms (`vocabulary-changed`, published here as org-service would) reach
screening and candidate inputs; an older version never replaces a newer one.

The suite's database is shared: each test uses spellings no other test uses, and versions
above the one stored when it starts.
"""

from __future__ import annotations

import uuid
from typing import Any

from recruiting_testkit import Recruiting
from sqlalchemy import select

from recruiting_service.db.models import CustomVocabulary
from talentloop_shared.events.payloads import Requirements, VocabularyChanged
from talentloop_shared.language.effective import effective_vocabularies
from talentloop_shared.language.vocabulary import SkillEntry, SkillVocabulary, education_to_json
from talentloop_shared.testing.harness import applied


def skills_table(*entries: SkillEntry) -> dict[str, object]:
    return SkillVocabulary.default().with_entries(list(entries)).to_json()


async def stored(recruiting: Recruiting) -> tuple[int, dict[str, object]] | None:
    async with recruiting.svc.runtime.session_factory() as session:
        row = (
            await session.execute(
                select(CustomVocabulary.version, CustomVocabulary.table).where(
                    CustomVocabulary.kind == "skills"
                )
            )
        ).first()
    return (row[0], row[1]) if row else None


async def next_version(recruiting: Recruiting) -> int:
    held = await stored(recruiting)
    return (held[0] if held else 0) + 1


async def publish_skills(recruiting: Recruiting, version: int, *entries: SkillEntry) -> str:
    event_id = await recruiting.publish(
        "vocabulary-changed",
        VocabularyChanged(
            kind="skills",
            version=version,
            change="upserted",
            key=entries[0].key if entries else "-",
            table=skills_table(*entries),
        ),
    )
    await applied(recruiting.svc, event_id)
    return event_id


async def screened(recruiting: Recruiting, skill: str, position_id: str) -> dict[str, Any]:
    candidate = await recruiting.candidate(skills=[skill], industries=["FMCG"])
    application = await recruiting.apply(candidate["id"], position_id)
    return {"candidate": candidate, "application": application}


async def status(recruiting: Recruiting, skill: str, position_id: str) -> str:
    """The status a fresh candidate with this one skill gets on applying."""
    return str((await screened(recruiting, skill, position_id))["application"]["status"])


async def test_hr_synonym_makes_a_candidate_pass_screening(recruiting: Recruiting) -> None:
    alias = f"容器编排{uuid.uuid4().hex[:6]}"
    requirements = Requirements(required_skills=["Kubernetes"], industries=["FMCG"])
    before = await recruiting.new_opening(requirements=requirements)
    # Without HR's synonym the spelling is unknown: screened out, Kubernetes missing.
    result = await screened(recruiting, alias, before)
    assert result["application"]["status"] == "screened_out"

    await publish_skills(
        recruiting, await next_version(recruiting), SkillEntry("kubernetes", aliases=(alias,))
    )

    after = await recruiting.new_opening(requirements=requirements)
    result = await screened(recruiting, alias, after)
    application = result["application"]
    assert application["status"] == "screening", application
    assert application["screening"]["passed"] is True
    # the candidate's input is stored by the key, as any other spelling of the skill
    assert result["candidate"]["skills"] == ["kubernetes"]
    # and "K8s" (a shipped spelling) still passes
    assert await status(recruiting, "K8s", after) == "screening"


async def test_an_older_version_is_ignored(recruiting: Recruiting) -> None:
    newer, older = f"newer{uuid.uuid4().hex[:6]}", f"older{uuid.uuid4().hex[:6]}"
    version = await next_version(recruiting) + 5
    await publish_skills(recruiting, version, SkillEntry("kubernetes", aliases=(newer,)))
    # arrives late: applied (in the inbox) but changes nothing
    await publish_skills(recruiting, version - 2, SkillEntry("kubernetes", aliases=(older,)))
    held = await stored(recruiting)
    assert held is not None and held[0] == version
    table = SkillVocabulary.from_json(held[1])
    assert table.canonical(newer) == "kubernetes" and table.canonical(older) != "kubernetes"

    position_id = await recruiting.new_opening(
        requirements=Requirements(required_skills=["Kubernetes"], industries=["FMCG"])
    )
    assert (await screened(recruiting, newer, position_id))["application"]["status"] == "screening"  # type: ignore[index]
    assert (await screened(recruiting, older, position_id))["application"][
        "status"
    ] == "screened_out"  # type: ignore[index]


async def test_the_vocabulary_is_built_once_per_table(recruiting: Recruiting) -> None:
    alias = f"kube{uuid.uuid4().hex[:6]}"
    await publish_skills(
        recruiting, await next_version(recruiting), SkillEntry("kubernetes", aliases=(alias,))
    )
    position_id = await recruiting.new_opening(
        requirements=Requirements(required_skills=["Kubernetes"], industries=["FMCG"])
    )
    await screened(recruiting, alias, position_id)  # builds it (or finds it built)
    builds = effective_vocabularies.builds
    for _ in range(3):
        assert await status(recruiting, alias, position_id) == "screening"
    assert effective_vocabularies.builds == builds  # read by digest, never parsed again


async def test_hr_education_spellings_are_accepted_by_candidate_inputs(
    recruiting: Recruiting,
) -> None:
    spelling = f"统招本科学历{uuid.uuid4().hex[:4]}"
    body = {
        "name": "Wu Lan",
        "email": f"wu.lan.{uuid.uuid4().hex[:8]}@example.com",
        "locale": "zh-CN",
        "education": spelling,
    }
    client, hr = recruiting.svc.client, recruiting.hr
    r = await client.post("/api/v1/candidates", json=body, headers=hr)
    assert r.status_code == 422, r.text  # not a spelling anyone knows yet

    async with recruiting.svc.runtime.session_factory() as session:
        held = await session.scalar(
            select(CustomVocabulary.version).where(CustomVocabulary.kind == "education")
        )
    event_id = await recruiting.publish(
        "vocabulary-changed",
        VocabularyChanged(
            kind="education",
            version=(held or 0) + 1,
            change="upserted",
            key="bachelor",
            table=education_to_json({"bachelor": [spelling]}),
        ),
    )
    await applied(recruiting.svc, event_id)

    r = await client.post("/api/v1/candidates", json=body, headers=hr)
    assert r.status_code == 201, r.text
    assert r.json()["education"] == "bachelor"
    r = await client.patch(
        f"/api/v1/candidates/{r.json()['id']}", json={"education": "大专"}, headers=hr
    )
    assert r.status_code == 200 and r.json()["education"] == "associate"  # shipped ones stay
