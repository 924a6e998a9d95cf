"""A coordinator's worklist: what is overdue and what comes due in the next days, pair by
pair, each item naming the rule, the seed it comes from and the date it was due. Facts only
(dates, states, counts), never what anyone wrote."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.cadence import MeetingFact, pair_cadence
from app.domain.calendar.group_sessions import (
    GroupSession,
    MissedSession,
    SessionPair,
    missed_sessions,
)
from app.domain.conclusion import debriefs_owed, mentee_reports_owed
from app.domain.development_plan import PLAN_DRAFT_RULE, plan_draft_due
from app.domain.evaluation_periods import EvaluationPeriod, period_on
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.lifecycle.evaluations import evaluations_owed
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind

# The seed each preset's rules come from (DOMAIN.md's table of seeds).
PRESET_SEEDS = {
    "charlotte-sll": "000_4e18aab21704e587.txt",
    "caltrans": "002_59333b271e9b4b69.txt",
    "nc-model": "003_e5d42bff8b56600f.txt",
    "maine-mms": "004_5b4c852a2ca2c393.txt",
}
# A rule only one handbook states cites that handbook in any program that adopts it.
GROUP_LEARNING_SEED = "000_4e18aab21704e587.txt"  # "Group Learning"
MONTHLY_PROGRESS_SEED = "003_e5d42bff8b56600f.txt"  # "Expectations"
DEBRIEF_SEED = "003_e5d42bff8b56600f.txt"  # "Evaluation"
PLAN_DRAFT_SEED = "003_e5d42bff8b56600f.txt"  # "Setting Learning and Development Goals"


class WorkKind(StrEnum):
    """What needs the coordinator's attention."""

    CHECKPOINT_UNANSWERED = "checkpoint_unanswered"
    EVALUATION_MISSING = "evaluation_missing"
    CHECKUP_MISSING = "checkup_missing"
    AGREEMENT_UNSIGNED = "agreement_unsigned"
    INITIAL_MEETING_NOT_HELD = "initial_meeting_not_held"
    CADENCE_AT_RISK = "cadence_at_risk"
    UNCONFIRMED_PAST_CONFIRM_BY = "unconfirmed_past_confirm_by"
    HR_CHANGE_FLAG = "hr_change_flag"
    GROUP_SESSION_MISSED = "group_session_missed"
    LUNCHEON_MISSED = "luncheon_missed"
    PROGRESS_REPORT_MISSING = "progress_report_missing"
    DEBRIEF_MISSING = "debrief_missing"
    PLAN_DRAFT_MISSING = "plan_draft_missing"


KIND_SEEDS = {
    WorkKind.GROUP_SESSION_MISSED: GROUP_LEARNING_SEED,
    WorkKind.LUNCHEON_MISSED: GROUP_LEARNING_SEED,
    WorkKind.PROGRESS_REPORT_MISSING: MONTHLY_PROGRESS_SEED,
    WorkKind.DEBRIEF_MISSING: DEBRIEF_SEED,
    WorkKind.PLAN_DRAFT_MISSING: PLAN_DRAFT_SEED,
}


