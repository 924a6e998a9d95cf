"""The sections of a program policy: term, checkpoint, evaluations, cadence, agreement, goals,
group activities, fee, onboarding and ending. Each section checks its own coherence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.domain.calendar.kinds import EventKind
from app.domain.development_plan import PlanForm
from app.domain.errors import PolicyError
from app.domain.forms.kinds import EvaluationKind as EvaluationKind
from app.domain.forms.kinds import Respondent as Respondent
from app.domain.forms.model import EvaluationForm as EvaluationForm
from app.domain.policy.codec import Section


def refuse(condition: bool, detail: str, field_name: str) -> None:
    """Raise PolicyError naming ``field_name`` when ``condition`` holds."""
    if condition:
        raise PolicyError(detail, field=field_name)


class PairFormation(StrEnum):
    """How a pair comes to be proposed."""

    COMMITTEE = "committee"
    COORDINATOR = "coordinator"
    ALGORITHM = "algorithm"
    MENTEE_CHOICE = "mentee_choice"
    REFERRAL = "referral"
    INTERVIEW_SHORTLIST = "interview_shortlist"
    SOCIAL_OCCASION = "social_occasion"


class LateAnswer(StrEnum):
    """What becomes of a checkpoint answer given after its window has closed."""

    REFUSED = "refused"
    MARKED_LATE = "marked_late"


class CadenceMeasure(StrEnum):
    """How the meeting cadence is judged over the term so far."""

    EACH_MONTH = "each_month"  # every finished month must reach the minimum (NC: "at least")
    ON_AVERAGE = "on_average"  # the finished months together, per month (Caltrans: "about")


class NoRematchOutcome(StrEnum):
    """What happens when a change is asked for at the checkpoint and no other mentor is free."""

    WITHDRAW_MENTEE = "withdraw_mentee"
    END_RELATIONSHIP = "end_relationship"


class FeePayer(StrEnum):
    """Who is billed the program fee."""

    NONE = "none"
    MENTEE_DEPARTMENT = "mentee_department"


@dataclass(frozen=True, slots=True)
class TermPolicy(Section):
    """Whether each pair agrees its own length, and the bounds on it (None: unbounded)."""

    agreed_per_pair: bool = False
    min_months: int | None = None
    max_months: int | None = None
    ends_at_cohort_end: bool = False

    def __post_init__(self) -> None:
        low, high = self.min_months, self.max_months
        refuse(low is not None and low < 1, "a term lasts at least one month", "min_months")
        refuse(high is not None and high < 1, "a term lasts at least one month", "max_months")
        if low is not None and high is not None:
            refuse(high < low, "max_months is below min_months", "max_months")


@dataclass(frozen=True, slots=True)
class CheckpointPolicy(Section):
    """Who may ask for a change at the compatibility checkpoint, and what follows."""

    mentee_may_request_change: bool = True
    mentor_may_request_change: bool = True
    on_no_rematch: NoRematchOutcome = NoRematchOutcome.WITHDRAW_MENTEE
    withdrawn_mentee_eligible_for_next_cohort: bool = True
    closes_days_after_due: int | None = None
    late_answers: LateAnswer = LateAnswer.REFUSED
    # The next cohort's matching takes the withdrawn (on its next-session list) first.
    next_cohort_priority: bool = False

    def __post_init__(self) -> None:
        days = self.closes_days_after_due
        refuse(
            days is not None and days < 0,
            "the checkpoint closes on or after its due date",
            "closes_days_after_due",
        )


@dataclass(frozen=True, slots=True)
class EvaluationPolicy(Section):
    """Which evaluations run, when, and which must be done before a mentorship completes."""

    midpoint: bool = False
    final: bool = False
    checkup_every_months: int | None = None
    outcome_review: bool = False
    program_evaluation: bool = False
    # The program evaluation is given at the conclusion of the term, in its last month (002
    # "Policies & Protocols"), rather than whenever the program asks (000) or in the calendar's
    # evaluation event (004).
    program_evaluation_at_end: bool = False
    monthly: bool = False
    compatibility_check: bool = False
    required_before_completion: frozenset[EvaluationKind] = frozenset()
    forms: tuple[EvaluationForm, ...] = ()

    def __post_init__(self) -> None:
        every = self.checkup_every_months
        refuse(
            every is not None and every < 1,
            "checkups are at least a month apart",
            "checkup_every_months",
        )
        refuse(
            self.program_evaluation_at_end and not self.program_evaluation,
            "the program evaluation is timed but the program does not run it",
            "program_evaluation_at_end",
        )
        for kind in self.required_before_completion:
            refuse(
                kind not in self.kinds(),
                f"{kind} is required but the program does not run it",
                "required_before_completion",
            )
        # A form whose evaluation is switched off stays, unused, until it is switched on again.
        form_kinds = [form.kind for form in self.forms]
        refuse(len(set(form_kinds)) != len(form_kinds), "two forms for one evaluation", "forms")

    def form(self, kind: EvaluationKind) -> EvaluationForm | None:
        """The program's form for ``kind``, if it defines one and runs that evaluation."""
        if kind not in self.kinds():
            return None
        return next((form for form in self.forms if form.kind is kind), None)

    def kinds(self) -> frozenset[EvaluationKind]:
        """The evaluations this program runs."""
        flags = {
            EvaluationKind.MIDPOINT: self.midpoint,
            EvaluationKind.FINAL: self.final,
            EvaluationKind.CHECKUP: self.checkup_every_months is not None,
            EvaluationKind.OUTCOME_REVIEW: self.outcome_review,
            EvaluationKind.PROGRAM: self.program_evaluation,
            EvaluationKind.MONTHLY: self.monthly,
            EvaluationKind.COMPATIBILITY_CHECK: self.compatibility_check,
        }
        return frozenset(kind for kind, runs in flags.items() if runs)


