"""The baseline: the load benchmark's request mix served through raw asyncpg behind minimal
Starlette routes.

Each route answers one request kind of `bench.load.mix` with hand-written SQL over one pool and
returns the body the service returns for it (same keys, values and order of items, orjson
encoding). No auth, no validation beyond what parsing needs, no unit of work, no audit or outbox
rows: the fastest honest way to produce the same bodies from the same rows, so the service's
figure can be read as a share of what the hardware allows.

jsonb columns are read as text and embedded with `orjson.Fragment`, never decoded and encoded
again (PostgreSQL's text has spaces after `:` and `,`: the same JSON, not the same bytes).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any
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

# Pages are limited in a subquery and jsonb is cast to text outside it: the cast is then made
# for the page's rows only, not for every row of the organisation when the planner sorts
# (the service reads jsonb as such and pays for its text on output rows only).


def _page(table: str, columns: str, key: str, *, after: bool) -> str:
    """A keyset page of the organisation's rows in `key` order (`$2` rows, after `$3`).
    With and without a cursor as two statements, so each keeps a plain index-range plan."""
    cursor = f"AND {key} > $3 " if after else ""
    return (
        f"SELECT {columns} FROM (SELECT * FROM {table} WHERE organization_id = $1 "  # noqa: S608
        f"{cursor}ORDER BY {key} LIMIT $2) page ORDER BY {key}"
    )


# The directory in employee_number order, one row more than the page to know if another follows.
EMPLOYEE_COLUMNS = """id, employee_number, given_name, family_name, email, job_title, level,
  department, unit, manager_id, manager_employee_number, hire_date, employment_status,
  in_good_standing, attributes::text AS attributes, created_at, updated_at"""
EMPLOYEE_PAGE = _page("employees", EMPLOYEE_COLUMNS, "employee_number", after=False)
EMPLOYEE_PAGE_AFTER = _page("employees", EMPLOYEE_COLUMNS, "employee_number", after=True)

# A coordinator sees every mentorship of the organisation, in id order.
MENTORSHIP_COLUMNS = """id, cohort_id, mentee_id, mentor_id, state, formed_by, matching_run_id,
  starts_on, ends_on, checkpoint_due_on, policy_version, policy::text AS policy,
  explanation::text AS explanation, created_at"""
MENTORSHIP = f"""SELECT {MENTORSHIP_COLUMNS} FROM mentorships
WHERE organization_id = $1 AND id = $2"""  # noqa: S608 (constants only)
MENTORSHIP_PAGE = _page("mentorships", MENTORSHIP_COLUMNS, "id", after=False)
MENTORSHIP_PAGE_AFTER = _page("mentorships", MENTORSHIP_COLUMNS, "id", after=True)

# One statement: the mentee who logs it is read from the mentorship by the INSERT itself, and
# an unknown mentorship inserts nothing (404).
LOG_MEETING = """INSERT INTO meetings (organization_id, id, mentorship_id, held_on, hours, topics,
  goal_id, competency, observations, follow_ups, notes, logged_by, cancelled)
SELECT organization_id, gen_random_uuid(), id, $3, $4, $5, $6, $7, $8, $9, $10, mentee_id, false
FROM mentorships WHERE organization_id = $1 AND id = $2
RETURNING id, mentorship_id, held_on, hours, topics, goal_id, competency, observations,
  follow_ups, notes, logged_by, cancelled, cancelled_at, cancelled_by, created_at"""

# The dashboard in one statement, a row per node: the first 20 mentorships in id order, both
# people, the first 5 goals in plan order (created_at, id) as two arrays, and the latest
# meeting not cancelled (held_on, then created_at, then id, the latest first).
DASHBOARD = """SELECT m.state, m.starts_on, m.ends_on,
  mentee.given_name AS mentee_given, mentee.family_name AS mentee_family,
  mentor.given_name AS mentor_given, mentor.family_name AS mentor_family,
  g.texts, g.progress, last.held_on, last.hours
