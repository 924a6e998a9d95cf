"""Every REST route refuses a query parameter it does not take, whichever way the check
reaches it (the caller dependency, or a router dependency where a route takes no caller)."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute

from app.api.deps import get_caller
from app.api.query_guard import router_dependencies
from app.main import rest_routers

SOME_ID = "00000000-0000-4000-8000-000000000001"


def _filled(path: str) -> str:
    return re.sub(r"\{[^}]+\}", SOME_ID, path)


async def test_every_rest_route_refuses_an_unknown_query_parameter_before_anything_else(
    client,
):
    routes = [
        (route, router_dependencies(router, get_caller) != [])
        for router in rest_routers()
        for route in router.routes
        if isinstance(route, APIRoute)
    ]
    assert any(guarded for _, guarded in routes)  # both ways are taken
    assert any(not guarded for _, guarded in routes)
    for route, _ in routes:
        method = sorted(route.methods)[0]
        url = _filled(route.path) + "?zz_unknown=1"
        response = await client.request(method, url)  # no token: the 400 comes first
        assert response.status_code == 400, (method, route.path, response.text)
        assert response.json()["field"] == "zz_unknown"


def test_a_router_whose_routes_all_take_the_caller_first_needs_no_router_dependency():
    routers = rest_routers()
    assert router_dependencies(routers[0], get_caller) == []  # the directory
    health = next(r for r in routers if any(x.path == "/healthz" for x in r.routes))
    assert len(router_dependencies(health, get_caller)) == 1
