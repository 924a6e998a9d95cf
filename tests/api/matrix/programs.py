"""The programs area of the authorization matrix."""

from __future__ import annotations

from tests.api.matrix import IF_PRINT, IF_VERSION, Op
from tests.factories import employee_row

NOBODY = "00000000-0000-4000-8000-000000000001"
SOMEONE = "00000000-0000-4000-8000-000000000002"

REST: dict[tuple[str, str], Op] = {
    ("GET", "/v1/presets"): Op(),
    ("POST", "/v1/programs"): Op(body={"name": "Intruders", "preset": "caltrans"}),
    ("GET", "/v1/programs"): Op(),
    ("GET", "/v1/programs/{program_id}"): Op("program"),
    ("GET", "/v1/programs/{program_id}/cohorts"): Op("program"),
    ("POST", "/v1/programs/{program_id}/policy-versions"): Op(
        "program", body={"policy": {"duration_months": 12}}
    ),
    ("POST", "/v1/programs/{program_id}/cohorts"): Op(
        "program", body={"name": "x", "starts_on": "2026-01-01"}
    ),
    ("GET", "/v1/cohorts/{cohort_id}"): Op("cohort"),
    ("PATCH", "/v1/cohorts/{cohort_id}"): Op("cohort", body={"name": "Taken over"}),
    ("POST", "/v1/cohorts/{cohort_id}/events"): Op(
        "cohort", body={"kind": "orientation", "starts_on": "2026-01-01"}
    ),
    ("GET", "/v1/cohorts/{cohort_id}/events"): Op("cohort"),
    ("POST", "/v1/cohort-events/{event_id}/attendance"): Op(
        "cohort_event", body={"employee_ids": [NOBODY]}
    ),
    ("POST", "/v1/cohort-events/{event_id}/attendance/corrections"): Op(
        "cohort_event", body={"excused": [NOBODY]}
    ),
    ("POST", "/v1/cohorts/{cohort_id}/applications"): Op(
        "cohort", body={"employee_id": NOBODY, "role": "mentee"}
    ),
    ("GET", "/v1/cohorts/{cohort_id}/applications"): Op("cohort"),
    ("GET", "/v1/applications/{application_id}"): Op("application"),
    ("POST", "/v1/applications/{application_id}/supervisor-decision"): Op(
        "application", body={"approved": True}
    ),
    ("POST", "/v1/applications/{application_id}/eligibility-overrides"): Op(
        "application", body={"rule": "supervisor_approved", "reason": "x"}
    ),
    ("GET", "/v1/applications/{application_id}/suggested-mentors"): Op("application"),
    ("GET", "/v1/cohorts/{cohort_id}/volunteers"): Op("cohort"),
    ("POST", "/v1/cohorts/{cohort_id}/matching-runs"): Op("cohort"),
    ("POST", "/v1/cohorts/{cohort_id}/locks"): Op(
        "cohort", body={"mentee_id": NOBODY, "mentor_id": SOMEONE}
    ),
    ("GET", "/v1/cohorts/{cohort_id}/matching-runs"): Op("cohort"),
    ("GET", "/v1/matching-runs/{run_id}"): Op("matching_run"),
    ("GET", "/v1/matching-runs/{run_id}/proposals"): Op("matching_run"),
    ("POST", "/v1/matching-runs/{run_id}/publish"): Op("matching_run"),
    ("POST", "/v1/mentorships"): Op(
        body={
            "cohort_id": NOBODY,
            "mentee_id": NOBODY,
            "mentor_id": SOMEONE,
            "formed_by": "mentee_choice",
        }
    ),
    ("GET", "/v1/mentorships"): Op(),
    ("GET", "/v1/mentorships/{mentorship_id}"): Op("mentorship"),
    # --- the program year (issue 21) ---
    ("GET", "/v1/worklist"): Op(),
    ("GET", "/v1/cohorts/{cohort_id}/calendar.ics"): Op("cohort"),
    ("PUT", "/v1/cohort-events/{event_id}"): Op(
        "cohort_event", body={"title": "x", "starts_on": "2026-01-01"}
    ),
    ("DELETE", "/v1/cohort-events/{event_id}"): Op("cohort_event"),
}

_PROBLEM = "{ __typename ... on Problem { code } }"

