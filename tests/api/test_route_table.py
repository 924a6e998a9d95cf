"""The route table is unambiguous: no request can reach two routes, so the order routers
are included in (busiest first, for speed) never decides which route answers."""

from __future__ import annotations

from fastapi.routing import APIRoute

from app.api.graphql.schema import build_router
from app.config import Settings
from app.main import rest_routers


def _routes() -> list[APIRoute]:
    routers = (build_router(Settings()), *rest_routers())
    return [r for router in routers for r in router.routes if isinstance(r, APIRoute)]


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")


def _may_both_match(a: str, b: str) -> bool:
    """Whether some path matches both templates (a `{parameter}` matches any one segment)."""
    left, right = _segments(a), _segments(b)
    return len(left) == len(right) and all(
        x == y or x.startswith("{") or y.startswith("{") for x, y in zip(left, right, strict=True)
    )


def test_no_request_can_reach_two_routes():
    routes = _routes()
    assert len(routes) > 100
    assert not [r.path for r in routes if ":" in r.path]  # no converter spans segments
    shared = [
        (a.path, b.path, sorted(a.methods & b.methods))
        for i, a in enumerate(routes)
        for b in routes[i + 1 :]
        if a.methods & b.methods and _may_both_match(a.path, b.path)
    ]
    assert shared == []


def test_every_rest_router_is_included_once():
    routers = rest_routers()
    assert len({id(r) for r in routers}) == len(routers)
