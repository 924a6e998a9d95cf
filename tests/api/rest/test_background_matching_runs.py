"""A big matching run computes in the background and is polled (issue 26, item 4).

The background step is driven directly (`jobs.compute_matching_run`), never waited for. Its
claim crosses organisations, which only the schema owner may do, so these tests serve the API
on an owner connection (row-level security still binds it to the token's organisation)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.adapters.background import jobs
from app.adapters.db.database import BoundDatabase
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.rest.program_matching import prefers_async
from app.config import Settings
from app.domain.access import Role
from app.main import create_app
from app.services.matching.run_jobs import LEASE, MAX_ATTEMPTS, compute_next_run
from tests.api.mentorship_setup import MovableClock
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

ASYNC = {"Prefer": "respond-async"}


@pytest.fixture
async def database(migrated_url: str) -> AsyncIterator[BoundDatabase]:
    """The owner's connection inside a transaction the test rolls back."""
    connection = await asyncpg.connect(to_dsn(migrated_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        bound = BoundDatabase(connection)
        await bound.open()
        yield bound
    finally:
        await transaction.rollback()
        await connection.close()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        environment="test", secret_key="test-secret-" + "x" * 32, matching_background_above=50
    )


async def _cohort(client, headers, auth, *, mentors=("M1", "M3")) -> tuple[str, dict[str, str]]:
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    for mentee in ("E1", "E2"):
        await apply(client, headers, made["cohort"], ids[mentee], MENTEE)
    for mentor in mentors:
        await apply(client, headers, made["cohort"], ids[mentor], MENTOR)
    return made["cohort"], ids


async def _events(database: BoundDatabase, event_type: str) -> list[dict]:
    async with database.connect() as connection:
        found = await connection.fetch(
            "SELECT payload FROM outbox_events WHERE event_type = $1", event_type
        )
    return [dict(r["payload"]) for r in found]


async def test_a_run_that_prefers_async_is_accepted_then_polled_from_queued_to_computed(
    client, auth, database
):
    headers = await auth(role=Role.COORDINATOR)
    cohort, ids = await _cohort(client, headers, auth)
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers={**headers, **ASYNC})
    assert started.status_code == 202, started.text
    run = started.json()
    assert run["state"] == "queued"
    assert run["proposals"] == []
    assert started.headers["location"] == f"/v1/matching-runs/{run['id']}"
    assert int(started.headers["retry-after"]) > 0
    assert started.headers["preference-applied"] == "respond-async"

    polled = await client.get(started.headers["location"], headers=headers)
    assert polled.status_code == 200
    assert polled.json()["state"] == "queued"
    assert "retry-after" in polled.headers
    early = await client.get(f"/v1/matching-runs/{run['id']}/proposals", headers=headers)
    assert early.status_code == 409, early.text
    assert early.json()["field"] == "id"
    assert "queued" in early.json()["detail"]
    publish = await client.post(f"/v1/matching-runs/{run['id']}/publish", headers=headers)
    assert publish.status_code == 409, publish.text

    assert await jobs.compute_matching_run(database) == 1
    assert await jobs.compute_matching_run(database) == 0  # nothing left to compute

    done = await client.get(started.headers["location"], headers=headers)
    body = done.json()
    assert body["state"] == "computed", body
    assert {p["mentee_id"] for p in body["proposals"]} == {ids["E1"], ids["E2"]}
    assert body["started_at"]
    assert body["finished_at"]
    assert body["failure"] is None
    assert "retry-after" not in done.headers
    pages = await client.get(f"/v1/matching-runs/{run['id']}/proposals", headers=headers)
    assert len(pages.json()["items"]) == 2
    assert await _events(database, "matching_run.computed") == [
        {"matching_run_id": run["id"], "cohort_id": cohort, "proposals": 2, "unmatched": 0}
    ]
    published = await client.post(f"/v1/matching-runs/{run['id']}/publish", headers=headers)
    assert published.status_code == 200, published.text


async def test_a_cohort_above_the_threshold_runs_in_the_background_without_asking(
    client, auth, database
):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    lower = Settings(
        environment="test", secret_key="test-secret-" + "x" * 32, matching_background_above=3
    )
    app = create_app(lower, database=database)  # the cohort has four applications
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as smaller:
        started = await smaller.post(f"/v1/cohorts/{cohort}/matching-runs", headers=headers)
    assert started.status_code == 202, started.text
    assert started.json()["state"] == "queued"
    assert "preference-applied" not in started.headers


async def test_a_run_below_the_threshold_is_computed_in_its_request_as_before(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers=headers)
    assert started.status_code == 201, started.text
    assert started.json()["state"] == "computed"
    assert len(started.json()["proposals"]) == 2
    assert "location" not in started.headers
    assert "retry-after" not in started.headers


