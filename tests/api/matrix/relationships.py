"""Running a mentorship: its part of the authorization matrix."""

from __future__ import annotations

from datetime import date, timedelta

from tests.api.matrix import IF_PRINT, IF_VERSION, SEEDED_ON, Op
from tests.api.mentorship_setup import propose

M = "/v1/mentorships/{mentorship_id}"
_RECIPIENT = {"role": "administrator", "person_id": "00000000-0000-0000-0000-000000000000"}

REST: dict[tuple[str, str], Op] = {
    ("GET", f"{M}/progress"): Op("mentorship"),
    ("POST", f"{M}/confirm"): Op("mentorship"),
    ("POST", f"{M}/end"): Op("mentorship"),
    ("POST", f"{M}/terminate"): Op("mentorship"),
    ("POST", f"{M}/complete"): Op("mentorship", {}),
    ("GET", f"{M}/agreement"): Op("mentorship"),
    ("PUT", f"{M}/agreement"): Op("mentorship", {"terms": {"frequency": "weekly"}}),
    ("POST", f"{M}/agreement/sign"): Op("mentorship"),
    ("GET", f"{M}/checkpoint"): Op("mentorship"),
    ("GET", f"{M}/needs-assessment"): Op("mentorship"),
    ("POST", f"{M}/checkpoint"): Op("mentorship", {"decision": "change"}),
    ("POST", f"{M}/checkpoint/confirm-rematch"): Op("mentorship"),
    ("POST", f"{M}/checkpoint/decline-rematch"): Op("mentorship"),
    ("POST", f"{M}/meetings"): Op("mentorship", {"held_on": "2026-01-10", "hours": 1}),
    ("GET", f"{M}/meetings"): Op("mentorship"),
    ("POST", "/v1/meetings/{meeting_id}/cancel"): Op("meeting"),
    ("POST", f"{M}/journal"): Op("mentorship", {"entry_on": "2026-01-10", "focus": "x"}),
    ("GET", f"{M}/journal"): Op("mentorship"),
    ("POST", f"{M}/goals"): Op("mentorship", {"kind": "goal", "text": "x"}),
    ("GET", f"{M}/goals"): Op("mentorship"),
    ("PATCH", "/v1/goals/{goal_id}"): Op("goal"),
    ("POST", "/v1/goals/{goal_id}/comments"): Op("goal", {"text": "x"}),
    ("POST", f"{M}/evaluations"): Op("mentorship", {"kind": "midpoint"}),
    ("GET", f"{M}/evaluations"): Op("mentorship"),
    ("POST", f"{M}/disclosures"): Op(
        "mentorship", {"kind": "relationship_not_working", "to": [_RECIPIENT], "description": "x"}
    ),
    ("GET", f"{M}/disclosures"): Op("mentorship"),
    ("GET", "/v1/me/disclosures"): Op(),
    ("POST", f"{M}/termination-recommendations"): Op("mentorship", {"reason": "x"}),
    ("GET", f"{M}/termination-recommendations"): Op("mentorship"),
    ("GET", "/v1/reports/cohorts/{cohort_id}"): Op("report_cohort"),
    ("GET", "/v1/reports/cohorts/{cohort_id}/billing"): Op("report_cohort"),
    ("POST", "/v1/cohorts/{cohort_id}/luncheon-groups"): Op("report_cohort"),
    ("PUT", "/v1/cohorts/{cohort_id}/luncheon-groups"): Op("report_cohort", {"groups": []}),
    ("GET", "/v1/cohorts/{cohort_id}/luncheon-groups"): Op("report_cohort"),
    # records (issue 23): Charlotte's volunteer luncheon hosts
    ("POST", "/v1/cohorts/{cohort_id}/luncheon-hosts"): Op("report_cohort"),
    ("GET", "/v1/cohorts/{cohort_id}/luncheon-hosts"): Op("report_cohort"),
    ("POST", "/v1/disclosures/{disclosure_id}/consent"): Op("disclosure", {"grant": True}),
    ("POST", "/v1/disclosures/{disclosure_id}/acknowledge"): Op("disclosure"),
    ("GET", f"{M}/agreement/versions"): Op("mentorship"),
    ("GET", f"{M}/agreement/print"): Op("mentorship"),
    ("GET", "/v1/cohorts/{cohort_id}/agreement-register"): Op("report_cohort"),
    ("POST", f"{M}/debriefs"): Op("mentorship", {"party": "mentee", "held_on": "2026-01-10"}),
    ("GET", f"{M}/debriefs"): Op("mentorship"),
    ("POST", f"{M}/progress-reports"): Op("mentorship", {"on_track": True, "assignments_done": 1}),
    ("GET", f"{M}/progress-reports"): Op("mentorship"),
    ("POST", "/v1/me/calendar-feed"): Op(),
    ("GET", "/v1/me/calendar"): Op(),
    ("GET", "/v1/calendar/{organization_id}/{secret}.ics"): Op(),
}

