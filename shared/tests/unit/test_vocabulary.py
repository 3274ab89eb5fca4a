"""Vocabularies that accept what people type: education, languages, skills, import headers."""

from __future__ import annotations

import json

import pytest

from talentloop_shared.language import (
    EDUCATION_LADDER,
    IMPORT_COLUMNS,
    EducationRequirement,
    SkillVocabulary,
    UnknownTerm,
    canonical_skill,
    canonical_skills,
    canonical_value,
    education_level,
    education_requirement,
    header_aliases,
    language_code,
    language_name,
    load_packs,
    meets,
    skill_vocabulary,
    value_aliases,
)
from talentloop_shared.language.vocabulary import (
    IMPORT_KINDS,
    education_rank,
    education_vocabulary,
    language_vocabulary,
)
from talentloop_shared.tabular import read_table

# --- education ------------------------------------------------------------------------------


def test_the_ladder_has_a_place_for_secondary_school_and_associate_degrees() -> None:
    assert EDUCATION_LADDER == ("none", "secondary", "associate", "bachelor", "master", "phd")
    assert [education_rank(level) for level in EDUCATION_LADDER] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("spelling", "level"),
    [
        ("本科", "bachelor"),
        ("学士", "bachelor"),
        ("大学本科", "bachelor"),
        ("本科学历", "bachelor"),
        ("统招本科", "bachelor"),
        ("全日制本科", "bachelor"),
        ("Bachelor's", "bachelor"),
        ("bachelor's degree", "bachelor"),
        ("BSc", "bachelor"),
        ("B.Sc.", "bachelor"),
        ("BA", "bachelor"),
        ("大學", "bachelor"),
        ("學士", "bachelor"),
        ("硕士", "master"),
        ("研究生", "master"),
        ("硕士研究生", "master"),
        ("MBA", "master"),
        ("Master's", "master"),
        ("MSc", "master"),
        ("碩士", "master"),
        ("研究所", "master"),
        ("博士", "phd"),
        ("PhD", "phd"),
        ("Ph.D.", "phd"),
        ("Doctorate", "phd"),
        ("大专", "associate"),
        ("专科", "associate"),
        ("高职", "associate"),  # mainland: higher vocational college
        ("associate degree", "associate"),
        ("專科", "associate"),
        ("副學士", "associate"),
        ("高中", "secondary"),
        ("中专", "secondary"),
        ("职高", "secondary"),
        ("高職", "secondary"),  # Taiwan: vocational high school
        ("high school", "secondary"),
        ("High School Diploma", "secondary"),
        ("初中", "none"),
        ("none", "none"),
        ("", "none"),
        ("  ", "none"),
        ("ｂａｃｈｅｌｏｒ", "bachelor"),
        ("硕士在读", "bachelor"),  # studying for a master's holds a bachelor's
        ("PhD candidate", "master"),
        ("本科（在读）", "secondary"),
    ],
)
def test_education_spellings_people_use(spelling: str, level: str) -> None:
    assert education_level(spelling) == level


def test_an_unknown_education_spelling_is_a_422_listing_what_is_accepted() -> None:
    with pytest.raises(UnknownTerm) as caught:
        education_level("宇宙大学荣誉学位")
    problem = caught.value
    assert problem.status == 422
    assert problem.errors == [{"loc": ["body", "education"], "msg": problem.msg}]
    assert "bachelor (" in problem.msg and "本科" in problem.msg and "associate (" in problem.msg
    assert len(education_vocabulary().accepted()) > 100


@pytest.mark.parametrize(
    ("written", "requirement"),
    [
        ("本科及以上", EducationRequirement("bachelor")),
        ("本科及以上学历", EducationRequirement("bachelor")),
        ("大专以上学历", EducationRequirement("associate")),
        ("统招本科及以上，硕士优先", EducationRequirement("bachelor", True, "master")),
        ("硕士优先", EducationRequirement("master", False, "master")),
        ("学历不限", EducationRequirement("none")),
        ("不限", EducationRequirement("none")),
        ("bachelor's or above", EducationRequirement("bachelor")),
        ("Bachelor's degree or higher", EducationRequirement("bachelor")),
        ("Bachelor's degree in a related field", EducationRequirement("bachelor")),
        ("master preferred", EducationRequirement("master", False, "master")),
        (
            "Bachelor's required, master's preferred",
            EducationRequirement("bachelor", True, "master"),
        ),
        ("at least an associate degree", EducationRequirement("associate")),
        ("本科或硕士", EducationRequirement("bachelor")),
        ("大學以上", EducationRequirement("bachelor")),
        ("專科以上，碩士尤佳", EducationRequirement("associate", True, "master")),
        ("學歷不拘", EducationRequirement("none")),
        ("", EducationRequirement("none")),
    ],
)
def test_requirements_as_people_write_them(written: str, requirement: EducationRequirement) -> None:
    assert education_requirement(written) == requirement