FROM (SELECT id, mentee_id, mentor_id, state, starts_on, ends_on FROM mentorships
      WHERE organization_id = $1 ORDER BY id LIMIT 20) m
LEFT JOIN employees mentee ON mentee.organization_id = $1 AND mentee.id = m.mentee_id
LEFT JOIN employees mentor ON mentor.organization_id = $1 AND mentor.id = m.mentor_id
CROSS JOIN LATERAL (
  SELECT array_agg(text ORDER BY created_at, id) AS texts,
         array_agg(progress ORDER BY created_at, id) AS progress
  FROM (SELECT text, progress, created_at, id FROM goals
        WHERE organization_id = $1 AND mentorship_id = m.id
        ORDER BY created_at, id LIMIT 5) first_goals) g
LEFT JOIN LATERAL (
  SELECT held_on, hours FROM meetings
  WHERE organization_id = $1 AND mentorship_id = m.id AND NOT cancelled
  ORDER BY held_on DESC, created_at DESC, id DESC LIMIT 1) last ON true
ORDER BY m.id"""


def create_app() -> Starlette:
    org = UUID(os.environ["BENCH_ORG_ID"])

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        dsn = os.environ["BENCH_DSN"]
        app.state.pool = await asyncpg.create_pool(
            dsn, min_size=10, max_size=10, reset=reset_connection
        )
        yield
        await app.state.pool.close()

    async def employee(request: Request) -> Response:
        return await one_employee(request.app.state.pool, org, UUID(request.path_params["id"]))

    app = Starlette(
        routes=[
            Route("/v1/employees/{id}", employee),
            Route("/v1/employees", employee_page),
            Route("/v1/mentorships", mentorship_page),
            Route("/v1/mentorships/{id}", mentorship),
            Route("/v1/mentorships/{id}/meetings", log_meeting, methods=["POST"]),
            Route("/graphql", dashboard, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.org = org
    return app


async def reset_connection(connection: asyncpg.Connection) -> None:
    """The service's pool reset (`app.adapters.db.database`): a rollback only when a
    transaction was left open, instead of asyncpg's default (RESET ALL, UNLISTEN, ...: a
    round trip on every release), which would flatter the service's ratio."""
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")


def _json(body: Any, status_code: int = 200) -> Response:
    # Timestamps end in "Z", as pydantic writes UTC (orjson's default is "+00:00"); asyncpg's
    # UUID subclass is not one orjson knows, hence `default=str` (as the point read).
    content = orjson.dumps(body, default=str, option=orjson.OPT_UTC_Z)
    return Response(content, status_code, media_type="application/json")


def _with_json(row: asyncpg.Record, *names: str) -> dict[str, Any]:
    """The row as a dict, its jsonb columns (read as text) embedded as they are."""
    item = dict(row)
    for name in names:
        item[name] = orjson.Fragment(item[name])
    return item


def _limit(request: Request) -> int:
    return int(request.query_params.get("limit", 50))


# The routes parse their inputs from the request; the body writers below make the answer from
# parsed inputs, so `bench/fastapi_app.py` serves the same SQL and bodies behind FastAPI's own
# parameter parsing.


async def employee_page(request: Request) -> Response:
    state = request.app.state
    return await employees_after(
        state.pool, state.org, _limit(request), request.query_params.get("cursor")
    )


async def mentorship_page(request: Request) -> Response:
    state = request.app.state
    return await mentorships_after(
        state.pool, state.org, _limit(request), request.query_params.get("cursor")
    )


async def mentorship(request: Request) -> Response:
    state = request.app.state
    return await one_mentorship(state.pool, state.org, UUID(request.path_params["id"]))


async def log_meeting(request: Request) -> Response:
    state, body = request.app.state, orjson.loads(await request.body())
    goal_id = body.get("goal_id")
    return await meeting_logged(
        state.pool,
        state.org,
        UUID(request.path_params["id"]),
        date.fromisoformat(body["held_on"]),
        float(body["hours"]),
        body.get("topics", []),
        UUID(goal_id) if goal_id else None,
        body.get("competency"),
        body.get("observations"),
        body.get("follow_ups"),
        body.get("notes"),
    )


