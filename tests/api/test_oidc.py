"""Sign-in with an organisation's identity provider: JWTs verified against a JWKS served
locally by the test, with keys the test makes itself."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from app.config import Settings
from app.domain.access import Role
from tests.factories import employee_row

ISSUER, AUDIENCE = "https://login.example.org", "mentoring-api"


@pytest.fixture
def settings() -> Settings:
    """The test's identity provider serves its key set on 127.0.0.1."""
    return Settings(
        environment="test",
        secret_key="test-secret-" + "x" * 32,
        webhook_allow_private_addresses=True,
    )


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url(signing_key) -> Iterator[str]:
    jwk = json.loads(RSAAlgorithm.to_jwk(signing_key.public_key()))
    body = json.dumps({"keys": [jwk | {"kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/jwks.json"
    server.shutdown()


@pytest.fixture
async def registered(client, auth, jwks_url):
    response = await client.post(
        "/v1/oidc-issuers",
        headers=await auth(),
        json={"issuer": ISSUER, "audience": AUDIENCE, "jwks_url": jwks_url},
    )
    assert response.status_code == 201, response.text
    await client.post(
        "/v1/employees/import", headers=await auth(), json={"employees": [employee_row("E7")]}
    )


def _token(key, *, offsets: dict[str, int] | None = None, **claims) -> str:
    """A signed token; `offsets` sets time claims in seconds from the moment of signing."""
    now = int(time.time())
    claims |= {name: now + seconds for name, seconds in (offsets or {}).items()}
    base = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "user-7",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "mentoring_role": "participant",
        "employee_number": "E7",
    }
    return jwt.encode(base | claims, key, algorithm="RS256", headers={"kid": "k1"})


async def _me(client, token):
    return await client.get("/v1/employees", headers={"Authorization": f"Bearer {token}"})


async def test_a_providers_token_maps_to_role_and_employee(client, registered, signing_key):
    response = await _me(client, _token(signing_key))
    assert response.status_code == 200, response.text
    assert [e["employee_number"] for e in response.json()["items"]] == ["E7"]  # a participant


@pytest.mark.parametrize(
    ("claims", "detail"),
    [
        ({"offsets": {"exp": -120}}, "the token has expired"),
        ({"offsets": {"nbf": 600}}, "the token is not valid yet"),
        ({"aud": "someone-else"}, "the token is not for this service"),
        ({"mentoring_role": "emperor"}, "the token carries no role this service knows"),
        ({"employee_number": "NOBODY"}, "the token's employee is not in the directory"),
    ],
)
async def test_claims_that_fail_a_check_are_401(client, registered, signing_key, claims, detail):
    response = await _me(client, _token(signing_key, **claims))
    assert (response.status_code, response.json()["detail"]) == (401, detail)


async def test_a_token_signed_by_another_key_is_401(client, registered):
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = await _me(client, _token(stranger))
    assert (response.status_code, response.json()["detail"]) == (
        401,
        "the token's signature does not verify",
    )


async def test_an_hmac_token_is_refused_for_a_jwks_issuer(client, registered):
    forged = jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": 2**31},
        "guessed-secret-" + "x" * 32,
        algorithm="HS256",
    )
    response = await _me(client, forged)
    assert (response.status_code, response.json()["detail"]) == (
        401,
        "the token's signing algorithm is not accepted",
    )


async def test_only_administrators_register_issuers(client, auth, jwks_url):
    response = await client.post(
        "/v1/oidc-issuers",
        headers=await auth(role=Role.COORDINATOR),
        json={"issuer": ISSUER, "audience": "a", "jwks_url": jwks_url},
    )
    assert response.status_code == 403
