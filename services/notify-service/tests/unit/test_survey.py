from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from notify_service.domain.survey import (
    RATING_QUESTIONS,
    SURVEY_QUESTIONS,
    ExpiredToken,
    GroupTotals,
    InvalidToken,
    SurveyAnswers,
    hide_survey_links,
    make_token,
    read_token,
    summary_of,
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


def totals(**fields) -> GroupTotals:
    nothing = dict.fromkeys(
        ("notices_sent", "responses", "rated", "satisfied", "open_to_future_roles"), 0
    )
    values = {"rating_sums": {}, "rating_counts": {}, "future_answered": 0, **nothing}
    values["median_minutes_to_send"] = None
    return GroupTotals(group="x", **{**values, **fields})


def test_a_groups_figures_are_its_counts_ratios():
    summary = summary_of(
        totals(
            notices_sent=3,
            responses=2,
            rating_sums={"tone": 7, "detail": 6},
            rating_counts={"tone": 2, "detail": 2},
            rated=2,
            satisfied=1,
            open_to_future_roles=1,
            future_answered=2,
            median_minutes_to_send=120.0,
        )
    )
    assert summary.response_rate == pytest.approx(2 / 3)
    assert summary.mean_ratings == {
        "tone": 3.5,
        "detail": 3.0,
        "timeliness": None,
        "helpfulness": None,
    }
    assert summary.share_satisfied == 0.5 and summary.share_open_to_future_roles == 0.5
    assert summary.median_minutes_to_send == 120.0


def test_a_figure_with_nothing_to_divide_by_is_none_not_zero():
    empty = summary_of(totals())
    assert empty.response_rate is None and empty.share_satisfied is None
    assert set(empty.mean_ratings) == set(RATING_QUESTIONS)
    assert all(mean is None for mean in empty.mean_ratings.values())
    # Sent, never answered: a response rate of 0, and no rating to average.
    unanswered = summary_of(totals(notices_sent=4))
    assert unanswered.response_rate == 0 and unanswered.mean_ratings["tone"] is None
    # Answered, but the future-roles question left blank by all: neither a yes nor a no.
    blank = summary_of(totals(notices_sent=2, responses=2, rated=2, satisfied=2))
    assert blank.share_satisfied == 1.0 and blank.share_open_to_future_roles is None


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