async def dashboard(request: Request) -> Response:
    # Only bench.load's DASHBOARD document is served; the body is read, not parsed.
    await request.body()
    state = request.app.state
    return await dashboard_page(state.pool, state.org)


async def one_employee(pool: asyncpg.Pool, org: UUID, employee_id: UUID) -> Response:
    row = await pool.fetchrow(QUERY, org, employee_id)
    if row is None:
        return Response(status_code=404)
    return _json(_with_json(row, "attributes"))


async def employees_after(pool: asyncpg.Pool, org: UUID, limit: int, after: str | None) -> Response:
    # The cursor is the page's last employee_number in unpadded URL-safe base64.
    if after is None:
        rows = await pool.fetch(EMPLOYEE_PAGE, org, limit + 1)
    else:
        number = base64.urlsafe_b64decode(after + "=" * (-len(after) % 4)).decode()
        rows = await pool.fetch(EMPLOYEE_PAGE_AFTER, org, limit + 1, number)
    items = [_with_json(r, "attributes") for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]["employee_number"].encode()
        next_cursor = base64.urlsafe_b64encode(last).decode().rstrip("=")
    return _json({"items": items, "next_cursor": next_cursor})


async def mentorships_after(
    pool: asyncpg.Pool, org: UUID, limit: int, cursor: str | None
) -> Response:
    if cursor is None:
        rows = await pool.fetch(MENTORSHIP_PAGE, org, limit)
    else:
        [after] = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        rows = await pool.fetch(MENTORSHIP_PAGE_AFTER, org, limit, UUID(after))
    items = [_with_json(r, "policy", "explanation") for r in rows]
    # The service's cursor: base64url of the last key as a JSON array.
    last = json.dumps([str(items[-1]["id"])]).encode() if len(items) == limit else None
    next_cursor = base64.urlsafe_b64encode(last).decode().rstrip("=") if last else None
    return _json({"items": items, "next_cursor": next_cursor})


async def one_mentorship(pool: asyncpg.Pool, org: UUID, mentorship_id: UUID) -> Response:
    row = await pool.fetchrow(MENTORSHIP, org, mentorship_id)
    if row is None:
        return Response(status_code=404)
    return _json(_with_json(row, "policy", "explanation"))


async def meeting_logged(
    pool: asyncpg.Pool, org: UUID, mentorship_id: UUID, *fields: Any
) -> Response:
    """`fields`: held_on, hours, topics, goal_id, competency, observations, follow_ups, notes
    (LOG_MEETING's `$3` to `$10`)."""
    row = await pool.fetchrow(LOG_MEETING, org, mentorship_id, *fields)
    if row is None:
        return Response(status_code=404)
    return _json(dict(row), 201)


async def dashboard_page(pool: asyncpg.Pool, org: UUID) -> Response:
    rows = await pool.fetch(DASHBOARD, org)
    edges = [{"node": _dashboard_node(r)} for r in rows]
    return _json({"data": {"mentorships": {"edges": edges}}})


def _dashboard_node(row: asyncpg.Record) -> dict[str, Any]:
    """One node, its keys in the order the document asks for them (as GraphQL answers)."""
    goals = zip(row["texts"] or (), row["progress"] or (), strict=True)
    held_on = row["held_on"]
    return {
        "state": row["state"],
        "startsOn": row["starts_on"],
        "endsOn": row["ends_on"],
        "mentee": _person(row["mentee_given"], row["mentee_family"]),
        "mentor": _person(row["mentor_given"], row["mentor_family"]),
        "goals": {"edges": [{"node": {"text": t, "progress": p}} for t, p in goals]},
        "lastMeeting": None if held_on is None else {"heldOn": held_on, "hours": row["hours"]},
    }


def _person(given_name: str | None, family_name: str | None) -> dict[str, Any] | None:
    # Null when the row is missing, as the service's loader answers for an unknown employee.
    if given_name is None:
        return None
    return {"givenName": given_name, "familyName": family_name}
