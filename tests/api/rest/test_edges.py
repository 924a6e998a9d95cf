"""Behaviour at the edge: problem documents, health, request ids, body limits."""

from __future__ import annotations


async def test_unknown_route_is_a_problem_document(client, auth):
    response = await client.get("/v1/nothing-here", headers=await auth())
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_healthz_and_readyz(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["ready"] is True
    assert ready.json()["revision"] == ready.json()["head"]


async def test_request_id_is_echoed_or_made(client):
    given = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32


async def test_body_over_the_import_limit_is_413(client, auth):
    from app.api.rest.employees import IMPORT_MAX_BODY_BYTES

    body = b'{"employees": []}' + b" " * IMPORT_MAX_BODY_BYTES
    headers = await auth() | {"content-type": "application/json"}
    response = await client.post("/v1/employees/import", content=body, headers=headers)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/payload-too-large"


async def test_ordinary_routes_take_small_bodies_only(client, auth, settings):
    body = b'{"query": "' + b"x" * settings.max_body_bytes + b'"}'
    headers = await auth() | {"content-type": "application/json"}
    response = await client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 413


async def test_a_streamed_body_is_counted_as_it_arrives(client, auth, settings):
    """No Content-Length to check up front: the limit still holds, chunk by chunk."""

    async def chunks():
        yield b'{"query": "'
        for _ in range(settings.max_body_bytes // 1000 + 1):
            yield b"x" * 1000
        yield b'"}'

    headers = await auth() | {"content-type": "application/json"}
    response = await client.post("/graphql", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert response.json()["type"] == "/problems/payload-too-large"
    small = await client.post(
        "/graphql", content=_once(b'{"query": "{ __typename }"}'), headers=headers
    )
    assert small.json() == {"data": {"__typename": "Query"}}


async def test_a_streamed_body_over_the_limit_is_413_on_a_rest_write_too(client, auth, settings):
    """A REST write reads its body in the lean handler first: the limit answers the same."""

    async def chunks():
        for _ in range(settings.max_body_bytes // 1000 + 1):
            yield b" " * 1000

    headers = await auth() | {"content-type": "application/json"}
    response = await client.post("/v1/programs", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert response.json()["type"] == "/problems/payload-too-large"


async def _once(body: bytes):
    yield body


async def test_a_nul_character_is_refused_before_it_reaches_the_database(client, auth):
    """Found by Schemathesis: PostgreSQL cannot store U+0000, and a NUL in a name made the
    import fail with a server error. Now it is a 422 naming the problem, for every route."""
    headers = await auth()
    body = '{"employees": [{"employee_number": "E1", "given_name": "A\\u0000", '
    body += '"family_name": "B", "level": 1, "department": "D"}]}'
    response = await client.post(
        "/v1/employees/import", content=body, headers=headers | {"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]
    in_query = await client.get("/v1/employees", params={"department": "\x00"}, headers=headers)
    assert in_query.status_code == 422


async def test_an_escaped_backslash_before_u0000_is_ordinary_text(client, auth):
    headers = await auth()
    body = '{"employees": [{"employee_number": "E1", "given_name": "A\\\\u0000", '
    body += '"family_name": "B", "level": 1, "department": "D"}]}'
    response = await client.post(
        "/v1/employees/import", content=body, headers=headers | {"content-type": "application/json"}
    )
    assert (response.status_code, response.json()["created"]) == (200, 1)


async def test_attributes_may_hold_integers_beyond_64_bits(client, auth):
    """Found by Schemathesis: JSON allows them, orjson did not."""
    headers = await auth()
    row = {
        "employee_number": "E1",
        "given_name": "A",
        "family_name": "B",
        "level": 1,
        "department": "D",
        "attributes": {"badge": 2**70},
    }
    response = await client.post("/v1/employees/import", json={"employees": [row]}, headers=headers)
    assert response.status_code == 200
    [stored] = (await client.get("/v1/employees", headers=headers)).json()["items"]
    assert stored["attributes"] == {"badge": 2**70}
