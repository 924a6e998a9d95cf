"""Idempotency-Key: a retried POST gets the first answer and changes nothing twice."""

from __future__ import annotations

import asyncio
import uuid

import httpx

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.main import create_app
from app.services import access, organizations

BODY = {"url": "https://hr.example.org/hooks", "event_types": ["*"]}


async def test_a_retry_with_the_same_key_and_body_replays_the_first_answer(client, auth):
    headers = {**await auth(), "Idempotency-Key": "create-hook-1"}
    first = await client.post("/v1/webhook-endpoints", headers=headers, json=BODY)
    again = await client.post("/v1/webhook-endpoints", headers=headers, json=BODY)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    listed = await client.get("/v1/webhook-endpoints", headers=headers)
    assert len(listed.json()["items"]) == 1


async def test_the_same_key_with_another_body_is_refused(client, auth):
    headers = {**await auth(), "Idempotency-Key": "create-hook-2"}
    await client.post("/v1/webhook-endpoints", headers=headers, json=BODY)
    other = await client.post(
        "/v1/webhook-endpoints", headers=headers, json={**BODY, "description": "x"}
    )
    assert other.status_code == 422
    assert other.json()["type"] == "/problems/idempotency-key-reused"


async def test_keys_belong_to_one_organisation(client, auth, other_org):
    mine = {**await auth(), "Idempotency-Key": "shared"}
    theirs = {**await auth(organization=other_org), "Idempotency-Key": "shared"}
    first = await client.post("/v1/webhook-endpoints", headers=mine, json=BODY)
    second = await client.post("/v1/webhook-endpoints", headers=theirs, json=BODY)
    assert second.status_code == 201
    assert second.json()["id"] != first.json()["id"]


async def test_a_refused_request_is_replayed_as_refused_too(client, auth):
    headers = {**await auth(), "Idempotency-Key": "bad-1"}
    bad = {**BODY, "url": "ftp://nowhere"}
    first = await client.post("/v1/webhook-endpoints", headers=headers, json=bad)
    again = await client.post("/v1/webhook-endpoints", headers=headers, json=bad)
    assert first.status_code == again.status_code == 422
    assert again.headers["idempotent-replayed"] == "true"


async def test_fifty_concurrent_identical_posts_with_one_key_create_one_endpoint(app_url, settings):
    database = Database(app_url, pool_size=10)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None), name="Race", slug="race-" + uuid.uuid4().hex[:8]
        )
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, org.id),
            principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name="race",
            role=Role.INTEGRATION,
        )
        headers = {"Authorization": f"Bearer {issued.token}", "Idempotency-Key": "race"}
        app = create_app(settings, database=database)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            responses = await asyncio.gather(
                *(
                    client.post("/v1/webhook-endpoints", headers=headers, json=BODY)
                    for _ in range(50)
                )
            )
            listed = await client.get("/v1/webhook-endpoints", headers=headers)
        statuses = {r.status_code for r in responses}
        assert statuses <= {201, 409}, [r.text for r in responses if r.status_code >= 400][:3]
        created = {r.json()["id"] for r in responses if r.status_code == 201}
        assert len(created) == 1
        assert [e["id"] for e in listed.json()["items"]] == list(created)
    finally:
        await database.close()
