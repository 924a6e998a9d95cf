"""The directory and access area of the authorization matrix."""

from __future__ import annotations

from tests.api.matrix import IF_VERSION, Op
from tests.factories import employee_row

REST: dict[tuple[str, str], Op] = {
    ("POST", "/v1/employees/import"): Op(body={"employees": [employee_row("VICTIM-1")]}),
    ("GET", "/v1/employees"): Op(),
    ("GET", "/v1/employees/{employee_id}"): Op("employee"),
    ("POST", "/v1/api-tokens"): Op(body={"name": "x", "role": "integration"}),
    ("GET", "/v1/api-tokens"): Op(),
    ("GET", "/v1/organizations"): Op(),
    ("GET", "/v1/organizations/{organization_id}"): Op("organization"),
    ("PATCH", "/v1/organizations/{organization_id}"): Op("organization"),
    ("DELETE", "/v1/api-tokens/{token_id}"): Op("token"),
    ("POST", "/v1/oidc-issuers"): Op(
        body={
            "issuer": "https://idp.test",
            "audience": "other",
            "jwks_url": "https://idp.test/jwks",
        }
    ),
    ("GET", "/v1/oidc-issuers"): Op(),
    ("DELETE", "/v1/oidc-issuers/{issuer_id}"): Op("issuer"),
    ("GET", "/v1/audit-events"): Op(),
}

# GraphQL fields: the query, and which victim object its $id is.
GRAPHQL: dict[str, tuple[str, str | None]] = {
    "employees": ("{ employees { edges { node { id employeeNumber } } } }", None),
    "employee": ("query($id: UUID!) { employee(id: $id) { id employeeNumber } }", "employee"),
    "apiTokens": ("{ apiTokens { edges { cursor node { id name } } } }", None),
    "oidcIssuers": ("{ oidcIssuers { id issuer } }", None),
    "auditEvents": ("{ auditEvents { edges { cursor node { id resourceId details } } } }", None),
    "organization": ("{ organization { id maxOpenPairsPerMentor } }", None),
    "updateOrganization": (
        f"mutation {{ updateOrganization(maxOpenPairsPerMentor: 2, {IF_VERSION}) "
        "{ __typename } }",
        None,
    ),
    "importEmployees": (
        'mutation { importEmployees(employees: [{employeeNumber: "VICTIM-1", '
        'givenName: "X", familyName: "Y", level: 1, department: "D"}]) '
        "{ __typename } }",
        None,
    ),
    "createApiToken": (
        'mutation { createApiToken(name: "x", role: INTEGRATION) { __typename } }',
        None,
    ),
    "revokeApiToken": (
        "mutation($id: UUID!) { revokeApiToken(id: $id) { __typename ... on Problem { code } } }",
        "token",
    ),
    "registerOidcIssuer": (
        'mutation { registerOidcIssuer(issuer: "https://idp.test", '
        'audience: "o", jwksUrl: "https://idp.test/j") { __typename } }',
        None,
    ),
    "removeOidcIssuer": (
        "mutation($id: UUID!) { removeOidcIssuer(id: $id) { __typename ... on Problem { code } } }",
        "issuer",
    ),
}


async def seed(client, auth) -> dict:
    admin = await auth()
    await client.post(
        "/v1/employees/import",
        headers=admin,
        json={
            "employees": [
                employee_row("VICTIM-1", given_name="Secret", level=2),
                employee_row("VICTIM-2", given_name="Hidden", level=8),
            ]
        },
    )
    employees = (await client.get("/v1/employees", headers=admin)).json()["items"]
    token = (
        await client.post(
            "/v1/api-tokens", headers=admin, json={"name": "victim", "role": "integration"}
        )
    ).json()
    issuer = (
        await client.post(
            "/v1/oidc-issuers",
            headers=admin,
            json={
                "issuer": "https://idp.victim",
                "audience": "a",
                "jwks_url": "https://idp.victim/j",
            },
        )
    ).json()
    organization = (await client.get("/v1/organizations", headers=admin)).json()["items"][0]
    return {
        "organization": organization["id"],
        "employee": employees[0]["id"],
        "other_employee": employees[1]["id"],
        "token": token["id"],
        "issuer": issuer["id"],
        "secrets": {"Secret"},
        "ids": {employees[0]["id"], token["id"], issuer["id"]},
    }
