"""Regression tests for what Schemathesis found: each was a server error or a schema lie."""

from __future__ import annotations

import json

from app.config import Settings
from app.main import create_app
from app.services.paging import encode_cursor
from tests.factories import employee_row

ENDPOINT = {"url": "https://hr.example.org/hooks", "event_types": ["employee.updated"]}


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        return [node["$ref"]] if "$ref" in node else [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_every_reference_in_the_openapi_document_resolves():
    """The inlined import-row schema once carried `#/$defs/...`, dangling in the document."""
    document = create_app(Settings(environment="test")).openapi()
    for ref in _refs(document):
        node: object = document
        for part in ref.removeprefix("#/").split("/"):
            assert isinstance(node, dict), ref
            assert part in node, ref
            node = node[part]


async def test_a_body_that_is_not_json_is_a_documented_problem(client, auth):
    response = await client.post(
        "/v1/programs",
        content=b"\xff\xfe T",
        headers=await auth() | {"content-type": "application/json"},
    )
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == "application/problem+json"


async def test_an_issuer_url_with_a_broken_ipv6_host_is_invalid_input(client, auth):
    response = await client.post(
        "/v1/oidc-issuers",
        headers=await auth(),
        json={"issuer": "http://[::1", "audience": "a", "jwks_url": "https://idp.test/jwks"},
    )
    assert response.status_code == 422


async def test_registering_the_same_issuer_and_audience_twice_is_a_conflict(client, auth):
    body = {"issuer": "https://idp.test", "audience": "a", "jwks_url": "https://idp.test/j"}
    headers = await auth()
    assert (await client.post("/v1/oidc-issuers", headers=headers, json=body)).status_code == 201
    again = await client.post("/v1/oidc-issuers", headers=headers, json=body)
    assert (again.status_code, again.json()["type"]) == (409, "/problems/conflict")


async def test_an_audit_cursor_beyond_64_bits_is_refused_not_a_crash(client, auth):
    forged = encode_cursor([2**63])
    response = await client.get("/v1/audit-events", params={"cursor": forged}, headers=await auth())
    assert response.status_code == 422
    assert response.json()["field"] == "cursor"


async def test_a_webhook_patch_with_nulls_leaves_those_fields_as_they_are(client, auth):
    headers = await auth()
    created = (await client.post("/v1/webhook-endpoints", headers=headers, json=ENDPOINT)).json()
    patched = await client.patch(
        f"/v1/webhook-endpoints/{created['id']}",
        headers=headers,
        json={"description": "payroll", "event_types": None, "enabled": None},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["event_types"] == ENDPOINT["event_types"]
    assert patched.json()["description"] == "payroll"
    assert json.loads(patched.text)["enabled"] is True


async def test_json_attributes_keep_integers_beyond_64_bits_exactly(client, auth):
    headers = await auth()
    row = {**employee_row("BIG"), "attributes": {"badge": 2**70 + 1}}
    stored = await client.post("/v1/employees/import", headers=headers, json={"employees": [row]})
    assert stored.status_code == 200
    answer = await client.post(
        "/graphql",
        headers=headers,
        json={"query": "{ employees(first: 5) { edges { node { attributes } } } }"},
    )
    assert answer.status_code == 200
    (edge,) = answer.json()["data"]["employees"]["edges"]
    assert edge["node"]["attributes"] == {"badge": 2**70 + 1}
    (listed,) = (await client.get("/v1/employees", headers=headers)).json()["items"]
    assert listed["attributes"] == {"badge": 2**70 + 1}
