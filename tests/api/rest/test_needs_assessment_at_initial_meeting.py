"""NC's needs assessment goes to the mentor at the start of the partnership (seed 003): the
mentee is matched without it, and the pair's initial meeting waits for it, over REST and
GraphQL alike."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import (
    COHORT_STARTS,
    MENTEE,
    MENTOR,
    SESSION_ON,
    apply,
    directory,
    nc_cohort,
)

WITHOUT_FORM = {k: v for k, v in MENTEE.items() if k != "needs_assessment"}
LOG = (
    "mutation($id: UUID!, $day: Date!) { logMeeting(mentorshipId: $id, heldOn: $day, hours: 1.5)"
    " { __typename ... on Problem { code rule } } }"
)
EDIT = (
    "mutation($id: UUID!, $profile: JSON!) { editApplication(id: $id, profile: $profile) "
    "{ __typename ... on Problem { code rule } } }"
)


async def _pair(client, auth, clock):
    """An NC mentee who applied without the form, matched and confirmed by both."""
    clock.set(SESSION_ON + timedelta(days=1))
    ids = await directory(client, await auth())
    coordinator = await auth(role=Role.COORDINATOR)
    made = await nc_cohort(client, coordinator, ids)
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    mentor = await auth(role=Role.PARTICIPANT, employee_id=ids["M2"])
    applied = await apply(client, mentee, made["cohort"], ids["E2"], WITHOUT_FORM)
    await apply(client, mentor, made["cohort"], ids["M2"], MENTOR)
    # NC's cohorts take applications until they end (003: the coordinator matches as people
    # are screened): this coordinator closes them today, so the profiles are the matching's.
    closes = {"applications_close_on": (SESSION_ON + timedelta(days=1)).isoformat()}
    closed = await client.patch(f"/v1/cohorts/{made['cohort']}", headers=coordinator, json=closes)
    assert closed.status_code == 200, closed.text
    run = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=coordinator)
    assert run.status_code == 201, run.text
    published = await client.post(
        f"/v1/matching-runs/{run.json()['id']}/publish", headers=coordinator
    )
    assert published.status_code == 200, published.text
    [pair] = [m for m in published.json()["mentorships"] if m["mentee_id"] == ids["E2"]]
    for who in (mentee, mentor):
        confirmed = await client.post(f"/v1/mentorships/{pair['id']}/confirm", headers=who)
        assert confirmed.status_code == 200, confirmed.text
    clock.set(COHORT_STARTS + timedelta(days=3))
    return applied, pair, mentee, mentor


async def _log(client, who, pair_id, day):
    return await client.post(
        f"/v1/mentorships/{pair_id}/meetings",
        headers=who,
        json={"held_on": day.isoformat(), "hours": 1.5},
    )


async def test_an_nc_mentee_without_the_form_is_matched_and_the_initial_meeting_waits_for_it(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "Provide a completed Needs Assessment Form
    # to the Mentor at the start of the partnership"; "Initial Meeting": "the Needs Assessment
    # Form that will be provided by the mentee during the meeting".
    applied, pair, mentee, mentor = await _pair(client, auth, clock)
    assert applied["eligibility"]["eligible"] is True, applied["eligibility"]
    day = COHORT_STARTS + timedelta(days=1)
    refused = await _log(client, mentor, pair["id"], day)
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["rule"] == "needs_assessment_by_initial_meeting"
    graphql = await graphql_data(client, mentee, LOG, id=pair["id"], day=day.isoformat())
    assert graphql["logMeeting"]["rule"] == "needs_assessment_by_initial_meeting"

    # Applications have closed: the rest of the profile stays the matching's record.
    profile = {k: v for k, v in WITHOUT_FORM.items() if k != "role"}
    url = f"/v1/applications/{applied['id']}/profile"
    other = await client.put(url, headers=mentee, json=profile | {"goals": ["other"]})
    assert (other.status_code, other.json()["rule"]) == (409, "applications_closed")
    form = profile | {"needs_assessment": "wants to grow into a supervisory role"}
    provided = await graphql_data(client, mentee, EDIT, id=applied["id"], profile=form)
    assert provided["editApplication"]["__typename"] == "Application", provided

    logged = await _log(client, mentor, pair["id"], day)
    assert logged.status_code == 201, logged.text
    later = await graphql_data(client, mentee, LOG, id=pair["id"], day=day.isoformat())
    assert later["logMeeting"]["__typename"] == "Meeting", later


async def test_the_mentor_reads_the_form_and_the_coordinator_that_it_was_provided(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt: the form goes "to the Mentor"; "Confidentiality": a degree
    # of confidentiality is expected; the coordinator keeps facts, not what the pair wrote.
    applied, pair, mentee, mentor = await _pair(client, auth, clock)
    url = f"/v1/mentorships/{pair['id']}/needs-assessment"
    before = await client.get(url, headers=mentor)
    assert before.status_code == 200, before.text
    assert (before.json()["provided"], before.json()["text"]) == (False, None)
    assert before.json()["asked_by_initial_meeting"] is True
    profile = {k: v for k, v in MENTEE.items() if k != "role"}
    edited = await client.put(
        f"/v1/applications/{applied['id']}/profile", headers=mentee, json=profile
    )
    assert edited.status_code == 200, edited.text
    read = (await client.get(url, headers=mentor)).json()
    assert (read["provided"], read["text"]) == (True, MENTEE["needs_assessment"])
    staff = (await client.get(url, headers=await auth(role=Role.COORDINATOR))).json()
    assert (staff["provided"], staff["text"], staff["text_withheld"]) == (True, None, True)
    query = "query($id: UUID!) { needsAssessment(mentorshipId: $id) { provided text } }"
    seen = await graphql_data(client, mentee, query, id=pair["id"])
    assert seen["needsAssessment"] == {"provided": True, "text": MENTEE["needs_assessment"]}


async def test_provided_in_advance_over_rest_the_initial_meeting_is_logged(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "The mentee can also provide this form in
    # advance of the meeting, if desired."
    applied, pair, mentee, _ = await _pair(client, auth, clock)
    profile = {k: v for k, v in MENTEE.items() if k != "role"}
    edited = await client.put(
        f"/v1/applications/{applied['id']}/profile", headers=mentee, json=profile
    )
    assert edited.status_code == 200, edited.text
    logged = await _log(client, mentee, pair["id"], COHORT_STARTS + timedelta(days=1))
    assert logged.status_code == 201, logged.text


@pytest.mark.parametrize("preset", ["charlotte-sll", "caltrans", "maine-mms", "nc-model"])
async def test_only_an_nc_pairs_first_meeting_waits_for_a_form(client, auth, clock, preset):
    # seed 003_e5d42bff8b56600f.txt is NC's alone: the other programs' first meetings wait for
    # no form, even from a mentee with no application on file.
    pairing = await propose(client, auth, preset, date(2027, 1, 4), needs_assessment=False)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    clock.set(date(2027, 1, 6))
    logged = await _log(client, pairing.mentor, pairing.id, date(2027, 1, 5))
    if preset == "nc-model":
        assert logged.json()["rule"] == "needs_assessment_by_initial_meeting"
    else:
        assert logged.status_code == 201, logged.text


async def test_staff_read_the_application_without_the_form_and_their_edit_keeps_it(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt: the form goes "to the Mentor"; "Participants should keep
    # meeting discussions confidential". On the application, as on the pair, staff see facts.
    applied, _, mentee, _ = await _pair(client, auth, clock)
    url = f"/v1/applications/{applied['id']}"
    profile = {k: v for k, v in MENTEE.items() if k != "role"}
    await client.put(f"{url}/profile", headers=mentee, json=profile)
    own = (await client.get(url, headers=mentee)).json()
    assert own["profile"]["needs_assessment"] == MENTEE["needs_assessment"]
    coordinator = await auth(role=Role.COORDINATOR)
    read = await client.get(url, headers=coordinator)
    assert "needs_assessment" not in read.json()["profile"], read.json()
    query = "query($id: UUID!) { application(id: $id) { profile } }"
    seen = await graphql_data(client, coordinator, query, id=applied["id"])
    assert "needs_assessment" not in seen["application"]["profile"]
    page = await client.get(f"/v1/cohorts/{applied['cohort_id']}/applications", headers=coordinator)
    assert all("needs_assessment" not in a["profile"] for a in page.json()["items"])

    # The ETag staff read is the one their If-Match names (not 412), and a profile put back as
    # they read it, without the form, leaves the form as the mentee left it.
    edited = await client.put(
        f"{url}/profile",
        headers=coordinator | {"If-Match": read.headers["ETag"]},
        json=read.json()["profile"],
    )
    assert edited.status_code == 200, edited.text
    assert "needs_assessment" not in edited.json()["profile"]
    after = (await client.get(url, headers=mentee)).json()
    assert after["profile"]["needs_assessment"] == MENTEE["needs_assessment"]
