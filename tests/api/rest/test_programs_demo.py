"""The demo organisation: a coordinator takes it from applications to proposed mentorships, and
finds a mentorship in every state, with meetings, evaluations and a disclosure."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.demo import load_demo, next_steps

STATES = ("proposed", "confirmed", "active", "completed", "ended", "withdrawn", "rematched")


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


async def test_the_demo_holds_a_mentorship_in_every_state_with_its_records(client, database):
    report = await load_demo(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=SystemClock(),
        slug="demo-" + uuid.uuid4().hex[:8],
    )
    headers = {"Authorization": f"Bearer {report.tokens['coordinator']}"}
    listed = await client.get("/v1/mentorships", headers=headers, params={"limit": 100})
    assert listed.status_code == 200, listed.text
    states = {m["state"] for m in listed.json()["items"]}
    assert states >= set(STATES)
    for state, mentorship in report.mentorships.items():
        one = await client.get(f"/v1/mentorships/{mentorship}", headers=headers)
        assert one.json()["state"] == state
    # The records carry the dates a real cohort would: started weeks ago, completed last month.
    today = datetime.now(UTC).date().isoformat()
    completed, active = report.mentorships["completed"], report.mentorships["active"]
    done = (await client.get(f"/v1/mentorships/{completed}/progress", headers=headers)).json()
    started = (await client.get(f"/v1/mentorships/{completed}", headers=headers)).json()
    assert started["starts_on"] < done["closed_on"] < today
    running = (await client.get(f"/v1/mentorships/{active}", headers=headers)).json()
    assert running["starts_on"] < today
    meetings = await client.get(f"/v1/mentorships/{active}/meetings", headers=headers)
    assert len(meetings.json()["meetings"]) == 2
    disclosed = await client.get(f"/v1/mentorships/{active}/disclosures", headers=headers)
    assert disclosed.status_code == 200, disclosed.text
    [disclosure] = disclosed.json()["items"]
    assert (disclosure["kind"], disclosure["consent"]) == ("supervisor_with_approval", "granted")
    evaluated = await client.get(f"/v1/mentorships/{completed}/evaluations", headers=headers)
    assert {e["kind"] for e in evaluated.json()["items"]} == {"midpoint", "final"}
    lines = "\n".join(next_steps(report, "http://test/"))
    assert f"http://test/v1/mentorships/{active}/meetings" in lines
