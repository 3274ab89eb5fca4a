"""The phrasing step: the issue's broken notices now read as a careful recruiter writes."""

from __future__ import annotations

import json

import pytest

from talentloop_shared.events.payloads import Reason
from talentloop_shared.language import (
    load_packs,
    phrase,
    phrase_notice,
    phrase_reason,
    phrase_strength,
    phrase_suggestion,
    phraser,
)

# Frames exactly as the shipped default templates (notify) write them, by template.
ENGINEERING_EN = (
    "The deciding factor is that this role needs {}, and that is where the team is most "
    "stretched right now."
)
GENERAL_EN = "The deciding factor was that this role calls for {}."
GENERAL_ZH = "我们主要的考虑是，这个岗位现阶段需要{}。"
ENGINEERING_ZH = "主要原因在于，这个岗位需要{}，这也是团队眼下最需要补充的部分。"
SALES_ZH = "这个岗位现阶段需要{}，因此会更倾向于在这方面积累更多的候选人。"


@pytest.mark.parametrize(
    ("locale", "written", "need", "sentence", "frame", "notice"),
    [
        (
            "en",
            "lacks hands-on Kafka experience",
            "hands-on Kafka experience",
            "This role needs hands-on Kafka experience.",
            ENGINEERING_EN,
            "The deciding factor is that this role needs hands-on Kafka experience, and that is "
            "where the team is most stretched right now.",
        ),
        (
            "en",
            "no experience with Kubernetes operators",
            "experience with Kubernetes operators",
            "This role needs experience with Kubernetes operators.",
            GENERAL_EN,
            "The deciding factor was that this role calls for experience with Kubernetes "
            "operators.",
        ),
        (
            "en",
            "Limited SQL window function skills.",
            "stronger SQL window function skills",
            "This role needs stronger SQL window function skills.",
            GENERAL_EN,
            "The deciding factor was that this role calls for stronger SQL window function skills.",
        ),
        (
            "zh-CN",
            "需要有 Go 语言高并发项目的实际经验",
            "有 Go 语言高并发项目的实际经验",
            "这个岗位需要有 Go 语言高并发项目的实际经验。",
            ENGINEERING_ZH,
            "主要原因在于，这个岗位需要有 Go 语言高并发项目的实际经验，"
            "这也是团队眼下最需要补充的部分。",
        ),
        (
            "zh-CN",
            "缺乏团队管理经验",
            "团队管理经验",
            "这个岗位需要团队管理经验。",
            GENERAL_ZH,
            "我们主要的考虑是，这个岗位现阶段需要团队管理经验。",
        ),
        (
            "zh-CN",
            "本岗位更倾向于有新能源汽车客户资源的候选人",
            "有新能源汽车客户资源",
            "这个岗位更倾向于有新能源汽车客户资源的候选人。",
            SALES_ZH,
            "这个岗位现阶段需要有新能源汽车客户资源，因此会更倾向于在这方面积累更多的候选人。",
        ),
    ],
)
def test_the_issues_six_notices_read_as_a_careful_recruiter_writes_them(
    locale: str, written: str, need: str, sentence: str, frame: str, notice: str
) -> None:
    phrased = phrase_reason(written, locale)
    assert phrased.fits and not phrased.flagged
    assert phrased.need == need
    assert phrased.sentence == sentence
    assert frame.format(phrased) == notice  # `{{ reason }}` in a template: str() is the need
    assert not phraser(locale).breakages(notice)


@pytest.mark.parametrize(
    ("locale", "broken"),
    [
        ("en", "…this role needs lacks hands-on Kafka experience, and that is…"),
        ("en", "…this role needs no experience with Kubernetes operators…"),
        ("en", "…this role calls for Limited SQL window function skills.."),
        ("zh-CN", "这个岗位需要需要有 Go 语言高并发项目的实际经验"),
        ("zh-CN", "这个岗位现阶段需要缺乏团队管理经验"),
        ("zh-CN", "这个岗位现阶段需要本岗位更倾向于有新能源汽车客户资源的候选人"),
        ("zh-CN", "我们的建议是：建议参与电商行业的项目实践。"),
        ("zh-CN", "这个岗位需要没有 Kubernetes 经验。。"),
        ("zh-TW", "這個職位需要缺乏團隊管理經驗"),
        ("zh-TW", "我們的建議是：建議參與專案。"),
        ("en", "A concrete suggestion from the team, if it helps: we suggest you read DDIA."),
    ],
)
def test_the_breakage_check_catches_what_the_issue_saw(locale: str, broken: str) -> None:
    assert phraser(locale).breakages(broken)


def test_a_remark_that_cannot_fit_is_quoted_and_flagged() -> None:
    en = phrase_reason("He seemed more interested in a remote role.", "en")
    assert not en.fits and en.flagged and en.form == "sentence"
    assert en.sentence == "The panel's main concern: you seemed more interested in a remote role."
    assert str(en) == en.sentence and en.text == en.sentence
    zh = phrase_reason("面试中表现得比较紧张，很多问题没有展开回答。", "zh-CN")
    assert zh.sentence == "面试官的主要意见是：面试中表现得比较紧张，很多问题没有展开回答。"
    assert "quoted" in zh.notes


