"""A coordinator's worklist: what is overdue and due in the next days, for one cohort or the
whole organisation, read in a fixed number of statements whatever the number of pairs and
cohorts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.cadence import MeetingFact
from app.domain.calendar.group_sessions import GroupSession
from app.domain.calendar.kinds import EventKind
from app.domain.calendar.worklist import PairFacts, WorkItem, worklist
from app.domain.conclusion import CONCLUDED_STATES
from app.domain.errors import InvalidInput, NotFound
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.luncheons import LuncheonGroup, hosts_at
from app.domain.policy.model import EvaluationKind, stored_policy
from app.services.paging import check_limit
from app.services.ports import Clock, UnitOfWork
from app.services.programs.cohort_dates import cohort_dates
from app.services.programs.records import CohortEvent, Mentorship
from app.services.relationships.meetings import meeting_fact
from app.services.relationships.pairs import status_of
from app.services.relationships.records import Progress

MAX_PAGE = 200
MAX_DAYS = 366
ALL_PAIRS = 1_000_000


@dataclass(frozen=True, slots=True)
class WorklistPage:
    """A page of the worklist, the number of items in all, whether more lie in the direction
    read, and the place of its first item in the list (0 for the first)."""

    items: tuple[WorkItem, ...]
    total: int
    has_more: bool
    start: int = 0


async def coordinator_worklist(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID | None = None,
    within_days: int = 14,
    offset: int | None = None,
    limit: int = 50,
    backward: bool = False,
) -> WorklistPage:
    """What is overdue and what is due within `within_days`, per cohort or organisation-wide.
    The page starts at place `offset` (the start when None); `backward`: it ends there instead
    (the end when None)."""
    reach(principal, Resource.WORKLIST, Action.READ)
    _check(within_days, offset, limit)
    today = clock.now().date()
    async with uow.read_only():
        if cohort_id is not None and await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="cohort_id")
        pairs = await _facts(uow, cohort_id)
    items = worklist(pairs, today, within_days)
    if backward:
        end = len(items) if offset is None else min(offset, len(items))
        start = max(0, end - limit)
        return WorklistPage(items[start:end], len(items), start > 0, start)
    start = offset or 0
    return WorklistPage(items[start : start + limit], len(items), start + limit < len(items), start)


def _check(within_days: int, offset: int | None, limit: int) -> None:
    if not 0 <= within_days <= MAX_DAYS:
        raise InvalidInput(f"within_days is 0 to {MAX_DAYS}", field="within_days")
    if offset is not None and offset < 0:
        raise InvalidInput("offset is at least 0", field="offset")
    check_limit(limit, MAX_PAGE)


async def _facts(uow: UnitOfWork, cohort_id: UUID | None) -> list[PairFacts]:
    found = await uow.programs.mentorships(cohort_id=cohort_id, limit=ALL_PAIRS)
    open_pairs = [m for m in found if m.state in OPEN_STATES]
    concluded = [m for m in found if _owes_debriefs(m)]
    if not open_pairs and not concluded:
        return []
    ids = [m.id for m in open_pairs]
    progress = await uow.relationships.progress_of(ids + [m.id for m in concluded])
    meetings: dict[UUID, list[MeetingFact]] = defaultdict(list)
    for meeting in await uow.relationships.meetings(ids):
        meetings[meeting.mentorship_id].append(meeting_fact(meeting))
    given: dict[UUID, list[tuple[EvaluationKind, date]]] = defaultdict(list)
    for evaluation in await uow.relationships.evaluations(ids):
        given[evaluation.mentorship_id].append(
            (EvaluationKind(evaluation.kind), evaluation.submitted_on)
        )
    flags: dict[UUID, list[date]] = defaultdict(list)
    for flag in await uow.integrations.open_flags():
        flags[flag.mentorship_id].append(flag.raised_at.date())
    cohort_ids = sorted({m.cohort_id for m in (*open_pairs, *concluded)})
    presets = await uow.programs.presets_of_cohorts(cohort_ids)
    dates = await cohort_dates(uow, cohort_ids)
    plans = await uow.relationships.luncheon_groups_of(cohort_ids)
    sessions = {c: _group_sessions(d.events, plans.get(c, [])) for c, d in dates.items()}
    statuses = {m.id: status_of(m, progress.get(m.id) or Progress(m.id)) for m in open_pairs}
    agreeing = [i for i, s in statuses.items() if s.policy.cadence.agreed_in_agreement]
    frequencies = await uow.relationships.agreed_frequencies(agreeing) if agreeing else {}
    reports = await _mentee_reports(uow, statuses)
    drafted = await _plans_drafted(uow, statuses)
    debriefed = await uow.relationships.sides_debriefed([m.id for m in concluded])
    return [
        PairFacts(
            m.id,
            m.cohort_id,
            presets.get(m.cohort_id, ""),
            status_of(m, progress.get(m.id) or Progress(m.id)),
            debriefed=tuple(Party(p) for p in debriefed.get(m.id, ())),
        )
        for m in concluded
    ] + [
        PairFacts(
            m.id,
            m.cohort_id,
            presets.get(m.cohort_id, ""),
            statuses[m.id],
            tuple(meetings[m.id]),
            tuple(given[m.id]),
            dates[m.cohort_id].confirm_by_of(m.starts_on),
            tuple(flags[m.id]),
            frequencies.get(m.id),
            (m.mentee_id, m.mentor_id),
            sessions[m.cohort_id],
            reports.get(m.id, ()),
            m.id in drafted,
        )
        for m in open_pairs
    ]


def _owes_debriefs(m: Mentorship) -> bool:
    """A concluded pair of a program whose coordinator debriefs each side (NC)."""
    if m.state not in CONCLUDED_STATES:
        return False
    return stored_policy(m.policy).ending.coordinator_debriefs_each


async def _mentee_reports(
    uow: UnitOfWork, statuses: dict[UUID, MentorshipStatus]
) -> dict[UUID, tuple[int, ...]]:
    """The months each mentee reported, for the pairs whose policy asks for monthly reports;
    read even for none, so a cohort of such a program costs the worklist no further statement."""
    asking = [i for i, s in statuses.items() if s.policy.goals.monthly_progress_reports]
    return await uow.relationships.months_reported(asking, Party.MENTEE.value)


async def _plans_drafted(uow: UnitOfWork, statuses: dict[UUID, MentorshipStatus]) -> set[UUID]:
    """The pairs whose plan holds an entry, of those whose policy asks for a draft by the
    initial meeting: the first entry of each plan, in one statement read even for none."""
    asking = [i for i, s in statuses.items() if s.policy.goals.plan_drafted_at_initial_meeting]
    first = await uow.relationships.goal_pages(asking, limit=1, after=None)
    return {goal.mentorship_id for goal in first}


def _group_sessions(
    events: Iterable[CohortEvent], plan: Sequence[LuncheonGroup]
) -> tuple[GroupSession, ...]:
    """A cohort's group sessions and luncheons (001 "Group Learning" lists them among the
    sessions), with who was recorded present and who excused; each luncheon with the hosts the
    plan gives it, the luncheons taken in calendar order."""
    ordered = sorted(events, key=lambda e: (e.starts_on, str(e.id)))
    luncheons = [e.id for e in ordered if e.kind == EventKind.LUNCHEON]
    return tuple(
        GroupSession(
            e.id,
            e.starts_on,
            frozenset(e.attendees),
            frozenset(e.excused),
            _hosts(plan, luncheons, e.id),
            e.kind == EventKind.LUNCHEON,
        )
        for e in ordered
        if e.kind in (EventKind.GROUP_SESSION, EventKind.LUNCHEON)
    )


def _hosts(plan: Sequence[LuncheonGroup], luncheons: list[UUID], event_id: UUID) -> frozenset[UUID]:
    if event_id not in luncheons:
        return frozenset()
    return frozenset(UUID(str(h)) for h in hosts_at(plan, luncheons.index(event_id)))
