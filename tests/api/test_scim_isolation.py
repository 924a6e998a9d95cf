"""SCIM (`/scim/v2`) joins the authorization matrix: a token sees one organisation, another
tenant's user answers 404 (exactly like an id that never existed), searches never find it,
uniqueness is per tenant, and only provisioning roles (integration, org_admin) get in.

The routes exercised here are checked against scim2-server's route table: a route it adds
fails `test_every_scim_route_is_covered_here` until it is added to this file.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from scim2_server.requests import ScimRequest
from scim2_server.routing import ROUTES, Operation

from app.adapters.scim.application import ScimApplication
from app.domain.access import Role

SCIM = "/scim/v2"
SCIM_JSON = "application/scim+json"
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"

# The victim's user: every value distinctive enough that finding it in a response is a leak.
V_USER_NAME = "marguerite.quillfeather@victim-corp.example"
V_GIVEN, V_FAMILY = "Marguerite", "Quillfeather"
V_NUMBER, V_DEPARTMENT = "VIC-58213", "Xenobotany Research"
V_TITLE, V_PHONE = "Chief Orchid Whisperer", "+1 555 0199 3141"
SECRETS = (V_USER_NAME, V_GIVEN, V_FAMILY, V_NUMBER, V_DEPARTMENT, V_TITLE, V_PHONE)


def user(user_name: str, number: str, given: str, family: str, department: str) -> dict:
    return {
        "schemas": [CORE, ENTERPRISE],
        "userName": user_name,
        "name": {"givenName": given, "familyName": family},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
        "active": True,
        ENTERPRISE: {"employeeNumber": number, "department": department},
    }


VICTIM = user(V_USER_NAME, V_NUMBER, V_GIVEN, V_FAMILY, V_DEPARTMENT) | {
    "title": V_TITLE,
    "phoneNumbers": [{"value": V_PHONE, "type": "work"}],
}
INTRUDER = user("ivan@intruder.example", "INT-1", "Ivan", "Intruder", "Espionage")
DEACTIVATE = {"schemas": [PATCH_OP], "Operations": [{"op": "replace", "value": {"active": False}}]}


@dataclass(frozen=True)
class Call:
    """A request under /scim/v2; `{id}` (in the path or body) stands for the target user."""

    method: str
    path: str
    body: dict | None = None


def _search(scim_filter: str) -> dict:
    return {"schemas": [SEARCH], "filter": scim_filter}


# Every route of scim2-server that reaches tenant data, by its name in scim2_server.routing.
TENANT_ROUTES: dict[str, Call] = {
    "create": Call("POST", "/Users", INTRUDER),
    "query": Call("GET", "/Users/{id}"),
    "replace": Call("PUT", "/Users/{id}", INTRUDER),
    "patch": Call("PATCH", "/Users/{id}", DEACTIVATE),
    "delete": Call("DELETE", "/Users/{id}"),
    "search": Call("GET", "/Users"),
    "search_with_body": Call("POST", "/Users/.search", _search(f'userName eq "{V_USER_NAME}"')),
    "search_root": Call("GET", "/"),
    "search_root_with_body": Call("POST", "/.search", _search('id eq "{id}"')),
    "bulk": Call(
        "POST",
        "/Bulk",
        {"schemas": [BULK], "Operations": [{"method": "DELETE", "path": "/Users/{id}"}]},
    ),
    "me_create": Call("POST", "/Me", INTRUDER),
    "me_query": Call("GET", "/Me"),
    "me_replace": Call("PUT", "/Me", INTRUDER),
    "me_patch": Call("PATCH", "/Me", DEACTIVATE),
    "me_delete": Call("DELETE", "/Me"),
}
# Discovery: the same for every caller (RFC 7644 §4), no tenant data.
DISCOVERY: dict[str, Call] = {
    "service_provider_config": Call("GET", "/ServiceProviderConfig"),
    "resource_types": Call("GET", "/ResourceTypes"),
    "resource_type": Call("GET", "/ResourceTypes/User"),
    "schemas": Call("GET", "/Schemas"),
    "schema": Call("GET", f"/Schemas/{CORE}"),
}
# What the other organisation's provisioning token gets on each route, the victim's user id
# in hand: its own creation, 404 on the victim's user, empty searches; bulk and /Me are not
# served (501). A change here is a change to what a foreign token can do: review it.
FOREIGN_STATUS = {
    "create": 201,
    **dict.fromkeys(("query", "replace", "patch", "delete"), 404),
    **dict.fromkeys(("search", "search_with_body", "search_root", "search_root_with_body"), 200),
    **dict.fromkeys(("bulk", "me_create", "me_query", "me_replace", "me_patch", "me_delete"), 501),
}
# Spelled out, not read from the application: granting a role SCIM must fail a test here.
PROVISIONING = (Role.INTEGRATION, Role.ORG_ADMIN)
REFUSED = (Role.COORDINATOR, Role.COMMITTEE, Role.SUPERVISOR, Role.PARTICIPANT)
PERSONAL = (Role.SUPERVISOR, Role.PARTICIPANT)  # their tokens name an employee


async def send(
    client: httpx.AsyncClient,
    call: Call,
    user_id: str,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
) -> httpx.Response:
    body = None if call.body is None else json.dumps(call.body).replace("{id}", user_id)
    return await client.request(
        call.method,
        SCIM + call.path.replace("{id}", user_id),
        headers={**(headers or {}), "Content-Type": SCIM_JSON},
        content=body,
        params=params,
    )


def leaks(response: httpx.Response, *also: str) -> list[str]:
    """The victim's values found in a response (body or headers)."""
    text = (response.text + json.dumps(dict(response.headers))).lower()
    return [s for s in (*SECRETS, *also) if s.lower() in text]