@dataclass(frozen=True, slots=True)
class PairFacts:
    """What the worklist reads of one pair: its status, meetings (dates and hours), which
    evaluations were given when, its own confirm-by date, its open HR flags, its
    people with its cohort's group sessions (who was recorded present), and the months the
    mentee gave a progress report for (where the policy asks for them), whether its plan holds
    an entry (likewise); a concluded pair, the sides its coordinator debriefed."""

    mentorship_id: UUID
    cohort_id: UUID
    preset: str
    status: MentorshipStatus
    meetings: tuple[MeetingFact, ...] = ()
    evaluations: tuple[tuple[EvaluationKind, date], ...] = ()
    confirm_by: date | None = None
    hr_flags_raised_on: tuple[date, ...] = ()
    agreed_frequency: str | None = None  # what the agreement states, where the policy asks
    people: tuple[UUID, UUID] | None = None  # mentee, mentor
    group_sessions: tuple[GroupSession, ...] = ()
    mentee_report_months: tuple[int, ...] = ()
    plan_drafted: bool = False  # the development plan holds an entry (read where asked)
    debriefed: tuple[Party, ...] = ()  # the sides the coordinator debriefed (a concluded pair)


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One thing to do about one pair, and the date it was (or is) due."""

    mentorship_id: UUID
    cohort_id: UUID
    kind: WorkKind
    rule: str
    seed: str
    due_on: date
    overdue: bool


def worklist(pairs: Iterable[PairFacts], today: date, within_days: int) -> tuple[WorkItem, ...]:
    """Every item overdue on ``today`` or due within ``within_days``, oldest first."""
    horizon = today + timedelta(days=within_days)
    items = [item for pair in pairs for item in _items(pair, today) if item.due_on <= horizon]
    return tuple(sorted(items, key=lambda i: (i.due_on, i.kind, str(i.mentorship_id))))


def _items(pair: PairFacts, today: date) -> list[WorkItem]:
    found: list[tuple[WorkKind, str, date]] = []
    found += [
        (WorkKind.HR_CHANGE_FLAG, "an HR change broke a rule of the pair", d)
        for d in pair.hr_flags_raised_on
    ]
    status = pair.status
    if status.state is MentorshipState.PROPOSED and pair.confirm_by is not None:
        found.append(
            (
                WorkKind.UNCONFIRMED_PAST_CONFIRM_BY,
                "matches are confirmed by this date",
                pair.confirm_by,
            )
        )
    if status.state in (MentorshipState.CONFIRMED, MentorshipState.ACTIVE):
        found += _running(pair, today)
    # 003 "Evaluation": the coordinator "will discuss individually with the mentor and mentee,
    # upon conclusion of the mentorship, their experience".
    found += [
        (WorkKind.DEBRIEF_MISSING, f"discuss their experience with the {side}", status.closed_on)
        for side in debriefs_owed(status, pair.debriefed)
        if status.closed_on is not None
    ]
    seed = PRESET_SEEDS.get(pair.preset, "")
    return [
        WorkItem(
            pair.mentorship_id,
            pair.cohort_id,
            kind,
            rule,
            KIND_SEEDS.get(kind, seed),
            due,
            due < today,
        )
        for kind, rule, due in found
    ]


def _running(pair: PairFacts, today: date) -> list[tuple[WorkKind, str, date]]:
    status, timeline = pair.status, pair.status.timeline
    found: list[tuple[WorkKind, str, date]] = []
    agreement = status.policy.agreement
    if agreement.signed_by_both_before_active and not status.agreement_signed_by >= PARTICIPANTS:
        # Active yet unsigned: a new version was written after both had signed (an amendment).
        amended = status.state is MentorshipState.ACTIVE
        rule = f"both sign the {'amended ' if amended else ''}{agreement.title}"
        found.append((WorkKind.AGREEMENT_UNSIGNED, rule, timeline.starts_on))
    report = pair_cadence(timeline, status.policy, pair.meetings, today, pair.agreed_frequency)
    first_due = timeline.initial_meeting_due_on
    if first_due is not None and not report.initial_meeting_held:
        found.append(
            (WorkKind.INITIAL_MEETING_NOT_HELD, "hold the initial meeting in its window", first_due)
        )
    elif report.at_risk and not report.initial_meeting_missed:
        short = [m for m in report.months if m.short]
        due = short[-1].ends_on if short else today
        found.append((WorkKind.CADENCE_AT_RISK, report.reason, due))
    asked = status.policy.goals.plan_drafted_at_initial_meeting
    draft_due = plan_draft_due(asked, report.initial_meeting_on, pair.plan_drafted)
    if draft_due is not None:
        found.append((WorkKind.PLAN_DRAFT_MISSING, PLAN_DRAFT_RULE, draft_due))
    if status.state is MentorshipState.ACTIVE:
        found += _evaluations(pair)
    return found + _group_sessions(pair, today) + _progress_reports(pair, today)


def _progress_reports(pair: PairFacts, today: date) -> list[tuple[WorkKind, str, date]]:
    # 003 "Expectations": the mentee will "Track and report monthly progress".
    owed = mentee_reports_owed(pair.status, pair.mentee_report_months, today)
    return [
        (
            WorkKind.PROGRESS_REPORT_MISSING,
            f"the mentee's progress report for month {o.month}",
            o.due_on,
        )
        for o in owed
    ]


def _group_sessions(pair: PairFacts, today: date) -> list[tuple[WorkKind, str, date]]:
    if pair.people is None or not pair.group_sessions:
        return []
    status = pair.status
    runs = SessionPair(
        *pair.people, status.timeline.starts_on, status.closed_on or status.timeline.ends_on
    )
    missed = missed_sessions(runs, pair.group_sessions, status.policy.group_activities, today)
    return [
        (
            WorkKind.LUNCHEON_MISSED if m.luncheon else WorkKind.GROUP_SESSION_MISSED,
            f"{'luncheon' if m.luncheon else 'group session'} participation is mandatory: "
            f"missed by the {' and '.join(_absent(m))}",
            m.held_on,
        )
        for m in missed
    ]


def _absent(missed: MissedSession) -> list[str]:
    # At a luncheon the mentor owes it as its host (000 "Group Learning": the "one exception").
    return [
        "mentor (host)" if missed.luncheon and party is Party.MENTOR else str(party)
        for party in missed.absent
    ]


def _evaluations(pair: PairFacts) -> list[tuple[WorkKind, str, date]]:
    status, timeline = pair.status, pair.status.timeline
    found: list[tuple[WorkKind, str, date]] = []
    periods = set(_periods(pair))
    due = timeline.checkpoint_due_on
    answers = status.checkpoint_answers
    change_asked = any(a.decision is CheckpointDecision.CHANGE for a in answers)
    if due is not None and status.checkpoint_outcome is None and not change_asked:
        rule = f"answer the compatibility checkpoint ({len(answers)} of 2 answered)"
        found.append((WorkKind.CHECKPOINT_UNANSWERED, rule, due))
    for number, day in enumerate(timeline.checkups, start=1):
        if EvaluationPeriod(EvaluationKind.CHECKUP, number) not in periods:
            found.append((WorkKind.CHECKUP_MISSING, f"relationship checkup {number}", day))
    required = status.policy.evaluations.required_before_completion
    dates = {
        EvaluationKind.MIDPOINT: timeline.midpoint_on,
        EvaluationKind.FINAL: timeline.ends_on,
        EvaluationKind.OUTCOME_REVIEW: timeline.ends_on,
    }
    # Where the form waits for each side (Charlotte), each side's missing answer is its own item.
    by_side = {(o.kind, o.respondent) for o in evaluations_owed(status) if o.respondent}
    for kind in sorted(required - {EvaluationKind.CHECKUP}):
        day = dates.get(kind) or timeline.ends_on
        sides = sorted(side for owed, side in by_side if owed is kind)
        if sides:
            found += [
                (WorkKind.EVALUATION_MISSING, f"the {kind} evaluation from the {side}", day)
                for side in sides
            ]
        elif EvaluationPeriod(kind) not in periods:
            found.append((WorkKind.EVALUATION_MISSING, f"the {kind} evaluation", day))
    return found


def _periods(pair: PairFacts) -> list[EvaluationPeriod]:
    timeline = pair.status.timeline
    found = (period_on(timeline, kind, day) for kind, day in pair.evaluations)
    return [p for p in found if p is not None]
