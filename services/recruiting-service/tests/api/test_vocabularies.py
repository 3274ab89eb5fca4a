"""What people type is what screening compares (issue 19): education levels in Chinese and
English on the whole ladder, skill and language spellings through the shared vocabularies."""

from __future__ import annotations

from typing import Any

from talentloop_shared.events.payloads import Requirements


def _unmet(application: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [
        (u["requirement"], u["expected"], u["actual"]) for u in application["screening"]["unmet"]
    ]


async def test_education_spellings_are_stored_as_ladder_levels(recruiting) -> None:
    for typed, level in [
        ("本科", "bachelor"),
        ("大专", "associate"),
        ("硕士", "master"),
        ("高中", "secondary"),
        ("BSc", "bachelor"),
        ("博士", "phd"),
    ]:
        candidate = await recruiting.candidate(education=typed)
        assert candidate["education"] == level, typed
    client, hr = recruiting.svc.client, recruiting.hr
    url = f"/api/v1/candidates/{candidate['id']}"
    patched = await client.patch(url, headers=hr, json={"education": "大专"})
    assert patched.status_code == 200 and patched.json()["education"] == "associate"
    unknown = await client.post(
        "/api/v1/candidates",
        headers=hr,
        json={"name": "X", "email": "kg@example.com", "education": "幼儿园"},
    )
    assert unknown.status_code == 422
    (error,) = unknown.json()["errors"]
    assert error["loc"] == ["body", "education"]
    assert "大专" in error["msg"]  # the accepted spellings are listed


async def test_screening_compares_education_on_the_ladder(recruiting) -> None:
    bachelor = await recruiting.new_opening(
        requirements=Requirements(education="bachelor", languages=["zh"])
    )
    associate = await recruiting.new_opening(requirements=Requirements(education="associate"))
    results: dict[tuple[str, str], list[tuple[str, Any, Any]]] = {}
    for typed in ("本科", "大专", "硕士", "高中"):
        candidate = await recruiting.candidate(education=typed, languages=["普通话"])
        for name, opening in (("bachelor", bachelor), ("associate", associate)):
            results[(typed, name)] = _unmet(await recruiting.apply(candidate["id"], opening))
    assert results == {
        ("本科", "bachelor"): [],
        ("本科", "associate"): [],
        ("大专", "bachelor"): [("education", "bachelor", "associate")],
        ("大专", "associate"): [],
        ("硕士", "bachelor"): [],  # a master meets a bachelor requirement
        ("硕士", "associate"): [],
        ("高中", "bachelor"): [("education", "bachelor", "secondary")],
        ("高中", "associate"): [("education", "associate", "secondary")],
    }


async def test_skill_spellings_match_in_screening(recruiting) -> None:
    opening = await recruiting.new_opening(
        requirements=Requirements(
            required_skills=["PostgreSQL", "JavaScript", "数据分析", "python"],
            industries=["快消"],
        )
    )
    candidate = await recruiting.candidate(
        skills=["Postgres", "JS", "data analysis", "Ｐｙｔｈｏｎ"], industries=["FMCG"]
    )
    assert candidate["skills"] == ["postgresql", "javascript", "data analysis", "python"]
    application = await recruiting.apply(candidate["id"], opening)
    assert application["status"] == "screening", application["screening"]
    assert _unmet(application) == []

    missing = await recruiting.candidate(skills=["Postgres"], industries=["healthcare"])
    application = await recruiting.apply(missing["id"], opening)
    # The position's own wording names what is missing.
    assert _unmet(application) == [
        ("required_skills", "JavaScript", "missing"),
        ("required_skills", "数据分析", "missing"),
        ("required_skills", "python", "missing"),
        ("industries", ["快消"], ["healthcare"]),
    ]
