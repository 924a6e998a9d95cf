"""At Charlotte's month-3 checkpoint, fifty concurrent requests for a change (from both sides)
and then fifty concurrent confirmations of the rematch by coordinators end with exactly one
successor mentorship, ten runs out of ten: the mentorship's row lock serialises them, not
luck. Real transactions on a real pool (the `committed` fixture)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import Conflict, TransitionRefused
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.services import applications, cohorts
from app.services.directory import employees
from app.services.matching import runs as matching_runs
from app.services.programs import catalog as programs
from app.services.relationships import agreements, checkpoint, confirmations
from tests.factories import employee_row
from tests.services.program_fixtures import FixedClock, staff
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)

RUNS, TASKS = 10, 50
START, MONTH_3 = date(2027, 1, 4), date(2027, 3, 20)
AT_START = FixedClock(datetime(2027, 1, 4, 9, tzinfo=UTC))
AT_CHECKPOINT = FixedClock(datetime(2027, 3, 20, 9, tzinfo=UTC))
# The pairs come from a published run: the coordinator matches too (not the committee alone).
OPEN = {
    "eligibility": {"mentee_rules": [], "mentor_rules": []},
    "pair_formation": ["committee", "coordinator"],
}


async def _directory(database, org, mentees_per_run: int = 1) -> dict[str, object]:
    rows = []
    for run in range(RUNS):
        rows.append(employee_row(f"X{run}", level=3, department="Water", unit=f"W{run}"))
        rows.append(employee_row(f"Y{run}", level=9, department="Parks", unit=f"P{run}"))
        rows.append(employee_row(f"Z{run}", level=9, department="Fire", unit=f"F{run}"))
        if mentees_per_run == 2:
            rows.append(employee_row(f"V{run}", level=3, department="Water", unit=f"V{run}"))
            rows.append(employee_row(f"U{run}", level=9, department="Police", unit=f"U{run}"))
    admin = Principal(org.id, Role.ORG_ADMIN, "admin@test")
    await employees.import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=admin, clock=SystemClock(), rows=rows
    )
    async with SqlUnitOfWork(database, org.id) as uow:
        index = await uow.employees.directory_index()
    return {number: found[0] for number, found in index.items()}


async def _active_pairs(database, org, program_id, people):
    """The cohort's published pairs, each confirmed and signed by both."""
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    cohort = await cohorts.create_cohort(
        uow=new_uow(), principal=staff(org), program_id=program_id, name="C", starts_on=START
    )
    for employee_id, role in people:
        await applications.submit_application(
            uow=new_uow(),
            principal=staff(org),
            clock=AT_START,
            cohort_id=cohort.id,
            employee_id=employee_id,
            role=role,
            profile={},
        )
    run = await matching_runs.start_matching_run(
        uow=new_uow(), principal=staff(org), clock=AT_START, cohort_id=cohort.id
    )
    published = await matching_runs.publish_matching_run(
        uow=new_uow(), principal=staff(org), clock=AT_START, run_id=run.id
    )
    return cohort, [(pair, await _activate(new_uow, org, pair)) for pair in published]


async def _activate(new_uow, org, pair) -> list[Principal]:
    sides = [
        Principal(org.id, Role.PARTICIPANT, "mentee", pair.mentee_id),
        Principal(org.id, Role.PARTICIPANT, "mentor", pair.mentor_id),
    ]
    for side in sides:
        await confirmations.confirm_mentorship(
            uow=new_uow(), principal=side, clock=AT_START, mentorship_id=pair.id
        )
    await agreements.write_agreement(
        uow=new_uow(), principal=sides[0], mentorship_id=pair.id, terms={"frequency": "weekly"}
    )
    for side in sides:
        await agreements.sign_agreement(
            uow=new_uow(), principal=side, clock=AT_START, mentorship_id=pair.id
        )
    return sides


async def _all_at_once(works):
    outcomes = await asyncio.gather(*works, return_exceptions=True)
    done = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert {type(o) for o in refused} <= {TransitionRefused, Conflict}, refused[:3]
    return done, refused


