"""Parameters read by the lean handler are FastAPI's own reading, value for value and error
for error: a Hypothesis property over query strings and headers, against a route of every
kind of parameter the service declares (and a few it may), served by both handlers."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, FastAPI, Header, Path, Query
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute, request_response
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from app.api.lean_handler import lean_handler
from app.main import add_routes


class Filters(BaseModel):  # a parameter model: read by FastAPI's own function
    department: str | None = None
    level: int | None = None


def _router() -> APIRouter:
    router = APIRouter()

    @router.get("/things/{thing_id}/{day}")
    async def things(
        thing_id: uuid.UUID,
        day: Annotated[date, Path()],
        needed: Annotated[str, Query(min_length=2)],
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        after: Annotated[str | None, Query(description="a cursor")] = None,
        before: Annotated[int | None, Query(ge=1)] = None,
        tags: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI copies it)
        must: Annotated[bool, Query(alias="must-have")] = False,
        checked: Annotated[int, Query(validate_default=True, ge=0)] = 0,
        if_match: Annotated[str | None, Header()] = None,
        x_trace: Annotated[list[str] | None, Header()] = None,
    ) -> JSONResponse:
        return JSONResponse(
            {
                "id": str(thing_id),
                "day": day.isoformat(),
                "limit": limit,
                "after": after,
                "before": before,
                "tags": tags,
                "must": must,
                "needed": needed,
                "checked": checked,
                "if_match": if_match,
                "x_trace": x_trace,
            }
        )

    @router.get("/filtered")
    async def filtered(filters: Annotated[Filters, Query()], limit: int = 5) -> JSONResponse:
        return JSONResponse({**filters.model_dump(), "limit": limit})

    return router


def _apps() -> tuple[FastAPI, FastAPI]:
    lean, standard = FastAPI(), FastAPI()
    add_routes(lean, _router())
    add_routes(standard, _router())
    for route in standard.router.routes:
        if isinstance(route, APIRoute):
            route.app = request_response(route.get_route_handler())
    for route in lean.router.routes:
        assert not isinstance(route, APIRoute) or lean_handler(route) is not None
    return lean, standard


LEAN, STANDARD = _apps()

_VALUES = st.one_of(
    st.sampled_from(["", "0", "1", "-1", "50", "201", "true", "no", "x", "ab", "2024-02-30"]),
    st.text(max_size=4),
)
_KEYS = st.sampled_from(
    [
        "limit",
        "after",
        "before",
        "tags",
        "must-have",
        "must",
        "needed",
        "checked",
        "department",
        "level",
        "other",
    ]
)
_QUERY = st.lists(st.tuples(_KEYS, _VALUES), max_size=6)
_HEADERS = st.lists(
    st.tuples(
        st.sampled_from(["if-match", "x-trace", "if_match"]),
        _VALUES.filter(lambda v: v.isascii() and v.isprintable()),
    ),
    max_size=3,
)
_PATHS = st.sampled_from(
    [
        f"/things/{uuid.UUID(int=7)}/2024-02-29",
        "/things/not-an-id/2024-02-29",
        f"/things/{uuid.UUID(int=7).hex}/2024-13-01",
        "/filtered",
    ]
)


async def _both(url: str, headers: list[tuple[str, str]]) -> list[tuple[int, Any]]:
    answers = []
    for app in (LEAN, STANDARD):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get(url, headers=[(k, v.strip()) for k, v in headers])
            answers.append((response.status_code, response.json()))
    return answers


@settings(max_examples=300, deadline=None)
@given(_PATHS, _QUERY, _HEADERS)
def test_parameters_are_read_as_fastapi_reads_them(path, query, headers) -> None:
    url = f"{path}?{urlencode(query)}" if query else path
    mine, theirs = asyncio.run(_both(url, headers))
    assert mine == theirs
