"""The demo organisation: a coordinator takes it from applications to proposed mentorships."""

from __future__ import annotations

import uuid

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.demo import load_demo


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
