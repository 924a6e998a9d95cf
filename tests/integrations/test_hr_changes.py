"""When HR data makes a running pair impossible, the coordinator hears about it."""

from __future__ import annotations

import csv
import io

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, PEOPLE, apply, directory, nc_cohort


async def _pair(client, auth) -> tuple[dict, dict, str]:
    admin, coordinator = await auth(), await auth(role=Role.COORDINATOR)
    ids = await directory(client, admin)
    made = await nc_cohort(client, coordinator, ids)
    await apply(client, coordinator, made["cohort"], ids["E2"], MENTEE)
    await apply(client, coordinator, made["cohort"], ids["M3"], MENTOR)
    created = await client.post(
        "/v1/mentorships",
        headers=coordinator,
        json={
            "cohort_id": made["cohort"],
            "mentee_id": ids["E2"],
            "mentor_id": ids["M3"],
            "formed_by": "coordinator",
        },
    )
    assert created.status_code == 201, created.text
    return admin, ids, created.json()["id"]


def _roster(**changes) -> bytes:
    out = io.StringIO()
    rows = [dict(p, **changes.get(p["employee_number"], {})) for p in PEOPLE]
    fields = sorted({k for r in rows for k in r if k != "attributes"})
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def test_a_mentor_becoming_the_mentees_manager_flags_the_pair_and_emits_an_event(
    client, auth
):
    admin, _, mentorship_id = await _pair(client, auth)
    hook = await client.post(
        "/v1/webhook-endpoints",
        headers=admin,
        json={"url": "https://hr.example.org/h", "event_types": ["mentorship.flagged"]},
    )
    upload = await client.post(
        "/v1/roster-files/employees",
        headers=admin,
        files={"file": ("r.csv", _roster(E2={"manager_employee_number": "M3"}))},
    )
    assert upload.status_code == 200, upload.text
    flags = await client.get("/v1/mentorship-flags", headers=await auth(role=Role.COORDINATOR))
    [flag] = flags.json()["items"]
    assert flag["mentorship_id"] == mentorship_id
    assert flag["rules"] == ["not_in_supervisory_chain"]
    deliveries = await client.get(
        f"/v1/webhook-endpoints/{hook.json()['id']}/deliveries", headers=admin
    )
    assert [d["event_type"] for d in deliveries.json()["items"]] == ["mentorship.flagged"]


async def test_the_same_change_imported_twice_flags_once_and_leaving_is_a_reason(client, auth):
    admin, _, _ = await _pair(client, auth)
    for _ in range(2):
        await client.post(
            "/v1/roster-files/employees",
            headers=admin,
            files={"file": ("r.csv", _roster(M3={"employment_status": "inactive"}))},
        )
    flags = (await client.get("/v1/mentorship-flags", headers=admin)).json()["items"]
    assert [f["rules"] for f in flags] == [["someone_left"]]


async def test_participants_do_not_see_flags(client, auth):
    _, ids, _ = await _pair(client, auth)
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    assert (await client.get("/v1/mentorship-flags", headers=mentee)).status_code == 403
