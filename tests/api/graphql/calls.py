"""Calling the GraphQL endpoint from a test: one POST with variables."""

from __future__ import annotations

from typing import Any


async def graphql(client: Any, headers: dict[str, str], query: str, **variables: Any) -> dict:
    """The whole answer (`data` and any `errors`), after checking the request was served."""
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def graphql_data(client: Any, headers: dict[str, str], query: str, **variables: Any) -> dict:
    """The answer's `data`, after checking it carries no errors (expected failures come as
    the `Problem` member of a result union, inside `data`)."""
    body = await graphql(client, headers, query, **variables)
    assert "errors" not in body, body
    return body["data"]
