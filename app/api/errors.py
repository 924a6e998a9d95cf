"""Errors at the edge: RFC 9457 problem documents, one table from domain error to HTTP.

Each problem `type` is a stable URI reference (`/problems/<code>`): clients branch on it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from app.domain import errors as domain
from app.observability import loggable_path

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

# domain error -> (HTTP status, title). The only place a domain error meets HTTP.
STATUS_OF: Mapping[type[domain.DomainError], tuple[int, str]] = {  # most specific first
    domain.NotFound: (404, "Not found"),
    domain.InvalidInput: (422, "Invalid input"),
    domain.Conflict: (409, "Conflict"),
    domain.PreconditionFailed: (412, "Precondition failed"),
    domain.PolicyError: (422, "Incoherent policy"),
    domain.TransitionRefused: (409, "Transition refused"),
    domain.NotPermitted: (403, "Not permitted"),
}


class Unauthenticated(Exception):
    """No usable credentials; `detail` says which check failed and nothing more."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class RateLimited(Exception):
    """The caller's rate limit is spent; try again after `retry_after` seconds."""

    def __init__(self, retry_after: int, headers: list[tuple[bytes, bytes]]) -> None:
        super().__init__("rate limited")
        self.retry_after = retry_after
        self.headers = {k.decode(): v.decode() for k, v in headers}


class UnknownQueryParameters(Exception):
    """The request names query parameters its route does not take."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        super().__init__(", ".join(unknown))
        self.unknown = unknown
        self.known = known


def problem(
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    *,
    instance: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """An `application/problem+json` response."""
    body: dict[str, Any] = {"type": f"/problems/{code}", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def field_errors(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Pydantic errors as `{field, reason, location}`: the field a person would name."""
    out = []
    for error in errors:
        location, *path = error["loc"] or ("body",)
        reason = "unknown field" if error["type"] == "extra_forbidden" else error["msg"]
        out.append(
            {
                "field": ".".join(str(p) for p in path) or str(location),
                "location": str(location),
                "reason": reason,
            }
        )
    return out


def allowed_methods(app: FastAPI, path: str) -> str:
    """Every method some route of `path` answers, as an `Allow` header lists them."""
    methods: set[str] = set()
    for context in iter_route_contexts(app.routes):
        template, route_methods = context.path_format, context.methods
        if template and route_methods and compile_path(template)[0].match(path):
            methods |= route_methods
    return ", ".join(sorted(methods))


async def _domain(request: Request, error: domain.DomainError) -> JSONResponse:
    status, title = next(
        (v for cls, v in STATUS_OF.items() if isinstance(error, cls)), (400, "Refused")
    )
    extra: dict[str, Any] = {k: v for k, v in (("field", error.field), ("rule", error.rule)) if v}
    return problem(status, error.code, title, error.detail, instance=request.url.path, **extra)


async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
    errors = field_errors(error.errors())
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return problem(
        422,
        "validation-error",
        "Invalid request",
        f"check: {fields}",
        instance=request.url.path,
        errors=errors,
    )


async def _unauthenticated(request: Request, error: Unauthenticated) -> JSONResponse:
    return problem(
        401,
        "unauthenticated",
        "Unauthenticated",
        error.detail,
        headers={"WWW-Authenticate": 'Bearer realm="mentoring"'},
    )


async def _rate_limited(request: Request, error: RateLimited) -> JSONResponse:
    return problem(
        429,
        "rate-limited",
        "Too many requests",
        f"try again in {error.retry_after} seconds",
        instance=request.url.path,
        headers={"Retry-After": str(error.retry_after), **error.headers},
    )


async def _unknown_query(request: Request, error: UnknownQueryParameters) -> JSONResponse:
    takes = ", ".join(error.known) or "no query parameters"
    return problem(
        400,
        "unknown-query-parameter",
        "Unknown query parameter",
        f"unknown: {', '.join(error.unknown)}; this route takes {takes}",
        instance=request.url.path,
        field=error.unknown[0],
        errors=[
            {"field": name, "location": "query", "reason": "unknown query parameter"}
            for name in error.unknown
        ],
    )


async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
    code = {404: "not-found", 405: "method-not-allowed", 413: "payload-too-large"}.get(
        error.status_code, "http-error"
    )
    headers = error.headers
    if error.status_code == 405:  # Starlette names the first matching route's methods only
        headers = {**(headers or {}), "Allow": allowed_methods(request.app, request.url.path)}
    return problem(
        error.status_code,
        code,
        str(error.detail),
        instance=request.url.path,
        headers=headers,
    )


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error", extra={"path": loggable_path(request.url.path)})
    return problem(
        500,
        "internal-error",
        "Internal server error",
        "the error was logged; quote the request id when reporting it",
    )


# Each failure and the handler that answers it (Starlette picks the most specific class).
_HANDLERS: tuple[tuple[type[Exception], Callable[[Request, Any], Awaitable[JSONResponse]]], ...] = (
    (domain.DomainError, _domain),
    (RequestValidationError, _validation),
    (Unauthenticated, _unauthenticated),
    (RateLimited, _rate_limited),
    (UnknownQueryParameters, _unknown_query),
    (StarletteHTTPException, _http),
    (Exception, _unexpected),
)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a problem document."""
    for error, handler in _HANDLERS:
        app.add_exception_handler(error, handler)
