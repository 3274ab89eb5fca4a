from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from notify_service.domain.survey import (
    RATING_QUESTIONS,
    SURVEY_QUESTIONS,
    ExpiredToken,
    InvalidToken,
    NoticeOutcome,
    SurveyAnswers,
    hide_survey_links,
    make_token,
    read_token,
    summarise,
)

SECRET = "s3cret-for-tests"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=30)


@pytest.mark.parametrize("notification_id", [str(uuid.uuid4()), "notice-42", "通知-1", "A.B:C"])
def test_token_round_trip(notification_id):
    token = make_token(notification_id, secret=SECRET, expires_at=LATER)
    assert read_token(token, secret=SECRET, now=NOW) == notification_id


def test_token_is_url_safe_and_short_for_uuids():
    token = make_token(str(uuid.uuid4()), secret=SECRET, expires_at=LATER)
    assert all(c.isalnum() or c in "-_" for c in token)
    assert len(token) <= 60  # it travels in SMS


def test_wrong_secret_is_invalid():
    token = make_token("n-1", secret=SECRET, expires_at=LATER)
    with pytest.raises(InvalidToken) as info:
        read_token(token, secret="other", now=NOW)
    assert not isinstance(info.value, ExpiredToken)


def test_tampered_token_is_invalid():
    token = make_token(str(uuid.uuid4()), secret=SECRET, expires_at=LATER)
    for i in (0, 3, len(token) // 2, len(token) - 1):
        flipped = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
        with pytest.raises(InvalidToken):
            read_token(flipped, secret=SECRET, now=NOW)


def test_forged_token_with_later_expiry_is_invalid():
    # Re-signing is impossible without the secret, so extending the expiry fails.
    real = make_token("n-1", secret=SECRET, expires_at=NOW)
    forged = make_token("n-1", secret="guess", expires_at=LATER)
    with pytest.raises(InvalidToken):
        read_token(forged, secret=SECRET, now=NOW)
    with pytest.raises(ExpiredToken):
        read_token(real, secret=SECRET, now=NOW)


@pytest.mark.parametrize("garbage", ["", "abc", "!!!!", "a" * 200, "ü-token"])
def test_garbage_is_invalid(garbage):
    with pytest.raises(InvalidToken):
        read_token(garbage, secret=SECRET, now=NOW)


def test_expired_token():
    token = make_token("n-9", secret=SECRET, expires_at=NOW + timedelta(hours=1))
    assert read_token(token, secret=SECRET, now=NOW + timedelta(minutes=59)) == "n-9"
    with pytest.raises(ExpiredToken) as info:
        read_token(token, secret=SECRET, now=NOW + timedelta(hours=1))
    assert info.value.notification_id == "n-9"
    assert isinstance(info.value, InvalidToken)


def test_empty_secret_refused():
    with pytest.raises(ValueError):
        make_token("n", secret="", expires_at=LATER)


def test_questions_and_answers():
    assert RATING_QUESTIONS == ("tone", "detail", "timeliness", "helpfulness")
    assert SURVEY_QUESTIONS == (*RATING_QUESTIONS, "comment", "open_to_future_roles")
    answers = SurveyAnswers(tone=5, detail=3, comment="thanks", open_to_future_roles=True)
    assert answers.ratings() == {"tone": 5, "detail": 3}
    with pytest.raises(ValidationError):
        SurveyAnswers(tone=6)
    with pytest.raises(ValidationError):
        SurveyAnswers(tone=0)
    with pytest.raises(ValidationError):
        SurveyAnswers(mood=3)


def outcome(group, minutes, answers=None, sent=True):
    rejected = NOW
    return NoticeOutcome(
        group=group,
        rejected_at=rejected,
        sent_at=rejected + timedelta(minutes=minutes) if sent else None,
        answers=answers,
    )


def test_summarise_per_group_and_overall():
    rows = [
        outcome(
            "engineering",
            60,
            SurveyAnswers(tone=5, detail=4, timeliness=5, helpfulness=4, open_to_future_roles=True),
        ),
        outcome(
            "engineering",
            120,
            SurveyAnswers(
                tone=2, detail=2, timeliness=3, helpfulness=3, open_to_future_roles=False
            ),
        ),
        outcome("engineering", 180),
        outcome("engineering", 0, sent=False),  # still scheduled
        outcome("sales", 30),
    ]
    summary = summarise(rows)
    assert [g.group for g in summary.groups] == ["engineering", "sales"]
    eng = summary.groups[0]
    assert eng.notices_sent == 3
    assert eng.responses == 2
    assert eng.response_rate == pytest.approx(2 / 3)
    assert eng.mean_ratings["tone"] == pytest.approx(3.5)
    assert eng.mean_ratings["detail"] == pytest.approx(3.0)
    assert eng.share_satisfied == pytest.approx(0.5)
    assert eng.share_open_to_future_roles == pytest.approx(0.5)
    assert eng.median_minutes_to_send == pytest.approx(120)
    sales = summary.groups[1]
    assert sales.responses == 0 and sales.response_rate == 0
    assert sales.mean_ratings["tone"] is None and sales.share_satisfied is None
    assert summary.overall.notices_sent == 4
    assert summary.overall.median_minutes_to_send == pytest.approx(90)


def test_summarise_edge_cases():
    empty = summarise([])
    assert empty.groups == []
    assert empty.overall.response_rate is None and empty.overall.median_minutes_to_send is None
    # Comment-only answers count as responses but not towards satisfaction.
    rows = [outcome("x", 10, SurveyAnswers(comment="ok")), outcome("x", 10, SurveyAnswers(tone=4))]
    group = summarise(rows).groups[0]
    assert group.responses == 2 and group.share_satisfied == 1.0


def test_survey_links_are_hidden_from_staff_views():
    token = make_token(str(uuid.uuid4()), secret=SECRET, expires_at=LATER)
    text = f"Tell us: https://careers.example.com/survey/{token}. 谢谢：http://x/survey/{token}。"
    hidden = hide_survey_links(text)
    assert token not in hidden
    assert hidden == (
        "Tell us: https://careers.example.com/survey/[hidden]. 谢谢：http://x/survey/[hidden]。"
    )
    html = f'<a href="https://x/survey/{token}">https://x/survey/{token}</a>'
    assert (
        hide_survey_links(html)
        == '<a href="https://x/survey/[hidden]">https://x/survey/[hidden]</a>'
    )
    assert (
        hide_survey_links("see /survey/ and the surveys page")
        == "see /survey/ and the surveys page"
    )


def test_the_share_open_to_future_roles_counts_only_those_who_answered_it():
    # Left unanswered is neither a yes nor a no.
    rows = [
        outcome("x", 10, SurveyAnswers(tone=5, open_to_future_roles=True)),
        outcome("x", 10, SurveyAnswers(tone=5)),
        outcome("x", 10, SurveyAnswers(tone=5)),
    ]
    assert summarise(rows).overall.share_open_to_future_roles == pytest.approx(1.0)
    assert summarise(rows[1:]).overall.share_open_to_future_roles is None
