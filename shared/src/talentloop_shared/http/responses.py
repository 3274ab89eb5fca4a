"""Responses built from a model once.

A route that returns a model has FastAPI check it against `response_model` again and then
serialise it. A read that has just validated its model can instead return
`model_response(model)`: the same JSON (pydantic's own serialiser, as FastAPI uses), written
once. Declare `response_model=` on the route so the OpenAPI document is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Response
from pydantic import BaseModel

JSON = "application/json"


def model_response(
    model: BaseModel,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    shape: type[BaseModel] | None = None,
) -> Response:
    """The model as an `application/json` response; serialised as `shape`, the route's
    response model, when given (FastAPI's way: an instance of a subclass shows the
    response model's fields only)."""
    serializer = (shape or type(model)).__pydantic_serializer__
    return Response(
        serializer.to_json(model),
        status_code=status_code,
        headers=headers,
        media_type=JSON,
    )