@dataclass(frozen=True, slots=True)
class CadencePolicy(Section):
    """How often a pair meets; ``recommended`` means a shortfall is a signal, not a breach."""

    min_meetings_per_month: int = 0
    min_hours_per_month: float = 0.0
    recommended: bool = True
    agreed_in_agreement: bool = False
    measured: CadenceMeasure = CadenceMeasure.EACH_MONTH

    def __post_init__(self) -> None:
        refuse(
            self.min_meetings_per_month < 0,
            "min_meetings_per_month must be >= 0",
            "min_meetings_per_month",
        )
        hours = self.min_hours_per_month
        refuse(
            not math.isfinite(hours) or hours < 0,
            "min_hours_per_month must be >= 0",
            "min_hours_per_month",
        )


@dataclass(frozen=True, slots=True)
class AgreementPolicy(Section):
    """The written agreement between mentor and mentee."""

    required: bool = False
    title: str = "Mentoring Agreement"
    sections: tuple[str, ...] = ()
    required_sections: tuple[str, ...] = ()
    signed_by_both_before_active: bool = False
    coordinator_keeps_file: bool = False

    def __post_init__(self) -> None:
        for section in self.required_sections:
            refuse(
                bool(self.sections) and section not in self.sections,
                f"{section} is required but is not a section of the agreement",
                "required_sections",
            )
        refuse(
            self.signed_by_both_before_active and not self.required,
            "signatures cannot be required for an agreement the program does not require",
            "signed_by_both_before_active",
        )


@dataclass(frozen=True, slots=True)
class GoalsPolicy(Section):
    """The mentee's development plan."""

    plan: PlanForm = PlanForm.GOALS
    max_objectives: int | None = None
    smart_goals: bool = False
    mentee_journal: bool = False
    monthly_progress_reports: bool = False

    def __post_init__(self) -> None:
        refuse(
            self.max_objectives is not None and self.max_objectives < 1,
            "max_objectives must be at least 1",
            "max_objectives",
        )


