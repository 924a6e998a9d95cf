"""The demo organisation: a coordinator takes it from applications to proposed mentorships."""

from __future__ import annotations

import uuid

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.demo import load_demo, next_steps


async def test_the_demo_coordinator_matches_and_publishes_the_nc_cohort(client, database):
    report = await load_demo(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=SystemClock(),
        slug="demo-" + uuid.uuid4().hex[:8],
    )
    assert set(report.programs) == {"charlotte-sll", "caltrans", "nc-model", "maine-mms"}
    headers = {"Authorization": f"Bearer {report.tokens['coordinator']}"}
    cohort = report.cohorts["nc-model"]
    events = (await client.get(f"/v1/cohorts/{cohort}/events", headers=headers)).json()["items"]
    assert events[0]["kind"] == "information_session"
    assert events[0]["attendees"]
    run = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers=headers)
    assert run.status_code == 201, run.text
    proposals = run.json()["proposals"]
    assert proposals
    assert all(p["explanation"]["passed"] and p["explanation"]["score"] for p in proposals)
    published = await client.post(f"/v1/matching-runs/{run.json()['id']}/publish", headers=headers)
    assert {m["state"] for m in published.json()["mentorships"]} == {"proposed"}


async def test_the_demo_says_what_to_open_next_and_its_first_curl_works(client, database):
    report = await load_demo(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=SystemClock(),
        slug="demo-" + uuid.uuid4().hex[:8],
    )
    lines = next_steps(report, "http://test/")
    assert "http://test/docs" in "\n".join(lines)
    assert "http://test/graphql" in "\n".join(lines)
    token = next(line for line in lines if "TOKEN=" in line).split("TOKEN=")[1]
    first = next(line for line in lines if "matching-runs " in line)
    path = first.split("http://test")[1].split()[0]
    run = await client.post(path, headers={"Authorization": f"Bearer {token}"})
    assert run.status_code == 201, run.text