async def test_fifty_concurrent_changes_and_confirmations_make_one_successor(
    committed,  # noqa: F811
):
    database, org = committed
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    ids = await _directory(database, org)
    program = await programs.create_program(
        uow=new_uow(), principal=staff(org), name="P", preset_name="charlotte-sll", overrides=OPEN
    )
    for run in range(RUNS):
        people = [
            (ids[f"X{run}"], ApplicantRole.MENTEE),
            (ids[f"Y{run}"], ApplicantRole.MENTOR),
            (ids[f"Z{run}"], ApplicantRole.MENTOR),
        ]
        cohort, [(pair, sides)] = await _active_pairs(database, org, program.id, people)
        asked, _ = await _all_at_once(
            checkpoint.answer_checkpoint(
                uow=new_uow(),
                principal=sides[n % 2],
                clock=AT_CHECKPOINT,
                mentorship_id=pair.id,
                decision=CheckpointDecision.CHANGE,
            )
            for n in range(TASKS)
        )
        assert asked, f"run {run}: no change request got through"
        assert all(v.awaiting == "coordinator_confirmation" for v in asked)
        confirmed, refused = await _all_at_once(
            checkpoint.confirm_rematch(
                uow=new_uow(), principal=staff(org), clock=AT_CHECKPOINT, mentorship_id=pair.id
            )
            for _ in range(TASKS)
        )
        assert len(confirmed) == 1, f"run {run}: {len(confirmed)} confirmations"
        assert {o.rule for o in refused} <= {"no_rematch_pending"}
        [view] = confirmed
        assert (view.state, view.outcome) == ("rematched", "rematched")
        async with new_uow() as uow:
            stored = await uow.programs.mentorships(cohort_id=cohort.id)
        successors = [m for m in stored if m.id != pair.id]
        assert [m.id for m in successors] == [view.successor_id]
        assert successors[0].mentee_id == pair.mentee_id
        assert successors[0].mentor_id != pair.mentor_id


async def test_two_pairs_asking_at_once_for_the_one_free_mentor_book_them_once(
    committed,  # noqa: F811
):
    database, org = committed
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    ids = await _directory(database, org, mentees_per_run=2)
    program = await programs.create_program(
        uow=new_uow(), principal=staff(org), name="P", preset_name="charlotte-sll", overrides=OPEN
    )
    for run in range(RUNS):
        people = [
            (ids[f"X{run}"], ApplicantRole.MENTEE),
            (ids[f"V{run}"], ApplicantRole.MENTEE),
            (ids[f"Y{run}"], ApplicantRole.MENTOR),
            (ids[f"Z{run}"], ApplicantRole.MENTOR),
            (ids[f"U{run}"], ApplicantRole.MENTOR),
        ]
        cohort, pairs = await _active_pairs(database, org, program.id, people)
        assert len(pairs) == 2
        # Both mentees ask for a change at the same moment, then coordinators confirm both.
        asked, refused = await _all_at_once(
            checkpoint.answer_checkpoint(
                uow=new_uow(),
                principal=sides[0],
                clock=AT_CHECKPOINT,
                mentorship_id=pair.id,
                decision=CheckpointDecision.CHANGE,
            )
            for pair, sides in pairs
        )
        assert not refused
        await _all_at_once(
            checkpoint.confirm_rematch(
                uow=new_uow(),
                principal=staff(org),
                clock=AT_CHECKPOINT,
                mentorship_id=v.mentorship_id,
            )
            for v in asked
            if v.awaiting
        )
        async with new_uow() as uow:
            stored = await uow.programs.mentorships(cohort_id=cohort.id)
        # The one free mentor (one-to-one) goes to one mentee; the other is withdrawn.
        open_ = [m for m in stored if m.state in ("proposed", "confirmed", "active")]
        assert len(open_) == 1, f"run {run}: {[(m.mentee_id, m.mentor_id) for m in open_]}"
        assert sorted(m.state for m in stored if m.id in {p.id for p, _ in pairs}) == [
            "rematched",
            "withdrawn",
        ]
