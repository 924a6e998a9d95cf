"""Every URL the server fetches (webhook receivers, identity providers' key sets) passes one
guard: https outside development, never a loopback, private or link-local address; judged
at registration from the URL, and again at fetch time from what the host resolves to."""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import given
from hypothesis import strategies as st
from jwt.algorithms import RSAAlgorithm

from app.adapters.auth.errors import InvalidCredentials
from app.adapters.auth.oidc import OidcVerifier
from app.adapters.outbound import refused_address
from app.config import Settings
from app.domain.outbound_urls import OutboundPolicy, url_refusal
from app.main import create_app

ISSUER, AUDIENCE = "https://login.example.org", "mentoring-api"
STRICT = OutboundPolicy()
LOCAL = OutboundPolicy(require_https=False, allow_private_addresses=True)
SECRET = "test-secret-" + "x" * 32


@pytest.fixture
def settings() -> Settings:
    """This module's identity provider serves its key set on 127.0.0.1."""
    return Settings(environment="test", secret_key=SECRET, webhook_allow_private_addresses=True)


@asynccontextmanager
async def _deployment(database, **settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(secret_key=SECRET, **settings), database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


class KeySet:
    """An identity provider's JWKS endpoint whose keys the test rotates."""

    def __init__(self) -> None:
        self.keys: dict[str, rsa.RSAPrivateKey] = {}
        self.fetches = 0

    def rotate_to(self, kid: str) -> rsa.RSAPrivateKey:
        self.keys = {kid: rsa.generate_private_key(public_exponent=65537, key_size=2048)}
        return self.keys[kid]

    def body(self) -> bytes:
        self.fetches += 1
        jwks = [
            json.loads(RSAAlgorithm.to_jwk(k.public_key())) | {"kid": kid, "alg": "RS256"}
            for kid, k in self.keys.items()
        ]
        return json.dumps({"keys": jwks}).encode()


@pytest.fixture
def key_set() -> Iterator[tuple[KeySet, str]]:
    keys = KeySet()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = keys.body()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield keys, f"http://127.0.0.1:{server.server_port}/jwks.json"
    server.shutdown()


def _token(key: rsa.RSAPrivateKey, kid: str) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "u1", "iat": now, "exp": now + 300}
    claims["mentoring_role"] = "coordinator"
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


async def _register(client, headers, jwks_url: str) -> httpx.Response:
    body = {"issuer": ISSUER, "audience": AUDIENCE, "jwks_url": jwks_url}
    return await client.post("/v1/oidc-issuers", headers=headers, json=body)


@given(st.ip_addresses(v=4).filter(lambda ip: not ip.is_global))
def test_no_url_naming_a_non_public_address_passes_the_strict_guard(address):
    assert url_refusal(f"https://{address}/hook", STRICT) is not None


@pytest.mark.parametrize(
    "url",
    [
        "http://hr.example.org/hook",  # plain http outside development
        "https://localhost/hook",
        "https://api.localhost/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::ffff:10.0.0.1]/x",
        "https://user:pw@hr.example.org/hook",
        "file:///etc/passwd",
    ],
)
def test_the_strict_guard_refuses(url):
    assert url_refusal(url, STRICT) is not None


def test_a_public_https_url_passes_the_strict_guard():
    assert url_refusal("https://hr.example.org:8443/hooks?x=1", STRICT) is None
    assert url_refusal("https://93.184.215.14/hook", STRICT) is None


async def test_a_host_that_resolves_to_this_machine_is_refused_at_fetch_time():
    host = socket.gethostname()
    addresses = {i[4][0] for i in socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)}
    if any(ipaddress.ip_address(a).is_global for a in addresses):
        pytest.skip("this machine's name resolves to a public address")
    assert url_refusal(f"https://{host}/jwks", STRICT) is None  # its text looks fine
    assert "resolves to non-public" in (await refused_address(f"https://{host}/jwks", STRICT))


async def test_production_refuses_http_and_private_urls_at_registration(database, auth):
    headers = await auth()
    async with _deployment(database, environment="production") as client:
        plain = await _register(client, headers, "http://idp.example.org/jwks")
        loopback = await _register(client, headers, "https://127.0.0.1/jwks")
        hook = await client.post(
            "/v1/webhook-endpoints",
            headers=headers,
            json={"url": "https://10.0.0.8/hooks", "event_types": ["*"]},
        )
    assert [(r.status_code, r.json()["field"]) for r in (plain, loopback, hook)] == [
        (422, "jwks_url"),
        (422, "jwks_url"),
        (422, "url"),
    ]


async def test_a_private_key_set_registered_earlier_is_not_fetched(client, auth, database, key_set):
    keys, url = key_set
    key = keys.rotate_to("k1")
    assert (await _register(client, await auth(), url)).status_code == 201
    strict = OidcVerifier(database, STRICT)
    with pytest.raises(InvalidCredentials, match="could not be fetched"):
        await strict.verify(_token(key, "k1"))
    assert keys.fetches == 0


async def test_a_key_rotated_at_the_same_url_signs_in_without_registering_again(
    client, auth, database, key_set
):
    keys, url = key_set
    first = keys.rotate_to("k1")
    assert (await _register(client, await auth(), url)).status_code == 201
    verifier = OidcVerifier(database, LOCAL, refresh_cooldown=0)
    assert (await verifier.verify(_token(first, "k1"))).role.value == "coordinator"
    second = keys.rotate_to("k2")
    assert (await verifier.verify(_token(second, "k2"))).role.value == "coordinator"
    assert keys.fetches == 2
