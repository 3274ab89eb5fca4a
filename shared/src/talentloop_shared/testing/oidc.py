"""A minimal OpenID Connect issuer for tests: discovery, an authorization endpoint that signs
in a preset user at once, a token endpoint that insists on PKCE (S256), and a JWKS.

It stands in for the company's identity provider (Keycloak, Azure AD, Authing…) so that the
console's authorization-code + PKCE sign-in and the services' JWKS verification are tested
end to end over real HTTP. Tokens are RS256, with `roles`, `sub`, `iss`, `aud` as the services
expect.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from talentloop_shared.testing.smtp import free_port


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str | None


@dataclass
class LocalIssuer:
    """`with LocalIssuer(sub=…, roles=[…]) as issuer:` — serves on a free loopback port."""

    sub: str = "oidc-user"
    name: str = "OIDC User"
    roles: list[str] = field(default_factory=lambda: ["hr_admin"])
    audience: str = "talentloop"
    port: int = field(default_factory=free_port)
    # What the endpoints saw, for the test to inspect.
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._kid = secrets.token_hex(4)
        self._grants: dict[str, Grant] = {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def jwks_url(self) -> str:
        return self.url + "/jwks"

    def _sign(self, claims: dict[str, Any]) -> str:
        now = int(time.time())
        body = {"iss": self.url, "iat": now, "exp": now + 3600, **claims}
        return jwt.encode(body, self._key, algorithm="RS256", headers={"kid": self._kid})

    async def _discovery(self, _: Request) -> Response:
        return JSONResponse(
            {
                "issuer": self.url,
                "authorization_endpoint": self.url + "/authorize",
                "token_endpoint": self.url + "/token",
                "jwks_uri": self.jwks_url,
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code"],
                "code_challenge_methods_supported": ["S256"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _authorize(self, request: Request) -> Response:
        q = dict(request.query_params)
        self.authorize_requests.append(q)
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        if not q.get("code_challenge"):
            return JSONResponse({"error": "invalid_request", "detail": "PKCE"}, status_code=400)
        code = secrets.token_urlsafe(16)
        self._grants[code] = Grant(
            q["client_id"], q["redirect_uri"], q["code_challenge"], q.get("nonce")
        )
        target = q["redirect_uri"] + "?" + urlencode({"code": code, "state": q.get("state", "")})
        return RedirectResponse(target, status_code=302)

    async def _token(self, request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        self.token_requests.append(form)
        grant = self._grants.pop(form.get("code", ""), None)
        if grant is None or form.get("grant_type") != "authorization_code":
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        verifier = form.get("code_verifier", "")
        if _b64url(hashlib.sha256(verifier.encode()).digest()) != grant.code_challenge:
            return JSONResponse({"error": "invalid_grant", "detail": "PKCE"}, status_code=400)
        if form.get("redirect_uri") != grant.redirect_uri:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        id_claims: dict[str, Any] = {"sub": self.sub, "aud": grant.client_id, "name": self.name}
        if grant.nonce:
            id_claims["nonce"] = grant.nonce
        return JSONResponse(
            {
                "access_token": self._sign(
                    {"sub": self.sub, "aud": self.audience, "roles": self.roles, "name": self.name}
                ),
                "id_token": self._sign(id_claims),
                "token_type": "Bearer",
                "expires_in": 3600,
                "scope": "openid profile",
            },
            headers={"Cache-Control": "no-store"},
        )

    async def _jwks(self, _: Request) -> Response:
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        return JSONResponse({"keys": [{**public, "kid": self._kid, "alg": "RS256", "use": "sig"}]})

    def __enter__(self) -> LocalIssuer:
        app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self._discovery),
                Route("/authorize", self._authorize),
                Route("/token", self._token, methods=["POST"]),
                Route("/jwks", self._jwks),
            ],
            # The console calls discovery and the token endpoint from the browser.
            middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])],
        )
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise TimeoutError("the test issuer did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(5)
