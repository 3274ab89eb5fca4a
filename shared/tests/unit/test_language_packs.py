"""Language packs: a new language is a folder; lookups walk the locale chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentloop_shared.language import (
    PACKS_ENV,
    LanguagePacks,
    PackError,
    default_packs,
    education_level,
    load_packs,
    phrase_reason,
    phrase_suggestion,
)
from talentloop_shared.language.packs import pack_folders


def _write(folder: Path, locale: str, section: str, data: object) -> None:
    (folder / locale).mkdir(parents=True, exist_ok=True)
    (folder / locale / f"{section}.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )


FRENCH_PHRASING = {
    "script": "latin",
    "rules": [
        {"form": "deficit", "prefix": ["manque de", "manque d'", "pas assez de"], "need": "{rest}"},
        {
            "form": "requirement",
            "prefix": ["le poste exige", "exige", "nécessite"],
            "need": "{rest}",
        },
    ],
    "negations": ["pas", "manque", "aucun", "aucune", "sans"],
    "frame_verbs": ["demande", "exige"],
    "suggestion": {"leads": ["nous vous conseillons de", "nous conseillons de", "conseil :"]},
    "frames": {
        "requirement": "Ce poste demande {need}.",
        "concern": "Le principal point soulevé par le jury : {text}.",
        "strength": "Ce que le jury a particulièrement apprécié : {text}.",
        "suggestion": "Notre conseil : {text}.",
    },
}


@pytest.fixture()
def french(tmp_path: Path) -> LanguagePacks:
    """The built-in packs plus a French pack in a temporary folder."""
    _write(tmp_path, "fr", "phrasing", FRENCH_PHRASING)
    _write(
        tmp_path,
        "fr",
        "vocabulary",
        {
            "education": {
                "levels": {
                    "bachelor": {"label": "licence", "aliases": ["licence", "bac+3"]},
                    "master": {"label": "master", "aliases": ["bac+5"]},
                }
            }
        },
    )
    _write(tmp_path, "fr", "survey", {"title": "Votre avis sur notre message"})
    return load_packs((str(tmp_path),))


def test_the_built_in_packs_are_english_and_both_chinese_scripts() -> None:
    packs = load_packs()
    assert {"en", "zh-CN", "zh-TW"} <= set(packs.locales())
    for locale in ("en", "zh-CN", "zh-TW"):
        assert {"phrasing", "vocabulary", "imports"} <= set(packs.sections(locale))


@pytest.mark.parametrize(
    ("locale", "chain"),
    [
        ("zh-Hant-HK", ("zh-TW", "en")),
        ("zh_hk", ("zh-TW", "en")),
        ("zh", ("zh-CN", "en")),
        ("zh-SG", ("zh-CN", "en")),
        ("en-GB", ("en",)),
        ("fr-FR", ("en",)),
        (None, ("en",)),
        ("not a locale", ("en",)),
    ],
)
def test_lookup_walks_the_locale_chain(locale: str | None, chain: tuple[str, ...]) -> None:
    assert load_packs().chain(locale) == chain


def test_a_new_language_is_a_folder_and_is_used_with_no_code_change(
    french: LanguagePacks,
) -> None:
    assert "fr" in french.locales()
    reason = phrase_reason("manque d'expérience avec Kafka", "fr-FR", packs=french)
    assert reason.need == "expérience avec Kafka"
    assert reason.sentence == "Ce poste demande expérience avec Kafka."
    advice = phrase_suggestion("Nous vous conseillons de suivre un cours SQL", "fr", packs=french)
    assert advice.need == "suivre un cours SQL"
    assert advice.sentence == "Notre conseil : suivre un cours SQL."
    # The new pack's vocabulary is read too: its spellings are accepted everywhere.
    assert education_level("bac+5", packs=french) == "master"
    assert education_level("licence", packs=french) == "bachelor"


def test_sections_are_open_ended_and_a_missing_key_falls_back_along_the_chain(
    french: LanguagePacks,
) -> None:
    assert french.get("fr", "survey", "title") == "Votre avis sur notre message"
    # French has no `imports` section: the reader gets English's.
    assert french.section("fr", "imports") == french.section("en", "imports")
    # French phrasing has no `preference` frame: English's is used for that key only.
    frames = french.get("fr", "phrasing", "frames")
    assert frames["requirement"] == "Ce poste demande {need}."
    assert frames["preference"] == french.get("en", "phrasing", "frames", "preference")
    assert french.get("fr", "nothing", "here", default="fallback") == "fallback"


def test_a_folder_extends_a_built_in_pack_key_by_key(tmp_path: Path) -> None:
    _write(tmp_path, "zh-HK", "phrasing", {"frames": {"requirement": "呢個職位需要{need}。"}})
    _write(tmp_path, "en", "phrasing", {"frames": {"concern": "What the panel raised: {text}."}})
    packs = load_packs((str(tmp_path),))
    assert packs.chain("zh-Hant-HK") == ("zh-HK", "zh-TW", "en")
    hk = phrase_reason("缺乏團隊管理經驗", "zh-HK", packs=packs)
    assert hk.sentence == "呢個職位需要團隊管理經驗。"
    assert hk.need == "團隊管理經驗"  # the rules are Traditional Chinese's, from zh-TW
    en = phrase_reason("He seemed more interested in a remote role.", "en", packs=packs)
    assert en.sentence == "What the panel raised: you seemed more interested in a remote role."
    # The built-in packs are not changed by another set of folders.
    assert (
        load_packs().get("en", "phrasing", "frames", "concern") != "What the panel raised: {text}."
    )


def test_the_environment_names_the_extra_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "a", "fr", "phrasing", FRENCH_PHRASING)
    _write(tmp_path / "b", "ja", "survey", {"title": "アンケート"})
    monkeypatch.setenv(PACKS_ENV, f"{tmp_path / 'a'}:{tmp_path / 'b'}:")
    packs = default_packs()
    assert {"fr", "ja"} <= set(packs.locales())
    assert packs.sources[-2:] == (str(tmp_path / "a"), str(tmp_path / "b"))
    assert pack_folders(" /x : /y ") == ("/x", "/y")
    assert pack_folders(None) == ()


def test_broken_packs_are_refused_with_the_file_named(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="does not exist"):
        load_packs((str(tmp_path / "missing"),))
    (tmp_path / "bad" / "not a locale").mkdir(parents=True)
    with pytest.raises(PackError, match="not named by a locale"):
        load_packs((str(tmp_path / "bad"),))
    (tmp_path / "json" / "fr").mkdir(parents=True)
    (tmp_path / "json" / "fr" / "phrasing.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PackError, match=r"phrasing\.json"):
        load_packs((str(tmp_path / "json"),))
    (tmp_path / "list" / "fr").mkdir(parents=True)
    (tmp_path / "list" / "fr" / "phrasing.json").write_text("[]", encoding="utf-8")
    with pytest.raises(PackError, match="JSON object"):
        load_packs((str(tmp_path / "list"),))


def test_pack_data_is_read_only() -> None:
    frames = load_packs().get("en", "phrasing", "frames")
    with pytest.raises(TypeError):
        frames["requirement"] = "changed"  # type: ignore[index]