async def scim_token(auth, role: Role = Role.INTEGRATION, **options) -> dict[str, str]:
    return {**await auth(role=role, **options), "Content-Type": SCIM_JSON}


@dataclass
class Victim:
    id: str
    headers: dict[str, str]
    snapshot: dict[str, Any]  # the user and its ETag, as the victim read it after creation


async def read_back(client, victim: Victim) -> dict[str, Any]:
    response = await client.get(f"{SCIM}/Users/{victim.id}", headers=victim.headers)
    assert response.status_code == 200, f"the victim lost their own user: {response.text}"
    return {"user": response.json(), "etag": response.headers.get("etag")}


async def assert_untouched(client, victim: Victim) -> None:
    now = await read_back(client, victim)
    assert now == victim.snapshot, "the victim's user changed"
    assert now["user"]["active"] is True
    assert now["user"]["name"]["familyName"] == V_FAMILY
    assert now["etag"] == now["user"]["meta"]["version"]


@pytest.fixture
async def victim(client, auth, org) -> Victim:
    headers = await scim_token(auth, organization=org)
    created = await client.post(f"{SCIM}/Users", headers=headers, json=VICTIM)
    assert created.status_code == 201, created.text
    victim = Victim(created.json()["id"], headers, {})
    victim.snapshot = await read_back(client, victim)
    return victim


# -- 1. Another organisation's token, the victim's user id in hand -----------------------


@pytest.mark.parametrize("intruder_role", PROVISIONING)
@pytest.mark.parametrize("conditional", [False, True], ids=["plain", "with-victim-etag"])
@pytest.mark.parametrize("route", ["query", "replace", "patch", "delete"])
async def test_another_tenants_user_answers_404_like_an_id_that_never_existed(
    client, auth, other_org, victim, intruder_role, conditional, route
):
    intruder = await scim_token(auth, intruder_role, organization=other_org)
    if conditional:  # the intruder learnt the ETag: a 304/412 would confirm the user exists
        etag = victim.snapshot["etag"]
        intruder |= {"If-None-Match": etag} if route == "query" else {"If-Match": etag}
    call = TENANT_ROUTES[route]

    response = await send(client, call, victim.id, intruder)
    never_existed = await send(client, call, (unknown := str(uuid.uuid4())), intruder)

    assert response.status_code == 404, response.text
    assert response.json()["schemas"] == [ERROR]
    assert leaks(response, victim.snapshot["etag"]) == []
    assert _anonymised(response, victim.id) == _anonymised(never_existed, unknown)
    await assert_untouched(client, victim)


def _anonymised(response: httpx.Response, user_id: str) -> tuple:
    headers = {
        k: v.replace(user_id, "<id>")
        for k, v in response.headers.items()
        if k not in ("content-length", "x-request-id")  # vary with the id's length, per request
    }
    return response.status_code, response.text.replace(user_id, "<id>"), headers


