"""The rules of HR's vocabularies (pure): where an entry is stored, clashes, bounds."""

from __future__ import annotations

import pytest

from org_service.domain.vocabularies import (
    MAX_CUSTOM_SKILLS,
    AliasTaken,
    CustomEntry,
    check_education_entry,
    check_skill_entry,
    same_entry,
    skill_target,
    skills_json,
    unique_spellings,
)
from talentloop_shared.errors import Invalid
from talentloop_shared.language.vocabulary import SkillVocabulary, education_vocabulary


def test_an_entry_is_stored_under_the_skill_that_has_the_spelling() -> None:
    assert skill_target([], "K8s") == "kubernetes"  # a shipped alias
    assert skill_target([], "Ｋｕｂｅｒｎｅｔｅｓ") == "kubernetes"  # full width, any case
    assert skill_target([], "增长黑客") == "增长黑客"  # a new skill
    hr = [CustomEntry("增长黑客", ("guerrilla growth",))]
    assert skill_target(hr, "Guerrilla Growth") == "增长黑客"  # HR's own alias


def test_an_alias_of_another_skill_is_refused_naming_it() -> None:
    with pytest.raises(AliasTaken) as caught:
        check_skill_entry([], CustomEntry("mysql", ("Postgres",)), creating=True)
    assert caught.value.status == 409
    assert caught.value.extensions == {"spelling": "Postgres", "owner": "postgresql"}
    hr = [CustomEntry("增长黑客", ("guerrilla growth",))]
    with pytest.raises(AliasTaken):
        check_skill_entry(hr, CustomEntry("growth", ("GUERRILLA GROWTH",)), creating=True)
    # labels are spellings too
    with pytest.raises(AliasTaken):
        check_skill_entry([], CustomEntry("growth", (), {"en": "Kubernetes"}), creating=True)


def test_an_entry_may_repeat_its_own_spellings() -> None:
    hr = [CustomEntry("kubernetes", ("容器编排",))]
    check_skill_entry(hr, CustomEntry("kubernetes", ("容器编排", "k8s", "kube")), creating=False)


def test_the_number_of_custom_skills_is_bounded() -> None:
    many = [CustomEntry(f"skill {i}") for i in range(MAX_CUSTOM_SKILLS)]
    with pytest.raises(Invalid):
        check_skill_entry(many, CustomEntry("one more"), creating=True)
    check_skill_entry(many, CustomEntry("skill 1", ("again",)), creating=False)


def test_the_event_table_rebuilds_the_vocabulary() -> None:
    data = skills_json([CustomEntry("kubernetes", ("容器编排",), {"zh-CN": "容器编排"})])
    table = SkillVocabulary.from_json(data)
    assert table.canonical("容器编排") == "kubernetes"
    assert table.label("k8s", "zh-CN") == "容器编排"
    assert [e["key"] for e in data["entries"]] == ["kubernetes"]  # HR's entries only


def test_spellings_are_deduplicated_by_their_normalised_form() -> None:
    assert unique_spellings(["K8s", " k8s ", "Ｋ８ｓ", "", "容器  编排"]) == ("K8s", "容器 编排")


def test_education_spelling_of_another_level_is_refused() -> None:
    with pytest.raises(AliasTaken) as caught:
        check_education_entry(education_vocabulary(), [], CustomEntry("bachelor", ("硕士",)))
    assert caught.value.extensions["owner"] == "master"
    check_education_entry(education_vocabulary(), [], CustomEntry("bachelor", ("统招本科学历",)))


def test_same_entry() -> None:
    a = CustomEntry("k", ("x",), {"en": "K"})
    assert same_entry(a, CustomEntry("k", ("x",), {"en": "K"}))
    assert not same_entry(a, CustomEntry("k", ("x", "y"), {"en": "K"}))
