"""SCIM 2.0 provisioning as identity providers do it (Okta, Entra ID), and scim2-tester."""

from __future__ import annotations

from app.domain.access import Role

USERS = "/scim/v2/Users"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
SCIM_JSON = "application/scim+json"


def user(number: str, user_name: str, **enterprise) -> dict:
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "userName": user_name,
        "name": {"givenName": "Barbara", "familyName": "Jensen"},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
        "active": True,
        ENTERPRISE: {"employeeNumber": number, "department": "Finance", **enterprise},
    }


async def _integration(auth):
    return {**await auth(role=Role.INTEGRATION), "Content-Type": SCIM_JSON}


async def test_an_identity_provider_creates_reads_and_finds_a_user(client, auth):
    headers = await _integration(auth)
    created = await client.post(USERS, headers=headers, json=user("E-7", "bjensen@example.org"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body[ENTERPRISE]["employeeNumber"] == "E-7"
    assert created.headers["etag"] == body["meta"]["version"]
    found = await client.get(
        USERS,
        headers=headers,
        params={
            "filter": f'userName eq "BJENSEN@example.org" and {ENTERPRISE}:employeeNumber eq "E-7"'
        },
    )
    assert found.json()["totalResults"] == 1
    assert found.json()["Resources"][0]["id"] == body["id"]
    directory = await client.get("/v1/employees", headers=headers)
    assert [e["employee_number"] for e in directory.json()["items"]] == ["E-7"]


async def test_okta_deactivates_with_a_pathless_patch_and_entra_with_pascal_case(client, auth):
    headers = await _integration(auth)
    created = (await client.post(USERS, headers=headers, json=user("E-8", "a@example.org"))).json()
    okta = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "value": {"active": False}}],
    }
    url = f"{USERS}/{created['id']}"
    patched = await client.patch(url, headers=headers, json=okta)
    assert patched.status_code == 204, patched.text
    assert (await client.get(url, headers=headers)).json()["active"] is False
    entra = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "Replace", "path": "active", "value": "True"}],
    }
    patched = await client.patch(url, headers=headers, json=entra)
    assert patched.status_code == 204, patched.text
    assert (await client.get(url, headers=headers)).json()["active"] is True


async def test_a_stale_if_match_is_refused_and_delete_is_soft(client, auth):
    headers = await _integration(auth)
    created = await client.post(USERS, headers=headers, json=user("E-9", "c@example.org"))
    url = f"{USERS}/{created.json()['id']}"
    stale = await client.put(
        url, headers={**headers, "If-Match": 'W/"1"'}, json=user("E-9", "c@example.org")
    )
    assert stale.status_code == 412, stale.text
    assert (await client.delete(url, headers=headers)).status_code == 204
    assert (await client.get(url, headers=headers)).status_code == 404
    employee = await client.get(f"/v1/employees/{created.json()['id']}", headers=headers)
    assert employee.json()["employment_status"] == "inactive"


async def test_scim_errors_are_in_scim_format_and_participants_are_refused(client, auth):
    headers = await _integration(auth)
    bad = await client.get(USERS, headers=headers, params={"filter": "nickName gt 3"})
    assert bad.status_code == 400
    assert bad.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    coordinator = await auth(role=Role.COORDINATOR)
    assert (await client.get(USERS, headers=coordinator)).status_code == 403
    assert (await client.get(USERS)).status_code == 401


async def test_user_name_is_unique_in_the_organisation_whatever_its_case(client, auth):
    headers = await _integration(auth)
    first = await client.post(USERS, headers=headers, json=user("E-10", "dana@example.org"))
    assert first.status_code == 201, first.text
    again = await client.post(USERS, headers=headers, json=user("E-11", "DANA@example.org"))
    assert again.status_code == 409, again.text
    assert again.json()["scimType"] == "uniqueness"
    other = await client.post(USERS, headers=headers, json=user("E-11", "eli@example.org"))
    assert other.status_code == 201, other.text
    # Renaming onto a colleague's userName is refused too; keeping one's own is not a clash.
    url = f"{USERS}/{other.json()['id']}"
    taken = await client.put(url, headers=headers, json=user("E-11", "Dana@Example.org"))
    assert taken.status_code == 409, taken.text
    kept = await client.put(url, headers=headers, json=user("E-11", "eli@example.org"))
    assert kept.status_code == 200, kept.text
    # A deprovisioned user's userName is free again.
    assert (
        await client.delete(f"{USERS}/{first.json()['id']}", headers=headers)
    ).status_code == 204
    reused = await client.put(url, headers=headers, json=user("E-11", "dana@example.org"))
    assert reused.status_code == 200, reused.text
