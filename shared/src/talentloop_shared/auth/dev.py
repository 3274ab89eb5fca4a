"""A development-only sign-in: `POST /dev/token` hands out a token for a chosen role.

The HR console's role picker uses it under `make run`. The router is mounted only when the
service runs with `ENVIRONMENT=dev` (and the development secret or a dev-only secret):
outside dev the path does not exist at all (404), so it can't be switched on by a request.
Production sign-in is OIDC against the configured issuer.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import Field

from talentloop_shared.auth.jwt import issue_token
from talentloop_shared.http.problems import RequestModel

Role = Literal["hr_admin", "recruiter", "interviewer", "integration"]


class DevTokenRequest(RequestModel):
    """Who to sign in as."""

    roles: list[Role] = Field(min_length=1, max_length=4)
    sub: str = Field(default="dev-user", min_length=1, max_length=100, pattern=r"^[\w.@-]+$")
    ttl_seconds: int = Field(default=8 * 3600, ge=60, le=24 * 3600)


def dev_router() -> APIRouter:
    """The dev sign-in router (mount only in dev)."""
    router = APIRouter(tags=["dev"])

    @router.post("/dev/token", summary="Development sign-in: a token for the given roles")
    async def dev_token(body: DevTokenRequest, request: Request) -> dict[str, str]:
        settings = request.app.state.runtime.settings
        token = issue_token(
            sub=body.sub,
            roles=list(body.roles),
            secret=settings.jwt_secret,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            ttl_seconds=body.ttl_seconds,
        )
        return {"access_token": token, "token_type": "Bearer"}

    return router
