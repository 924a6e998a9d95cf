"""Who takes part and who pairs, as each program's coordinator lives it (issue 22), through
REST and GraphQL: Charlotte's senior leaders mentor, leave and gone staff never match, a
flagged pair can be closed, Caltrans's volunteer list fills, capacity is per program."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort
from tests.factories import employee_row

# City Manager -> ACM -> KBEs (Transportation, Water) -> analysts in each KBU.
CHARLOTTE = [
    employee_row("CM", level=12, department="City Manager's Office", unit="Executive"),
    employee_row(
        "ACM",
        level=11,
        department="City Manager's Office",
        unit="Executive",
        manager_employee_number="CM",
    ),
    employee_row(
        "KBE-T",
        level=10,
        department="Transportation",
        unit="Leadership",
        manager_employee_number="ACM",
    ),
    employee_row(
        "KBE-W", level=10, department="Water", unit="Leadership", manager_employee_number="ACM"
    ),
    employee_row(
        "A-T",
        level=4,
        department="Transportation",
        unit="Planning",
        manager_employee_number="KBE-T",
    ),
    employee_row(
        "A-W", level=4, department="Water", unit="Treatment", manager_employee_number="KBE-W"
    ),
    employee_row("AWAY", level=4, department="Water", unit="Treatment", employment_status="leave"),
]
SELF_ASSESSMENT = MENTEE | {"leadership_history": "led a crew"}


# Cohorts start a month from now: applications close when a cohort starts.
STARTS = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()


async def _charlotte(client, headers):
    imported = await client.post(
        "/v1/employees/import", headers=headers, json={"employees": CHARLOTTE}
    )
    assert imported.status_code == 200, imported.text
    listed = (await client.get("/v1/employees", headers=headers)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    program = await client.post(
        "/v1/programs", headers=headers, json={"name": "SLL", "preset": "charlotte-sll"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=headers,
        json={"name": "2026 session", "starts_on": STARTS},
    )
    return ids, cohort.json()["id"]


async def test_charlottes_city_manager_and_acms_mentor_employees_outside_their_work_area(
    client, auth
):
    # seed 000_4e18aab21704e587.txt: "pair Senior Leaders (CM, ACMs, KBEs, and Deputy KBEs)
    # with employees"; "members of leadership outside their work area".
    headers = await auth(role=Role.COORDINATOR)
    ids, cohort = await _charlotte(client, await auth())
    for mentee in ("A-T", "A-W"):
        await apply(client, headers, cohort, ids[mentee], SELF_ASSESSMENT)
    for mentor in ("CM", "ACM", "KBE-T"):
        await apply(client, headers, cohort, ids[mentor], MENTOR | {"capacity": 1})
    run = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers=headers)
    assert run.status_code == 201, run.text
    body = run.json()
    assert len(body["proposals"]) == 2, [u["refused_by"] for u in body["unmatched"]]
    pairs = {p["mentee_id"]: p["mentor_id"] for p in body["proposals"]}
    assert ids["CM"] in pairs.values() or ids["ACM"] in pairs.values()
    # The Transportation analyst is never paired in their own KBU.
    assert pairs[ids["A-T"]] != ids["KBE-T"]
    assert body["supervisory_line"]["reading"] == "direct_supervisor"
    [idle] = body["mentors_without_mentee"]
    assert idle["mentor_id"] not in pairs.values()
    assert idle["reason"]

    query = (
        "query($id: UUID!) { matchingRun(id: $id) { supervisoryLine { reading rule } "
        "mentorsWithoutMentee { mentorId reason refusedBy } } }"
    )
    answer = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": {"id": body["id"]}}
    )
    seen = answer.json()["data"]["matchingRun"]
    assert seen["supervisoryLine"]["reading"] == "direct_supervisor"
    assert [m["mentorId"] for m in seen["mentorsWithoutMentee"]] == [idle["mentor_id"]]


async def test_someone_on_leave_is_not_eligible_and_never_matched(client, auth):
    # DOMAIN "Eligibility": "Someone on leave or no longer employed is not eligible".
    headers = await auth(role=Role.COORDINATOR)
    ids, cohort = await _charlotte(client, await auth())
    answer = await apply(client, headers, cohort, ids["AWAY"], SELF_ASSESSMENT)
    failed = [r["rule"] for r in answer["eligibility"]["rules"] if not r["passed"]]
    assert failed == ["active_employment"]
    query = "query($id: UUID!) { application(id: $id) { eligibility { eligible } } }"
    seen = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": {"id": answer["id"]}}
    )
    assert seen.json()["data"]["application"]["eligibility"]["eligible"] is False


async def _caltrans_cohort(client, headers, name="Caltrans D4"):
    program = await client.post(
        "/v1/programs", headers=headers, json={"name": name, "preset": "caltrans"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=headers,
        json={"name": "2026", "starts_on": STARTS},
    )
    return cohort.json()["id"]


async def _approved_mentee(client, headers, cohort, employee_id):
    application = await apply(client, headers, cohort, employee_id, MENTEE)
    decided = await client.post(
        f"/v1/applications/{application['id']}/supervisor-decision",
        headers=headers,
        json={"approved": True},
    )
    assert decided.json()["eligibility"]["eligible"], decided.text


async def test_caltrans_volunteers_are_listed_without_any_orientation(client, auth):
    # seed 002_59333b271e9b4b69.txt: "The list should be readily available for all employees to
    # use when seeking out a mentor" (no orientation is asked of mentors).
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    cohort = await _caltrans_cohort(client, headers)
    volunteer = await apply(client, headers, cohort, ids["M3"], MENTOR)
    assert volunteer["eligibility"]["eligible"], volunteer
    await _approved_mentee(client, headers, cohort, ids["E2"])
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    listed = await client.get(f"/v1/cohorts/{cohort}/volunteers", headers=mentee)
    assert [v["employee_id"] for v in listed.json()["items"]] == [ids["M3"]]


async def test_an_off_list_mentor_busy_in_another_program_still_has_room_in_this_one(client, auth):
    # seed 002_59333b271e9b4b69.txt: "an employee may request a mentor ... that is not on the
    # list"; capacity is per program, pairs elsewhere count only against an organisation cap.
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    first, second = (
        await _caltrans_cohort(client, headers),
        await _caltrans_cohort(client, headers, "Caltrans HQ"),
    )
    for cohort, mentee in ((first, "E2"), (second, "E1")):
        await _approved_mentee(client, headers, cohort, ids[mentee])
        chosen = await client.post(
            "/v1/mentorships",
            headers=headers,
            json={
                "cohort_id": cohort,
                "mentee_id": ids[mentee],
                "mentor_id": ids["D1"],
                "formed_by": "mentee_choice",
            },
        )
        assert chosen.status_code == 201, chosen.text
        assert chosen.json()["explanation"]["off_list"] is True


async def test_a_mentor_who_left_is_flagged_and_the_coordinator_closes_the_pair(client, auth):
    # DOMAIN "Eligibility": "an open pair whose person leaves is flagged for the coordinator,
    # who can close it in every program" (Caltrans sets no administrator intervention).
    headers = await auth(role=Role.COORDINATOR)
    admin = await auth()
    ids = await directory(client, admin)
    cohort = await _caltrans_cohort(client, headers)
    await apply(client, headers, cohort, ids["M3"], MENTOR)
    await _approved_mentee(client, headers, cohort, ids["E2"])
    pair = await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": cohort,
            "mentee_id": ids["E2"],
            "mentor_id": ids["M3"],
            "formed_by": "mentee_choice",
        },
    )
    mentorship = pair.json()["id"]
    refused = await client.post(f"/v1/mentorships/{mentorship}/terminate", headers=headers)
    assert refused.status_code == 409, refused.text
    gone = employee_row("M3", level=9, department="IT", unit="Apps", employment_status="inactive")
    await client.post("/v1/employees/import", headers=admin, json={"employees": [gone]})
    flags = (await client.get("/v1/mentorship-flags", headers=headers)).json()["items"]
    assert [f["mentorship_id"] for f in flags] == [mentorship]
    assert flags[0]["rules"] == ["someone_left"]
    query = (
        "mutation($id: UUID!) { terminateMentorship(id: $id) "
        "{ __typename ... on MentorshipProgress { state } } }"
    )
    closed = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": {"id": mentorship}}
    )
    assert closed.json()["data"]["terminateMentorship"]["state"] == "ended", closed.text
    assert (await client.get("/v1/mentorship-flags", headers=headers)).json()["items"] == []


async def test_someone_already_on_leave_is_flagged_by_the_next_import(client, auth, connection):
    # DOMAIN "Eligibility": an import flags every open pair whose person is not active,
    # changed now or already so.
    headers = await auth(role=Role.COORDINATOR)
    admin = await auth()
    ids = await directory(client, admin)
    cohort = await _caltrans_cohort(client, headers)
    await apply(client, headers, cohort, ids["M3"], MENTOR)
    await _approved_mentee(client, headers, cohort, ids["E2"])
    await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": cohort,
            "mentee_id": ids["E2"],
            "mentor_id": ids["M3"],
            "formed_by": "mentee_choice",
        },
    )
    away = employee_row("M3", level=9, department="IT", unit="Apps", employment_status="leave")
    # The status was set before imports flagged pairs for it: the row is now unchanged.
    await connection.execute(
        "UPDATE employees SET employment_status = 'leave' WHERE id = $1::uuid", ids["M3"]
    )
    imported = await client.post("/v1/employees/import", headers=admin, json={"employees": [away]})
    assert imported.json()["unchanged"] == 1
    flags = (await client.get("/v1/mentorship-flags", headers=headers)).json()["items"]
    assert flags[0]["rules"] == ["someone_on_leave"]


async def test_an_override_names_the_person_who_approved_it(client, auth):
    # seed 003_e5d42bff8b56600f.txt: "*Extenuating circumstances ... with appropriate approval".
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
    # E2 missed the information session.
    made = await nc_cohort(client, headers, {k: v for k, v in ids.items() if k != "E2"})
    application = await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    overridden = await client.post(
        f"/v1/applications/{application['id']}/eligibility-overrides",
        headers=headers,
        json={"rule": "attended_information_session", "reason": "attended last year's"},
    )
    assert overridden.status_code == 200, overridden.text
    [override] = overridden.json()["overrides"]
    assert override["approved_by"] == "GivenD1 Family (D1)"


async def test_the_coordinator_replaces_the_mentor_of_a_flagged_pair_outside_the_checkpoint(
    client, auth
):
    # DOMAIN "Eligibility": an open pair whose person leaves is flagged for the coordinator,
    # who can close it in every program and replace the mentor.
    headers = await auth(role=Role.COORDINATOR)
    admin = await auth()
    ids = await directory(client, admin)
    cohort = await _caltrans_cohort(client, headers)
    for mentor in ("M3", "M2"):
        await apply(client, headers, cohort, ids[mentor], MENTOR)
    await _approved_mentee(client, headers, cohort, ids["E1"])
    pair = await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": cohort,
            "mentee_id": ids["E1"],
            "mentor_id": ids["M3"],
            "formed_by": "mentee_choice",
        },
    )
    mentorship = pair.json()["id"]
    url = f"/v1/mentorships/{mentorship}/replace-mentor"
    unflagged = await client.post(url, headers=headers, json={"mentor_id": ids["M2"]})
    assert (unflagged.status_code, unflagged.json()["rule"]) == (409, "pair_not_flagged")
    gone = employee_row("M3", level=9, department="IT", unit="Apps", employment_status="inactive")
    await client.post("/v1/employees/import", headers=admin, json={"employees": [gone]})
    replaced = await client.post(url, headers=headers, json={"mentor_id": ids["M2"]})
    assert replaced.status_code == 201, replaced.text
    body = replaced.json()
    assert (body["mentee_id"], body["mentor_id"], body["state"]) == (
        ids["E1"],
        ids["M2"],
        "proposed",
    )
    assert body["explanation"]["replaces"] == mentorship
    old = await client.get(f"/v1/mentorships/{mentorship}/progress", headers=headers)
    assert old.json()["state"] == "ended"
    assert (await client.get("/v1/mentorship-flags", headers=headers)).json()["items"] == []


async def test_caltrans_may_pair_a_mentee_with_their_supervisor_on_a_recorded_override(
    client, auth
):
    # seed 002_59333b271e9b4b69.txt: "it is not recommended that an employee's direct report
    # become their formal mentor": refused by default, allowed on a recorded override.
    admin = await auth()
    # A supervisor who works in another unit than their report (units never pair).
    rows = [
        employee_row("S1", level=8, department="Ops", unit="Top"),
        employee_row("E9", level=3, department="Ops", unit="Bridges", manager_employee_number="S1"),
    ]
    await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    ids = await directory(client, admin)
    headers = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
    cohort = await _caltrans_cohort(client, headers)
    await _approved_mentee(client, headers, cohort, ids["E9"])
    pair = {
        "cohort_id": cohort,
        "mentee_id": ids["E9"],
        "mentor_id": ids["S1"],
        "formed_by": "mentee_choice",
    }
    refused = await client.post("/v1/mentorships", headers=headers, json=pair)
    assert (refused.status_code, refused.json()["rule"]) == (422, "not_in_supervisory_chain")
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E9"])
    own = pair | {"supervisor_override_reason": "I insist"}
    assert (await client.post("/v1/mentorships", headers=mentee, json=own)).status_code == 403
    overridden = await client.post(
        "/v1/mentorships",
        headers=headers,
        json=pair | {"supervisor_override_reason": "only specialist in the district"},
    )
    assert overridden.status_code == 201, overridden.text
    assert overridden.json()["explanation"]["supervisor_override"] == {
        "rule": "not_in_supervisory_chain",
        "approved_by": "GivenD1 Family (D1)",
        "reason": "only specialist in the district",
    }


async def test_the_coordinator_records_a_conflict_of_interest_at_any_time(client, auth):
    # seed 004_5b4c852a2ca2c393.txt: "The MMS Mentoring program strives to avoid actual or
    # perceived conflicts of interest"; the administrator records one later, not only the
    # applicant while applying.
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
    cohort = await _caltrans_cohort(client, headers)
    await apply(client, headers, cohort, ids["M3"], MENTOR)
    await _approved_mentee(client, headers, cohort, ids["E2"])
    pair = {
        "cohort_id": cohort,
        "mentee_id": ids["E2"],
        "mentor_id": ids["M3"],
        "formed_by": "mentee_choice",
    }
    mentorship = (await client.post("/v1/mentorships", headers=headers, json=pair)).json()["id"]
    query = (
        "mutation($c: UUID!, $a: UUID!, $b: UUID!) { recordConflictOfInterest(cohortId: $c, "
        'employeeId: $a, otherEmployeeId: $b, reason: "the mentor audits the mentee\'s unit") '
        "{ __typename ... on ConflictOfInterest { recordedBy } } }"
    )
    variables = {"c": cohort, "a": ids["E2"], "b": ids["M3"]}
    recorded = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    assert recorded.json()["data"]["recordConflictOfInterest"]["recordedBy"] == (
        "GivenD1 Family (D1)"
    )
    listed = await client.get(f"/v1/cohorts/{cohort}/conflicts-of-interest", headers=headers)
    assert [c["employee_id"] for c in listed.json()["items"]] == [ids["E2"]]
    flags = (await client.get("/v1/mentorship-flags", headers=headers)).json()["items"]
    assert [(f["mentorship_id"], f["rules"]) for f in flags] == [
        (mentorship, ["no_conflict_of_interest"])
    ]
    closed = await client.post(f"/v1/mentorships/{mentorship}/terminate", headers=headers)
    assert closed.status_code == 200, closed.text
    again = await client.post("/v1/mentorships", headers=headers, json=pair)
    assert (again.status_code, again.json()["rule"]) == (422, "no_conflict_of_interest")
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    hidden = await client.get(f"/v1/cohorts/{cohort}/conflicts-of-interest", headers=mentee)
    assert hidden.status_code == 403


async def test_a_protege_sees_their_own_interview_shortlist(client, auth):
    # seed 004_5b4c852a2ca2c393.txt: "MMS will provide the mentors' names and biographies.
    # Protégé then contacts/interviews the suggested mentors": theirs to see, nobody else's.
    admin = await auth()
    graduate = {"graduate_of": ["Maine Leadership Institute"]}
    rows = [
        employee_row("P1", level=3, department="Finance", unit="Payroll", attributes=graduate),
        employee_row("P2", level=3, department="Finance", unit="Audit", attributes=graduate),
        employee_row("R1", level=9, department="Transport", unit="Fleet"),
    ]
    await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    listed = (await client.get("/v1/employees", headers=admin)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "MMS", "preset": "maine-mms"}
    )
    cohort = (
        await client.post(
            f"/v1/programs/{program.json()['id']}/cohorts",
            headers=admin,
            json={"name": "2026", "starts_on": STARTS},
        )
    ).json()["id"]
    protege = await auth(role=Role.PARTICIPANT, employee_id=ids["P1"])
    mine = await apply(client, protege, cohort, ids["P1"], MENTEE)
    await apply(client, admin, cohort, ids["R1"], MENTOR)
    shortlist = await client.get(
        f"/v1/applications/{mine['id']}/suggested-mentors", headers=protege
    )
    assert shortlist.status_code == 200, shortlist.text
    assert [s["mentor_id"] for s in shortlist.json()] == [ids["R1"]]
    other = await auth(role=Role.PARTICIPANT, employee_id=ids["P2"])
    theirs = await client.get(f"/v1/applications/{mine['id']}/suggested-mentors", headers=other)
    assert theirs.status_code == 404
    # After the interviews the protégé ranks them; the ranking becomes their preference.
    url = f"/v1/applications/{mine['id']}/shortlist-ranking"
    ranked = await client.put(url, headers=protege, json={"mentor_ids": [ids["R1"]]})
    assert ranked.status_code == 200, ranked.text
    assert ranked.json()["profile"]["preferences"]["mentor_ids"] == [ids["R1"]]
    off = await client.put(url, headers=protege, json={"mentor_ids": [ids["P2"]]})
    assert (off.status_code, off.json()["field"]) == (422, "mentor_ids")
    assert (
        await client.put(url, headers=other, json={"mentor_ids": [ids["R1"]]})
    ).status_code == 404


async def test_editing_an_application_decides_its_eligibility_again(client, auth):
    # A program that asks the needs assessment at entry (NC's preset asks it by the initial
    # meeting, seed 003_e5d42bff8b56600f.txt); once added, the application is eligible at once.
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR)
    at_entry = {"eligibility": {"mentee_rules": [{"rule": "needs_assessment_provided"}]}}
    made = await nc_cohort(client, headers, ids, policy=at_entry)
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    without = MENTEE | {"needs_assessment": None}
    applied = await apply(client, mentee, made["cohort"], ids["E2"], without)
    assert applied["eligibility"]["eligible"] is False
    body = {k: v for k, v in without.items() if k != "role"}
    edited = await client.put(
        f"/v1/applications/{applied['id']}/profile",
        headers=mentee,
        json=body | {"needs_assessment": "wants to lead a crew"},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["eligibility"]["eligible"] is True
    query = (
        'mutation($id: UUID!) { editApplication(id: $id, profile: {goals: ["lead"]}) '
        "{ __typename ... on Application { eligibility { eligible } } } }"
    )
    again = await client.post(
        "/graphql", headers=mentee, json={"query": query, "variables": {"id": applied["id"]}}
    )
    # Without the needs assessment the mentee is no longer eligible.
    assert again.json()["data"]["editApplication"]["eligibility"]["eligible"] is False
    other = await auth(role=Role.PARTICIPANT, employee_id=ids["E1"])
    theirs = await client.put(f"/v1/applications/{applied['id']}/profile", headers=other, json={})
    assert theirs.status_code == 404


async def test_a_protege_refers_a_mentor_and_the_administrator_confirms_qualifications(
    client, auth
):
    # seed 004_5b4c852a2ca2c393.txt: "Referrals: Protégés may suggest their own mentors; MMS
    # will contact the referent to ascertain interest in serving as a mentor and to confirm
    # qualifications".
    admin = await auth()
    graduate = {"graduate_of": ["Maine Leadership Institute"]}
    rows = [
        employee_row("P1", level=3, department="Finance", unit="Payroll", attributes=graduate),
        employee_row("R1", level=9, department="Transport", unit="Fleet"),
        employee_row("ADM", level=7, department="HR", unit="Learning"),
    ]
    await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    listed = (await client.get("/v1/employees", headers=admin)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "MMS", "preset": "maine-mms"}
    )
    cohort = (
        await client.post(
            f"/v1/programs/{program.json()['id']}/cohorts",
            headers=admin,
            json={"name": "2026", "starts_on": STARTS},
        )
    ).json()["id"]
    protege = await auth(role=Role.PARTICIPANT, employee_id=ids["P1"])
    await apply(client, protege, cohort, ids["P1"], MENTEE)
    referred = await client.post(
        "/v1/mentorships",
        headers=protege,
        json={
            "cohort_id": cohort,
            "mentee_id": ids["P1"],
            "mentor_id": ids["R1"],
            "formed_by": "referral",
        },
    )
    assert referred.status_code == 201, referred.text
    assert referred.json()["explanation"]["referral"] == {"qualifications_confirmed": False}
    url = f"/v1/mentorships/{referred.json()['id']}/referral-confirmation"
    assert (await client.post(url, headers=protege, json={})).status_code == 403
    # Until the administrator has confirmed the referent, the match does not stand, in REST as
    # in GraphQL (both call confirmations.confirm_mentorship).
    confirm = f"/v1/mentorships/{referred.json()['id']}/confirm"
    early = await client.post(confirm, headers=protege)
    assert early.json()["rule"] == "referent_not_confirmed", early.text
    mutation = (
        "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename ... on Problem { rule } } }"
    )
    answer = await client.post(
        "/graphql",
        headers=protege,
        json={"query": mutation, "variables": {"id": referred.json()["id"]}},
    )
    assert answer.json()["data"]["confirmMentorship"]["rule"] == "referent_not_confirmed"
    administrator = await auth(role=Role.COORDINATOR, employee_id=ids["ADM"])
    confirmed = await client.post(url, headers=administrator, json={"note": "checked the CV"})
    assert confirmed.status_code == 200, confirmed.text
    assert (await client.post(confirm, headers=protege)).status_code == 200
    referral = confirmed.json()["explanation"]["referral"]
    assert referral["qualifications_confirmed"] is True
    assert referral["confirmed_by"] == "GivenADM Family (ADM)"
    seen = await client.get(f"/v1/mentorships/{referred.json()['id']}", headers=protege)
    assert seen.json()["explanation"]["referral"]["note"] == "checked the CV"
