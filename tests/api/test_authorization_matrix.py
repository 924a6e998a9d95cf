"""The authorization matrix: every REST route and GraphQL field, called across tenants and
by a participant with no part in the object, answers 404 (or nothing) and leaks no data.

The lists below are checked against the app's route table and GraphQL schema: a new route
or field that is not listed here fails `test_every_route_is_in_the_matrix`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass

import asyncpg
import httpx
import pytest

from app.adapters.db.database import BoundDatabase
from app.adapters.db.rls import ORG_SETTING
from app.adapters.db.sql import to_dsn
from app.api.graphql.schema import build_schema
from app.config import Settings
from app.domain.access import Role
from app.main import create_app
from app.services.ports import Organization
from tests.api.matrix import SEEDED_ON, Op, directory, integrations, programs, relationships
from tests.api.matrix.fingerprint import Fingerprint, fingerprint
from tests.conftest import default_settings, new_org, token_factory
from tests.factories import employee_row
from tests.services.program_fixtures import FixedClock

PUBLIC = {("GET", "/healthz"), ("GET", "/readyz")}


AREAS = (directory, programs, relationships, integrations)
REST: dict[tuple[str, str], Op] = {k: v for area in AREAS for k, v in area.REST.items()}
GRAPHQL = {k: v for area in AREAS for k, v in area.GRAPHQL.items()}


def test_every_route_is_in_the_matrix():
    # The route table as the app publishes it (FastAPI builds its OpenAPI from every route).
    paths = create_app(Settings(environment="test")).openapi()["paths"]
    routes = {(m.upper(), p) for p, ops in paths.items() for m in ops} - PUBLIC
    assert routes == set(REST), "add new routes to REST (and check they answer 404 across tenants)"
    schema = build_schema(Settings(environment="test"))
    fields = {
        f.name
        for t in (schema.get_type_by_name("Query"), schema.get_type_by_name("Mutation"))
        for f in t.fields
    }
    assert fields == {_snake(f) for f in GRAPHQL}, "add new GraphQL fields to GRAPHQL"


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


@dataclass(frozen=True)
class Seeded:
    connection: asyncpg.Connection
    org: Organization
    other_org: Organization
    victim: dict
    intruders: dict[str, dict[str, str]]
    fingerprint: Fingerprint


@pytest.fixture(scope="module")
async def seeded(app_url: str) -> AsyncIterator[Seeded]:
    """The victim, seeded once for every case of this module in one transaction, rolled
    back at the end. Each case runs in a savepoint of it (`connection` below), so what a
    case writes, an intruder's write included, is undone before the next one."""
    connection = await asyncpg.connect(to_dsn(app_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        database = BoundDatabase(connection)
        await database.open()
        org = await new_org(database, "org-" + uuid.uuid4().hex[:8])
        other_org = await new_org(database, "other-" + uuid.uuid4().hex[:8])
        auth = token_factory(database, org)
        app = create_app(default_settings(), database=database, clock=FixedClock(SEEDED_ON))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            victim = await _victim(client, auth)
        intruders = await _intruders(auth, other_org, victim)
        prints = await fingerprint(connection, org.id)
        yield Seeded(connection, org, other_org, victim, intruders, prints)
    finally:
        await transaction.rollback()
        await connection.close()


@pytest.fixture
async def connection(seeded: Seeded) -> AsyncIterator[asyncpg.Connection]:
    savepoint = seeded.connection.transaction()  # nested in the module's: a savepoint
    await savepoint.start()
    try:
        yield seeded.connection
    finally:
        await savepoint.rollback()


@pytest.fixture
def org(seeded: Seeded) -> Organization:
    return seeded.org


@pytest.fixture
def other_org(seeded: Seeded) -> Organization:
    return seeded.other_org


@pytest.fixture
def victim(seeded: Seeded) -> dict:
    """An organisation with one of everything, and the ids of its objects."""
    return seeded.victim


@pytest.fixture
def intruders(seeded: Seeded) -> dict[str, dict[str, str]]:
    return seeded.intruders


@pytest.fixture
def victims_data(seeded: Seeded) -> Fingerprint:
    """`async with victims_data.untouched(who, route):` fails if the block wrote any of the
    victim organisation's rows."""
    return seeded.fingerprint


async def _victim(client, auth) -> dict:
    objects: dict = {"secrets": set(), "ids": set()}
    for area in AREAS:
        seeded = await area.seed(client, auth)
        objects["secrets"] |= seeded.pop("secrets")
        objects["ids"] |= seeded.pop("ids")
        objects.update(seeded)
    return objects


async def _intruders(auth, other_org, victim) -> dict[str, dict[str, str]]:
    """An administrator of another organisation, and a participant of the victim's own
    organisation who has no part in the victim's objects."""
    return {
        "another organisation": await auth(role=Role.ORG_ADMIN, organization=other_org),
        "an unrelated participant": await auth(
            role=Role.PARTICIPANT, employee_id=victim["other_employee"]
        ),
    }


def _leaks(text: str, victim: dict) -> set[str]:
    return {s for s in victim["ids"] | victim["secrets"] if s in text}


# What the unrelated participant may write in the victim's organisation because it is their
# own: their calendar feed (keyed by their own employee id) and the audit record of issuing
# it. Another organisation's administrator may write nothing there at all.
_OWN_WRITES: dict[object, frozenset[str]] = {
    ("POST", "/v1/me/calendar-feed"): frozenset({"calendar_feeds", "audit_events"}),
    "issueCalendarFeed": frozenset({"calendar_feeds", "audit_events"}),
}


def _untouched_if(
    writes: bool, victims_data: Fingerprint, who: str, call: object
) -> AbstractAsyncContextManager[None]:
    """Writes (REST methods other than GET, GraphQL mutations) are fingerprinted: they are
    what a 404 could hide having done. Reads are left out to keep two snapshots from each
    of the hundreds of read cases; passing `True` for them fingerprints every case."""
    if not writes:
        return nullcontext()
    own = _OWN_WRITES.get(call, frozenset()) if who == "an unrelated participant" else frozenset()
    return victims_data.untouched(who, call, except_in=own)


@pytest.mark.parametrize(("method", "path"), sorted(REST))
async def test_rest_routes_reveal_nothing_across_tenants_or_pairs(
    client, victim, intruders, victims_data, method, path
):
    op = REST[(method, path)]
    url = path
    if op.target:
        url = path.replace(path[path.index("{") : path.index("}") + 1], victim[op.target])
    for who, headers in intruders.items():
        async with _untouched_if(method != "GET", victims_data, who, (method, path)):
            response = await client.request(
                method, url, headers=headers, json=op.body if method in ("POST", "PUT") else None
            )
        if op.target:
            assert (
                response.status_code in (403, 404)
                if who != "another organisation"
                else (response.status_code == 404)
            ), (who, response.status_code, response.text)
        echoed = response.text.replace(url, "")  # the caller's own URL is not a leak
        assert not _leaks(echoed, victim), (who, method, path, response.text)


@pytest.mark.parametrize("name", sorted(GRAPHQL))
async def test_graphql_fields_reveal_nothing_across_tenants_or_pairs(
    client, victim, intruders, victims_data, name
):
    query, target = GRAPHQL[name]
    variables = {"id": victim[target]} if target else {}
    mutation = query.startswith("mutation")
    for who, headers in intruders.items():
        async with _untouched_if(mutation, victims_data, who, name):
            response = await client.post(
                "/graphql", headers=headers, json={"query": query, "variables": variables}
            )
        text = json.dumps(response.json())
        assert not _leaks(text, victim), (who, name, text)
        if target:
            data = (response.json().get("data") or {}).get(name)
            assert data is None or data.get("code") in ("not-found", "not-permitted"), (who, text)


async def test_the_victims_employee_is_untouched_by_another_tenants_import(
    client, auth, victim, intruders
):
    await client.post(
        "/v1/employees/import",
        headers=intruders["another organisation"],
        json={"employees": [employee_row("VICTIM-1", given_name="Overwritten")]},
    )
    mine = await client.get(f"/v1/employees/{victim['employee']}", headers=await auth())
    assert mine.json()["given_name"] == "Secret"


async def test_the_fingerprint_sees_the_victims_rows(connection, other_org, victims_data):
    """Row-level security shows the test's connection nothing without a tenant: a print of
    empty tables would call every write harmless. The print sets its own tenant, whichever
    one the app's last unit of work left in the transaction (here: another's)."""
    await connection.execute("SELECT set_config($1, $2, true)", ORG_SETTING, str(other_org.id))
    prints = await victims_data.take()
    seeded = {
        *("organizations", "employees", "api_tokens", "oidc_issuers", "audit_events"),
        *("programs", "cohorts", "cohort_events", "applications", "matching_runs"),
        *("mentorships", "meetings", "journal_entries", "goals", "evaluations", "agreements"),
        *("disclosures", "webhook_endpoints", "webhook_deliveries", "outbox_events"),
    }
    assert {table for table in seeded if prints[table][0] == 0} == set()


async def test_a_write_to_the_victims_data_is_named_by_its_table(
    client, auth, victim, victims_data
):
    admin = await auth()  # a token is a row of the victim's: made before the first print
    path = "/v1/cohorts/{cohort_id}/events"
    url = path.replace("{cohort_id}", victim["cohort"])
    with pytest.raises(AssertionError) as changed:
        async with victims_data.untouched("the victim's administrator", ("POST", path)):
            added = await client.post(url, headers=admin, json=REST[("POST", path)].body)
    assert added.status_code == 201, added.text
    assert "cohort_events" in str(changed.value)