def test_an_unreadable_requirement_is_a_422() -> None:
    with pytest.raises(UnknownTerm, match="education requirement"):
        education_requirement("有相关证书即可")


def test_meets_compares_on_the_ladder() -> None:
    assert meets("本科", "bachelor") and meets("硕士", "本科") and meets("phd", "master")
    assert not meets("大专", "本科") and not meets("高中", "associate")
    assert meets("大专", "高中") and meets(None, None) and meets("none", "none")
    requirement = education_requirement("本科及以上，硕士优先")
    assert requirement.accepts("本科") and not requirement.accepts("大专")
    assert education_requirement("master preferred").accepts("大专")  # a preference never filters
    assert requirement.as_dict() == {"level": "bachelor", "minimum": True, "preferred": "master"}


def test_levels_are_worded_for_the_reader() -> None:
    vocabulary = education_vocabulary()
    assert vocabulary.label("bachelor", "zh-CN") == "本科"
    assert vocabulary.label("bachelor", "zh-TW") == "大學"
    assert vocabulary.label("associate", "en") == "associate degree"
    assert vocabulary.requirement_text("bachelor", "zh-CN") == "本科及以上学历"
    assert vocabulary.requirement_text("master", "en-GB") == "a master's degree or higher"
    assert vocabulary.requirement_text("associate", "zh-Hant-HK") == "專科以上學歷"


def test_hr_can_add_their_own_education_spellings() -> None:
    vocabulary = education_vocabulary().with_aliases({"bachelor": ["学士后"], "master": ["MEM"]})
    assert vocabulary.level("学士后") == "bachelor" and vocabulary.level("MEM") == "master"
    with pytest.raises(UnknownTerm):
        education_vocabulary().level("学士后")
    with pytest.raises(UnknownTerm):
        education_vocabulary().with_aliases({"postdoc": ["x"]})


# --- spoken languages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("普通话", "zh"),
        ("Mandarin", "zh"),
        ("國語", "zh"),
        ("华语", "zh"),
        ("English", "en"),
        ("英语", "en"),
        ("英文", "en"),
        ("英语六级", "en"),
        ("CET-6", "en"),
        ("IELTS 7.0", "en"),
        ("English (fluent)", "en"),
        ("英语（流利）", "en"),
        ("fluent English", "en"),
        ("粤语", "yue"),
        ("Cantonese", "yue"),
        ("廣東話", "yue"),
        ("日语N1", "ja"),
        ("Japanese", "ja"),
        ("台語", "nan"),
        ("zh_CN", "zh"),
        ("en-US", "en"),
        ("ko", "ko"),
    ],
)
def test_spoken_languages_by_name_or_code(written: str, code: str) -> None:
    assert language_code(written) == code


def test_an_unknown_language_is_a_422_or_kept_when_lenient() -> None:
    with pytest.raises(UnknownTerm) as caught:
        language_code("Klingon")
    assert "zh (Chinese)" in caught.value.msg and caught.value.status == 422
    assert language_code("Klingon", strict=False) == "klingon"
    assert language_vocabulary().codes(["中文", "Mandarin", " ", "英语"]) == ["zh", "en"]


def test_language_names_for_the_reader() -> None:
    assert language_name("en", "zh-CN") == "英语"
    assert language_name("en", "zh-TW") == "英文"
    assert language_name("yue", "en") == "Cantonese"
    assert language_name("zh-cn", "en") == "Chinese"


