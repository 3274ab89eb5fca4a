from __future__ import annotations

from notify_service.domain.defaults import default_templates
from notify_service.domain.templates import TemplateKey, select_template
from talentloop_shared.i18n import locale_chain


def key(family: str, stage: str, locale: str, channel: str = "email", kind: str = "rejection"):
    return TemplateKey(kind, family, stage, locale, channel)


CATALOGUE = [
    key("*", "*", "en"),
    key("engineering", "*", "en"),
    key("*", "*", "zh-CN"),
    key("engineering", "*", "zh-CN"),
    key("*", "screening", "zh-CN"),
    key("*", "*", "zh-CN", channel="sms"),
    key("*", "*", "en", kind="invitation"),
]


def pick(**kw):
    args = {"kind": "rejection", "stage": "interview", "channel": "email"} | kw
    return select_template(CATALOGUE, **args)


def test_exact_family_in_exact_locale_wins():
    assert pick(job_family="engineering", locale="zh-CN") == key("engineering", "*", "zh-CN")


def test_unknown_family_falls_back_to_general_in_same_locale():
    assert pick(job_family="marketing", locale="zh-CN") == key("*", "*", "zh-CN")


def test_locale_beats_job_family():
    # An English engineering template exists, but a Chinese reader gets Chinese.
    only = [key("engineering", "*", "en"), key("*", "*", "zh-CN")]
    found = select_template(
        only,
        kind="rejection",
        job_family="engineering",
        stage="interview",
        locale="zh-CN",
        channel="email",
    )
    assert found == key("*", "*", "zh-CN")


def test_unknown_locale_falls_back_to_default_general():
    assert pick(job_family="marketing", locale="fr") == key("*", "*", "en")
    assert pick(job_family="engineering", locale="fr-FR") == key("engineering", "*", "en")


def test_language_and_sibling_fallback():
    assert pick(job_family="marketing", locale="zh") == key("*", "*", "zh-CN")
    assert pick(job_family="marketing", locale="zh_TW") == key("*", "*", "zh-CN")
    assert pick(job_family="engineering", locale="EN-gb") == key("engineering", "*", "en")


def test_family_outranks_stage_and_stage_outranks_general():
    assert pick(job_family="engineering", stage="screening", locale="zh-CN") == key(
        "engineering", "*", "zh-CN"
    )
    assert pick(job_family="sales", stage="screening", locale="zh-CN") == key(
        "*", "screening", "zh-CN"
    )


def test_kind_and_channel_must_match():
    assert pick(job_family="x", locale="en", channel="sms") is None
    assert pick(job_family="x", locale="zh-CN", channel="sms") == key("*", "*", "zh-CN", "sms")
    assert pick(job_family="x", locale="en", kind="invitation") == key(
        "*", "*", "en", kind="invitation"
    )
    assert pick(job_family="x", locale="en", kind="offer") is None


def test_ties_keep_iteration_order_and_dicts_work():
    newer = {
        "kind": "rejection",
        "job_family": "*",
        "stage": "*",
        "locale": "en",
        "channel": "email",
        "version": 2,
    }
    older = newer | {"version": 1}
    found = select_template(
        [newer, older],
        kind="rejection",
        job_family=None,
        stage=None,
        locale=None,
        channel="email",
    )
    assert found is newer


def test_locale_chain_is_the_shared_canonical_one():
    # Selection walks the shared chain, whose tags are canonical-case.
    assert locale_chain("zh-CN") == ("zh-CN", "zh", "en")
    assert locale_chain("en-US", "en") == ("en-US", "en")
    assert locale_chain(None, "zh-CN") == ("zh-CN", "zh")


