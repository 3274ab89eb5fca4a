"""JWT bearer auth with roles (HS256 shared secret by default, JWKS when configured)."""

from talentloop_shared.auth.jwt import (
    ROLES,
    Principal,
    TokenVerifier,
    authenticate,
    issue_token,
    require_roles,
)

__all__ = ["ROLES", "Principal", "TokenVerifier", "authenticate", "issue_token", "require_roles"]
