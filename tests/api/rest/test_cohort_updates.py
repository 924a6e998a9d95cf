"""A cohort's name and dates are edited after it was made, under `If-Match` (issue 25, item
3), over REST and GraphQL through one service function."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

MAINE_START = date(2027, 7, 12)
UPDATE = """mutation($id: UUID!, $ifMatch: String, $ends: Date) {
  updateCohort(id: $id, name: "Cycle 2027-28", endsOn: $ends, ifMatch: $ifMatch) {
    __typename ... on Cohort { name endsOn etag } ... on Problem { code field } } }"""


async def _cohort(client, headers) -> str:
    program = await client.post(
        "/v1/programs", headers=headers, json={"name": "MMS", "preset": "maine-mms"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=headers,
        json={"name": "2027", "starts_on": "2027-07-12", "ends_on": "2028-04-30"},
    )
    assert cohort.status_code == 201, cohort.text
    return f"/v1/cohorts/{cohort.json()['id']}"


async def test_a_cohort_edit_from_a_stale_read_is_refused_and_changes_nothing(client, auth):
    headers = await auth()
    url = await _cohort(client, headers)
    read = await client.get(url, headers=headers)
    seen = read.headers["etag"]
    renamed = await client.patch(
        url, headers={**headers, "If-Match": seen}, json={"name": "Cycle 2027-28"}
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Cycle 2027-28"
    assert renamed.json()["ends_on"] == "2028-04-30"  # what was not sent stays
    assert (await client.get(url, headers=headers)).headers["etag"] == renamed.headers["etag"]
    stale = await client.patch(url, headers={**headers, "If-Match": seen}, json={"name": "Old"})
    assert stale.status_code == 412, stale.text
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["field"] == "If-Match"
    assert (await client.get(url, headers=headers)).json()["name"] == "Cycle 2027-28"


async def test_a_cohort_date_set_to_null_is_cleared_and_an_end_before_the_start_is_refused(
    client, auth
):
    headers = await auth()
    url = await _cohort(client, headers)
    cleared = await client.patch(
        url, headers=headers, json={"ends_on": None, "applications_close_on": "2027-06-30"}
    )
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["ends_on"], cleared.json()["applications_close_on"]) == (
        None,
        "2027-06-30",
    )
    early = await client.patch(url, headers=headers, json={"ends_on": "2027-07-01"})
    assert early.status_code == 422, early.text
    assert early.json()["field"] == "ends_on"
    blank = await client.patch(url, headers=headers, json={"name": ""})
    assert blank.status_code == 422
    assert (await client.get(url, headers=headers)).json()["ends_on"] is None


async def test_graphql_updates_a_cohort_with_the_etag_rest_answers(client, auth):
    headers = await auth()
    url = await _cohort(client, headers)
    seen = (await client.get(url, headers=headers)).headers["etag"]
    cohort_id = url.rsplit("/", 1)[1]
    variables = {"id": cohort_id, "ifMatch": seen, "ends": "2028-05-15"}
    answer = await client.post(
        "/graphql", headers=headers, json={"query": UPDATE, "variables": variables}
    )
    updated = answer.json()["data"]["updateCohort"]
    assert (updated["name"], updated["endsOn"]) == ("Cycle 2027-28", "2028-05-15")
    assert updated["etag"] == (await client.get(url, headers=headers)).headers["etag"] != seen
    again = await client.post(
        "/graphql", headers=headers, json={"query": UPDATE, "variables": variables}
    )
    assert again.json()["data"]["updateCohort"] == {
        "__typename": "Problem",
        "code": "precondition-failed",
        "field": "If-Match",
    }


async def test_without_a_final_celebration_moving_the_cohorts_end_moves_maines_relationships(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt: "Final Celebratory Event ... Formal relationships end";
    # with that event taken off the calendar, the cohort's own end is the formal end.
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MC")
    staff = pairing.tokens["STAFF"]
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=staff)
    [final] = [e for e in events.json()["items"] if e["kind"] == "final_celebration"]
    assert (await client.delete(f"/v1/cohort-events/{final['id']}", headers=staff)).is_success
    moved = await client.patch(
        f"/v1/cohorts/{pairing.cohort_id}", headers=staff, json={"ends_on": "2028-05-05"}
    )
    assert moved.status_code == 200, moved.text
    term = (await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)).json()
    assert term["ends_on"] == "2028-05-05"
