"""jsonb values are decoded by orjson, with exactly what the standard library returns."""

from __future__ import annotations

import json

import pytest

from talentloop_shared.db.engine import loads_json


@pytest.mark.parametrize(
    "text",
    [
        '{"title": "数据工程师", "weight": 0.7, "n": 3, "none": null, "ok": true}',
        "[1, 2.5, -0.0, 1e-7]",
        "9223372036854775807",
        "18446744073709551616",  # past 64 bits: orjson would make it a float
        "123456789012345678901234567890",
        "0.12345678901234567890123",
        "1e400",  # orjson refuses it, the standard library gives inf
    ],
)
def test_the_same_values_and_types_as_the_standard_library(text: str) -> None:
    got, expected = loads_json(text), json.loads(text)
    assert got == expected and type(got) is type(expected)
    assert json.dumps(got) == json.dumps(expected)
