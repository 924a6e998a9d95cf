"""No request waits on another organisation's heavy work (issue 24): an import's decoding
and validation and a matching run's solve run off the event loop.

Each test holds the heavy step at a gate (a threading.Event) and releases it only once
another organisation's request has been answered. Were the step on the event loop, the gate
would hold the loop itself, the other request could not be answered, and the gate would only
open at its hang guard: the test then fails on `opened_by_the_test`, never on a duration.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import asyncpg
import httpx
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.repositories import employees as employee_repository
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.graphql import schema as graphql_schema
from app.api.rest.streamed_json import EnvelopeReader
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.main import create_app
from app.services import access, applications, cohorts
from app.services.directory import employee_import, employees
from app.services.matching import runs as matching_runs
from app.services.ports import Organization
from app.services.programs import catalog as programs
from tests.factories import employee_row
from tests.services.program_fixtures import TODAY, FixedClock, people, staff
from tests.services.test_programs_concurrency import _remove

HANG_GUARD_SECONDS = 60.0  # only against a hang; never an assertion about speed


class Gate:
    """Wraps a function so that each call first waits until the test opens the gate."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.opened_by_the_test: list[bool] = []

    def around(self, work: Callable[..., Any]) -> Callable[..., Any]:
        def gated(*args: Any, **kwargs: Any) -> Any:
            self.entered.set()
            self.opened_by_the_test.append(self.opened.wait(HANG_GUARD_SECONDS))
            return work(*args, **kwargs)

        return gated


async def _entered(gate: Gate) -> None:
    """Until the heavy step has begun (polling, so a blocked loop shows as a failed gate)."""
    for _ in range(int(HANG_GUARD_SECONDS / 0.01)):
        if gate.entered.is_set():
            return
        await asyncio.sleep(0.01)


@pytest.fixture
async def two_organisations(app_url, migrated_url) -> AsyncIterator[tuple[Database, list]]:
    """Two committed organisations on a real pool: requests run side by side."""
    database = Database(app_url, pool_size=6)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    orgs = []
    for name in ("Busy", "Quiet"):
        org_id = await owner.fetchval(
            "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), $1, $2) "
            "RETURNING id",
            name.lower() + "-" + uuid.uuid4().hex[:8],
            name,
        )
        orgs.append(Organization(org_id, name.lower(), name))
    try:
        yield database, orgs
    finally:
        for org in orgs:
            await _remove(owner, org.id)
        await owner.close()
        await database.close()


async def _token(database: Database, org: Organization) -> dict[str, str]:
    issued = await access.create_api_token(
        uow=SqlUnitOfWork(database, org.id),
        principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
        clock=SystemClock(),
        name="test",
        role=Role.ORG_ADMIN,
    )
    return {"Authorization": f"Bearer {issued.token}"}


@pytest.mark.parametrize(
    ("module", "step"),
    [
        (EnvelopeReader, "feed"),
        (employees, "rows_from_json"),
        (employee_import, "validate_rows"),
        (employee_repository, "index_of"),
    ],
    ids=[
        "decoding the body",
        "decoding and checking runs of rows",
        "validating the rows",
        "indexing the directory",
    ],
)
async def test_another_organisation_is_served_while_an_import_is_at_work(
    two_organisations, settings, monkeypatch, module, step
):
    database, (busy, quiet) = two_organisations
    gate = Gate()
    monkeypatch.setattr(module, step, gate.around(getattr(module, step)))
    rows = [employee_row(f"E{n:05d}", attributes={"note": "x" * 200}) for n in range(2000)]
    rows[-1]["level"] = "senior"  # a bad row: its run of rows is then checked row by row
    app = create_app(settings, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        busy_headers, quiet_headers = await _token(database, busy), await _token(database, quiet)
        importing = asyncio.create_task(
            client.post("/v1/employees/import", json={"employees": rows}, headers=busy_headers)
        )
        await _entered(gate)
        read = await client.get("/v1/employees", headers=quiet_headers)
        gate.opened.set()
        imported = await importing
    assert read.status_code == 200
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == len(rows) - 1
    # Each time the step ran (a body is decoded a piece at a time), the test opened its gate.
    assert gate.opened_by_the_test
    assert all(gate.opened_by_the_test)


async def test_another_organisation_is_served_while_a_graphql_import_is_decoded(
    two_organisations, settings, monkeypatch
):
    database, (busy, quiet) = two_organisations
    gate = Gate()
    monkeypatch.setattr(graphql_schema, "decoded_body", gate.around(graphql_schema.decoded_body))
    rows = [
        {
            "employeeNumber": f"E{n:05d}",
            "givenName": "G",
            "familyName": "F",
            "level": 3,
            "department": "D",
            "attributes": {"note": "x" * 200},
        }
        for n in range(400)
    ]
    mutation = (
        "mutation($rows: [EmployeeImportInput!]!) { importEmployees(employees: $rows) "
        "{ ... on EmployeeImportReport { created } } }"
    )
    app = create_app(settings, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        busy_headers, quiet_headers = await _token(database, busy), await _token(database, quiet)
        body = {"query": mutation, "variables": {"rows": rows}}
        assert len(json.dumps(body)) > graphql_schema.DECODE_IN_THREAD_BYTES
        importing = asyncio.create_task(client.post("/graphql", json=body, headers=busy_headers))
        await _entered(gate)
        read = await client.get("/v1/employees", headers=quiet_headers)
        gate.opened.set()
        imported = await importing
    assert read.status_code == 200
    assert imported.json() == {"data": {"importEmployees": {"created": len(rows)}}}
    assert gate.opened_by_the_test == [True]


async def test_another_organisation_is_served_while_a_matching_run_solves(
    two_organisations, monkeypatch
):
    database, (busy, quiet) = two_organisations
    new_uow = lambda: SqlUnitOfWork(database, busy.id)  # noqa: E731
    ids = await people(database, busy)
    program = await programs.create_program(
        uow=new_uow(),
        principal=staff(busy),
        name="P",
        preset_name="nc-model",
        overrides={"eligibility": {"mentee_rules": [], "mentor_rules": []}},
    )
    cohort = await cohorts.create_cohort(
        uow=new_uow(), principal=staff(busy), program_id=program.id, name="C", starts_on=TODAY
    )
    for number, role in (("E2", ApplicantRole.MENTEE), ("M3", ApplicantRole.MENTOR)):
        await applications.submit_application(
            uow=new_uow(),
            principal=staff(busy),
            clock=FixedClock(),
            cohort_id=cohort.id,
            employee_id=ids[number],
            role=role,
            profile={},
        )
    gate = Gate()
    monkeypatch.setattr(matching_runs, "solve_matching", gate.around(matching_runs.solve_matching))
    solving = asyncio.create_task(
        matching_runs.start_matching_run(
            uow=new_uow(), principal=staff(busy), clock=FixedClock(), cohort_id=cohort.id
        )
    )
    await _entered(gate)
    page = await employees.list_employees(
        uow=SqlUnitOfWork(database, quiet.id), principal=staff(quiet, Role.ORG_ADMIN)
    )
    gate.opened.set()
    run = await solving
    assert page.items == []
    assert run.cohort_id == cohort.id
    assert gate.opened_by_the_test == [True]
