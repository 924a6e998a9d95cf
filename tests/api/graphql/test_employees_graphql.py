"""The directory over GraphQL: the same service functions, the same tenant scoping."""

from __future__ import annotations

from tests.api.graphql.calls import graphql
from tests.factories import employee_row

IMPORT = """
mutation($rows: [EmployeeImportInput!]!) {
  importEmployees(employees: $rows) {
    __typename
    ... on EmployeeImportReport { created updated unchanged errors { row field reason } }
    ... on Problem { code detail field }
  }
}"""

TREE = """
{ employees(first: 10) {
    edges { cursor node { employeeNumber manager { employeeNumber } reports { employeeNumber } } }
    pageInfo { hasNextPage endCursor } } }"""


def _camel(row: dict) -> dict:
    def camel(key: str) -> str:
        head, *rest = key.split("_")
        return head + "".join(p.title() for p in rest)

    return {camel(k): v for k, v in row.items() if k != "employment_status"}


async def test_import_and_read_the_tree_back(client, auth):
    rows = [
        _camel(employee_row("E2", manager_employee_number="E1")),
        _camel(employee_row("E1", level=9)),
        _camel(employee_row("E3", manager_employee_number="E1")),
    ]
    result = await graphql(client, await auth(), IMPORT, rows=rows)
    assert result["data"]["importEmployees"] == {
        "__typename": "EmployeeImportReport",
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    edges = (await graphql(client, await auth(), TREE))["data"]["employees"]["edges"]
    tree = {e["node"]["employeeNumber"]: e["node"] for e in edges}
    assert tree["E1"]["reports"] == [{"employeeNumber": "E2"}, {"employeeNumber": "E3"}]
    assert tree["E2"]["manager"] == {"employeeNumber": "E1"}
    assert tree["E1"]["manager"] is None


async def test_rule_failures_come_back_as_row_errors(client, auth):
    rows = [_camel(employee_row("E1", level=-1)), _camel(employee_row("E2"))]
    report = (await graphql(client, await auth(), IMPORT, rows=rows))["data"]["importEmployees"]
    assert report["created"] == 1
    assert [(e["row"], e["field"]) for e in report["errors"]] == [(1, "level")]


async def test_pagination_with_first_and_after(client, auth):
    await client.post(
        "/v1/employees/import",
        headers=await auth(),
        json={"employees": [employee_row(f"E{n}") for n in range(5)]},
    )
    query = (
        "query($after: String) { employees(first: 2, after: $after) {"
        " edges { node { employeeNumber } } pageInfo { hasNextPage endCursor } } }"
    )
    first = (await graphql(client, await auth(), query))["data"]["employees"]
    second = (await graphql(client, await auth(), query, after=first["pageInfo"]["endCursor"]))[
        "data"
    ]["employees"]
    assert [e["node"]["employeeNumber"] for e in first["edges"] + second["edges"]] == [
        "E0",
        "E1",
        "E2",
        "E3",
    ]


async def test_employee_of_another_organisation_is_null(client, auth, other_org):
    await client.post(
        "/v1/employees/import", headers=await auth(), json={"employees": [employee_row("E1")]}
    )
    [mine] = (await client.get("/v1/employees", headers=await auth())).json()["items"]
    query = "query($id: UUID!) { employee(id: $id) { employeeNumber } }"
    assert (await graphql(client, await auth(), query, id=mine["id"]))["data"]["employee"] == {
        "employeeNumber": "E1"
    }
    assert (await graphql(client, await auth(organization=other_org), query, id=mine["id"]))[
        "data"
    ] == {"employee": None}


async def test_graphql_without_a_token_is_401(client):
    response = await client.post("/graphql", json={"query": "{ employees { edges { cursor } } }"})
    assert response.status_code == 401


async def test_too_deep_a_query_is_refused(client, auth):
    deep = "{ employees { edges { node " + "{ manager " * 12 + "{ id }" + " }" * 12 + " } } }"
    result = await graphql(client, await auth(), deep)
    assert result["data"] is None
    assert "depth" in result["errors"][0]["message"]