async def test_a_run_that_cannot_be_computed_fails_with_a_problem_document(client, auth, database):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth, mentors=())
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers={**headers, **ASYNC})
    assert started.status_code == 202, started.text
    run_id = started.json()["id"]

    assert await jobs.compute_matching_run(database) == 1

    failed = (await client.get(f"/v1/matching-runs/{run_id}", headers=headers)).json()
    assert failed["state"] == "failed"
    assert failed["finished_at"]
    assert failed["failure"]["type"] == "/problems/conflict"
    assert failed["failure"]["field"] == "cohort_id"
    assert failed["failure"]["rule"] == "eligible_mentors"
    assert "no eligible mentors" in failed["failure"]["detail"]
    assert [e["problem_type"] for e in await _events(database, "matching_run.failed")] == [
        "/problems/conflict"
    ]
    proposals = await client.get(f"/v1/matching-runs/{run_id}/proposals", headers=headers)
    assert proposals.status_code == 409
    assert "failed" in proposals.json()["detail"]
    publish = await client.post(f"/v1/matching-runs/{run_id}/publish", headers=headers)
    assert publish.status_code == 409


def _step(database: BoundDatabase, clock: MovableClock):
    return compute_next_run(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=clock,
    )


async def _claim(database: BoundDatabase, clock: MovableClock) -> None:
    """A claim whose computer then dies: the run stays `computing`."""
    async with SqlUnitOfWork(database, None, admin=True) as uow:
        assert await uow.programs.claim_run(now=clock.now(), lease=LEASE) is not None
        await uow.commit()


async def test_a_run_left_computing_by_a_dead_process_is_computed_once_its_lease_runs_out(
    client, auth, database
):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers={**headers, **ASYNC})
    run_id = started.json()["id"]
    clock = MovableClock(datetime.now(UTC))
    await _claim(database, clock)
    polled = (await client.get(f"/v1/matching-runs/{run_id}", headers=headers)).json()
    assert polled["state"] == "computing"
    assert polled["started_at"]

    assert not await _step(database, clock)  # still within its lease: nobody takes it
    clock.current += LEASE + timedelta(seconds=1)
    assert await _step(database, clock)

    done = (await client.get(f"/v1/matching-runs/{run_id}", headers=headers)).json()
    assert done["state"] == "computed"
    assert len(done["proposals"]) == 2


async def test_a_run_interrupted_again_and_again_fails_instead_of_retrying_for_ever(
    client, auth, database
):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers={**headers, **ASYNC})
    run_id = started.json()["id"]
    clock = MovableClock(datetime.now(UTC))
    for _ in range(MAX_ATTEMPTS):
        await _claim(database, clock)
        clock.current += LEASE + timedelta(seconds=1)

    assert await _step(database, clock)

    failed = (await client.get(f"/v1/matching-runs/{run_id}", headers=headers)).json()
    assert failed["state"] == "failed"
    assert failed["failure"]["type"] == "/problems/run-interrupted"


async def test_another_organisations_queued_run_answers_404(client, auth, other_org):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    started = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers={**headers, **ASYNC})
    run_id = started.json()["id"]
    stranger = await auth(role=Role.ORG_ADMIN, organization=other_org)
    assert (await client.get(f"/v1/matching-runs/{run_id}", headers=stranger)).status_code == 404
    foreign = await client.post(
        f"/v1/cohorts/{cohort}/matching-runs", headers={**stranger, **ASYNC}
    )
    assert foreign.status_code == 404, foreign.text
    unknown = await client.post(
        f"/v1/cohorts/{uuid.uuid4()}/matching-runs", headers={**headers, **ASYNC}
    )
    assert unknown.status_code == 404, unknown.text


async def test_graphql_starts_a_run_in_the_background_and_polls_it(client, auth, database):
    headers = await auth(role=Role.COORDINATOR)
    cohort, _ = await _cohort(client, headers, auth)
    start = (
        "mutation($c: UUID!) { startMatchingRun(cohortId: $c, respondAsync: true) "
        "{ ... on MatchingRun { id state proposals { menteeId } } } }"
    )
    answer = await client.post(
        "/graphql", headers=headers, json={"query": start, "variables": {"c": cohort}}
    )
    run = answer.json()["data"]["startMatchingRun"]
    assert run["state"] == "queued", answer.text
    assert run["proposals"] == []

    assert await jobs.compute_matching_run(database) == 1

    poll = "query($id: UUID!) { matchingRun(id: $id) { state failure proposals { menteeId } } }"
    polled = await client.post(
        "/graphql", headers=headers, json={"query": poll, "variables": {"id": run["id"]}}
    )
    found = polled.json()["data"]["matchingRun"]
    assert found["state"] == "computed"
    assert len(found["proposals"]) == 2
    assert not found["failure"]


@pytest.mark.parametrize(
    ("header", "asks"),
    [
        ("respond-async", True),
        ("Respond-Async", True),
        ("return=minimal, respond-async; foo=bar, wait=10", True),
        ("respond-async=", True),
        ("wait=10", False),
        ("return=representation", False),
        ("respond-asynchronously", False),
        (None, False),
        ("", False),
    ],
)
def test_the_prefer_header_asks_for_respond_async_among_other_preferences(header, asks):
    # RFC 7240: preferences are comma separated, each a token with an optional value and
    # parameters; tokens compare case-insensitively.
    assert prefers_async(header) is asks


@given(st.lists(st.sampled_from(["return=minimal", "wait=5", "handling=lenient", "x; y=1"])))
def test_any_preferences_around_respond_async_still_ask_for_it(others):
    assert prefers_async(", ".join([*others, "respond-async", *others]))
    assert not prefers_async(", ".join(others))
