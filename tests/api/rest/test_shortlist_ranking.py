"""Maine's interview shortlist: the protégé's ranking, best first, decides the proposal
(issue 22, item 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply
from tests.factories import employee_row

STARTS = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
GRADUATE = {"graduate_of": ["Maine Leadership Institute"]}
RANK = """mutation($id: UUID!, $mentors: [UUID!]!) { rankShortlist(id: $id, mentorIds: $mentors) {
  __typename } }"""
RUN = """mutation($id: UUID!) { startMatchingRun(cohortId: $id) {
  ... on MatchingRun { proposals { mentorId explanation } } } }"""


async def _maine(client, admin) -> tuple[dict[str, str], str]:
    """A protégé and two mentors the rules allow alike, each from another department."""
    rows = [
        employee_row("P1", level=3, department="Finance", unit="Payroll", attributes=GRADUATE),
        employee_row("R1", level=9, department="Transport", unit="Fleet"),
        employee_row("R2", level=9, department="Health", unit="Labs"),
    ]
    await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    listed = (await client.get("/v1/employees", headers=admin)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "MMS", "preset": "maine-mms"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=admin,
        json={"name": "2026", "starts_on": STARTS},
    )
    return ids, cohort.json()["id"]


def _preference(proposal: dict) -> float:
    [term] = [
        t for t in proposal["explanation"]["score"]["terms"] if t["name"] == "stated_preference"
    ]
    return term["value"]


async def test_the_proteges_ranking_after_the_interviews_decides_the_proposal(client, auth):
    # seed 004_5b4c852a2ca2c393.txt "Interview between mentor & protégé: MMS will provide the
    # mentors' names and biographies. Protégé then contacts/interviews the suggested mentors":
    # the protégé's first choice is proposed where the rules allow it.
    admin = await auth()
    ids, cohort = await _maine(client, admin)
    protege = await auth(role=Role.PARTICIPANT, employee_id=ids["P1"])
    mine = await apply(client, protege, cohort, ids["P1"], MENTEE)
    for mentor in ("R1", "R2"):
        await apply(client, admin, cohort, ids[mentor], MENTOR | {"capacity": 1})
    url = f"/v1/applications/{mine['id']}/shortlist-ranking"
    for first, second in (("R2", "R1"), ("R1", "R2")):
        ranked = await client.put(
            url, headers=protege, json={"mentor_ids": [ids[first], ids[second]]}
        )
        assert ranked.status_code == 200, ranked.text
        run = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers=admin)
        [proposal] = run.json()["proposals"]
        assert proposal["mentor_id"] == ids[first]
        assert _preference(proposal) == 1.0
    ranked = await client.post(
        "/graphql",
        headers=protege,
        json={"query": RANK, "variables": {"id": mine["id"], "mentors": [ids["R2"], ids["R1"]]}},
    )
    assert ranked.json()["data"]["rankShortlist"]["__typename"] == "Application"
    answer = await client.post(
        "/graphql", headers=admin, json={"query": RUN, "variables": {"id": cohort}}
    )
    [proposal] = answer.json()["data"]["startMatchingRun"]["proposals"]
    assert proposal["mentorId"] == ids["R2"]