# --- skills ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["PostgreSQL", "Postgres", "pgsql", "postgres sql"], "postgresql"),
        (["JS", "JavaScript", "javascript", "ECMAScript"], "javascript"),
        (["数据分析", "data analysis", "Data Analysis", "資料分析", "數據分析"], "data analysis"),
        (["Ｐｙｔｈｏｎ", "python", "Python3"], "python"),
        (["K8s", "Kubernetes", "kubernetes"], "kubernetes"),
        (["机器学习", "machine learning", "ML", "機器學習"], "machine learning"),
        (
            ["直播营销", "live-stream marketing", "Live stream marketing", "直播带货", "直播行銷"],
            "live stream marketing",
        ),
        (["Go 语言", "Go语言", "golang", "Go"], "go"),
        (["快消", "FMCG", "快速消费品"], "fmcg"),
        (["新能源汽车", "new energy vehicles", "EV"], "new energy vehicles"),
        (["临床", "clinical experience", "臨床經驗", "临床经验"], "clinical practice"),
        (["熟练使用Excel", "Excel", "strong Excel skills", "MS Excel"], "excel"),
        (["SQL skills", "sql", "熟悉SQL"], "sql"),
        (["Python开发", "python development"], "python"),
        (["团队管理", "team management", "带团队", "團隊管理"], "team management"),
        (["SQL窗口函数", "window functions", "窗口函数"], "sql window functions"),
    ],
)
def test_skill_spellings_across_languages_are_one_skill(spellings: list[str], key: str) -> None:
    for spelling in spellings:
        assert canonical_skill(spelling) == key, spelling
    vocabulary = skill_vocabulary()
    assert vocabulary.same(spellings[0], spellings[-1])


def test_unknown_skills_are_normalised_so_they_still_match_each_other() -> None:
    assert canonical_skill("  Quantum   Basket-Weaving ") == "quantum basket weaving"
    assert canonical_skill("ＱＵＡＮＴＵＭ basket weaving.") == "quantum basket weaving"
    assert canonical_skills(["Postgres", "PostgreSQL", "", "Kafka", "kafka", "JS"]) == [
        "postgresql",
        "kafka",
        "javascript",
    ]


def test_skills_are_labelled_in_the_readers_language() -> None:
    vocabulary = skill_vocabulary()
    assert vocabulary.label("data analysis", "zh-CN") == "数据分析"
    assert vocabulary.label("数据分析", "zh-TW") == "資料分析"
    assert vocabulary.label("資料分析", "en") == "Data analysis"
    assert vocabulary.label("live stream marketing", "zh-HK") == "直播行銷"
    assert vocabulary.label("Quantum basket weaving.", "zh-CN") == "Quantum basket weaving"


def test_skills_are_found_in_free_text() -> None:
    vocabulary = skill_vocabulary()
    assert vocabulary.find_in("缺乏数据分析经验，SQL 也需要加强") == ["data analysis", "sql"]
    assert vocabulary.find_in("lacks hands-on Kafka and PostgreSQL experience") == [
        "kafka",
        "postgresql",
    ]
    assert vocabulary.find_in("Let's go with the other candidate") == []  # "go" is ambiguous
    assert vocabulary.find_in("缺乏临床经验") == ["clinical practice"]


def test_hr_entries_merge_over_the_defaults_and_the_defaults_stay() -> None:
    base = skill_vocabulary()
    custom = base.with_entries(
        {
            "postgresql": ["PG库"],
            "拉新": ["用户拉新"],
            "RPA": {"aliases": ["机器人流程自动化"], "labels": {"zh-CN": "RPA 流程自动化"}},
            "kubernetes operators": ["k8s"],
        }
    )
    assert custom.canonical("PG库") == "postgresql"
    assert custom.canonical("用户拉新") == "growth marketing"  # "拉新" was already known
    assert custom.canonical("机器人流程自动化") == "rpa"
    assert custom.label("rpa", "zh-CN") == "RPA 流程自动化"
    assert custom.canonical("K8s") == "kubernetes operators"  # HR's spelling wins
    assert custom.canonical("Kubernetes") == "kubernetes"
    assert base.canonical("PG库") == "pg库" and base.canonical("K8s") == "kubernetes"
    assert {e.key for e in custom.custom_entries()} == {
        "postgresql",
        "growth marketing",
        "rpa",
        "kubernetes operators",
    }
    assert len(custom) == len(base) + 1


