"""The baseline: the same point read through raw asyncpg behind a minimal Starlette route.

No auth, no validation, no unit of work: the fastest honest way to serve this row, so the
service's figure can be read as a share of what the hardware allows.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import UUID

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

QUERY = """SELECT id, employee_number, given_name, family_name, email, job_title, level,
  department, unit, manager_id, manager_employee_number, hire_date, employment_status,
  in_good_standing, attributes::text AS attributes, created_at, updated_at
FROM employees WHERE organization_id = $1 AND id = $2"""


def create_app() -> Starlette:
    org = UUID(os.environ["BENCH_ORG_ID"])

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        dsn = os.environ["BENCH_DSN"]
        app.state.pool = await asyncpg.create_pool(dsn, min_size=10, max_size=10)
        yield
        await app.state.pool.close()

    async def employee(request: Request) -> Response:
        row = await request.app.state.pool.fetchrow(QUERY, org, UUID(request.path_params["id"]))
        if row is None:
            return Response(status_code=404)
        body = dict(row)
        body["attributes"] = orjson.Fragment(body["attributes"])
        return Response(orjson.dumps(body, default=str), media_type="application/json")

    return Starlette(routes=[Route("/v1/employees/{id}", employee)], lifespan=lifespan)
