"""Running a mentorship over GraphQL: the same rules as REST."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


CONFIRM = (
    "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename "
    "... on MentorshipProgress { state confirmedBy } ... on Problem { code rule } } }"
)


async def test_a_pair_confirms_agrees_and_logs_a_meeting_over_graphql(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    await graphql_data(client, pairing.mentee, CONFIRM, id=pairing.id)
    confirmed = await graphql_data(client, pairing.mentor, CONFIRM, id=pairing.id)
    assert confirmed["confirmMentorship"]["state"] == "confirmed"
    again = await graphql_data(client, pairing.mentor, CONFIRM, id=pairing.id)
    assert again["confirmMentorship"] == {
        "__typename": "Problem",
        "code": "transition-refused",
        "rule": "wrong_state",
    }
    write = (
        "mutation($id: UUID!, $terms: JSON!) { writeAgreement(mentorshipId: $id, "
        "terms: $terms) { ... on Agreement { version } } }"
    )
    await graphql_data(
        client,
        pairing.mentee,
        write,
        id=pairing.id,
        terms={"confidentiality": "what is said here stays here"},
    )
    sign = (
        "mutation($id: UUID!) { signAgreement(mentorshipId: $id) "
        "{ ... on Agreement { signedByBoth } } }"
    )
    await graphql_data(client, pairing.mentee, sign, id=pairing.id)
    signed = await graphql_data(client, pairing.mentor, sign, id=pairing.id)
    assert signed["signAgreement"]["signedByBoth"] is True
    log = (
        'mutation($id: UUID!) { logMeeting(mentorshipId: $id, heldOn: "2027-01-04", '
        'hours: 1.5, notes: "a confidence") { ... on Meeting { notes } } }'
    )
    assert (await graphql_data(client, pairing.mentor, log, id=pairing.id))["logMeeting"][
        "notes"
    ] == ("a confidence")
    read = (
        "query($id: UUID!) { meetingLog(mentorshipId: $id) { contentWithheld "
        "meetings { hours notes } cadence { atRisk } } }"
    )
    seen = await graphql_data(client, pairing.tokens["STAFF"], read, id=pairing.id)
    assert seen["meetingLog"]["meetings"] == [{"hours": 1.5, "notes": None}]
    assert seen["meetingLog"]["contentWithheld"] is True


async def test_a_checkpoint_answer_in_a_program_without_one_is_a_problem(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    answer = (
        "mutation($id: UUID!) { answerCheckpoint(mentorshipId: $id, decision: CHANGE) "
        "{ ... on Problem { code rule } } }"
    )
    found = await graphql_data(client, pairing.mentee, answer, id=pairing.id)
    assert found["answerCheckpoint"]["code"] == "transition-refused"


async def test_the_journal_is_null_for_anyone_but_the_mentee(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    write = (
        "mutation($id: UUID!) { writeJournalEntry(mentorshipId: $id, entryOn: "
        '"2027-01-04", entry: {focus: "private"}) { __typename } }'
    )
    await graphql_data(client, pairing.mentee, write, id=pairing.id)
    read = "query($id: UUID!) { journal(mentorshipId: $id) { entry } }"
    mine = await graphql_data(client, pairing.mentee, read, id=pairing.id)
    assert mine["journal"] == [{"entry": {"focus": "private"}}]
    response = await client.post(
        "/graphql", headers=pairing.mentor, json={"query": read, "variables": {"id": pairing.id}}
    )
    assert response.json()["data"] is None or response.json()["data"]["journal"] is None
    assert "private" not in response.text


SUBMIT = (
    "mutation($id: UUID!, $kind: EvaluationKind!, $answers: JSON) { submitEvaluation("
    "mentorshipId: $id, kind: $kind, answers: $answers) { __typename "
    "... on Evaluation { party formVersion answers } ... on Problem { code rule field } } }"
)
PROGRESS = "query($id: UUID!) { mentorshipProgress(id: $id) { state evaluationsOwed } }"


async def _active_pair(client, pairing, terms):
    await graphql_data(client, pairing.mentee, CONFIRM, id=pairing.id)
    await graphql_data(client, pairing.mentor, CONFIRM, id=pairing.id)
    write = (
        "mutation($id: UUID!, $terms: JSON!) { writeAgreement(mentorshipId: $id, "
        "terms: $terms) { ... on Agreement { version } } }"
    )
    sign = "mutation($id: UUID!) { signAgreement(mentorshipId: $id) { __typename } }"
    await graphql_data(client, pairing.mentee, write, id=pairing.id, terms=terms)
    for who in (pairing.mentee, pairing.mentor):
        await graphql_data(client, who, sign, id=pairing.id)


async def test_a_caltrans_checkup_over_graphql_reads_on_the_printed_scale(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt worksheet: "Strongly Agree 1 ... Strongly Disagree 5".
    pairing = await propose(client, auth, "caltrans", START)
    await _active_pair(client, pairing, {"duration": "6 months", "ground_rules": "on time"})
    clock.set(date(2027, 3, 4))
    off = {"1": 2, "2": 5, "3": 0, "4": 1, "5": 1, "6": 1}
    refused = await graphql_data(
        client, pairing.mentee, SUBMIT, id=pairing.id, kind="CHECKUP", answers=off
    )
    assert refused["submitEvaluation"] == {
        "__typename": "Problem",
        "code": "invalid-input",
        "rule": "scale_point",
        "field": "answers.3",
    }
    given = {**off, "3": 1, "9": "we now meet on Mondays"}
    done = await graphql_data(
        client, pairing.mentee, SUBMIT, id=pairing.id, kind="CHECKUP", answers=given
    )
    assert done["submitEvaluation"]["formVersion"] == 1
    assert done["submitEvaluation"]["answers"]["9"] == "we now meet on Mondays"


async def test_caltrans_program_evaluation_over_graphql_waits_for_the_conclusion(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Policies & Protocols": an evaluation of the overall
    # process "at the conclusion of the mentoring program period".
    pairing = await propose(client, auth, "caltrans", START)
    await _active_pair(client, pairing, {"duration": "6 months", "ground_rules": "on time"})
    submit = (
        "mutation($id: UUID!) { submitEvaluation(mentorshipId: $id, kind: PROGRAM, "
        'scores: [2, 1], freeText: "worth it") { __typename ... on Problem { code rule } } }'
    )
    clock.set(date(2027, 6, 3))
    early = await graphql_data(client, pairing.mentor, submit, id=pairing.id)
    assert early["submitEvaluation"] == {
        "__typename": "Problem",
        "code": "transition-refused",
        "rule": "program_evaluation_not_due",
    }
    clock.set(date(2027, 6, 4))
    done = await graphql_data(client, pairing.mentor, submit, id=pairing.id)
    assert done["submitEvaluation"]["__typename"] == "Evaluation"


async def test_charlotte_completion_over_graphql_names_the_side_still_to_evaluate(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt: "Evaluate the relationship at various points (at least
    # mid-point and ending)", the mentor's expectation as much as the mentee's (seed
    # 001_5dd4108eec679fcc.txt).
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active_pair(client, pairing, {"frequency": "weekly"})
    clock.set(date(2027, 5, 20))
    answers = {"process": 4, "progress": 4}
    await graphql_data(
        client, pairing.mentee, SUBMIT, id=pairing.id, kind="MIDPOINT", answers=answers
    )
    seen = await graphql_data(client, pairing.admin, PROGRESS, id=pairing.id)
    assert seen["mentorshipProgress"]["evaluationsOwed"] == [
        "1 final from the mentee",
        "1 final from the mentor",
        "1 midpoint from the mentor",
    ]


async def test_a_mentor_volunteers_to_host_a_luncheon_over_graphql(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "mentors will each volunteer to host".
    pairing = await propose(client, auth, "charlotte-sll", START)
    await graphql_data(client, pairing.mentee, CONFIRM, id=pairing.id)
    await graphql_data(client, pairing.mentor, CONFIRM, id=pairing.id)
    offer = (
        "mutation($id: UUID!) { volunteerToHostLuncheon(cohortId: $id) { __typename "
        "... on LuncheonHosts { volunteers } ... on Problem { code } } }"
    )
    refused = await graphql_data(client, pairing.mentee, offer, id=str(pairing.cohort_id))
    assert refused["volunteerToHostLuncheon"] == {"__typename": "Problem", "code": "not-found"}
    offered = await graphql_data(client, pairing.mentor, offer, id=str(pairing.cohort_id))
    assert offered["volunteerToHostLuncheon"]["volunteers"] == [str(pairing.mentor_id)]
    listed = await graphql_data(
        client,
        pairing.tokens["STAFF"],
        "query($id: UUID!) { luncheonHosts(cohortId: $id) { volunteers } }",
        id=str(pairing.cohort_id),
    )
    assert listed["luncheonHosts"]["volunteers"] == [str(pairing.mentor_id)]


async def test_only_the_protege_answers_a_consent_request_over_graphql(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: the supervisor conversation takes place "only ... with
    # the approval of the protégé".
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    await graphql_data(client, pairing.mentee, CONFIRM, id=pairing.id)
    await graphql_data(client, pairing.mentor, CONFIRM, id=pairing.id)
    made = await client.post(
        f"/v1/mentorships/{pairing.id}/disclosures",
        headers=pairing.mentor,
        json={
            "kind": "supervisor_with_approval",
            "to": [{"role": "supervisor", "person_id": str(pairing.people["BOSS"])}],
            "description": "workload",
            "purpose": "a lighter caseload",
        },
    )
    assert made.status_code == 201, made.text
    answer = (
        "mutation($id: UUID!) { answerDisclosureConsent(id: $id, grant: false) { __typename "
        "... on Disclosure { consent protegeConsent } ... on Problem { code } } }"
    )
    by_mentor = await graphql_data(client, pairing.mentor, answer, id=made.json()["id"])
    assert by_mentor["answerDisclosureConsent"] == {"__typename": "Problem", "code": "not-found"}
    refused = await graphql_data(client, pairing.mentee, answer, id=made.json()["id"])
    assert refused["answerDisclosureConsent"] == {
        "__typename": "Disclosure",
        "consent": "refused",
        "protegeConsent": False,
    }


async def test_kept_agreement_versions_and_the_file_over_graphql(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Confidentiality": the coordinator keeps the file of
    # signed agreements; the pair keep every version they signed.
    pairing = await propose(client, auth, "nc-model", START)
    await _active_pair(client, pairing, {"ground_rules": "on time"})
    versions = await graphql_data(
        client,
        pairing.mentee,
        "query($id: UUID!) { agreementVersions(mentorshipId: $id) { version signedByBoth "
        "signatures { party } } printableAgreement(mentorshipId: $id) }",
        id=pairing.id,
    )
    assert versions["agreementVersions"][0]["version"] == 1
    assert versions["agreementVersions"][0]["signedByBoth"] is True
    assert "Mentor-Mentee Agreement (version 1)" in versions["printableAgreement"]
    register = await graphql_data(
        client,
        pairing.tokens["STAFF"],
        "query($id: UUID!) { agreementRegister(cohortId: $id) "
        "{ edges { node { version signedByBoth } } } }",
        id=str(pairing.cohort_id),
    )
    assert register["agreementRegister"]["edges"] == [
        {"node": {"version": 1, "signedByBoth": True}}
    ]


async def test_nc_goals_are_smart_over_graphql(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "setting SMART goals".
    pairing = await propose(client, auth, "nc-model", START)
    add = (
        "mutation($id: UUID!, $smart: JSON) { addGoal(mentorshipId: $id, kind: OBJECTIVE, "
        'text: "present the budget", smart: $smart) { __typename ... on Goal { smart } '
        "... on Problem { rule field } } }"
    )
    refused = await graphql_data(client, pairing.mentee, add, id=pairing.id, smart=None)
    assert refused["addGoal"]["rule"] == "smart_goals"
    smart = {"measure": "approved", "achievable": "yes", "relevant": "mine", "due_on": "2027-11-30"}
    made = await graphql_data(client, pairing.mentee, add, id=pairing.id, smart=smart)
    assert made["addGoal"] == {"__typename": "Goal", "smart": smart}


async def test_monthly_progress_reports_over_graphql_keep_reflections_private(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "Track and report monthly progress".
    pairing = await propose(client, auth, "nc-model", START)
    await _active_pair(client, pairing, {"ground_rules": "on time"})
    submit = (
        "mutation($id: UUID!) { submitProgressReport(mentorshipId: $id, onTrack: false, "
        'assignmentsDone: 0, reflections: "stuck on the budget") { __typename '
        "... on ProgressReport { month reflections } ... on Problem { rule } } }"
    )
    made = await graphql_data(client, pairing.mentee, submit, id=pairing.id)
    assert made["submitProgressReport"]["month"] == 1
    seen = await graphql_data(
        client,
        pairing.tokens["STAFF"],
        "query($id: UUID!) { progressReports(mentorshipId: $id) { month onTrack reflections } }",
        id=pairing.id,
    )
    assert seen["progressReports"] == [{"month": 1, "onTrack": False, "reflections": None}]
    debrief = (
        "mutation($id: UUID!) { recordDebrief(mentorshipId: $id, party: MENTOR, "
        'heldOn: "2027-01-05") { __typename ... on Problem { rule } } }'
    )
    early = await graphql_data(client, pairing.tokens["STAFF"], debrief, id=pairing.id)
    assert early["recordDebrief"] == {"__typename": "Problem", "rule": "not_concluded"}
