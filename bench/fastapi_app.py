"""The framework's ceiling: `bench/raw_app.py`'s six routes declared as plain FastAPI routes.

The same SQL and the same bodies (raw_app's body writers, imported), but each route's inputs
are typed path, query and body parameters that FastAPI parses and validates, and the answer is
a `Response` FastAPI passes on as it is (as the service's busiest reads do). No middleware, no
dependencies, no auth, no unit of work: what FastAPI's own request handling costs above raw
Starlette, so the service's figure can be split into the framework's share and its own.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg
from fastapi import FastAPI, Query
from pydantic import BaseModel, Field
from starlette.responses import Response

from bench import raw_app


class MeetingBody(BaseModel):
    """A meeting as the service's `MeetingCreate` takes it (the same fields and limits)."""

    held_on: date
    hours: float = Field(gt=0, le=24)
    topics: list[str] = Field(default_factory=list, max_length=50)
    goal_id: UUID | None = None
    competency: str | None = None
    observations: str | None = None
    follow_ups: str | None = None
    notes: str | None = None


class GraphQLBody(BaseModel):
    """A GraphQL POST; as in raw_app, only the load mix's dashboard document is answered."""

    query: str
    variables: dict[str, Any] | None = None


def create_app() -> FastAPI:
    org = UUID(os.environ["BENCH_ORG_ID"])
    pools: list[asyncpg.Pool] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pools.append(
            await asyncpg.create_pool(
                os.environ["BENCH_DSN"], min_size=10, max_size=10, reset=raw_app.reset_connection
            )
        )
        yield
        await pools.pop().close()

    app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/v1/employees/{employee_id}")
    async def employee(employee_id: UUID) -> Response:
        return await raw_app.one_employee(pools[0], org, employee_id)

    @app.get("/v1/employees")
    async def employee_page(
        limit: int = Query(50, ge=1, le=200), cursor: str | None = None
    ) -> Response:
        return await raw_app.employees_after(pools[0], org, limit, cursor)

    @app.get("/v1/mentorships")
    async def mentorship_page(
        limit: int = Query(50, ge=1, le=200), cursor: str | None = None
    ) -> Response:
        return await raw_app.mentorships_after(pools[0], org, limit, cursor)

    @app.get("/v1/mentorships/{mentorship_id}")
    async def mentorship(mentorship_id: UUID) -> Response:
        return await raw_app.one_mentorship(pools[0], org, mentorship_id)

    @app.post("/v1/mentorships/{mentorship_id}/meetings", status_code=201)
    async def log_meeting(mentorship_id: UUID, body: MeetingBody) -> Response:
        return await raw_app.meeting_logged(
            pools[0],
            org,
            mentorship_id,
            body.held_on,
            body.hours,
            body.topics,
            body.goal_id,
            body.competency,
            body.observations,
            body.follow_ups,
            body.notes,
        )

    @app.post("/graphql")
    async def dashboard(body: GraphQLBody) -> Response:
        return await raw_app.dashboard_page(pools[0], org)

    return app