@dataclass(frozen=True, slots=True)
class GroupActivityPolicy(Section):
    """Group sessions and small-group luncheons (mentees stay in a group, hosts rotate)."""

    group_sessions_mandatory_for_mentees: bool = False
    group_sessions_mandatory_for_mentors: bool = False
    luncheons: int = 0
    luncheon_hosts: int = 0
    luncheon_group_min: int = 0
    luncheon_group_max: int = 0
    mentees_stay_hosts_rotate: bool = False
    luncheons_not_before_month: int | None = None

    def __post_init__(self) -> None:
        for name in ("luncheons", "luncheon_hosts", "luncheon_group_min"):
            refuse(getattr(self, name) < 0, f"{name} must be >= 0", name)
        refuse(
            self.luncheon_group_max < self.luncheon_group_min,
            "luncheon_group_max is below luncheon_group_min",
            "luncheon_group_max",
        )
        month = self.luncheons_not_before_month
        refuse(
            month is not None and not 1 <= month <= 12,
            "a month is 1 to 12",
            "luncheons_not_before_month",
        )


@dataclass(frozen=True, slots=True)
class FeePolicy(Section):
    """The program fee, in cents, and who is billed."""

    amount_cents: int = 0
    billed_to: FeePayer = FeePayer.NONE

    def __post_init__(self) -> None:
        refuse(self.amount_cents < 0, "a fee cannot be negative", "amount_cents")
        refuse(
            self.amount_cents > 0 and self.billed_to is FeePayer.NONE,
            "a fee must say who is billed",
            "billed_to",
        )


@dataclass(frozen=True, slots=True)
class OnboardingPolicy(Section):
    """From the information session and the proposal to the first meeting."""

    initial_meeting_window_days: int | None = None
    initial_meeting_min_hours: float = 0.0
    meetings_from_proposal: bool = False
    information_session_valid_months: int = 0  # 0: a session counts for its own cohort only

    def __post_init__(self) -> None:
        self._check_window()
        refuse(
            self.information_session_valid_months < 0,
            "information_session_valid_months must be >= 0",
            "information_session_valid_months",
        )

    def _check_window(self) -> None:
        days = self.initial_meeting_window_days
        refuse(
            days is not None and days < 1,
            "the initial meeting window is at least a day",
            "initial_meeting_window_days",
        )
        hours = self.initial_meeting_min_hours
        refuse(
            not math.isfinite(hours) or hours < 0,
            "initial_meeting_min_hours must be >= 0",
            "initial_meeting_min_hours",
        )


@dataclass(frozen=True, slots=True)
class EndingPolicy(Section):
    """How a relationship may end before its term."""

    participant_may_end_without_reason: bool = True
    administrator_may_terminate: bool = False
    coordinator_debriefs_each: bool = False


# --- people and pairing (issue 22) ---------------------------------------------------------


class SupervisoryLine(StrEnum):
    """Whose supervisory line may not mentor: each handbook reads it differently."""

    DIRECT_SUPERVISOR = "direct_supervisor"  # 000/001, 002, 003: not the direct supervisor
    WHOLE_CHAIN = "whole_chain"  # 004: "no supervisory responsibilities, even indirectly"


SUPERVISORY_READINGS = {
    SupervisoryLine.DIRECT_SUPERVISOR: "the mentor may not be the mentee's direct supervisor "
    "(nor the mentee the mentor's)",
    SupervisoryLine.WHOLE_CHAIN: "the mentor may not be anywhere in the mentee's supervisory "
    "chain, even indirectly (nor the mentee in the mentor's)",
}


# --- The program year (issue 21): a cohort's calendar laid out from the policy -------------


@dataclass(frozen=True, slots=True)
class CalendarEntry(Section):
    """One event of the preset's calendar, placed relative to the cohort's start: ``months``
    and ``days`` after it (negative: before), lasting ``lasts_months`` and ``lasts_days``."""

    kind: EventKind
    title: str
    months: int = 0
    days: int = 0
    lasts_months: int = 0
    lasts_days: int = 0

    def __post_init__(self) -> None:
        refuse(not self.title.strip(), "an event has a title", "title")
        refuse(
            self.lasts_months < 0 or self.lasts_days < 0,
            "an event cannot end before it starts",
            "lasts_days",
        )
