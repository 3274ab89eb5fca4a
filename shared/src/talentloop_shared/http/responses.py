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
    model: BaseModel, *, status_code: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """The model as an `application/json` response."""
    return Response(
        model.__pydantic_serializer__.to_json(model),
        status_code=status_code,
        headers=headers,
        media_type=JSON,
    )
