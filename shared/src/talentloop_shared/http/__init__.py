"""HTTP conventions shared by every service (API.md)."""

from talentloop_shared.http.pagination import Page, decode_cursor, encode_cursor
from talentloop_shared.http.problems import ProblemError, RequestModel, problem_responses

__all__ = [
    "Page",
    "ProblemError",
    "RequestModel",
    "decode_cursor",
    "encode_cursor",
    "problem_responses",
]