_RELATIONS = (
    "goals { edges { node { id text } } } lastMeeting { id notes topics } "
    "progress { state confirmedBy }"
)
GRAPHQL: dict[str, tuple[str, str | None]] = {
    "presets": ("{ presets { key } }", None),
    "program": ("query($id: UUID!) { program(id: $id) { id name policy } }", "program"),
    "cohort": (
        "query($id: UUID!) { cohort(id: $id) { id name events { id attendees excused } } }",
        "cohort",
    ),
    "programs": ("{ programs { edges { cursor node { id name policy } } } }", None),
    "cohorts": (
        "query($id: UUID!) { cohorts(programId: $id) { edges { cursor node { id name "
        "events { id title } } } } }",
        "program",
    ),
    "matchingRuns": (
        "query($id: UUID!) { matchingRuns(cohortId: $id) { edges { cursor node { id "
        "proposals { menteeId explanation } } } } }",
        "cohort",
    ),
    "applications": (
        "query($id: UUID!) { applications(cohortId: $id) { edges { node { id profile } } } }",
        "cohort",
    ),
    "application": ("query($id: UUID!) { application(id: $id) { id profile } }", "application"),
    "matchingRun": (
        "query($id: UUID!) { matchingRun(id: $id) { id proposals { menteeId } } }",
        "matching_run",
    ),
    "matchingRunProposals": (
        "query($id: UUID!) { matchingRunProposals(id: $id) "
        "{ edges { cursor node { menteeId explanation } } pageInfo { endCursor } } }",
        "matching_run",
    ),
    "volunteers": (
        "query($id: UUID!) { volunteers(cohortId: $id) { edges { node { name profile } } } }",
        "cohort",
    ),
    "suggestedMentors": (
        "query($id: UUID!) { suggestedMentors(applicationId: $id) { mentorId explanation } }",
        "application",
    ),
    # With every relation: a batch must not leak another pair's plan, meeting or progress.
    "mentorships": (
        "{ mentorships { edges { node { id menteeId mentorId " + _RELATIONS + " } } } }",
        None,
    ),
    "mentorship": (
        "query($id: UUID!) { mentorship(id: $id) { id menteeId " + _RELATIONS + " } }",
        "mentorship",
    ),
    "createProgram": (
        f'mutation {{ createProgram(name: "x", preset: "caltrans") {_PROBLEM} }}',
        None,
    ),
    "updateProgramPolicy": (
        f"mutation($id: UUID!) {{ updateProgramPolicy(id: $id, policy: {{}}, {IF_VERSION}) "
        f"{_PROBLEM} }}",
        "program",
    ),
    "createCohort": (
        f'mutation($id: UUID!) {{ createCohort(programId: $id, name: "x", '
        f'startsOn: "2026-01-01") {_PROBLEM} }}',
        "program",
    ),
    "addCohortEvent": (
        f'mutation($id: UUID!) {{ addCohortEvent(cohortId: $id, kind: "orientation", '
        f'startsOn: "2026-01-01") {_PROBLEM} }}',
        "cohort",
    ),
    "updateCohort": (
        f'mutation($id: UUID!) {{ updateCohort(id: $id, name: "Taken over", {IF_PRINT}) '
        f"{_PROBLEM} }}",
        "cohort",
    ),
    "recordAttendance": (
        f'mutation($id: UUID!) {{ recordAttendance(eventId: $id, employeeIds: ["{NOBODY}"], '
        f"{IF_PRINT}) {_PROBLEM} }}",
        "cohort_event",
    ),
    "correctAttendance": (
        f'mutation($id: UUID!) {{ correctAttendance(eventId: $id, excused: ["{NOBODY}"], '
        f"{IF_PRINT}) {_PROBLEM} }}",
        "cohort_event",
    ),
    "submitApplication": (
        f'mutation($id: UUID!) {{ submitApplication(cohortId: $id, employeeId: "{NOBODY}", '
        f"role: MENTEE) {_PROBLEM} }}",
        "cohort",
    ),
    "decideSupervisorApproval": (
        f"mutation($id: UUID!) {{ decideSupervisorApproval(id: $id, approved: true, {IF_PRINT}) "
        f"{_PROBLEM} }}",
        "application",
    ),
    "overrideEligibility": (
        f'mutation($id: UUID!) {{ overrideEligibility(id: $id, rule: "x", reason: "y", '
        f"{IF_PRINT}) {_PROBLEM} }}",
        "application",
    ),
    "startMatchingRun": (
        f"mutation($id: UUID!) {{ startMatchingRun(cohortId: $id) {_PROBLEM} }}",
        "cohort",
    ),
    "lockPair": (
        f'mutation($id: UUID!) {{ lockPair(cohortId: $id, menteeId: "{NOBODY}", '
        f'mentorId: "{SOMEONE}") {_PROBLEM} }}',
        "cohort",
    ),
    "publishMatchingRun": (
        f"mutation($id: UUID!) {{ publishMatchingRun(id: $id) {_PROBLEM} }}",
        "matching_run",
    ),
    "createMentorship": (
        f'mutation($id: UUID!) {{ createMentorship(cohortId: $id, menteeId: "{NOBODY}", '
        f'mentorId: "{SOMEONE}", formedBy: COORDINATOR) {_PROBLEM} }}',
        "cohort",
    ),
    # --- the program year (issue 21) ---
    "worklist": (
        "{ worklist { totalCount edges { node { mentorshipId cohortId kind rule } } } }",
        None,
    ),
    "removeCohortEvent": (
        f"mutation($id: UUID!) {{ removeCohortEvent(eventId: $id) {_PROBLEM} }}",
        "cohort_event",
    ),
    "moveCohortEvent": (
        f'mutation($id: UUID!) {{ moveCohortEvent(eventId: $id, title: "x", {IF_PRINT}) '
        f"{_PROBLEM} }}",
        "cohort_event",
    ),
}