def test_a_vague_verdict_is_flagged_so_hr_names_the_gap() -> None:
    for locale, text in (
        ("zh-CN", "不符合岗位要求"),
        ("zh-CN", "与岗位要求不匹配"),
        ("zh-TW", "不符合職位要求"),
        ("en", "Does not meet the requirements"),
        ("en", "not the right fit for this role"),
    ):
        phrased = phrase_reason(text, locale)
        assert not phrased.fits and "vague" in phrased.notes, text
    assert phraser("zh-CN").note_text("vague").startswith("理由过于笼统")


def test_deficits_become_what_the_role_needs() -> None:
    cases = {
        "The candidate lacks experience managing a team": "experience managing a team",
        "could not explain the trade-offs": "the ability to explain the trade-offs",
        "Weak communication skills": "stronger communication skills",
        "His understanding of accounting standards was shallow": (
            "a deeper understanding of accounting standards"
        ),
        "Not familiar with Douyin": "familiarity with Douyin",
    }
    for written, need in cases.items():
        assert phrase_reason(written, "en").need == need, written
    zh = {
        "数据分析能力有待提升": "更强的数据分析能力",
        "对行业趋势的理解不够深入": "对行业趋势更深入的理解",
        "不熟悉直播营销": "熟悉直播营销",
        "没有带过团队": "带团队的经验",
        "团队管理方面有所欠缺": "在团队管理方面有更扎实的积累",
        "逻辑思维不够清晰": "更清晰的逻辑思维",
    }
    for written, need in zh.items():
        assert phrase_reason(written, "zh-CN").need == need, written


def test_preferences_get_the_preference_frame() -> None:
    en = phrase_reason("Ideally, 3+ years in e-commerce user operations", "en")
    assert en.form == "preference" and en.nominal
    assert en.sentence == (
        "For this role we are giving priority to candidates with 3+ years in e-commerce user "
        "operations."
    )
    verbal = phrase_reason("The team would prefer someone who has managed a P&L", "en")
    assert not verbal.nominal
    assert (
        verbal.sentence == "For this role we are giving priority to someone who has managed a P&L."
    )
    tw = phrase_reason("本職缺更傾向於有新能源車客戶資源的人選", "zh-TW")
    assert tw.sentence == "這個職位會優先考慮有新能源車客戶資源的人選。"


def test_several_gaps_in_one_line_are_joined_and_a_contrast_is_left_out() -> None:
    assert phrase_reason("Lacks Kafka experience, limited SQL", "en").need == (
        "Kafka experience and stronger SQL"
    )
    assert phrase_reason("缺乏团队管理经验,沟通表达有待提升", "zh-CN").need == (
        "团队管理经验和更清晰的沟通表达"
    )
    joined = phrase_reason("不熟悉直播营销；需要有5年以上快消经验", "zh-CN")
    assert joined.need == "熟悉直播营销，并且有5年以上快消经验"
    contrast = phrase_reason("Good culture fit, but lacks hands-on Go experience", "en")
    assert contrast.need == "hands-on Go experience"
    assert contrast.notes == ("contrast_dropped",) and contrast.flagged


def test_suggestions_never_double_their_own_lead() -> None:
    zh = phrase_suggestion("建议参与电商行业的项目实践", "zh-CN")
    assert zh.need == "参与电商行业的项目实践" and zh.form == "advice"
    assert zh.sentence == "我们的建议是：参与电商行业的项目实践。"
    assert phrase_suggestion("建议：建议候选人多做模拟面试", "zh-CN").need == "多做模拟面试"
    en = phrase_suggestion("We suggest you take part in e-commerce projects", "en")
    assert en.need == "take part in e-commerce projects"
    assert en.sentence == "Our suggestion: take part in e-commerce projects."
    third = phrase_suggestion("Recommend the candidate practises system design", "en")
    assert third.need == "you practise system design"


def test_filler_is_flagged_not_passed_off_as_a_suggestion() -> None:
    for locale, text in (
        ("zh-CN", "请继续发挥您的优势，今后有合适的岗位，我们很期待再次看到您的申请。"),
        ("zh-CN", "可以在实际项目中有意识地多加锻炼"),
        ("en", "Keep building on your strengths; we would be glad to see your application."),
        ("zh-TW", "請繼續發揮您的優勢"),
    ):
        phrased = phrase_suggestion(text, locale)
        assert "generic" in phrased.notes and phrased.flagged, text


