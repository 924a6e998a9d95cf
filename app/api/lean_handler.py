"""A lean request handler for routes with simple inputs, used in place of FastAPI's own.

FastAPI's handler runs every request through machinery for every feature it offers (bodies,
forms, dependencies that yield, security scopes, sub-responses, streaming, telemetry).
Measured here: a route with one path parameter and two dependencies cost ~100 µs a request
in that machinery, against ~10 µs for making the same calls directly. That was a quarter of
a point read's CPU.

`lean_handler(route)` returns a handler only for a route that uses none of those features:
its endpoint is a coroutine that returns a `Response`, and it and its dependencies take only
path, query and header parameters, the `Request`, and further dependencies of the same kind,
none of which yields; the endpoint itself may also take one JSON body (a model, not a form).
Every other route keeps FastAPI's handler.

The lean handler reads each parameter with the same fields, as FastAPI's own
`request_params_to_args` does (`lean_params`; a body with its `request_body_to_args`), all
before calling anything. When a value is invalid, a body is anything but `application/json`
that decodes, or one of the route's dependencies is overridden (tests), it hands the request
to FastAPI's handler, so errors and overrides behave exactly as FastAPI defines them. As in
FastAPI, a dependency that several others ask for is called once per request.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from fastapi import params
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_typed_return_annotation, request_body_to_args
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from app.api.lean_params import ParamReader, reader

Handler = Callable[[Request], Awaitable[Response]]
_Params = dict[Callable[..., Any], dict[str, Any]]  # each call's parameters, by the call


@dataclass(frozen=True, slots=True)
class _Step:
    """One call to make: a dependency, or at the root the endpoint."""

    dependant: Dependant
    call: Callable[..., Awaitable[Any]]
    needs: tuple[_Step, ...]
    # Its path, query and header parameters' readers (for those it takes), each beside
    # where in the request its parameters are.
    readers: tuple[tuple[Callable[[Request], Any], ParamReader], ...]


def lean_handler(route: APIRoute) -> Handler | None:
    """A faster handler with the same behaviour, or None when `route` needs FastAPI's."""
    if not _returns_response(route.endpoint) or not _is_plain(route.dependant, root=True):
        return None
    body = route.dependant.body_params
    if body and (len(body) > 1 or route._embed_body_fields or _is_form(body[0].field_info)):
        return None  # several bodies, an embedded one or a form: FastAPI's to read
    standard = route.get_route_handler()
    root = _step(route.dependant)
    steps = _in_order(root)
    calls = frozenset(step.call for step in steps)
    provider = route.dependency_overrides_provider

    async def handle(request: Request) -> Response:
        overrides = provider.dependency_overrides if provider is not None else None
        if overrides and not calls.isdisjoint(overrides):
            return await standard(request)
        params = _read_params(steps, request)
        read = await _read_body(request, body) if body and params is not None else {}
        if params is None or read is None:  # FastAPI's handler reports it, in its words
            return await standard(request)
        params[root.call].update(read)
        response = await _run(root, params, {})
        if not isinstance(response, Response):  # FastAPI would have serialised it
            raise TypeError(f"{route.path} returned {type(response).__name__}, not a Response")
        return response

    return handle


def _returns_response(endpoint: Callable[..., Any]) -> bool:
    if not inspect.iscoroutinefunction(endpoint):
        return False
    returned = get_typed_return_annotation(endpoint)  # as FastAPI reads it
    return isinstance(returned, type) and issubclass(returned, Response)


def _is_form(info: Any) -> bool:
    return isinstance(info, params.Form)  # files are forms too


def _is_plain(dependant: Dependant, root: bool = False) -> bool:
    """Inputs the lean handler reads just as FastAPI does; anything else is FastAPI's. Only
    the endpoint itself may take a body."""
    call = dependant.call
    return (
        call is not None
        and inspect.iscoroutinefunction(call)  # not a generator, a class or a sync function
        and (root or not dependant.body_params)
        and not dependant.cookie_params
        and dependant.websocket_param_name is None
        and dependant.http_connection_param_name is None
        and dependant.response_param_name is None
        and dependant.background_tasks_param_name is None
        and dependant.security_scopes_param_name is None
        and not dependant.own_oauth_scopes
        and dependant.use_cache
        and dependant.concurrency is None
        and all(_is_plain(sub) for sub in dependant.dependencies)
    )


def _step(dependant: Dependant) -> _Step:
    assert dependant.call is not None
    kinds = (
        (attrgetter("path_params"), dependant.path_params),
        (attrgetter("query_params"), dependant.query_params),
        (attrgetter("headers"), dependant.header_params),
    )
    readers = tuple((where, reader(fields)) for where, fields in kinds if fields)
    needs = tuple(_step(d) for d in dependant.dependencies)
    return _Step(dependant, dependant.call, needs, readers)


def _in_order(root: _Step) -> tuple[_Step, ...]:
    """Each call of the tree once: a dependency asked for twice is read and run once."""
    found: dict[Callable[..., Any], _Step] = {}

    def visit(step: _Step) -> None:
        if step.call not in found:
            found[step.call] = step
            for need in step.needs:
                visit(need)

    visit(root)
    return tuple(found.values())


def _read_params(steps: tuple[_Step, ...], request: Request) -> _Params | None:
    """Each call's validated parameters, or None if any is invalid."""
    params: _Params = {}
    for step in steps:
        values: dict[str, Any] = {}
        for where, read in step.readers:
            found, errors = read.read(where(request))
            if errors:
                return None
            values.update(found)
        if step.dependant.request_param_name is not None:
            values[step.dependant.request_param_name] = request
        params[step.call] = values
    return params


async def _read_body(request: Request, fields: list[Any]) -> dict[str, Any] | None:
    """The body parameter, validated, when it is `application/json` that decodes and is
    valid; else None (FastAPI's handler then reads it again, from Starlette's cache, and
    answers as it would: an empty body, a malformed one, another media type)."""
    try:
        raw = await request.body()
    except Exception:  # FastAPI's handler turns it into its own answer
        return None
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if not raw or media_type != "application/json":
        return None
    try:
        received = await request.json()  # as FastAPI decodes it (and kept for it)
    except ValueError:
        return None
    values, errors = await request_body_to_args(fields, received, embed_body_fields=False)
    return None if errors else values


async def _run(step: _Step, params: _Params, done: dict[Any, Any]) -> Any:
    values = params[step.call]
    for need in step.needs:
        if need.call not in done:
            done[need.call] = await _run(need, params, done)
        if need.dependant.name is not None:  # else a route's `dependencies=[...]` entry
            values[need.dependant.name] = done[need.call]
    return await step.call(**values)