_SECRET_GOAL = "SecretGoal-Quartermaster"
_SECRET_BIO = "SecretBio-Lighthouse"
_SECRET_NAME = "Zebulonia"


async def seed(client, auth) -> dict:
    """A program, cohort, event, two applications, a published run and its mentorship."""
    admin = await auth()
    rows = [
        employee_row("VP-E1", level=2, department="Roads", unit="North"),
        employee_row("VP-M1", level=9, department="Parks", unit="South", given_name=_SECRET_NAME),
    ]
    await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    listed = (await client.get("/v1/employees", headers=admin)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed if e["employee_number"].startswith("VP-")}
    open_rules = {"eligibility": {"mentee_rules": [], "mentor_rules": []}}
    program = await _created(
        client,
        admin,
        "/v1/programs",
        {"name": "Victims", "preset": "nc-model", "policy": open_rules},
    )
    cohort = await _created(
        client, admin, f"/v1/programs/{program}/cohorts", {"name": "V", "starts_on": "2027-01-04"}
    )
    event = await _created(
        client,
        admin,
        f"/v1/cohorts/{cohort}/events",
        {"kind": "information_session", "starts_on": "2026-12-01"},
    )
    # An excusal whose person must not show through another tenant's or pair's reads.
    excused = await client.post(
        f"/v1/cohort-events/{event}/attendance", headers=admin, json={"excused": [ids["VP-M1"]]}
    )
    assert excused.status_code == 200, excused.text
    application = await _created(
        client,
        admin,
        f"/v1/cohorts/{cohort}/applications",
        {"employee_id": ids["VP-E1"], "role": "mentee", "goals": [_SECRET_GOAL]},
    )
    await _created(
        client,
        admin,
        f"/v1/cohorts/{cohort}/applications",
        {"employee_id": ids["VP-M1"], "role": "mentor", "bio": _SECRET_BIO},
    )
    run = await _created(client, admin, f"/v1/cohorts/{cohort}/matching-runs", {})
    published = await client.post(f"/v1/matching-runs/{run}/publish", headers=admin)
    mentorship = published.json()["mentorships"][0]["id"]
    objects = {
        "program": program,
        "cohort": cohort,
        "cohort_event": event,
        "application": application,
        "matching_run": run,
        "mentorship": mentorship,
    }
    return {
        **objects,
        "secrets": {_SECRET_GOAL, _SECRET_BIO, _SECRET_NAME},
        "ids": set(objects.values()) | set(ids.values()),
    }


