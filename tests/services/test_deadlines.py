"""`mentoring tick` announces each deadline once, however often it runs."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services.relationships.deadlines import announce_due_deadlines, system_principal, tick
from tests.api.graphql.test_efficiency import counter  # noqa: F401  (the fixture)
from tests.api.late_pair_setup import maine_year
from tests.api.mentorship_setup import (  # noqa: F401
    MovableClock,
    activate,
    clock,
    principal_of,
    propose,
)

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


async def _rounds_announced(database, mentorship_id) -> list[tuple[str, int]]:
    async with database.connect() as connection:
        found = await connection.fetch(
            "SELECT payload FROM outbox_events WHERE event_type = 'deadline.due' "
            "AND payload->>'kind' = 'program_evaluation' AND payload->>'mentorship_id' = $1",
            str(mentorship_id),
        )
    return sorted((r["payload"]["due_on"], r["payload"]["evaluation_round"]) for r in found)


async def test_each_program_evaluation_round_is_announced_once_to_a_pair_yet_to_answer_it(
    client, auth, clock, database
):
    # seed 000_4e18aab21704e587.txt "Program Evaluations": "You will be asked periodically to
    # complete an online evaluation": Charlotte's rounds open on 5 February, May and August.
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), prefix="PE")
    await activate(client, pairing, {"frequency": "monthly"})
    principal = system_principal((await principal_of(client, pairing.admin)).organization_id)

    async def run_tick_on(day: date) -> None:
        clock.set(day)
        uow = SqlUnitOfWork(database, principal.organization_id)
        await announce_due_deadlines(uow=uow, principal=principal, clock=clock)

    await run_tick_on(date(2027, 2, 4))
    assert await _rounds_announced(database, pairing.id) == []
    for day in (date(2027, 2, 5), date(2027, 2, 6)):
        await run_tick_on(day)
    assert await _rounds_announced(database, pairing.id) == [("2027-02-05", 1)]
    clock.set(date(2027, 5, 5))  # both answer round 2 before the tick runs that day
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    for who in (pairing.mentee, pairing.mentor):
        body = {"kind": "program", "scores": [4], "free_text": "useful"}
        assert (await client.post(url, headers=who, json=body)).status_code == 201
    await run_tick_on(date(2027, 5, 6))
    await run_tick_on(date(2027, 8, 5))
    assert await _rounds_announced(database, pairing.id) == [
        ("2027-02-05", 1),
        ("2027-08-05", 3),
    ]


async def _answered_pairs(client, auth, clock, prefixes) -> UUID:
    """Active Charlotte pairs, each of its own cohort, both sides having answered round 1;
    returns their organisation."""
    pairs = []
    for prefix in prefixes:
        clock.set(date(2027, 1, 4))
        pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), prefix=prefix)
        await activate(client, pairing, {"frequency": "monthly"})
        pairs.append(pairing)
    clock.set(date(2027, 2, 10))  # round 1 is open; nothing else is due
    for pairing in pairs:
        url = f"/v1/mentorships/{pairing.id}/evaluations"
        for who in (pairing.mentee, pairing.mentor):
            body = {"kind": "program", "scores": [4], "free_text": "useful"}
            assert (await client.post(url, headers=who, json=body)).status_code == 201
    return pairs[0].organization_id


async def test_the_tick_costs_the_same_statements_for_one_pair_or_three(
    client, auth, clock, database, counter, other_org
):
    one = await _answered_pairs(client, auth, clock, ["T1"])
    three = await _answered_pairs(
        client, lambda **kw: auth(organization=other_org, **kw), clock, ["T2", "T3", "T4"]
    )

    async def statements(organization_id: UUID) -> int:
        before = counter.statements
        principal = system_principal(organization_id)
        uow = SqlUnitOfWork(database, organization_id)
        assert await announce_due_deadlines(uow=uow, principal=principal, clock=clock) == 0
        return counter.statements - before

    assert await statements(one) == await statements(three)
