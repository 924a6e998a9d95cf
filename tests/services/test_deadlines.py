"""`mentoring tick` announces each deadline once, however often it runs."""

from __future__ import annotations

from datetime import date

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services.relationships.deadlines import announce_due_deadlines, system_principal, tick
from tests.api.late_pair_setup import maine_year
from tests.api.mentorship_setup import MovableClock, clock, principal_of, propose  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)


async def test_a_deadline_is_announced_once(client, auth, clock, database):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(
        url, headers=pairing.mentee, json={"terms": {"ground_rules": "x", "duration": "6 months"}}
    )
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    org = (await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)).json()
    assert org["state"] == "active"
    later = MovableClock(clock.now())
    later.set(date(2027, 3, 10))
    principal = system_principal(_org_of(client, pairing))
    first = await announce_due_deadlines(
        uow=SqlUnitOfWork(database, principal.organization_id), principal=principal, clock=later
    )
    again = await announce_due_deadlines(
        uow=SqlUnitOfWork(database, principal.organization_id), principal=principal, clock=later
    )
    assert (first, again) == (1, 0)  # the checkup of 4 March, once
    later.set(date(2027, 5, 10))
    assert (
        await announce_due_deadlines(
            uow=SqlUnitOfWork(database, principal.organization_id), principal=principal, clock=later
        )
        == 1
    )


def _org_of(client, pairing):
    return pairing.organization_id


async def test_the_tick_reaches_every_organisation(client, auth, clock, database):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    later = MovableClock(clock.now())
    later.set(date(2027, 3, 10))
    total = await tick(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org: SqlUnitOfWork(database, org),
        clock=later,
    )
    assert total >= 0


async def test_a_late_maine_match_owes_its_confirmation_only_after_the_cohorts_allowance(
    client, auth, clock, database
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July-Sept 2003 Initial meetings of
    # mentoring partners" / "Sept 1, 2003 Participants confirm mentoring matches": the pair
    # proposed before the start owes it by Sept 1, the one proposed on 10 October by 11 December.
    year = await maine_year(client, auth, clock, date(2027, 7, 1), date(2027, 10, 10))
    principal = system_principal((await principal_of(client, year.staff)).organization_id)
    later = MovableClock(clock.now())

    async def announced(day: date) -> int:
        later.set(day)
        uow = SqlUnitOfWork(database, principal.organization_id)
        return await announce_due_deadlines(uow=uow, principal=principal, clock=later)

    assert await announced(date(2027, 10, 10)) == 1  # the early pair's Sept 1, not the late one
    assert await announced(date(2027, 12, 10)) == 0
    assert await announced(date(2027, 12, 11)) == 1