async def test_every_route_from_another_tenant_leaves_the_victim_unseen_and_unchanged(
    client, auth, other_org, victim
):
    intruder = await scim_token(auth, organization=other_org)
    statuses = {}
    for name, call in TENANT_ROUTES.items():
        response = await send(client, call, victim.id, intruder)
        statuses[name] = response.status_code
        sent_the_id = "{id}" in call.path + json.dumps(call.body)
        found = leaks(response, *(() if sent_the_id else (victim.id,)))
        assert found == [], f"{call.method} {call.path} leaked {found}: {response.text}"
        assert response.status_code == 201 or response.json()["schemas"] in ([ERROR], [LIST])
    assert statuses == FOREIGN_STATUS
    await assert_untouched(client, victim)


# -- 2. Searches from another organisation ----------------------------------------------

SEARCHES = {
    "everyone": (Call("GET", "/Users"), None),
    "userName": (Call("GET", "/Users"), f'userName eq "{V_USER_NAME}"'),
    "employeeNumber": (Call("GET", "/Users"), f'{ENTERPRISE}:employeeNumber eq "{V_NUMBER}"'),
    "id": (Call("GET", "/Users"), 'id eq "{id}"'),
    "department": (Call("GET", "/Users"), f'{ENTERPRISE}:department co "xenobotany"'),
    "root": (Call("GET", "/"), f'name.familyName eq "{V_FAMILY}"'),
    ".search": (Call("POST", "/Users/.search", _search(f'userName sw "{V_GIVEN}"')), None),
    "root .search": (Call("POST", "/.search", _search(f'emails co "{V_FAMILY}"')), None),
}


@pytest.mark.parametrize("search", SEARCHES.values(), ids=SEARCHES.keys())
async def test_another_tenant_searches_and_finds_nothing(client, auth, other_org, victim, search):
    call, scim_filter = search
    params = None if scim_filter is None else {"filter": scim_filter.replace("{id}", victim.id)}
    # The same search by the victim finds their user: the filter itself is right.
    own = await send(client, call, victim.id, victim.headers, params)
    assert own.status_code == 200, own.text
    assert [u["id"] for u in own.json()["Resources"]] == [victim.id]

    intruder = await scim_token(auth, organization=other_org)
    response = await send(client, call, victim.id, intruder, params)

    assert response.status_code == 200, response.text
    assert response.json()["totalResults"] == 0
    assert response.json().get("Resources", []) == []
    assert leaks(response, victim.id) == []


# -- 3. Uniqueness is per organisation ---------------------------------------------------


async def test_the_same_user_name_and_employee_number_can_be_provisioned_in_another_tenant(
    client, auth, other_org, victim
):
    intruder = await scim_token(auth, organization=other_org)
    twin = user(V_USER_NAME, V_NUMBER, "Twin", "Namesake", "Elsewhere")

    created = await client.post(f"{SCIM}/Users", headers=intruder, json=twin)

    # A 409 here would tell the other tenant that the victim's user exists.
    assert created.status_code == 201, created.text
    assert created.json()["id"] != victim.id
    assert created.json()["name"] == {"givenName": "Twin", "familyName": "Namesake"}
    by_name = {"filter": f'userName eq "{V_USER_NAME}"'}
    theirs = await client.get(f"{SCIM}/Users", headers=intruder, params=by_name)
    assert [u["id"] for u in theirs.json()["Resources"]] == [created.json()["id"]]
    ours = await client.get(f"{SCIM}/Users", headers=victim.headers, params=by_name)
    assert [u["id"] for u in ours.json()["Resources"]] == [victim.id]
    await assert_untouched(client, victim)


async def test_a_manager_in_another_tenant_is_no_such_user(client, auth, other_org, victim):
    intruder = await scim_token(auth, organization=other_org)

    async def with_manager(number: str, manager_id: str) -> httpx.Response:
        managed = user(f"{number}@intruder.example", number, "Mo", "Managed", "Espionage")
        reference = {"value": manager_id, "$ref": f"http://test{SCIM}/Users/{manager_id}"}
        managed[ENTERPRISE]["manager"] = reference
        return await client.post(f"{SCIM}/Users", headers=intruder, json=managed)

    boss = await client.post(f"{SCIM}/Users", headers=intruder, json=INTRUDER)
    # A manager of the intruder's own organisation is accepted: the reference is well formed.
    assert (await with_manager("INT-2", boss.json()["id"])).status_code == 201
    response = await with_manager("INT-3", victim.id)
    never_existed = await with_manager("INT-3", unknown := str(uuid.uuid4()))

    assert response.status_code == 400, response.text
    assert "manager" in response.json()["detail"]
    assert leaks(response) == []
    assert _anonymised(response, victim.id) == _anonymised(never_existed, unknown)
    await assert_untouched(client, victim)