def test_default_catalogue_covers_the_scenarios():
    templates = default_templates()

    def choose(family, stage, locale, channel="email", kind="rejection"):
        found = select_template(
            templates,
            kind=kind,
            job_family=family,
            stage=stage,
            locale=locale,
            channel=channel,
        )
        assert found is not None
        return found["job_family"], found["stage"], found["locale"]

    assert choose("engineering", "interview", "zh-CN") == ("engineering", "*", "zh-CN")
    assert choose("marketing", "interview", "zh-CN") == ("*", "*", "zh-CN")
    assert choose("marketing", "screening", "zh-CN") == ("*", "screening", "zh-CN")
    assert choose("marketing", "interview", "fr") == ("*", "*", "en")
    assert choose("sales", "offer", "en", channel="sms") == ("sales", "*", "en")
    assert choose("anything", "*", "zh-CN", kind="invitation") == ("*", "*", "zh-CN")


# --- band (how close the candidate came) and background -----------------------------------


def banded(family: str, stage: str, band: str = "*", background: str = "*", locale: str = "en"):
    return TemplateKey("rejection", family, stage, locale, "email", band, background)


BANDED = [
    banded("*", "*"),
    banded("engineering", "*"),
    banded("*", "screening"),
    banded("*", "*", band="close"),
    banded("*", "*", band="far"),
    banded("engineering", "*", band="close"),
    banded("*", "*", band="far", background="campus"),
    banded("*", "*", background="career_change"),
    banded("*", "*", locale="zh-CN"),
]


def pick_banded(**kw):
    args = {"kind": "rejection", "stage": "interview", "channel": "email", "locale": "en"} | kw
    return select_template(BANDED, **args)


def test_a_close_miss_and_a_far_one_pick_different_templates():
    close = pick_banded(job_family="marketing", band="close")
    far = pick_banded(job_family="marketing", band="far")
    assert close == banded("*", "*", band="close")
    assert far == banded("*", "*", band="far")


def test_band_and_family_together_beat_either_alone():
    assert pick_banded(job_family="engineering", band="close") == banded(
        "engineering", "*", band="close"
    )
    # No far engineering template: the far one beats the family one written for any band.
    assert pick_banded(job_family="engineering", band="far") == banded("*", "*", band="far")


def test_no_band_means_the_stage_rules_as_before():
    assert pick_banded(job_family="engineering", band=None) == banded("engineering", "*")
    assert pick_banded(job_family="marketing", stage="screening") == banded("*", "screening")
    assert pick_banded(job_family="marketing") == banded("*", "*")


def test_background_narrows_within_the_band():
    assert pick_banded(job_family="sales", band="far", background="campus") == banded(
        "*", "*", band="far", background="campus"
    )
    assert pick_banded(job_family="sales", band="far", background="experienced") == banded(
        "*", "*", band="far"
    )
    assert pick_banded(job_family="sales", background="career_change") == banded(
        "*", "*", background="career_change"
    )


def test_the_locale_still_comes_first():
    # A Chinese reader gets the general Chinese template over an English close-miss one.
    assert pick_banded(job_family="x", band="close", locale="zh-CN") == banded(
        "*", "*", locale="zh-CN"
    )


def test_rows_without_band_or_background_read_as_any():
    rows = [
        {
            "kind": "rejection",
            "job_family": "*",
            "stage": "*",
            "locale": "en",
            "channel": "email",
            "name": "old",
        }
    ]
    found = select_template(
        rows,
        kind="rejection",
        job_family="x",
        stage="interview",
        locale="en",
        channel="email",
        band="close",
        background="campus",
    )
    assert found is rows[0]


def test_shipped_defaults_by_band_in_every_chinese_and_english_locale():
    templates = default_templates()
    for locale in ("en", "zh-CN", "zh-TW"):
        for band in ("close", "far"):
            found = select_template(
                templates,
                kind="rejection",
                job_family="engineering",
                stage="interview",
                locale=locale,
                channel="email",
                band=band,
            )
            assert found is not None
            assert found["name"] == f"rejection-general-any-{band}-{locale}-email"
        plain = select_template(
            templates,
            kind="rejection",
            job_family="engineering",
            stage="interview",
            locale=locale,
            channel="email",
        )
        assert plain is not None and plain["band"] == "*"
