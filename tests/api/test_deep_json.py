"""JSON nested beyond any document of this API answers 400 before any work (issue 24):
a REST body, a program `policy`, GraphQL variables (in a POST body or a GET URL)."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.api.json_depth import MAX_JSON_DEPTH, nests_deeper_than, outside_strings


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _assert_too_deep(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/too-deeply-nested"
    assert problem["field"] == "body"
    assert str(MAX_JSON_DEPTH) in problem["detail"]


async def test_a_rest_body_nested_100000_deep_is_a_400(client: httpx.AsyncClient, auth):
    body = '{"employees": ' + _nested(100_000) + "}"
    response = await client.post(
        "/v1/employees/import",
        content=body,
        headers={**await auth(), "content-type": "application/json"},
    )
    _assert_too_deep(response)


async def test_a_policy_nested_2000_deep_is_a_400(client: httpx.AsyncClient, auth):
    policy = '{"matching": ' + '{"a": ' * 2000 + "1" + "}" * 2000 + "}"
    body = '{"name": "Deep", "preset": "federal", "policy": ' + policy + "}"
    response = await client.post(
        "/v1/programs", content=body, headers={**await auth(), "content-type": "application/json"}
    )
    _assert_too_deep(response)


async def test_graphql_variables_nested_950_deep_are_a_400(client: httpx.AsyncClient, auth):
    body = json.dumps({"query": "query ($x: JSON) { __typename }"})[:-1]
    body += ', "variables": {"x": ' + _nested(950) + "}}"
    response = await client.post(
        "/graphql", content=body, headers={**await auth(), "content-type": "application/json"}
    )
    _assert_too_deep(response)


async def test_graphql_variables_nested_950_deep_in_a_get_url_are_a_400(
    client: httpx.AsyncClient, auth
):
    params = {"query": "{ __typename }", "variables": '{"x": ' + _nested(950) + "}"}
    response = await client.get("/graphql", params=params, headers=await auth())
    _assert_too_deep(response)


async def test_a_body_nested_as_deep_as_allowed_reaches_validation(client: httpx.AsyncClient, auth):
    policy = '{"a": ' * (MAX_JSON_DEPTH - 1) + "1" + "}" * (MAX_JSON_DEPTH - 1)
    body = '{"name": "Deep", "preset": "federal", "policy": ' + policy + "}"
    response = await client.post(
        "/v1/programs", content=body, headers={**await auth(), "content-type": "application/json"}
    )
    assert response.status_code != 400 or response.json()["type"] != "/problems/too-deeply-nested"
    assert response.status_code < 500


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\u005c'),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(alphabet='[]{}"\\x', max_size=4), children, max_size=3)
        ),
        max_leaves=40,
    )
)
def test_the_depth_measured_on_bytes_is_the_parsed_documents_depth(document):
    def depth(value) -> int:
        if isinstance(value, list):
            return 1 + max(map(depth, value), default=0)
        if isinstance(value, dict):
            return 1 + max(map(depth, value.values()), default=0)
        return 0

    text = json.dumps(document).encode()
    for limit in (0, 1, 2, 3):
        assert nests_deeper_than(text, limit) == (depth(document) > limit)


@pytest.mark.parametrize("text", [b"", b"not json", b"]]]]", b'"[[[['])
def test_malformed_text_is_left_to_the_parser(text: bytes):
    assert not nests_deeper_than(text, 2)


@given(
    st.lists(st.sampled_from([b'"', b"[", b"]", b"{", b"}"]), max_size=60).map(b"".join),
    st.integers(1, 8),
)
def test_brackets_outside_strings_are_found_the_same_a_piece_at_a_time(kept: bytes, piece: int):
    # An import's body is split a piece at a time (an object per string, all at once, took
    # hundreds of MB): a string may begin in one piece and end in another.
    assert outside_strings(kept, piece) == b"".join(kept.split(b'"')[::2])
