"""Token verification with the shared secret and with an OIDC provider's JWKS."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from talentloop_shared.auth import TokenVerifier, issue_token
from talentloop_shared.http.problems import ProblemError

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    """A real HTTP server on loopback publishing one RSA key, as Keycloak would."""
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/certs"
    server.shutdown()


def _rs256(claims: dict, kid: str = "k1") -> str:
    return jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": kid})


def _claims(**over: object) -> dict:
    now = int(time.time())
    return {
        "sub": "alice",
        "roles": ["recruiter"],
        "iss": "https://idp",
        "aud": "talentloop",
        "iat": now,
        "exp": now + 60,
        **over,
    }


async def test_jwks_token_is_verified_with_the_providers_key(jwks_url: str) -> None:
    verifier = TokenVerifier(
        secret="unused", issuer="https://idp", audience="talentloop", jwks_url=jwks_url
    )
    principal = await verifier.verify(_rs256(_claims()))
    assert principal.sub == "alice" and principal.roles == {"recruiter"}
    with pytest.raises(ProblemError) as err:
        await verifier.verify(_rs256(_claims(aud="another-app")))
    assert err.value.status == 401
    with pytest.raises(ProblemError):
        await verifier.verify(_rs256(_claims(iss="https://evil")))


async def test_hs256_checks_signature_expiry_and_audience() -> None:
    verifier = TokenVerifier(secret="s" * 40, issuer="talentloop", audience="talentloop")
    ok = await verifier.verify(issue_token(sub="u", roles=["hr_admin"], secret="s" * 40))
    assert ok.has_any("hr_admin") and not ok.has_any("interviewer")
    for bad in (
        issue_token(sub="u", roles=["hr_admin"], secret="t" * 40),
        issue_token(sub="u", roles=["hr_admin"], secret="s" * 40, ttl_seconds=-5),
        issue_token(sub="u", roles=["hr_admin"], secret="s" * 40, audience="other"),
        "not-a-jwt",
    ):
        with pytest.raises(ProblemError) as err:
            await verifier.verify(bad)
        assert err.value.status == 401


async def test_a_verified_token_is_remembered_until_it_expires() -> None:
    verifier = TokenVerifier(
        secret="s" * 40, issuer="talentloop", audience="talentloop", cache_seconds=60
    )
    token = issue_token(sub="u", roles=["hr_admin"], secret="s" * 40, ttl_seconds=1)
    first = await verifier.verify(token)
    assert await verifier.verify(token) is first  # remembered, not decoded again
    time.sleep(
        max(0.0, jwt.decode(token, options={"verify_signature": False})["exp"] - time.time())
    )
    with pytest.raises(ProblemError) as err:  # never past its own expiry
        await verifier.verify(token)
    assert err.value.status == 401 and "expired" in err.value.detail


async def test_a_remembered_token_is_checked_again_within_seconds() -> None:
    verifier = TokenVerifier(
        secret="s" * 40, issuer="talentloop", audience="talentloop", cache_seconds=0.2
    )
    token = issue_token(sub="u", roles=["hr_admin"], secret="s" * 40)
    await verifier.verify(token)
    verifier.secret = "r" * 40  # the key is rotated (or withdrawn from the JWKS)
    await verifier.verify(token)  # still remembered for a moment…
    time.sleep(0.25)
    with pytest.raises(ProblemError) as err:  # …then refused
        await verifier.verify(token)
    assert err.value.status == 401


async def test_refused_tokens_are_never_remembered_and_the_memory_is_bounded() -> None:
    verifier = TokenVerifier(
        secret="s" * 40, issuer="talentloop", audience="talentloop", cache_size=2
    )
    forged = issue_token(sub="u", roles=["hr_admin"], secret="t" * 40)
    for _ in range(2):
        with pytest.raises(ProblemError):
            await verifier.verify(forged)
    tokens = [issue_token(sub=f"u{i}", roles=["recruiter"], secret="s" * 40) for i in range(3)]
    for token in tokens:
        await verifier.verify(token)
    assert forged not in verifier._verified
    assert list(verifier._verified) == tokens[1:]  # the least recently used went first


@pytest.mark.parametrize("roles", [5, {"hr_admin": 1}, [["hr_admin"]], [None]])
async def test_a_signed_token_whose_roles_are_not_names_is_a_401(roles: object) -> None:
    # Only the identity provider can sign one, but a mapper misconfigured there must not
    # make every request a 500.
    verifier = TokenVerifier(secret="s" * 40, issuer="talentloop", audience="talentloop")
    claims = {**_claims(roles=roles), "iss": "talentloop"}
    token = jwt.encode(claims, "s" * 40, algorithm="HS256")
    with pytest.raises(ProblemError) as err:
        await verifier.verify(token)
    assert err.value.status == 401 and "roles" in err.value.detail
