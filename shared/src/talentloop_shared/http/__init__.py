"""HTTP conventions shared by every service (API.md)."""

from talentloop_shared.http.blank import BLANK_IS_NONE
from talentloop_shared.http.conditional import IfMatch, set_etag
from talentloop_shared.http.pagination import (
    CursorQuery,
    Keyset,
    LimitQuery,
    Page,
    decode_cursor,
    encode_cursor,
)
from talentloop_shared.http.problems import ProblemError, RequestModel, problem_responses
from talentloop_shared.http.responses import model_response

__all__ = [
    "BLANK_IS_NONE",
    "CursorQuery",
    "IfMatch",
    "Keyset",
    "LimitQuery",
    "Page",
    "ProblemError",
    "RequestModel",
    "decode_cursor",
    "encode_cursor",
    "model_response",
    "problem_responses",
    "set_etag",
]
