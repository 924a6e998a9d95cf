"""What Entra ID and Okta send that the SCIM standard does not quite say, and what a
directory keyed by HR's employee number must refuse clearly."""

from __future__ import annotations

from app.domain.access import Role
from tests.integrations.test_scim import ENTERPRISE, SCIM_JSON, USERS, user

PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


async def _integration(auth):
    return {**await auth(role=Role.INTEGRATION), "Content-Type": SCIM_JSON}


async def test_entra_sets_a_manager_with_a_bare_id_string(client, auth):
    headers = await _integration(auth)
    boss = (await client.post(USERS, headers=headers, json=user("B-1", "boss@x.org"))).json()
    report = (await client.post(USERS, headers=headers, json=user("R-1", "rep@x.org"))).json()
    entra = {
        "schemas": [PATCH_OP],
        "Operations": [{"op": "Add", "path": f"{ENTERPRISE}:manager", "value": boss["id"]}],
    }
    url = f"{USERS}/{report['id']}"
    patched = await client.patch(url, headers=headers, json=entra)
    assert patched.status_code in (200, 204), patched.text
    assert (await client.get(url, headers=headers)).json()[ENTERPRISE]["manager"]["value"] == (
        boss["id"]
    )
    employee = (await client.get(f"/v1/employees/{report['id']}", headers=headers)).json()
    assert employee["manager_employee_number"] == "B-1"


async def test_entra_replaces_a_manager_with_a_value_object_too(client, auth):
    headers = await _integration(auth)
    boss = (await client.post(USERS, headers=headers, json=user("B-2", "b2@x.org"))).json()
    report = (await client.post(USERS, headers=headers, json=user("R-2", "r2@x.org"))).json()
    entra = {
        "schemas": [PATCH_OP],
        "Operations": [
            {"op": "Replace", "path": f"{ENTERPRISE}:manager", "value": {"value": boss["id"]}}
        ],
    }
    url = f"{USERS}/{report['id']}"
    patched = await client.patch(url, headers=headers, json=entra)
    assert patched.status_code in (200, 204), patched.text
    assert (await client.get(url, headers=headers)).json()[ENTERPRISE]["manager"]["value"] == (
        boss["id"]
    )


async def test_a_user_without_employee_number_is_refused_with_invalid_value(client, auth):
    headers = await _integration(auth)
    body = user("X", "noone@x.org")
    del body[ENTERPRISE]["employeeNumber"]
    refused = await client.post(USERS, headers=headers, json=body)
    assert refused.status_code == 400, refused.text
    assert refused.json()["scimType"] == "invalidValue"
    assert "employeeNumber" in refused.json()["detail"]
    bare = {k: v for k, v in user("X", "bare@x.org").items() if k != ENTERPRISE}
    bare["schemas"] = bare["schemas"][:1]
    refused = await client.post(USERS, headers=headers, json=bare)
    assert refused.status_code == 400, refused.text
    assert refused.json()["scimType"] == "invalidValue"
    directory = await client.get("/v1/employees", headers=headers)
    assert directory.json()["items"] == []


async def test_schemas_advertise_employee_number_as_immutable(client, auth):
    headers = await _integration(auth)
    schema = (await client.get(f"/scim/v2/Schemas/{ENTERPRISE}", headers=headers)).json()
    by_name = {a["name"]: a for a in schema["attributes"]}
    assert by_name["employeeNumber"]["mutability"] == "immutable"
    assert by_name["employeeNumber"]["required"] is True