def test_the_vocabulary_serialises_for_an_event_and_comes_back() -> None:
    custom = skill_vocabulary().with_entries({"postgresql": ["PG库"], "RPA": ["机器人流程自动化"]})
    payload = json.loads(json.dumps(custom.to_json(), ensure_ascii=False))
    assert payload["schema"] == "talentloop.skills/1"
    assert payload["complete"] is False and len(payload["base"]) == 64
    assert {e["key"] for e in payload["entries"]} == {"postgresql", "rpa"}
    again = SkillVocabulary.from_json(payload)
    assert again.canonical("PG库") == "postgresql" and again.canonical("机器人流程自动化") == "rpa"
    full = SkillVocabulary.from_json(custom.to_json(include_defaults=True))
    assert len(full) == len(custom) and full.canonical("資料分析") == "data analysis"
    with pytest.raises(ValueError, match="schema"):
        SkillVocabulary.from_json({"schema": "something/else"})


def test_the_shipped_table_covers_the_brief_s_job_families() -> None:
    vocabulary = skill_vocabulary()
    assert len(vocabulary) >= 300
    families = {entry.family for entry in vocabulary}
    assert {"engineering", "data", "marketing", "sales", "operations", "healthcare", "campus"} <= (
        families
    )
    for entry in vocabulary:
        assert {"en", "zh-CN", "zh-TW"} <= set(entry.labels), entry.key
        assert canonical_skill(entry.key) == entry.key


# --- import headers and values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "header", "column"),
    [
        ("org_units", "部门编码", "code"),
        ("org_units", "部门名称", "name"),
        ("org_units", "上级部门编码", "parent_code"),
        ("org_units", "組織類型", "kind"),
        ("org_units", "Parent Department Code", "parent_code"),
        ("positions", "职位编码", "code"),
        ("positions", "职位名称", "title"),
        ("positions", "所属部门编码", "org_unit_code"),
        ("positions", "学历要求", "education"),
        ("positions", "工作年限", "min_years_experience"),
        ("positions", "職缺名稱", "title"),
        ("positions", "Job Title", "title"),
        ("people", "姓名", "name"),
        ("people", "邮箱", "email"),
        ("people", "手机", "phone"),
        ("people", "工号", "external_code"),
        ("people", "直属上级工号", "manager_code"),
        ("candidates", "学历", "education"),
        ("candidates", "工作年限", "years_experience"),
        ("candidates", "技能", "skills"),
        ("candidates", "最高學歷", "education"),
        ("candidates", "E-mail", "email"),
    ],
)
def test_headers_old_systems_export(kind: str, header: str, column: str) -> None:
    from talentloop_shared.tabular import normalise_header

    assert header_aliases(kind)[normalise_header(header)] == column


def test_every_header_maps_to_a_column_the_import_reads() -> None:
    for kind in IMPORT_KINDS:
        aliases = header_aliases(kind)
        assert len(aliases) >= 2 * len(IMPORT_COLUMNS[kind]), kind
        assert set(aliases.values()) <= set(IMPORT_COLUMNS[kind]), kind
    with pytest.raises(ValueError, match="import kind"):
        header_aliases("payroll")


def test_the_shared_reader_takes_the_aliases() -> None:
    content = "部门编码,部门名称,类型,上级部门编码\nHD,华东事业部,事业部,\nHD-MKT,市场部,部门,HD\n"
    table = read_table(content.encode(), aliases=header_aliases("org_units"))
    assert table.columns == ("code", "name", "kind", "parent_code")
    assert table.column_mapping == {
        "部门编码": "code",
        "部门名称": "name",
        "类型": "kind",
        "上级部门编码": "parent_code",
    }
    kinds = [canonical_value("org_units", "kind", r.get("kind")) for r in table.rows]
    assert kinds == ["division", "department"]


def test_enumerated_cells_as_people_write_them() -> None:
    assert canonical_value("positions", "status", "招聘中") == "open"
    assert canonical_value("positions", "status", "暫停招募") == "closed"
    assert canonical_value("positions", "job_family", "業務") == "sales"
    assert canonical_value("positions", "job_family", "研发") == "engineering"
    assert canonical_value("candidates", "talent_pool_consent", "同意") == "true"
    assert canonical_value("candidates", "background", "应届毕业生") == "campus"
    assert canonical_value("people", "active", "離職") == "false"
    assert canonical_value("positions", "status", " something else ") == "something else"
    assert value_aliases("org_units", "kind")["事业群"] == "business_unit"


def test_the_vocabularies_of_a_new_pack_are_merged(tmp_path: object) -> None:
    packs = load_packs()
    assert education_level("本科", packs=packs) == "bachelor"
    assert language_code("Mandarin", packs=packs) == "zh"
