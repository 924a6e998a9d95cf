"""Unknown query parameters answer 400, on every REST route, checked once here.

A misspelt `limt` or a `page=2` from another API would otherwise be ignored, and the client
would get page 1 again without knowing why. The route's declared query parameters are read
from FastAPI's own description of the route (its dependant, dependencies included), so a new
route is covered by declaring its parameters and nothing else.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.api.errors import UnknownQueryParameters


async def refuse_unknown_query_parameters(request: Request) -> None:
    """A dependency of every REST router (not GraphQL's, whose GET takes `query` itself)."""
    if not request.query_params:
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)  # a few attribute reads; only when a query is sent
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise UnknownQueryParameters(unknown, sorted(known))


def _query_names(dependant: Dependant) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for inner in dependant.dependencies:
        names |= _query_names(inner)
    return names
