"""Codes typed in full-width mode are the codes they stand for, in a body and in a path."""

from __future__ import annotations

import re
from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI
from pydantic import Field, ValidationError

from talentloop_shared.characters import fold_width
from talentloop_shared.http import RequestModel
from talentloop_shared.http.codes import FOLDED, code_path


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ＤＥＰＴ－００１", "DEPT-001"),
        ("dept_００１", "dept_001"),  # case kept: codes are compared as the ERP spells them
        ("研发部－Ａ", "研发部-A"),  # ideographs are themselves
        ("A\u3000B", "A B"),  # an ideographic space is a space
        ("DEPT-001", "DEPT-001"),
    ],
)
def test_fold_width_of_a_code(typed: str, code: str) -> None:
    assert fold_width(typed) == code


class _Unit(RequestModel):
    code: Annotated[str, Field(min_length=1, max_length=8), FOLDED] | None = None


def test_a_body_code_is_folded_before_its_length_is_checked() -> None:
    assert _Unit(code=" ＡＢＣＤＥＦＧＨ\u3000").code == "ABCDEFGH"
    with pytest.raises(ValidationError, match="at most 8 characters"):
        _Unit(code="ＡＢＣＤＥＦＧＨＩ")
    with pytest.raises(ValidationError, match="at least 1 character"):
        _Unit(code="\u3000")


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("AC\u200bME", "U+200B (ZERO WIDTH SPACE) at character 3"),
        ("ACME\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE) at character 5"),
        ("A\tB", "the control character U+0009 at character 2"),
        ("A\r\nB", "the control character U+000D at character 2"),
        ("AC\x1bME", "the control character U+001B at character 3"),
    ],
)
def test_a_code_with_an_invisible_character_is_refused_naming_it(typed: str, named: str) -> None:
    # "ACME" and "AC<ZWSP>ME" would be two codes no one can tell apart on a screen.
    with pytest.raises(ValidationError, match=re.escape(named)):
        _Unit(code=typed)


def test_a_line_break_around_a_code_in_a_body_is_trimmed_as_any_white_space() -> None:
    assert _Unit(code="DEPT-1\r\n").code == "DEPT-1"


def test_a_direction_control_is_dropped_from_a_code_as_from_any_text() -> None:
    # "\u202eEMCA" shows as "ACME" but is EMCA: kept as what it is, it shows as such
    assert _Unit(code="\u202eEMCA\u202c").code == "EMCA"


async def test_a_path_code_is_folded_and_may_not_begin_or_end_with_a_space() -> None:
    app = FastAPI()

    @app.get("/units/by-code/{code}")
    def read(code: code_path("the ERP's code", max_length=8)) -> str:  # type: ignore[valid-type]
        return code

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/units/by-code/ＡＢＣ－１")).json() == "ABC-1"
        assert (await client.get("/units/by-code/\u202aABC-1\u202c")).json() == "ABC-1"
        for spaced in ("%20ABC", "ABC%20", "\u3000ABC"):
            assert (await client.get(f"/units/by-code/{spaced}")).status_code == 422
        assert (await client.get("/units/by-code/ＡＢＣＤＥＦＧＨＩ")).status_code == 422
        # A control character no body may hold: a 422 here too, not a code to store.
        for hidden in ("2%C3%BE%0D%C2%92", "AB%1BC", "AB%C2%92", "A%09B", "A%0AB"):
            assert (await client.get(f"/units/by-code/{hidden}")).status_code == 422, hidden
