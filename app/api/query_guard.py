"""Unknown query parameters answer 400, on every REST route, checked once here.

A misspelt `limt` or a `page=2` from another API would otherwise be ignored, and the client
would get page 1 again without knowing why. The route's declared query parameters are read
from FastAPI's own description of the route (its dependant, dependencies included), so a new
route is covered by declaring its parameters and nothing else.

Each dependency costs FastAPI a resolution on every request, so the check is not one of its
own where it need not be: the caller dependency (`app.api.deps.get_caller`), the first
dependency of nearly every REST route, makes it first thing. A router with a route that
does not take the caller gets `refuse_unknown_query_parameters` as a router dependency
instead (`router_dependencies`), so no route goes unchecked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.api.errors import UnknownQueryParameters


async def refuse_unknown_query_parameters(request: Request) -> None:
    """A router dependency (never GraphQL's, whose GET takes `query` itself)."""
    check_query_parameters(request)


def check_query_parameters(request: Request) -> None:
    """Raise `UnknownQueryParameters` when the request names one its route does not take."""
    if not request.scope.get("query_string") or not request.query_params:
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)  # a few attribute reads; only when a query is sent
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise UnknownQueryParameters(unknown, sorted(known))


def router_dependencies(router: APIRouter, checking: Callable[..., Any]) -> list[Any]:
    """What `include_router` adds to `router`'s routes: nothing when each of them takes
    `checking` (the dependency that calls `check_query_parameters`) as its first
    dependency, so the check keeps its place before every other one; else the check."""
    routes = [r for r in router.routes if isinstance(r, APIRoute)]
    if all(
        r.dependant.dependencies[:1] and r.dependant.dependencies[0].call is checking
        for r in routes
    ):
        return []
    return [Depends(refuse_unknown_query_parameters)]


def _query_names(dependant: Dependant) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for inner in dependant.dependencies:
        names |= _query_names(inner)
    return names
