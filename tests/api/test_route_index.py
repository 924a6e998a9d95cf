"""The route index narrows the routes a request is tried against; it must never change which
route answers. A property over paths made of the app's own segments, parameters and noise:
the narrowed routes give the same route, full or partial (405), as the full list."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.routing import BaseRoute, Match, Route

from app.api.route_index import RouteIndex
from app.config import Settings
from app.main import create_app

APP = create_app(Settings(database_url="postgresql://unused/none"))
ROUTES = APP.router.routes
INDEX = APP.router.middleware_stack
assert isinstance(INDEX, RouteIndex)

_WORDS = sorted(
    {s for r in ROUTES if isinstance(r, Route) for s in r.path.split("/") if "{" not in s}
    | {"scim", "static", "v2", "Users", "nope", "x.ics", ""}
)
_NOISE = st.one_of(st.sampled_from(_WORDS), st.just(str(uuid.uuid4())), st.text("ab.-", max_size=3))
_TEMPLATES = sorted({r.path for r in ROUTES if isinstance(r, Route)} | {"/scim/v2/Users"})


@st.composite
def _paths(draw: st.DrawFn) -> str:
    """A route's path with its parameters filled in (by other routes' words, at times), some
    of its segments replaced, perhaps one more or one less: near misses and hits alike."""
    parts = draw(st.sampled_from(_TEMPLATES)).split("/")[1:]
    parts = [draw(_NOISE) if "{" in p or draw(st.integers(0, 5)) == 0 else p for p in parts]
    match draw(st.integers(0, 4)):
        case 0:
            parts.append(draw(_NOISE))
        case 1 if len(parts) > 1:
            parts.pop()
    return "/" + "/".join(parts)


_PATHS = st.one_of(
    _paths(), st.lists(_NOISE, min_size=1, max_size=6).map(lambda p: "/" + "/".join(p))
)
_METHODS = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])


def _chosen(routes: list[BaseRoute], path: str, method: str) -> tuple[str, BaseRoute] | None:
    """The route Starlette's router would hand the request to: the first full match, else
    the first partial one (another method: a 405)."""
    scope = {"type": "http", "path": path, "root_path": "", "method": method, "headers": []}
    partial = None
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return ("full", route)
        if match is Match.PARTIAL and partial is None:
            partial = ("partial", route)
    return partial


def _narrowed_routes(path: str) -> list[BaseRoute]:
    narrowed = INDEX._narrowed(path)
    return narrowed.__self__.routes  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(path=_PATHS, method=_METHODS)
def test_the_narrowed_routes_choose_as_the_full_list_does(path: str, method: str) -> None:
    assert _chosen(_narrowed_routes(path), path, method) == _chosen(ROUTES, path, method)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/v1/mentorships/00000000-0000-0000-0000-000000000001/meetings", 2),  # GET and POST
        ("/v1/employees/00000000-0000-0000-0000-000000000001", 1),
        ("/graphql", 3),
    ],
)
def test_a_request_is_tried_against_its_few_candidates_only(path: str, expected: int) -> None:
    assert len(_narrowed_routes(path)) == expected < len(ROUTES)


async def _answer(method: str, path: str):
    import httpx

    transport = httpx.ASGITransport(app=APP)
    async with httpx.AsyncClient(transport=transport, base_url="http://s") as client:
        return await client.request(method, path)


async def test_what_no_route_matches_is_answered_by_the_full_router() -> None:
    missing = await _answer("GET", "/v1/no-such-collection/42")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong_method = await _answer("DELETE", "/v1/employees")
    assert wrong_method.status_code == 405
    assert "GET" in wrong_method.headers["allow"]
    slash = await _answer("GET", "/healthz/")
    assert slash.status_code == 307
    assert slash.headers["location"] == "http://s/healthz"
