"""Bearer tokens: each way a token can be wrong gets a 401 saying which, and nothing more."""

from __future__ import annotations

from app.domain import api_tokens
from app.domain.access import Role


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _token_of(headers: dict[str, str]) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


async def test_a_minted_token_works_and_records_its_use(client, auth, connection):
    response = await client.get("/v1/employees", headers=await auth())
    assert response.status_code == 200
    used = await connection.fetchval(
        "SELECT count(*) FROM api_tokens WHERE last_used_at IS NOT NULL"
    )
    assert used == 1


async def test_no_token_is_401_saying_so(client):
    response = await client.get("/v1/employees")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["detail"] == "no bearer token was sent"


async def test_a_typo_fails_the_checksum_without_a_lookup(client, auth):
    token = await _token_of(await auth())
    typo = token[:-1] + ("a" if token[-1] != "a" else "b")
    response = await client.get("/v1/employees", headers=_bearer(typo))
    assert (response.status_code, response.json()["detail"]) == (401, "the token is malformed")


async def test_a_well_formed_unknown_token_is_401_unknown(client):
    unknown = api_tokens.token_from_random(b"\x01" * 32)
    response = await client.get("/v1/employees", headers=_bearer(unknown))
    assert (response.status_code, response.json()["detail"]) == (401, "the token is not known")


async def test_a_revoked_token_stops_working_at_once(client, auth):
    admin = await auth(role=Role.ORG_ADMIN)
    victim = await auth(role=Role.COORDINATOR)
    assert (await client.get("/v1/employees", headers=victim)).status_code == 200
    [record] = [
        t
        for t in (await client.get("/v1/api-tokens", headers=admin)).json()["items"]
        if t["role"] == "coordinator"
    ]
    assert (await client.delete(f"/v1/api-tokens/{record['id']}", headers=admin)).status_code == 200
    response = await client.get("/v1/employees", headers=victim)
    assert (response.status_code, response.json()["detail"]) == (401, "the token has been revoked")


async def test_an_expired_token_is_401_expired(client, auth, connection):
    headers = await auth()
    await connection.execute("UPDATE api_tokens SET expires_at = now() - interval '1 minute'")
    response = await client.get("/v1/employees", headers=headers)
    assert (response.status_code, response.json()["detail"]) == (401, "the token has expired")


async def test_a_jwt_from_an_unregistered_issuer_is_401(client):
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(
        {"iss": "https://idp.invalid", "aud": "x", "sub": "s", "exp": 2**31}, key, algorithm="RS256"
    )
    response = await client.get("/v1/employees", headers=_bearer(token))
    assert (response.status_code, response.json()["detail"]) == (
        401,
        "the token's issuer is not registered",
    )


async def test_the_none_algorithm_is_refused(client):
    import jwt

    token = jwt.encode({"iss": "https://idp.invalid", "sub": "s"}, None, algorithm="none")
    response = await client.get("/v1/employees", headers=_bearer(token))
    assert response.status_code == 401
    assert response.json()["detail"] == "the token's signing algorithm is not accepted"


async def test_a_token_is_shown_once_and_stored_only_as_a_hash(client, auth, connection):
    created = await client.post(
        "/v1/api-tokens",
        headers=await auth(role=Role.ORG_ADMIN),
        json={"name": "HR sync", "role": "integration"},
    )
    assert created.status_code == 201
    token = created.json()["token"]
    assert api_tokens.looks_valid(token)
    stored = await connection.fetchrow(
        "SELECT token_hash, hint FROM api_tokens WHERE id = $1",
        __import__("uuid").UUID(created.json()["id"]),
    )
    assert bytes(stored["token_hash"]) == api_tokens.token_hash(token)
    assert token not in str(dict(stored))
    listed = (await client.get("/v1/api-tokens", headers=await auth(role=Role.ORG_ADMIN))).json()[
        "items"
    ]
    assert all("token" not in t for t in listed)