def test_strengths_are_addressed_to_the_reader() -> None:
    assert phrase_strength("The candidate showed a clear grasp of consensus.", "en").need == (
        "a clear grasp of consensus"
    )
    assert phrase_strength("候选人具备扎实的SQL基础。", "zh-CN").need == "扎实的SQL基础"
    assert phrase_strength("他的临场应变能力很强", "zh-CN").need == "您的临场应变能力很强"
    mixed = phrase_strength("Strong SQL, but lacks Kafka", "en")
    assert mixed.need == "strong SQL" and "contrast_dropped" in mixed.notes
    gap = phrase_strength("lacks Kafka experience", "en")
    assert not gap.fits and "gap_as_strength" in gap.notes


def test_language_and_script_mismatches_are_flagged_for_hr() -> None:
    assert "other_language" in phrase_reason("lacks hands-on Kafka experience", "zh-CN").notes
    assert "other_language" in phrase_reason("缺乏 Kafka 实战经验", "en").notes
    assert "other_script" in phrase_reason("缺乏临床经验", "zh-TW").notes
    assert "other_script" in phrase_reason("缺乏臨床經驗", "zh-CN").notes
    simplified = phrase_reason("临床经验不足", "zh-TW")
    assert simplified.need == "更丰富的临床经验"  # read with the Simplified rules, kept whole
    assert not phrase_reason("缺乏 SQL 经验", "zh-CN").notes  # a skill name is not English


@pytest.mark.parametrize(
    ("locale", "written", "need"),
    [
        ("en", "SQL", "SQL"),
        ("en", "Ｌａｃｋｓ ｈａｎｄｓ－ｏｎ Ｐｙｔｈｏｎ", "hands-on Python"),
        (
            "en",
            "1. No exposure to cross-border e-commerce..",
            "exposure to cross-border e-commerce",
        ),
        ("en", "“Limited experience with Tableau!!”", "more experience with Tableau"),
        ("zh-CN", "SQL", "SQL方面的能力"),
        ("zh-CN", "缺乏团队管理经验。。", "团队管理经验"),
        ("zh-CN", "1、缺乏直播带货经验；", "直播带货经验"),
        ("zh-CN", "缺乏ＳＱＬ窗口函数的使用经验", "SQL窗口函数的使用经验"),
        ("zh-CN", "需要需要有 Go 项目经验", "有 Go 项目经验"),
        ("zh-CN", "需要：缺乏团队管理经验", "团队管理经验"),
        ("en", "needs requires Kafka experience", "Kafka experience"),
    ],
)
def test_punctuation_width_bullets_and_doubled_verbs_never_survive(
    locale: str, written: str, need: str
) -> None:
    assert phrase_reason(written, locale).need == need


def test_very_long_remarks_are_quoted_whole() -> None:
    # How fast is bench/phrasing.py's business; here only what comes out.
    text = "lacks hands-on Kafka experience and the answers were vague, " * 200
    phrased = phrase_reason(text, "en")
    assert not phrased.fits and "too_long" in phrased.notes
    assert phrased.sentence.count("Kafka") == 200
    zh = phrase_reason("缺乏团队管理经验，回答比较笼统，" * 200, "zh-CN")
    assert not zh.fits and zh.sentence.count("团队管理经验") == 200


def test_empty_items_are_flagged_and_left_out_of_a_notice() -> None:
    empty = phrase_reason("  。 ", "zh-CN")
    assert not empty and empty.notes == ("empty",)
    notice = phrase_notice(
        "zh-CN",
        strengths=["算法设计思路清晰", " "],
        reasons=[Reason(code="interview_concern", text="缺乏团队管理经验"), "年龄偏大"],
        suggestions=["建议参与开源项目"],
    )
    assert [str(s) for s in notice.strengths] == ["算法设计思路清晰"]
    assert notice.reasons[0].code == "interview_concern"
    assert [p.source for p in notice.flagged] == ["年龄偏大"]
    context = notice.context()
    assert str(context["reason"]) == "团队管理经验"
    assert str(context["suggestion"]) == "参与开源项目"
    assert phrase_notice("en").context()["reason"] == ""


def test_a_phrase_serialises_for_a_preview_or_an_event() -> None:
    phrased = phrase("reason", "缺乏团队管理经验", "zh-CN")
    data = json.loads(json.dumps(phrased.as_dict(), ensure_ascii=False))
    assert data == {
        "kind": "reason",
        "code": None,
        "source": "缺乏团队管理经验",
        "locale": "zh-CN",
        "form": "deficit",
        "need": "团队管理经验",
        "fits": True,
        "nominal": True,
        "sentence": "这个岗位需要团队管理经验。",
        "flagged": False,
        "notes": [],
    }


def test_notes_are_explained_in_the_hr_users_language() -> None:
    assert phraser("zh-CN").note_text("quoted").startswith("无法放入")
    assert phraser("zh-TW").note_text("other_script") == "使用的簡繁字形與通知不同"
    assert phraser("en").note_text("generic").startswith("a generic remark")


def test_a_reader_without_a_pack_gets_the_default_language() -> None:
    phrased = phrase_reason("lacks hands-on Kafka experience", "fr-FR", packs=load_packs())
    assert phrased.locale == "en" and phrased.sentence.startswith("This role needs")
