"""SCIM Groups: the identity provider's role groups (coordinators, selection committee),
pushed as Okta and Entra ID push them."""

from __future__ import annotations

from app.domain.access import Role
from tests.integrations.test_scim import SCIM_JSON, USERS, user

GROUPS = "/scim/v2/Groups"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def group(name: str, *member_ids: str) -> dict:
    return {
        "schemas": [GROUP],
        "displayName": name,
        "externalId": name.lower().replace(" ", "-"),
        "members": [{"value": m} for m in member_ids],
    }


async def _setup(client, auth):
    headers = {**await auth(role=Role.INTEGRATION), "Content-Type": SCIM_JSON}
    ada = (await client.post(USERS, headers=headers, json=user("G-1", "ada@x.org"))).json()
    bo = (await client.post(USERS, headers=headers, json=user("G-2", "bo@x.org"))).json()
    return headers, ada["id"], bo["id"]


async def test_okta_pushes_a_group_with_members_and_reads_it_back(client, auth):
    headers, ada, bo = await _setup(client, auth)
    created = await client.post(GROUPS, headers=headers, json=group("Selection committee", ada))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["displayName"] == "Selection committee"
    assert [m["value"] for m in body["members"]] == [ada]
    assert body["members"][0]["$ref"].endswith(f"/scim/v2/Users/{ada}")
    assert created.headers["etag"] == body["meta"]["version"]
    read = await client.get(f"{GROUPS}/{body['id']}", headers=headers)
    assert read.json()["externalId"] == "selection-committee"
    found = await client.get(
        GROUPS, headers=headers, params={"filter": 'displayName eq "selection COMMITTEE"'}
    )
    assert [g["id"] for g in found.json()["Resources"]] == [body["id"]]
    of_ada = await client.get(GROUPS, headers=headers, params={"filter": f'members eq "{ada}"'})
    assert of_ada.json()["totalResults"] == 1
    of_bo = await client.get(GROUPS, headers=headers, params={"filter": f'members eq "{bo}"'})
    assert of_bo.json()["totalResults"] == 0


async def test_members_are_added_and_removed_with_patch_as_entra_and_okta_send_them(client, auth):
    headers, ada, bo = await _setup(client, auth)
    created = (await client.post(GROUPS, headers=headers, json=group("Coordinators"))).json()
    url = f"{GROUPS}/{created['id']}"
    add = {
        "schemas": [PATCH_OP],
        "Operations": [{"op": "Add", "path": "members", "value": [{"value": ada}, {"value": bo}]}],
    }
    assert (await client.patch(url, headers=headers, json=add)).status_code in (200, 204)
    members = (await client.get(url, headers=headers)).json()["members"]
    assert sorted(m["value"] for m in members) == sorted([ada, bo])
    remove = {
        "schemas": [PATCH_OP],
        "Operations": [{"op": "remove", "path": f'members[value eq "{ada}"]'}],
    }
    patched = await client.patch(url, headers=headers, json=remove)
    assert patched.status_code in (200, 204), patched.text
    members = (await client.get(url, headers=headers)).json()["members"]
    assert [m["value"] for m in members] == [bo]
    rename = {
        "schemas": [PATCH_OP],
        "Operations": [{"op": "Replace", "path": "displayName", "value": "Program coordinators"}],
    }
    assert (await client.patch(url, headers=headers, json=rename)).status_code in (200, 204)
    assert (await client.get(url, headers=headers)).json()["displayName"] == "Program coordinators"


async def test_a_deprovisioned_user_leaves_the_group_and_a_deleted_group_is_gone(client, auth):
    headers, ada, bo = await _setup(client, auth)
    created = (await client.post(GROUPS, headers=headers, json=group("Mentors", ada, bo))).json()
    url = f"{GROUPS}/{created['id']}"
    assert (await client.delete(f"{USERS}/{ada}", headers=headers)).status_code == 204
    members = (await client.get(url, headers=headers)).json()["members"]
    assert [m["value"] for m in members] == [bo]
    assert (await client.delete(url, headers=headers)).status_code == 204
    assert (await client.get(url, headers=headers)).status_code == 404
    assert (await client.get(f"{USERS}/{bo}", headers=headers)).status_code == 200


async def test_bad_groups_are_refused_in_scim_terms(client, auth):
    headers, ada, _ = await _setup(client, auth)
    first = await client.post(GROUPS, headers=headers, json=group("Committee", ada))
    assert first.status_code == 201
    again = await client.post(GROUPS, headers=headers, json=group("COMMITTEE"))
    assert (again.status_code, again.json()["scimType"]) == (409, "uniqueness")
    stranger = await client.post(
        GROUPS, headers=headers, json=group("Other", "0b8a3c2e-0000-4000-8000-000000000000")
    )
    assert (stranger.status_code, stranger.json()["scimType"]) == (400, "invalidValue")
    assert "members" in stranger.json()["detail"]
    nested = group("Nested") | {"members": [{"value": first.json()["id"], "type": "Group"}]}
    refused = await client.post(GROUPS, headers=headers, json=nested)
    assert (refused.status_code, refused.json()["scimType"]) == (400, "invalidValue")
    stale = await client.put(
        f"{GROUPS}/{first.json()['id']}",
        headers={**headers, "If-Match": 'W/"1"'},
        json=group("Committee"),
    )
    assert stale.status_code == 412


async def test_the_root_search_finds_users_and_groups_and_resource_types_say_what_a_group_is(
    client, auth
):
    headers, ada, _ = await _setup(client, auth)
    await client.post(GROUPS, headers=headers, json=group("Committee", ada))
    everything = await client.get("/scim/v2/", headers=headers)
    assert everything.json()["totalResults"] == 3
    by_name = await client.get(
        "/scim/v2/", headers=headers, params={"filter": 'displayName eq "Committee"'}
    )
    assert by_name.json()["totalResults"] == 1
    paged = await client.get("/scim/v2/", headers=headers, params={"startIndex": 3, "count": 5})
    assert [r["displayName"] for r in paged.json()["Resources"]] == ["Committee"]
    types = (await client.get("/scim/v2/ResourceTypes", headers=headers)).json()["Resources"]
    described = {t["name"]: t["description"] for t in types}
    assert "role group" in described["Group"]
