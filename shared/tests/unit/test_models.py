"""`from_attributes`: a model read from an object's attributes, some fields given instead."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pydantic import BaseModel, ValidationError

from talentloop_shared.models import from_attributes


@dataclass
class _Row:
    id: int
    name: str
    secret: str | None


class _Read(BaseModel):
    id: str
    name: str
    has_secret: bool


def test_reads_attributes_and_takes_given_values_instead() -> None:
    row = _Row(id=7, name="Ada", secret="s3")
    read = from_attributes(_Read, row, id=str(row.id), has_secret=row.secret is not None)
    assert read == _Read(id="7", name="Ada", has_secret=True)


def test_a_field_without_attribute_or_given_value_is_an_error_not_a_default() -> None:
    with pytest.raises(AttributeError, match="has_secret"):
        from_attributes(_Read, _Row(id=1, name="Bo", secret=None), id="1")


def test_a_given_name_that_is_no_field_is_refused() -> None:
    with pytest.raises(TypeError, match="_Read has no field nmae"):
        from_attributes(_Read, _Row(1, "Bo", None), id="1", has_secret=False, nmae="x")


def test_values_are_validated() -> None:
    with pytest.raises(ValidationError):
        from_attributes(_Read, _Row(1, "Bo", None), id=1, has_secret=False)
