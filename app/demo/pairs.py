"""The demo's mentorships, one in each state the lifecycle has, made through the same service
functions the API calls, each step on the day a real cohort would take it:

- Charlotte, a cohort started ten months ago: a pair that met, passed the month-three
  checkpoint, evaluated at mid-point and end, and completed; a mentee withdrawn at the
  checkpoint (no mentor free); a pair rematched at the checkpoint (the new pair is proposed).
- Maine, a cohort started three weeks ago: an active pair that meets, whose mentor spoke to the
  protege's supervisor with the protege's approval (a disclosure); a pair the mentee ended.
- NC, the cohort opening next month: a pair both people confirmed, and one still proposed."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from app.demo.cast import Cast
from app.domain.access import Role
from app.domain.calendar_months import add_months
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.confidentiality.parts import ContentPart
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.policy.model import EvaluationKind, PairFormation
from app.services import cohorts
from app.services.relationships import checkpoint, disclosures, endings, evaluations

CHARLOTTE_TERMS = {"frequency": "bi-weekly", "communication_methods": "in person, e-mail"}
MIDPOINT = {"process": 4, "progress": 4, "comments": "growing into the role"}
FINAL = {"process": 5, "progress": 4, "goals_met": 4}


async def build_pairs(cast: Cast, programs: dict[str, str], nc_cohort: str) -> dict[str, str]:
    """Every story; the id of one mentorship per state, by state."""
    today = cast.clock.now().date()
    await _charlotte(cast, UUID(programs["charlotte-sll"]), today - timedelta(days=300))
    await _maine(cast, UUID(programs["maine-mms"]), today - timedelta(days=21))
    await _nc(cast, UUID(nc_cohort), today)
    return dict(cast.made)


async def _cohort(cast: Cast, program_id: UUID, name: str, starts: date) -> UUID:
    cohort = await cohorts.create_cohort(
        uow=cast.uow(),
        principal=cast.staff(Role.ORG_ADMIN),
        program_id=program_id,
        name=name,
        starts_on=starts,
    )
    return cohort.id


async def _charlotte(cast: Cast, program_id: UUID, starts: date) -> None:
    cohort = await _cohort(cast, program_id, f"{starts.year} cohort (past)", starts)
    mentees, mentors = cast.good_staff("FIN", 3), ["DIR-2", "DIR-3", "DIR-4"]
    cast.clock.on(starts - timedelta(days=45))
    await cast.apply(cohort, mentees, mentors)
    cast.clock.on(starts - timedelta(days=14))
    committee = cast.staff(Role.COMMITTEE)
    pairs = [
        await cast.pair(committee, cohort, mentee, mentor, PairFormation.COMMITTEE)
        for mentee, mentor in zip(mentees, mentors, strict=True)
    ]
    cast.clock.on(starts)
    for pair, mentee, mentor in zip(pairs, mentees, mentors, strict=True):
        await cast.confirm(pair, mentee, mentor)
        await cast.agree(pair, mentee, mentor, CHARLOTTE_TERMS)
    done, withdrawn, rematched = pairs
    for day in (starts + timedelta(days=7), starts + timedelta(days=21)):
        await cast.meet(done, mentees[0], day, "talked through the budget season")
    cast.clock.on(starts + timedelta(days=75))  # toward the end of month three (seed 000)
    await _checkpoint(cast, done, mentees[0], CheckpointDecision.CONTINUE)
    await _checkpoint(cast, done, mentors[0], CheckpointDecision.CONTINUE)
    await _checkpoint(cast, withdrawn, mentees[1], CheckpointDecision.CHANGE)
    await _checkpoint(cast, rematched, mentees[2], CheckpointDecision.CHANGE)
    await checkpoint.confirm_rematch(
        uow=cast.uow(),
        principal=cast.staff(Role.COORDINATOR),
        clock=cast.clock,
        mentorship_id=rematched,
    )
    await _complete(cast, done, starts, mentees[0], mentors[0])
    cast.made.update(completed=str(done), withdrawn=str(withdrawn), rematched=str(rematched))


async def _checkpoint(cast: Cast, pair: UUID, number: str, decision: CheckpointDecision) -> None:
    await checkpoint.answer_checkpoint(
        uow=cast.uow(),
        principal=cast.person(number),
        clock=cast.clock,
        mentorship_id=pair,
        decision=decision,
    )


async def _complete(cast: Cast, pair: UUID, starts: date, mentee: str, mentor: str) -> None:
    """Both evaluate at mid-point and at the end (seed 000 "Expectations"); then it completes."""
    ends = add_months(starts, 9)
    for kind, day, answers in (
        (EvaluationKind.MIDPOINT, starts + timedelta(days=136), MIDPOINT),
        (EvaluationKind.FINAL, ends, FINAL),
    ):
        cast.clock.on(day)
        for number in (mentee, mentor):
            await evaluations.submit_evaluation(
                uow=cast.uow(),
                principal=cast.person(number),
                clock=cast.clock,
                mentorship_id=pair,
                kind=kind,
                answers=answers,
            )
    await endings.complete_mentorship(
        uow=cast.uow(), principal=cast.staff(Role.ORG_ADMIN), clock=cast.clock, mentorship_id=pair
    )


async def _maine(cast: Cast, program_id: UUID, starts: date) -> None:
    cohort = await _cohort(cast, program_id, f"{starts.year} cohort (running)", starts)
    mentees, mentors = ["TEC-1", "TEC-2"], ["OPE-1", "OPE-2"]
    cast.clock.on(starts - timedelta(days=45))
    await cast.apply(cohort, mentees, mentors)
    cast.clock.on(starts - timedelta(days=7))
    coordinator = cast.staff(Role.COORDINATOR)
    active = await cast.pair(coordinator, cohort, mentees[0], mentors[0], PairFormation.COORDINATOR)
    ended = await cast.pair(coordinator, cohort, mentees[1], mentors[1], PairFormation.COORDINATOR)
    cast.clock.on(starts)
    await cast.confirm(active, mentees[0], mentors[0])
    await cast.confirm(ended, mentees[1], mentors[1])
    await cast.meet(active, mentees[0], starts + timedelta(days=3), "a first talk about goals")
    note = await cast.meet(active, mentees[0], starts + timedelta(days=14), "my caseload")
    await _disclose(cast, active, mentees[0], mentors[0], note)
    await cast.meet(ended, mentees[1], starts + timedelta(days=5), "getting to know each other")
    cast.clock.on(starts + timedelta(days=12))
    await endings.end_mentorship(
        uow=cast.uow(), principal=cast.person(mentees[1]), clock=cast.clock, mentorship_id=ended
    )
    cast.made.update(active=str(active), ended=str(ended))


async def _disclose(cast: Cast, pair: UUID, mentee: str, mentor: str, meeting: UUID) -> None:
    """Seed 004 exception 2: the mentor speaks to the supervisor with the protege's approval."""
    supervisor = cast.people[mentee].manager_id
    asked = await disclosures.record_disclosure(
        uow=cast.uow(),
        principal=cast.person(mentor),
        clock=cast.clock,
        mentorship_id=pair,
        kind=DisclosureKind.SUPERVISOR_WITH_APPROVAL,
        to=[disclosures.RecipientInput("supervisor", supervisor)],
        parts=[ContentPart.MEETING_NOTES],
        description="workload",
        purpose="a lighter caseload",
        meeting_ids=[meeting],
    )
    await disclosures.answer_consent(
        uow=cast.uow(), principal=cast.person(mentee), disclosure_id=asked.id, grant=True
    )


async def _nc(cast: Cast, cohort: UUID, today: date) -> None:
    """Two of the applicants the coordinator pairs by hand; the rest are left to match."""
    cast.clock.on(today)
    coordinator = cast.staff(Role.COORDINATOR)
    first, second = cast.good_staff("PLA", 2)
    confirmed = await cast.pair(coordinator, cohort, first, "DIR-1", PairFormation.COORDINATOR)
    proposed = await cast.pair(coordinator, cohort, second, "DIR-1", PairFormation.COORDINATOR)
    await cast.confirm(confirmed, first, "DIR-1")
    cast.made.update(confirmed=str(confirmed), proposed=str(proposed))
