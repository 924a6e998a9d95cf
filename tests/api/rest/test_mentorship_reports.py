"""Reports show aggregates, suppress small groups, and bill Maine's fee per department."""

from __future__ import annotations

from datetime import date

from app.domain.access import Role
from app.services.relationships.mentorships import proposed_mentorships
from tests.api.mentorship_setup import clock, principal_of, propose, uow_of  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)


async def _active(client, pairing, section="ground_rules"):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    terms = {section: "agreed", "duration": "6 months"}  # Caltrans: the contract's length
    await client.put(url, headers=pairing.mentee, json={"terms": terms})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


async def test_one_pairs_checkup_answers_are_never_shown_in_a_report(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    await _active(client, pairing)
    clock.set(date(2027, 1, 20))
    await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-18", "hours": 2.5},
    )
    clock.set(date(2027, 3, 4))  # seed 002_59333b271e9b4b69.txt: the first checkup, two months in
    answered = await client.post(
        f"/v1/mentorships/{pairing.id}/evaluations",
        headers=pairing.mentee,
        json={
            "kind": "checkup",
            "answers": {"1": 2, "2": 2.5, "3": 1, "4": 2, "5": 1, "6": 2, "7": "site visit"},
        },
    )
    assert answered.status_code == 201, answered.text
    report = await client.get(
        f"/v1/reports/cohorts/{pairing.cohort_id}", headers=pairing.tokens["STAFF"]
    )
    assert report.status_code == 200, report.text
    body = report.json()
    assert (body["mentorships"], body["by_state"], body["meetings"], body["hours"]) == (
        1,
        {"active": 1},
        1,
        2.5,
    )
    assert all(a["aggregate"]["mean"] is None for a in body["checkup_averages"])
    assert all(a["aggregate"]["suppressed"] for a in body["checkup_averages"])
    # seed 002_59333b271e9b4b69.txt: each item reads on the worksheet's own scale; free text is
    # never reported.
    items = {i["key"]: i for i in body["form_items"]}
    assert sorted(items) == ["1", "2", "3", "4", "5", "6"]
    assert items["3"]["scale"].startswith("1 = Strongly Agree")
    assert items["3"]["favourable"] == "low"
    assert "site visit" not in report.text
    assert body["completion_rate"] is None


async def test_participants_do_not_read_reports(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    response = await client.get(f"/v1/reports/cohorts/{pairing.cohort_id}", headers=pairing.mentee)
    assert response.status_code == 403


async def test_maines_fee_is_billed_to_the_proteges_department(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Cost": $150.00 per protege, billed to the protege's department.
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    leadership = await auth(role=Role.COORDINATOR)
    bill = await client.get(f"/v1/reports/cohorts/{pairing.cohort_id}/billing", headers=leadership)
    assert bill.json()["departments"] == [
        {"department": "Finance", "proteges": 1, "amount_cents": 15000}
    ]
    assert bill.json()["total_cents"] == 15000


async def test_programs_without_a_fee_bill_nothing(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4))
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    bill = await client.get(
        f"/v1/reports/cohorts/{pairing.cohort_id}/billing", headers=pairing.admin
    )
    assert (bill.json()["departments"], bill.json()["total_cents"]) == ([], 0)


async def _bill(client, auth, pairing):
    leadership = await auth(role=Role.COORDINATOR)
    bill = await client.get(f"/v1/reports/cohorts/{pairing.cohort_id}/billing", headers=leadership)
    assert bill.status_code == 200, bill.text
    return bill.json()


async def test_a_protege_whose_only_pair_ended_unconfirmed_is_not_billed(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Cost": the bill is for the initiative; a match that ended
    # before both confirmed it (Sept 1, after the initial meetings) never entered it.
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    url = f"/v1/mentorships/{pairing.id}"
    assert (await client.post(f"{url}/confirm", headers=pairing.mentee)).status_code == 200
    ended = await client.post(f"{url}/end", headers=pairing.mentor)
    assert ended.json()["state"] == "ended", ended.text
    bill = await _bill(client, auth, pairing)
    assert (bill["departments"], bill["total_cents"]) == ([], 0)


async def test_a_confirmed_pair_that_later_ended_early_is_billed(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Cost": the protégé entered the initiative; ending early
    # later does not undo that.
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    url = f"/v1/mentorships/{pairing.id}"
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/confirm", headers=who)
    assert (await client.post(f"{url}/end", headers=pairing.mentee)).json()["state"] == "ended"
    bill = await _bill(client, auth, pairing)
    assert bill["departments"] == [{"department": "Finance", "proteges": 1, "amount_cents": 15000}]


async def test_a_rematched_protege_is_billed_once(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Cost": one fee "for the 9-month initiative", whatever
    # number of mentors the protégé had in it.
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1), extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/confirm", headers=who)
    await client.post(f"{url}/end", headers=pairing.mentee)
    principal = await principal_of(client, pairing.admin)
    async with uow_of(client, principal) as uow:
        [second] = await proposed_mentorships(
            uow,
            pairing.cohort_id,
            [(pairing.mentee_id, pairing.people["ALT0"], {})],
            formed_by="coordinator",
            today=clock.now().date(),
        )
        await uow.commit()
    for who in (pairing.mentee, pairing.tokens["ALT0"]):
        confirmed = await client.post(f"/v1/mentorships/{second.id}/confirm", headers=who)
        assert confirmed.status_code == 200, confirmed.text
    bill = await _bill(client, auth, pairing)
    assert bill["departments"] == [{"department": "Finance", "proteges": 1, "amount_cents": 15000}]
    assert bill["total_cents"] == 15000
