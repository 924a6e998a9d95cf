"""Who may read the organisation's own record, role by role, through every door: the REST
list, the REST read and GraphQL's `organization` answer the same roles (its administrators
and coordinators, who keep its settings); every other role is refused with 403 (REST) or
the same refusal as a GraphQL error, never shown the organisation (issue 20, access gaps)."""

from __future__ import annotations

import pytest

from app.domain.access import Role
from tests.factories import employee_row

READERS = {Role.ORG_ADMIN, Role.COORDINATOR}
QUERY = "{ organization { id slug name } }"


async def _token(client, auth, role: Role) -> dict[str, str]:
    """A token of `role` in the organisation; a participant or supervisor is an employee."""
    if role not in (Role.PARTICIPANT, Role.SUPERVISOR):
        return await auth(role=role)
    admin = await auth()
    await client.post(
        "/v1/employees/import", headers=admin, json={"employees": [employee_row("ME-1")]}
    )
    (me,) = (await client.get("/v1/employees", headers=admin)).json()["items"]
    return await auth(role=role, employee_id=me["id"])


@pytest.mark.parametrize("role", sorted(Role))
async def test_the_organisation_is_read_by_the_same_roles_in_rest_and_graphql(
    client, auth, org, role
):
    headers = await _token(client, auth, role)
    listed = await client.get("/v1/organizations", headers=headers)
    one = await client.get(f"/v1/organizations/{org.id}", headers=headers)
    graphql = await client.post("/graphql", headers=headers, json={"query": QUERY})
    errors = graphql.json().get("errors") or []
    if role in READERS:
        assert listed.status_code == 200, listed.text
        assert [o["id"] for o in listed.json()["items"]] == [str(org.id)]
        assert one.status_code == 200, one.text
        assert graphql.json()["data"]["organization"]["id"] == str(org.id)
    else:
        assert (listed.status_code, one.status_code) == (403, 403), (listed.text, one.text)
        assert listed.json()["rule"] == one.json()["rule"]
        assert str(org.id) not in listed.text + graphql.text  # `one` echoes its own URL
        assert graphql.json()["data"] is None, graphql.text
        assert [e["message"] for e in errors] == [
            f"the {role} role may not read organization settings"
        ], graphql.text


async def test_another_organisations_id_is_not_found_even_for_its_reader(client, auth, other_org):
    response = await client.get(f"/v1/organizations/{other_org.id}", headers=await auth())
    assert response.status_code == 404
