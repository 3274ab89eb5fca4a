"""HR's synonyms (`vocabulary-changed`, published here as org-service would) reach the
pool's tags, matching and skill search; an older version never replaces a newer one.

The suite's database is shared: spellings are unique per test, versions above the stored.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from talent_service.db.models import CustomVocabulary
from talentloop_shared.events.payloads import VocabularyChanged
from talentloop_shared.language.vocabulary import SkillEntry, SkillVocabulary


async def held_version(talent: Any) -> int:
    async with talent.svc.runtime.session_factory() as session:
        found = await session.scalar(
            select(CustomVocabulary.version).where(CustomVocabulary.kind == "skills")
        )
    return int(found or 0)


async def publish_skills(talent: Any, version: int, *entries: SkillEntry) -> None:
    table = SkillVocabulary.default().with_entries(list(entries)).to_json()
    payload = VocabularyChanged(
        kind="skills", version=version, change="upserted", key=entries[0].key, table=table
    )
    await talent.consumed(await talent.publish(payload))


async def pool(talent: Any, ev: Any, skills: list[str]) -> str:
    candidate_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, skills=skills)))
    return candidate_id


async def matched(talent: Any, ev: Any, auth: Any, required: list[str]) -> set[str]:
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id, required=required)))
    r = await talent.client.get(
        f"/api/v1/positions/{position_id}/matches",
        params={"limit": 200},
        headers=auth("recruiter"),
    )
    assert r.status_code == 200, r.text
    return {m["talent_id"] for m in r.json()["items"]}


async def test_hr_synonyms_make_matching_and_tags_treat_spellings_as_one_skill(
    talent: Any, ev: Any, auth: Any
) -> None:
    alias, unknown = f"容器编排{uuid.uuid4().hex[:6]}", f"容器编排{uuid.uuid4().hex[:6]}"
    await publish_skills(
        talent, await held_version(talent) + 1, SkillEntry("kubernetes", aliases=(alias,))
    )
    with_alias = await pool(talent, ev, [alias])
    with_k8s = await pool(talent, ev, ["K8s"])
    without = await pool(talent, ev, [unknown])  # a spelling HR did not add

    found = await matched(talent, ev, auth, ["Kubernetes"])
    assert {with_alias, with_k8s} <= found
    assert without not in found

    r = await talent.client.get(f"/api/v1/talents/{with_alias}", headers=auth("recruiter"))
    assert r.status_code == 200, r.text
    assert "kubernetes" in r.text and alias not in r.text  # the tag holds the key
    # the pool's skill search reads spellings the same way
    r = await talent.client.get(
        "/api/v1/talents", params={"skill": alias, "limit": 200}, headers=auth("recruiter")
    )
    ids = {t["id"] for t in r.json()["items"]}
    assert {with_alias, with_k8s} <= ids and without not in ids


async def test_an_older_version_is_ignored(talent: Any, ev: Any, auth: Any) -> None:
    newer, older = f"newer{uuid.uuid4().hex[:6]}", f"older{uuid.uuid4().hex[:6]}"
    version = await held_version(talent) + 5
    await publish_skills(talent, version, SkillEntry("kubernetes", aliases=(newer,)))
    await publish_skills(talent, version - 2, SkillEntry("kubernetes", aliases=(older,)))
    assert await held_version(talent) == version
    with_newer = await pool(talent, ev, [newer])
    with_older = await pool(talent, ev, [older])
    found = await matched(talent, ev, auth, ["Kubernetes"])
    assert with_newer in found and with_older not in found