_ID = "query($id: UUID!) "
_MUT = "mutation($id: UUID!) "
_PROBLEM = "__typename ... on Problem { code }"

GRAPHQL: dict[str, tuple[str, str | None]] = {
    "mentorshipProgress": (_ID + "{ mentorshipProgress(id: $id) { id state } }", "mentorship"),
    "agreement": (_ID + "{ agreement(mentorshipId: $id) { terms } }", "mentorship"),
    "meetingLog": (_ID + "{ meetingLog(mentorshipId: $id) { meetings { notes } } }", "mentorship"),
    "journal": (_ID + "{ journal(mentorshipId: $id) { entry } }", "mentorship"),
    "goals": (_ID + "{ goals(mentorshipId: $id) { id text } }", "mentorship"),
    "evaluations": (_ID + "{ evaluations(mentorshipId: $id) { id freeText } }", "mentorship"),
    "checkpoint": (_ID + "{ checkpoint(mentorshipId: $id) { state } }", "mentorship"),
    "needsAssessment": (_ID + "{ needsAssessment(mentorshipId: $id) { text } }", "mentorship"),
    "disclosures": (_ID + "{ disclosures(mentorshipId: $id) { id description } }", "mentorship"),
    "disclosuresAboutMe": ("{ disclosuresAboutMe { id description } }", None),
    "terminationRecommendations": (
        _ID + "{ terminationRecommendations(mentorshipId: $id) { id reason } }",
        "mentorship",
    ),
    "recommendTermination": (
        _MUT + f'{{ recommendTermination(mentorshipId: $id, reason: "x") {{ {_PROBLEM} }} }}',
        "mentorship",
    ),
    "myCalendar": ("{ myCalendar { uid title attended excused } }", None),
    "issueCalendarFeed": ("mutation { issueCalendarFeed { __typename } }", None),
    "cohortReport": (
        _ID + "{ cohortReport(cohortId: $id) { mentorships byState } }",
        "report_cohort",
    ),
    "feeBill": (_ID + "{ feeBill(cohortId: $id) { totalCents } }", "report_cohort"),
    "luncheonGroups": (
        _ID + "{ luncheonGroups(cohortId: $id) { edges { node { number mentees } } } }",
        "report_cohort",
    ),
    "computeLuncheonGroups": (
        _MUT + f"{{ computeLuncheonGroups(cohortId: $id) {{ {_PROBLEM} }} }}",
        "report_cohort",
    ),
    "editLuncheonGroups": (
        _MUT + f"{{ editLuncheonGroups(cohortId: $id, groups: []) {{ {_PROBLEM} }} }}",
        "report_cohort",
    ),
    # records (issue 23)
    "luncheonHosts": (_ID + "{ luncheonHosts(cohortId: $id) { volunteers } }", "report_cohort"),
    "volunteerToHostLuncheon": (
        _MUT + f"{{ volunteerToHostLuncheon(cohortId: $id) {{ {_PROBLEM} }} }}",
        "report_cohort",
    ),
    "agreementVersions": (
        _ID + "{ agreementVersions(mentorshipId: $id) { version terms } }",
        "mentorship",
    ),
    "printableAgreement": (
        _ID + "{ printableAgreement(mentorshipId: $id, version: 1) }",
        "mentorship",
    ),
    "agreementRegister": (
        _ID + "{ agreementRegister(cohortId: $id) { edges { node { version signedByBoth } } } }",
        "report_cohort",
    ),
    "debriefs": (_ID + "{ debriefs(mentorshipId: $id) { party notes } }", "mentorship"),
    "progressReports": (
        _ID + "{ progressReports(mentorshipId: $id) { month reflections } }",
        "mentorship",
    ),
    "recordDebrief": (
        _MUT + "{ recordDebrief(mentorshipId: $id, party: MENTEE, heldOn: "
        f'"2026-01-10") {{ {_PROBLEM} }} }}',
        "mentorship",
    ),
    "submitProgressReport": (
        _MUT + "{ submitProgressReport(mentorshipId: $id, onTrack: true, assignmentsDone: 1) "
        f"{{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "answerDisclosureConsent": (
        _MUT + f"{{ answerDisclosureConsent(id: $id, grant: true) {{ {_PROBLEM} }} }}",
        "disclosure",
    ),
    "acknowledgeDisclosure": (
        _MUT + f"{{ acknowledgeDisclosure(id: $id) {{ {_PROBLEM} }} }}",
        "disclosure",
    ),
    "confirmMentorship": (
        _MUT + f"{{ confirmMentorship(id: $id) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "endMentorship": (_MUT + f"{{ endMentorship(id: $id) {{ {_PROBLEM} }} }}", "mentorship"),
    "terminateMentorship": (
        _MUT + f"{{ terminateMentorship(id: $id) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "completeMentorship": (
        _MUT + f"{{ completeMentorship(id: $id) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "writeAgreement": (
        _MUT + '{ writeAgreement(mentorshipId: $id, terms: {frequency: "x"}, '
        f"{IF_VERSION}) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "signAgreement": (
        _MUT + f"{{ signAgreement(mentorshipId: $id, {IF_VERSION}) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "logMeeting": (
        _MUT + '{ logMeeting(mentorshipId: $id, heldOn: "2026-01-10", hours: 1) '
        f"{{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "writeJournalEntry": (
        _MUT + "{ writeJournalEntry(mentorshipId: $id, entryOn: "
        f'"2026-01-10", entry: {{focus: "x"}}) {{ {_PROBLEM} }} }}',
        "mentorship",
    ),
    "addGoal": (
        _MUT + f'{{ addGoal(mentorshipId: $id, kind: GOAL, text: "x") {{ {_PROBLEM} }} }}',
        "mentorship",
    ),
    "updateGoal": (
        _MUT + f"{{ updateGoal(id: $id, progress: 10, {IF_PRINT}) {{ {_PROBLEM} }} }}",
        "goal",
    ),
    "commentOnGoal": (
        _MUT + f'{{ commentOnGoal(id: $id, text: "x", {IF_PRINT}) {{ {_PROBLEM} }} }}',
        "goal",
    ),
    "submitEvaluation": (
        _MUT + f"{{ submitEvaluation(mentorshipId: $id, kind: MIDPOINT) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "answerCheckpoint": (
        _MUT + f"{{ answerCheckpoint(mentorshipId: $id, decision: CHANGE) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "confirmRematch": (
        _MUT + f"{{ confirmRematch(mentorshipId: $id) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "declineRematch": (
        _MUT + f"{{ declineRematch(mentorshipId: $id) {{ {_PROBLEM} }} }}",
        "mentorship",
    ),
    "cancelMeeting": (_MUT + f"{{ cancelMeeting(id: $id) {{ {_PROBLEM} }} }}", "meeting"),
    "recordDisclosure": (
        _MUT + "{ recordDisclosure(mentorshipId: $id, kind: "
        'RELATIONSHIP_NOT_WORKING, to: [{role: "administrator", personId: '
        '"00000000-0000-0000-0000-000000000000"}], description: "x") '
        f"{{ {_PROBLEM} }} }}",
        "mentorship",
    ),
}

SECRETS = {
    "notes": "VICTIM-NOTES the merger rumour",
    "journal": "VICTIM-JOURNAL my doubts",
    "concerns": "VICTIM-CONCERNS about my boss",
    "evaluation": "VICTIM-EVALUATION too formal",
    "goal": "VICTIM-GOAL run the division",
    "disclosure": "VICTIM-DISCLOSURE relationship strain",
    "recommendation": "VICTIM-RECOMMENDATION end it before spring",
}


async def _open_program_evaluation(client, pairing) -> None:
    """Maine's program evaluation is open in March (004): the coordinator moves the cohort's
    evaluation event to today, so the victim's evaluation can be given now."""
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    [evaluation] = [e for e in events.json()["items"] if e["kind"] == "program_evaluation"]
    today = SEEDED_ON.date()
    moved = await client.put(
        f"/v1/cohort-events/{evaluation['id']}",
        headers=pairing.admin,
        json={
            "title": evaluation["title"],
            "starts_on": (today - timedelta(days=1)).isoformat(),
            "ends_on": (today + timedelta(days=1)).isoformat(),
        },
    )
    assert moved.status_code == 200, moved.text


async def seed(client, auth) -> dict:
    """A Maine mentorship with something in every record, running since January 2026."""
    # Maine keeps no journal (only Charlotte's handbook does, seed 001_5dd4108eec679fcc.txt): this
    # one does, so that every record holds a secret to leak.
    pairing = await propose(
        client,
        auth,
        "maine-mms",
        date(2026, 1, 5),
        prefix="VM",
        policy={"goals": {"mentee_journal": True}},
    )
    mentorship = f"/v1/mentorships/{pairing.id}"
    await _open_program_evaluation(client, pairing)
    steps = [
        *((f"{mentorship}/confirm", who, None) for who in (pairing.mentee, pairing.mentor)),
        (
            f"{mentorship}/meetings",
            pairing.mentor,
            {"held_on": "2026-01-10", "hours": 2, "notes": SECRETS["notes"]},
        ),
        (
            f"{mentorship}/journal",
            pairing.mentee,
            {"entry_on": "2026-01-10", "focus": SECRETS["journal"]},
        ),
        (f"{mentorship}/goals", pairing.mentee, {"kind": "goal", "text": SECRETS["goal"]}),
        (
            f"{mentorship}/evaluations",
            pairing.mentee,
            {
                "kind": "program",
                "answers": {
                    "mutual_learning": 4,
                    "clearer_goals": 4,
                    "look_forward": 5,
                    "energized": 4,
                    "new_responsibilities": 3,
                    "suggestions": SECRETS["evaluation"],
                },
            },
        ),
        (
            f"{mentorship}/disclosures",
            pairing.mentee,
            {
                "kind": "relationship_not_working",
                "description": SECRETS["disclosure"],
                "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
            },
        ),
    ]
    made = {}
    for url, who, body in steps:
        response = await client.post(url, headers=who, json=body)
        assert response.status_code in (200, 201), response.text
        made[url.rsplit("/", 1)[1]] = response.json()
    recommended = await client.post(
        f"{mentorship}/termination-recommendations",
        headers=pairing.tokens["STAFF"],
        json={"reason": SECRETS["recommendation"]},
    )
    assert recommended.status_code == 201, recommended.text
    agreement = await client.put(
        f"{mentorship}/agreement",
        headers=pairing.mentee,
        json={"terms": {"concerns": SECRETS["concerns"]}},
    )
    assert agreement.status_code == 200, agreement.text
    goal, disclosed = made["goals"], made["disclosures"]
    return {
        "mentorship": pairing.id,
        "goal": goal["id"],
        "meeting": made["meetings"]["id"],
        "disclosure": disclosed["id"],
        "report_cohort": str(pairing.cohort_id),
        "secrets": set(SECRETS.values()),
        "ids": {
            pairing.id,
            goal["id"],
            disclosed["id"],
            made["meetings"]["id"],
            str(pairing.cohort_id),
        },
    }
