"""The integrations area of the authorization matrix."""

from __future__ import annotations

import base64

from tests.api.matrix import IF_VERSION, Op

HOOK = {"url": "https://victim-hooks.example.org/secret-path", "event_types": ["*"]}
_EP = "/v1/webhook-endpoints/{endpoint_id}"

REST: dict[tuple[str, str], Op] = {
    ("POST", "/v1/webhook-endpoints"): Op(body={**HOOK, "url": "https://x.example.org/h"}),
    ("GET", "/v1/webhook-endpoints"): Op(),
    ("GET", _EP): Op("endpoint"),
    ("PATCH", _EP): Op("endpoint"),
    ("DELETE", _EP): Op("endpoint"),
    ("POST", _EP + "/rotate-secret"): Op("endpoint"),
    ("POST", _EP + "/ping"): Op("endpoint"),
    ("GET", _EP + "/deliveries"): Op("endpoint"),
    ("POST", "/v1/webhook-deliveries/{delivery_id}/redeliver"): Op("delivery"),
    ("POST", "/v1/roster-files/employees"): Op(),
    ("GET", "/v1/roster-files/participants.csv"): Op(),
    ("GET", "/v1/roster-files/mentorships.csv"): Op(),
    ("GET", "/v1/mentorship-flags"): Op(),
}

_PROBLEM = "{ __typename ... on Problem { code } }"
_CSV = "employee_number,given_name,family_name,level,department\nVICTIM-1,X,Y,1,D\n"
GRAPHQL: dict[str, tuple[str, str | None]] = {
    "participantsCsv": ("{ participantsCsv }", None),
    "mentorshipsCsv": ("{ mentorshipsCsv }", None),
    "mentorshipFlags": ("{ mentorshipFlags { edges { node { id mentorshipId } } } }", None),
    "importRosterFile": (
        'mutation { importRosterFile(contentBase64: "'
        + base64.b64encode(_CSV.encode()).decode()
        + '", dryRun: false) { __typename } }',
        None,
    ),
    "webhookEndpoints": ("{ webhookEndpoints { id url } }", None),
    "webhookEndpoint": ("query($id: UUID!) { webhookEndpoint(id: $id) { id url } }", "endpoint"),
    "webhookDeliveries": (
        "query($id: UUID!) { webhookDeliveries(endpointId: $id) "
        "{ edges { cursor node { id eventId } } } }",
        "endpoint",
    ),
    "createWebhookEndpoint": (
        'mutation { createWebhookEndpoint(url: "https://x.example.org/h", eventTypes: ["*"]) '
        "{ __typename } }",
        None,
    ),
    "updateWebhookEndpoint": (
        f"mutation($id: UUID!) {{ updateWebhookEndpoint(id: $id, enabled: false, {IF_VERSION}) "
        f"{_PROBLEM} }}",
        "endpoint",
    ),
    "removeWebhookEndpoint": (
        f"mutation($id: UUID!) {{ removeWebhookEndpoint(id: $id) {_PROBLEM} }}",
        "endpoint",
    ),
    "rotateWebhookSigningKey": (
        f"mutation($id: UUID!) {{ rotateWebhookSigningKey(id: $id) {_PROBLEM} }}",
        "endpoint",
    ),
    "pingWebhookEndpoint": (
        f"mutation($id: UUID!) {{ pingWebhookEndpoint(id: $id) {_PROBLEM} }}",
        "endpoint",
    ),
    "redeliverWebhook": (
        "mutation($id: Int!) { redeliverWebhook(deliveryId: $id) "
        "{ __typename ... on Problem { code } } }",
        None,
    ),
}


async def seed(client, auth) -> dict:
    admin = await auth()
    created = (await client.post("/v1/webhook-endpoints", headers=admin, json=HOOK)).json()
    await client.post(f"/v1/webhook-endpoints/{created['id']}/ping", headers=admin)
    deliveries = await client.get(
        f"/v1/webhook-endpoints/{created['id']}/deliveries", headers=admin
    )
    return {
        "endpoint": created["id"],
        "delivery": str(deliveries.json()["items"][0]["id"]),
        "secrets": {created["secret"], HOOK["url"]},
        "ids": {created["id"]},
    }