async def _created(client, headers, url, body) -> str:
    response = await client.post(url, headers=headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


# --- people and pairing (issue 22) ---------------------------------------------------------
REST[("GET", "/v1/cohorts/{cohort_id}/next-session-list")] = Op("cohort")
GRAPHQL["nextSessionList"] = (
    "query($id: UUID!) { nextSessionList(cohortId: $id) { edges { node { menteeId reason } } } }",
    "cohort",
)
REST[("GET", "/v1/mentor-register")] = Op()
REST[("PUT", "/v1/mentor-register/{employee_id}")] = Op(
    "employee", body={"expertise": ["budgeting"], "capacity": 1}
)
REST[("DELETE", "/v1/mentor-register/{employee_id}")] = Op("employee")
GRAPHQL["mentorRegister"] = (
    "{ mentorRegister { edges { node { employeeId name expertise } } } }",
    None,
)
GRAPHQL["joinMentorRegister"] = (
    f'mutation($id: UUID!) {{ joinMentorRegister(employeeId: $id, expertise: ["x"]) {_PROBLEM} }}',
    "employee",
)
GRAPHQL["leaveMentorRegister"] = (
    f"mutation($id: UUID!) {{ leaveMentorRegister(employeeId: $id) {_PROBLEM} }}",
    "employee",
)
REST[("POST", "/v1/mentorships/{mentorship_id}/replace-mentor")] = Op(
    "mentorship", body={"mentor_id": NOBODY}
)
GRAPHQL["replaceFlaggedMentor"] = (
    f'mutation($id: UUID!) {{ replaceFlaggedMentor(id: $id, mentorId: "{NOBODY}") {_PROBLEM} }}',
    "mentorship",
)
REST[("POST", "/v1/cohorts/{cohort_id}/conflicts-of-interest")] = Op(
    "cohort", body={"employee_id": NOBODY, "other_employee_id": SOMEONE, "reason": "x"}
)
REST[("GET", "/v1/cohorts/{cohort_id}/conflicts-of-interest")] = Op("cohort")
GRAPHQL["conflictsOfInterest"] = (
    "query($id: UUID!) { conflictsOfInterest(cohortId: $id) { edges { node { id reason } } } }",
    "cohort",
)
GRAPHQL["recordConflictOfInterest"] = (
    f'mutation($id: UUID!) {{ recordConflictOfInterest(cohortId: $id, employeeId: "{NOBODY}", '
    f'otherEmployeeId: "{SOMEONE}", reason: "x") {_PROBLEM} }}',
    "cohort",
)
REST[("POST", "/v1/cohorts/{cohort_id}/committee-recommendations")] = Op(
    "cohort", body={"mentee_id": NOBODY, "mentor_id": SOMEONE}
)
REST[("GET", "/v1/cohorts/{cohort_id}/committee-recommendations")] = Op("cohort")
REST[("POST", "/v1/cohorts/{cohort_id}/committee-recommendations/publish")] = Op("cohort")
GRAPHQL["committeeSlate"] = (
    "query($id: UUID!) { committeeSlate(cohortId: $id) "
    "{ edges { node { menteeId mentorId note } } } }",
    "cohort",
)
GRAPHQL["recommendPair"] = (
    f'mutation($id: UUID!) {{ recommendPair(cohortId: $id, menteeId: "{NOBODY}", '
    f'mentorId: "{SOMEONE}") {_PROBLEM} }}',
    "cohort",
)
GRAPHQL["publishCommitteeSlate"] = (
    f"mutation($id: UUID!) {{ publishCommitteeSlate(cohortId: $id) {_PROBLEM} }}",
    "cohort",
)
REST[("PUT", "/v1/applications/{application_id}/profile")] = Op(
    "application", body={"goals": ["x"]}
)
GRAPHQL["editApplication"] = (
    f'mutation($id: UUID!) {{ editApplication(id: $id, profile: {{goals: ["x"]}}, '
    f"{IF_PRINT}) {_PROBLEM} }}",
    "application",
)
REST[("POST", "/v1/mentorships/{mentorship_id}/referral-confirmation")] = Op(
    "mentorship", body={"note": "x"}
)
GRAPHQL["confirmReferentQualifications"] = (
    f"mutation($id: UUID!) {{ confirmReferentQualifications(id: $id) {_PROBLEM} }}",
    "mentorship",
)
REST[("PUT", "/v1/applications/{application_id}/shortlist-ranking")] = Op(
    "application", body={"mentor_ids": [NOBODY]}
)
GRAPHQL["rankShortlist"] = (
    f'mutation($id: UUID!) {{ rankShortlist(id: $id, mentorIds: ["{NOBODY}"], {IF_PRINT}) '
    f"{_PROBLEM} }}",
    "application",
)
