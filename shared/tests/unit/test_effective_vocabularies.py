"""The effective vocabularies a consumer builds from HR's custom tables (one build a table)."""

from __future__ import annotations

from talentloop_shared.language.effective import EffectiveVocabularies, table_digest
from talentloop_shared.language.vocabulary import (
    SkillEntry,
    SkillVocabulary,
    education_to_json,
    education_vocabulary,
    skill_vocabulary,
)


def table(*aliases: str) -> dict[str, object]:
    entry = SkillEntry("kubernetes", aliases=aliases)
    return SkillVocabulary.default().with_entries([entry]).to_json()


def test_no_custom_table_is_the_shipped_vocabulary() -> None:
    cache = EffectiveVocabularies()
    assert cache.skills(None) is skill_vocabulary()
    assert cache.education(None) is education_vocabulary()


def test_a_table_is_built_once_and_found_by_its_digest() -> None:
    cache = EffectiveVocabularies()
    data = table("容器编排")
    digest = table_digest(data)
    assert cache.skills(digest) is None  # not built yet: the caller loads the table
    built = cache.remember_skills(digest, data)
    assert built.canonical("容器编排") == "kubernetes"
    assert cache.remember_skills(digest, data) is built
    assert cache.skills(digest) is built
    assert cache.builds == 1


def test_the_digest_ignores_key_order_but_not_content() -> None:
    a = {"schema": "s", "entries": [{"key": "k", "aliases": ["x"]}]}
    b = {"entries": [{"aliases": ["x"], "key": "k"}], "schema": "s"}
    assert table_digest(a) == table_digest(b)
    assert table_digest(table("x")) != table_digest(table("y"))


def test_old_tables_are_forgotten_beyond_the_bound() -> None:
    cache = EffectiveVocabularies(keep=2)
    digests = []
    for alias in ("a1", "a2", "a3"):
        data = table(alias)
        digests.append(table_digest(data))
        cache.remember_skills(digests[-1], data)
    assert cache.skills(digests[0]) is None
    assert cache.skills(digests[2]) is not None


def test_education_spellings_from_a_table() -> None:
    cache = EffectiveVocabularies()
    data = education_to_json({"bachelor": ["统招本科学历"], "phd": []})
    assert data["aliases"] == {"bachelor": ["统招本科学历"]}
    built = cache.remember_education(table_digest(data), data)
    assert built.level("统招本科学历") == "bachelor"
    assert built.level("硕士") == "master"  # shipped spellings stay