# -- 4. Roles and credentials ----------------------------------------------------------------


@pytest.mark.parametrize("role", REFUSED)
async def test_roles_that_do_not_provision_are_refused_every_route(client, auth, victim, role):
    # A personal token names the victim's own employee: not even /Me lets them in.
    person = {"employee_id": uuid.UUID(victim.id)} if role in PERSONAL else {}
    headers = await scim_token(auth, role, **person)
    statuses = {}
    for name, call in TENANT_ROUTES.items():
        response = await send(client, call, victim.id, headers)
        statuses[name] = response.status_code
        assert response.json()["schemas"] == [ERROR]
        assert leaks(response) == [], response.text
    assert statuses == dict.fromkeys(TENANT_ROUTES, 403)
    await assert_untouched(client, victim)
    by_name = {"filter": f'userName eq "{INTRUDER["userName"]}"'}
    created = await client.get(f"{SCIM}/Users", headers=victim.headers, params=by_name)
    assert created.json()["totalResults"] == 0, "a refused role created a user"


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz"],
    ids=["none", "unknown-token", "empty-bearer", "basic"],
)
async def test_without_a_valid_token_every_route_answers_401(client, victim, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    statuses = {}
    for name, call in {**TENANT_ROUTES, **DISCOVERY}.items():
        response = await send(client, call, victim.id, headers)
        statuses[name] = response.status_code
        assert leaks(response) == [], response.text
        if response.status_code == 401:
            assert response.json()["schemas"] == [ERROR]
            assert response.headers["www-authenticate"].startswith("Bearer")
    # RFC 7643 §5: the service provider configuration needs no authentication.
    assert statuses == {**dict.fromkeys(statuses, 401), "service_provider_config": 200}
    await assert_untouched(client, victim)


async def test_discovery_is_the_same_for_every_tenant(client, auth, org, other_org, victim):
    ours = await scim_token(auth, organization=org)
    theirs = await scim_token(auth, organization=other_org)
    participant = await scim_token(auth, Role.PARTICIPANT, employee_id=uuid.UUID(victim.id))
    tenant_values = (str(org.id), org.slug, str(other_org.id), other_org.slug, victim.id)
    for name, call in DISCOVERY.items():
        seen_by_us = await send(client, call, "", ours)
        seen_by_them = await send(client, call, "", theirs)
        assert seen_by_us.status_code == 200, seen_by_us.text
        assert seen_by_us.json() == seen_by_them.json(), name
        assert leaks(seen_by_us, *tenant_values) == [], name
        # Beyond ServiceProviderConfig, discovery is for provisioning tokens only.
        refused = (await send(client, call, "", participant)).status_code
        assert refused == (200 if name == "service_provider_config" else 403), name


# -- 5. Nothing routed goes untested ---------------------------------------------------------


def test_every_scim_route_is_covered_here():
    application = ScimApplication(None, None, "secret")  # type: ignore[arg-type]
    routed = {route.name: route for route in ROUTES}
    assert set(routed) == set(TENANT_ROUTES) | set(DISCOVERY), (
        "scim2-server routes a SCIM operation this file does not cover: add it to TENANT_ROUTES"
        " (and FOREIGN_STATUS) or DISCOVERY in tests/api/test_scim_isolation.py"
    )
    for name, call in {**TENANT_ROUTES, **DISCOVERY}.items():
        request = ScimRequest(call.method, "http://test/scim/v2", call.path.replace("{id}", "x"))
        target = application.service.match(request)
        assert target.operation is routed[name].operation, f"{name}: {call} routes elsewhere"
        assert target.me == (routed[name].pattern == "/Me"), name
    discovery = {routed[name].operation for name in DISCOVERY}
    assert set(Operation) - discovery == {routed[name].operation for name in TENANT_ROUTES}, (
        "a new scim2-server Operation: route it in TENANT_ROUTES of this file"
    )
    assert set(PROVISIONING) | set(REFUSED) == set(Role), "a new role: may it provision?"
    endpoints = [resource_type.endpoint for resource_type in application.provider.resource_types]
    assert endpoints == ["/Users", "/Groups"], "a new SCIM resource type needs isolation tests"


# -- 6. Groups: the same isolation ---------------------------------------------------------

GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
V_GROUP = "Xenobotany Selection Committee"


@pytest.fixture
async def victim_group(client, victim) -> dict[str, Any]:
    body = {"schemas": [GROUP], "displayName": V_GROUP, "members": [{"value": victim.id}]}
    created = await client.post(f"{SCIM}/Groups", headers=victim.headers, json=body)
    assert created.status_code == 201, created.text
    return created.json()


GROUP_ROUTES = {
    "query": Call("GET", "/Groups/{id}"),
    "replace": Call("PUT", "/Groups/{id}", {"schemas": [GROUP], "displayName": "Mine now"}),
    "patch": Call(
        "PATCH",
        "/Groups/{id}",
        {"schemas": [PATCH_OP], "Operations": [{"op": "remove", "path": "members"}]},
    ),
    "delete": Call("DELETE", "/Groups/{id}"),
}


@pytest.mark.parametrize("route", GROUP_ROUTES)
async def test_another_tenants_group_answers_404_like_an_id_that_never_existed(
    client, auth, other_org, victim, victim_group, route
):
    intruder = await scim_token(auth, organization=other_org)
    call = GROUP_ROUTES[route]

    response = await send(client, call, victim_group["id"], intruder)
    never_existed = await send(client, call, (unknown := str(uuid.uuid4())), intruder)

    assert response.status_code == 404, response.text
    assert leaks(response, V_GROUP) == []
    assert _anonymised(response, victim_group["id"]) == _anonymised(never_existed, unknown)
    after = await client.get(f"{SCIM}/Groups/{victim_group['id']}", headers=victim.headers)
    assert after.json()["displayName"] == V_GROUP
    assert [m["value"] for m in after.json()["members"]] == [victim.id]


@pytest.mark.parametrize(
    "scim_filter",
    [None, f'displayName eq "{V_GROUP}"', 'members eq "{id}"', 'displayName co "xeno"'],
)
async def test_another_tenant_searches_groups_and_finds_nothing(
    client, auth, other_org, victim, victim_group, scim_filter
):
    params = None if scim_filter is None else {"filter": scim_filter.replace("{id}", victim.id)}
    own = await client.get(f"{SCIM}/Groups", headers=victim.headers, params=params)
    assert [g["id"] for g in own.json()["Resources"]] == [victim_group["id"]]
    intruder = await scim_token(auth, organization=other_org)
    for path in ("/Groups", "/"):
        response = await client.get(f"{SCIM}{path}", headers=intruder, params=params)
        assert response.status_code == 200, response.text
        assert response.json()["totalResults"] == 0
        assert leaks(response, V_GROUP, victim.id, victim_group["id"]) == []


async def test_another_tenants_user_cannot_be_made_a_member(client, auth, other_org, victim):
    intruder = await scim_token(auth, organization=other_org)

    async def grouping(member: str) -> httpx.Response:
        body = {"schemas": [GROUP], "displayName": "Spies", "members": [{"value": member}]}
        return await client.post(f"{SCIM}/Groups", headers=intruder, json=body)

    response = await grouping(victim.id)
    never_existed = await grouping(unknown := str(uuid.uuid4()))
    assert response.status_code == 400, response.text
    assert leaks(response) == []
    assert _anonymised(response, victim.id) == _anonymised(never_existed, unknown)


@pytest.mark.parametrize("role", REFUSED)
async def test_roles_that_do_not_provision_are_refused_groups(
    client, auth, victim, victim_group, role
):
    # A personal token names the victim's own employee, a member of the group.
    person = {"employee_id": uuid.UUID(victim.id)} if role in PERSONAL else {}
    headers = await scim_token(auth, role, **person)
    for call in (Call("GET", "/Groups"), *GROUP_ROUTES.values()):
        response = await send(client, call, victim_group["id"], headers)
        assert response.status_code == 403, f"{call}: {response.text}"
        assert leaks(response, V_GROUP) == []
