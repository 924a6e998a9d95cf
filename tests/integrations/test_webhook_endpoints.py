"""Webhook subscriptions over REST and GraphQL: secrets, versions, pings, redelivery."""

from __future__ import annotations

from app.domain.access import Role

ENDPOINT = {"url": "https://hr.example.org/hooks", "event_types": ["employee.updated"]}


async def _subscribe(client, headers, **fields):
    response = await client.post(
        "/v1/webhook-endpoints", headers=headers, json={**ENDPOINT, **fields}
    )
    assert response.status_code == 201, response.text
    return response


async def test_the_secret_is_shown_at_subscription_and_never_in_reads(client, auth):
    admin = await auth()
    created = (await _subscribe(client, admin)).json()
    assert created["secret"].startswith("whsec_")
    listed = await client.get("/v1/webhook-endpoints", headers=admin)
    one = await client.get(f"/v1/webhook-endpoints/{created['id']}", headers=admin)
    assert created["secret"] not in listed.text + one.text
    assert one.headers["etag"] == '"v1"'


async def test_a_write_with_a_stale_if_match_is_refused_with_412(client, auth):
    admin = await auth()
    endpoint = (await _subscribe(client, admin)).json()
    url = f"/v1/webhook-endpoints/{endpoint['id']}"
    first = await client.patch(
        url, headers={**admin, "If-Match": '"v1"'}, json={"description": "payroll"}
    )
    assert first.status_code == 200
    assert first.headers["etag"] != '"v1"'
    stale = await client.patch(url, headers={**admin, "If-Match": '"v1"'}, json={"enabled": False})
    assert stale.status_code == 412
    assert stale.json()["type"] == "/problems/precondition-failed"
    assert (await client.get(url, headers=admin)).json()["enabled"] is True


async def test_unknown_looking_event_types_and_non_http_urls_are_refused(client, auth):
    admin = await auth()
    bad_url = await client.post(
        "/v1/webhook-endpoints", headers=admin, json={**ENDPOINT, "url": "ftp://x/y"}
    )
    bad_type = await client.post(
        "/v1/webhook-endpoints", headers=admin, json={**ENDPOINT, "event_types": ["DROP TABLE"]}
    )
    assert (bad_url.status_code, bad_type.status_code) == (422, 422)


async def test_a_ping_reaches_only_the_endpoint_it_names_and_can_be_redelivered(client, auth):
    admin = await auth()
    pinged = (await _subscribe(client, admin, event_types=["*"])).json()
    other = (await _subscribe(client, admin, event_types=["*"])).json()
    ping = await client.post(f"/v1/webhook-endpoints/{pinged['id']}/ping", headers=admin)
    assert ping.status_code == 202
    mine = (
        await client.get(f"/v1/webhook-endpoints/{pinged['id']}/deliveries", headers=admin)
    ).json()["items"]
    theirs = (
        await client.get(f"/v1/webhook-endpoints/{other['id']}/deliveries", headers=admin)
    ).json()["items"]
    assert [(d["event_type"], d["state"]) for d in mine] == [("webhook.ping", "pending")]
    assert theirs == []
    again = await client.post(f"/v1/webhook-deliveries/{mine[0]['id']}/redeliver", headers=admin)
    assert again.status_code == 202
    assert again.json()["event_id"] == ping.json()["event_id"]


async def test_rotating_the_secret_keeps_the_old_one_signing_for_a_while(client, auth):
    admin = await auth()
    created = (await _subscribe(client, admin)).json()
    rotated = await client.post(
        f"/v1/webhook-endpoints/{created['id']}/rotate-secret", headers=admin
    )
    assert rotated.json()["secret"] != created["secret"]
    assert rotated.json()["previous_secret_expires_at"] is not None


async def test_participants_and_coordinators_may_not_touch_webhooks(client, auth):
    coordinator = await auth(role=Role.COORDINATOR)
    response = await client.post("/v1/webhook-endpoints", headers=coordinator, json=ENDPOINT)
    assert response.status_code == 403


async def test_graphql_subscribes_and_guards_updates_by_version(client, auth):
    admin = await auth()
    created = await client.post(
        "/graphql",
        headers=admin,
        json={
            "query": 'mutation { createWebhookEndpoint(url: "https://h.example.org/x", '
            'eventTypes: ["*"]) { ... on IssuedWebhookEndpoint { secret endpoint { id '
            "version } } } }"
        },
    )
    endpoint = created.json()["data"]["createWebhookEndpoint"]["endpoint"]
    update = (
        "mutation($id: UUID!) { updateWebhookEndpoint(id: $id, enabled: false, ifVersion: 7) "
        "{ __typename ... on Problem { code } } }"
    )
    stale = await client.post(
        "/graphql", headers=admin, json={"query": update, "variables": {"id": endpoint["id"]}}
    )
    assert stale.json()["data"]["updateWebhookEndpoint"]["code"] == "precondition-failed"


async def test_a_null_description_clears_it_and_other_nulls_change_nothing(client, auth):
    # Found by the schemathesis sequences: `{"description": null}` was a 500.
    admin = await auth()
    endpoint = (await _subscribe(client, admin)).json()
    url = f"/v1/webhook-endpoints/{endpoint['id']}"
    await client.patch(url, headers=admin, json={"description": "payroll"})
    cleared = await client.patch(
        url, headers=admin, json={"description": None, "url": None, "enabled": None}
    )
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["description"] == ""
    assert cleared.json()["url"] == endpoint["url"]
    assert cleared.json()["enabled"] is True
