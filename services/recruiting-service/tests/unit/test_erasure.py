"""What erasing a candidate does to statuses and history reasons (pure rules)."""

from __future__ import annotations

import pytest

from recruiting_service.domain.applications import FINAL_STATUSES, STATUSES
from recruiting_service.domain.erasure import (
    ANONYMISED,
    ERASED_NAME,
    ERASURE_REASON,
    OPEN_STATUSES,
    redacted_reason,
    status_after_erasure,
)
from talentloop_shared.errors import FieldInvalid


@pytest.mark.parametrize("status", ["screening", "screened_out", "interviewing", "offer"])
def test_open_applications_are_withdrawn(status: str) -> None:
    assert status_after_erasure(status) == "withdrawn"


@pytest.mark.parametrize("status", ["hired", "rejected", "withdrawn"])
def test_decided_applications_keep_their_status(status: str) -> None:
    assert status_after_erasure(status) is None


def test_open_statuses_are_exactly_the_non_final_ones() -> None:
    assert set(OPEN_STATUSES) == set(STATUSES) - FINAL_STATUSES
    assert "withdrawn" not in OPEN_STATUSES


def test_unknown_status_is_refused_not_guessed() -> None:
    with pytest.raises(FieldInvalid, match="status"):
        status_after_erasure("archived")


def test_anonymised_fields_carry_nothing_personal() -> None:
    assert ANONYMISED["name"] == ERASED_NAME == "(erased)"
    assert {k for k, v in ANONYMISED.items() if v not in (None, [], False, "none")} == {"name"}
    assert {"email", "phone", "skills", "industries", "languages", "years_experience"} <= set(
        ANONYMISED
    )


def _redact(reason: str, *, frm: str | None = "screening", to: str = "interviewing", by="hr-1"):
    return redacted_reason(from_status=frm, to_status=to, by=by, reason=reason)


def test_generated_reasons_are_kept() -> None:
    # The first line: source and screening outcome (requirement names only).
    assert _redact("applied (source direct); screening passed (score 80)", frm=None) is None
    # Re-screening by the system describes the position's change.
    assert _redact("requirements changed to version 2; screened out", by="system") is None
    assert _redact("interview planned with tech-1") is None
    assert _redact("advance") is None
    assert _redact("withdraw", to="withdrawn") is None
    assert _redact(ERASURE_REASON, frm="offer", to="withdrawn", by="system") is None


def test_rejection_reasons_lose_the_notice_text_but_keep_the_stage() -> None:
    reason = "rejected at interview stage: 华东区域渠道管理经验; more business depth"
    assert _redact(reason, frm="interviewing", to="rejected") == (
        "rejected at interview stage: (erased)"
    )
    assert _redact("something else", frm="offer", to="rejected") == "(erased)"


def test_reasons_people_typed_are_replaced() -> None:
    assert _redact("she has a competing offer from Acme") == "(erased)"
    assert _redact("moved to Beijing", frm="offer", to="withdrawn") == "(erased)"


def test_redaction_is_idempotent() -> None:
    once = _redact("rejected at screening stage: 5 years", frm="screened_out", to="rejected")
    assert once is not None
    assert _redact(once, frm="screened_out", to="rejected") is None
    assert _redact("(erased)") is None
