"""Token verification and role dependencies."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import jwt
from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from talentloop_shared.http.problems import ProblemError

ROLES = ("hr_admin", "recruiter", "interviewer", "integration")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the token's subject and roles."""

    sub: str
    roles: frozenset[str]

    def has_any(self, *roles: str) -> bool:
        """True when the principal holds at least one of `roles`."""
        return bool(self.roles.intersection(roles))


class TokenVerifier:
    """Verifies bearer tokens with an HS256 secret or keys from a JWKS URL.

    A verified token is remembered (least recently used first out, at most `cache_size`)
    until it expires, and never longer than `cache_seconds`: a client sends the same token
    with every request, and checking its signature again is most of what authentication
    costs. The short bound means a key the provider withdraws from its JWKS stops being
    honoured within seconds. Only tokens that passed every check are remembered, so a forged,
    expired or otherwise refused token is checked (and refused) every time.
    """

    def __init__(
        self,
        *,
        secret: str,
        issuer: str,
        audience: str,
        jwks_url: str | None = None,
        cache_size: int = 4096,
        cache_seconds: float = 10.0,
    ) -> None:
        self.secret = secret
        self.issuer = issuer
        self.audience = audience
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True) if jwks_url else None
        self.cache_size = cache_size
        self.cache_seconds = cache_seconds
        # token → (valid until, in `time.time()` seconds; the principal)
        self._verified: OrderedDict[str, tuple[float, Principal]] = OrderedDict()

    async def verify(self, token: str) -> Principal:
        """Decode and check signature, expiry, issuer and audience."""
        now = time.time()
        known = self._verified.get(token)
        if known is not None:
            if now < known[0]:
                self._verified.move_to_end(token)
                return known[1]
            del self._verified[token]
        principal, expires = await self._decode(token)
        if self.cache_size > 0 and self.cache_seconds > 0:
            self._verified[token] = (min(expires, now + self.cache_seconds), principal)
            if len(self._verified) > self.cache_size:
                self._verified.popitem(last=False)
        return principal

    async def _decode(self, token: str) -> tuple[Principal, float]:
        """The principal and the token's expiry (every check done, nothing remembered)."""
        try:
            if self._jwks is not None:
                # PyJWKClient fetches over blocking HTTP (then caches): keep it off the loop.
                signing_key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
                claims = jwt.decode(
                    token,
                    signing_key.key,
                    algorithms=["RS256", "ES256"],
                    audience=self.audience,
                    issuer=self.issuer,
                    options={"require": ["exp", "sub"]},
                )
            else:
                claims = jwt.decode(
                    token,
                    self.secret,
                    algorithms=["HS256"],
                    audience=self.audience,
                    issuer=self.issuer,
                    options={"require": ["exp", "sub"]},
                )
        except jwt.ExpiredSignatureError:
            raise _unauthorized("the token has expired") from None
        except jwt.PyJWTError as e:
            raise _unauthorized(f"the token is not valid: {e}") from None
        roles = claims.get("roles") or []
        if isinstance(roles, str):
            roles = roles.split()
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise _unauthorized("the token's roles must be a list of names or one string")
        principal = Principal(sub=str(claims["sub"]), roles=frozenset(map(str, roles)))
        # PyJWT accepted `exp` (required, numeric, not past): valid while now < exp.
        return principal, float(claims["exp"])


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401,
        "Unauthorized",
        detail,
        type_="unauthorized",
        headers={"WWW-Authenticate": 'Bearer realm="talentloop"'},
    )


def issue_token(
    *,
    sub: str,
    roles: list[str],
    secret: str,
    issuer: str = "talentloop",
    audience: str = "talentloop",
    ttl_seconds: int = 3600,
) -> str:
    """A signed HS256 token (dev tooling and tests)."""
    now = int(time.time())
    return jwt.encode(
        {
            "sub": sub,
            "roles": roles,
            "iat": now,
            "exp": now + ttl_seconds,
            "iss": issuer,
            "aud": audience,
        },
        secret,
        algorithm="HS256",
    )


_bearer = HTTPBearer(auto_error=False, description="JWT issued by your identity provider")


async def authenticate(request: Request) -> Principal:
    """The verified caller of this request (401 without a valid bearer token).

    Verified once per request: the result is kept on `request.state`, so the
    Idempotency-Key layer (which must know who is asking before it replays anything) and
    the route's role dependency share one verification.
    """
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    credentials: HTTPAuthorizationCredentials | None = await _bearer(request)
    if credentials is None:
        raise _unauthorized("an Authorization: Bearer <token> header is required")
    verifier: TokenVerifier = request.app.state.runtime.verifier
    principal = await verifier.verify(credentials.credentials)
    request.state.principal = principal
    return principal


def authorize(principal: Principal, roles: tuple[str, ...]) -> None:
    """403 unless the principal holds one of `roles` (none given: any role will do)."""
    if roles and not principal.has_any(*roles):
        raise ProblemError(
            403,
            "Forbidden",
            f"this action needs one of the roles {', '.join(roles)}; "
            f"the token has {', '.join(sorted(principal.roles)) or 'none'}",
            type_="forbidden",
        )


def require_roles(
    *roles: str, own: tuple[str, ...] = ()
) -> Callable[..., Coroutine[Any, Any, Principal]]:
    """A dependency that authenticates and allows any of `roles` (none given: any role).

    `own` names roles let in only for their own records (an interviewer's own interviews):
    the dependency admits them, the use case checks the record is theirs (403 otherwise).
    """
    admitted = (*roles, *own)

    async def dependency(request: Request) -> Principal:
        principal = await authenticate(request)
        authorize(principal, admitted)
        return principal

    # The Idempotency-Key layer finds the route's roles here and checks them first; the
    # authorization matrix reads both.
    dependency.required_roles = admitted  # type: ignore[attr-defined]
    dependency.own_roles = own  # type: ignore[attr-defined]
    return dependency


def own_roles_of(call: Any) -> tuple[str, ...]:
    """The roles a `require_roles` dependency admits only for their own records."""
    roles = getattr(call, "own_roles", ())
    return roles if isinstance(roles, tuple) else ()


def required_roles_of(call: Any) -> tuple[str, ...] | None:
    """The roles a `require_roles` dependency demands, or None for other callables."""
    roles = getattr(call, "required_roles", None)
    return roles if isinstance(roles, tuple) else None


def route_roles(dependant: Dependant) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The roles a route's `require_roles` dependency admits and those it admits only for
    their own records, found anywhere in its dependency tree; None: the route is public."""
    for dep in dependant.dependencies:
        roles = required_roles_of(dep.call)
        if roles is not None:
            return roles, own_roles_of(dep.call)
        nested = route_roles(dep)
        if nested is not None:
            return nested
    return None
