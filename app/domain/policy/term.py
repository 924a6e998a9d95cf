"""A relationship's term in a policy: its length, its compatibility checkpoint, how it starts
(information session, initial meeting) and how it may end early. Each section checks itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.policy.choices import LateAnswer, NoRematchOutcome, refuse, refuse_negative
from app.domain.policy.codec import Section


@dataclass(frozen=True, slots=True)
class TermPolicy(Section):
    """Whether each pair agrees its own length, the hard bounds on it (None: unbounded), and
    the length recommended: a shorter agreed term is accepted, with a notice to the pair."""

    agreed_per_pair: bool = False
    min_months: int | None = None
    max_months: int | None = None
    ends_at_cohort_end: bool = False
    # The handbooks recommend a length rather than bound it (002 FAQ: "The recommended
    # duration of the relationship is six-months"; 003 "Duration": "at least a one-year
    # partnership ... recommended"): a pair agreeing a shorter term is shown a notice, not
    # refused. Only min_months and max_months refuse.
    recommended_min_months: int | None = None

    def __post_init__(self) -> None:
        low, high = self.min_months, self.max_months
        refuse(low is not None and low < 1, "a term lasts at least one month", "min_months")
        refuse(high is not None and high < 1, "a term lasts at least one month", "max_months")
        if low is not None and high is not None:
            refuse(high < low, "max_months is below min_months", "max_months")
        # A recommendation above a hard bound is no contradiction: it stays the handbook's
        # advice, and each shorter agreed term shows it.
        recommended = self.recommended_min_months
        refuse(
            recommended is not None and recommended < 1,
            "a term lasts at least one month",
            "recommended_min_months",
        )


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
class OnboardingPolicy(Section):
    """From the information session and the proposal to the first meeting."""

    initial_meeting_window_days: int | None = None
    initial_meeting_min_hours: float = 0.0
    meetings_from_proposal: bool = False
    information_session_valid_months: int = 0  # 0: a session counts for its own cohort only
    # The mentee's needs assessment goes to the mentor, at the initial meeting or before it
    # (003 "Initial Meeting"): the first meeting waits for it, not the mentee's application.
    needs_assessment_by_initial_meeting: bool = False
    # Whether a cohort stops taking applications when it starts (pairs form before the term:
    # Maine's matches, Charlotte's committee) or keeps taking them to its last day, where pairs
    # form as people come (Caltrans's volunteer list, NC's coordinator): `applications_close_on`.
    applications_close_at_start: bool = True

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
        refuse_negative(
            self.initial_meeting_min_hours,
            "initial_meeting_min_hours must be >= 0",
            "initial_meeting_min_hours",
        )


@dataclass(frozen=True, slots=True)
class EndingPolicy(Section):
    """How a relationship may end before its term."""

    participant_may_end_without_reason: bool = True
    administrator_may_terminate: bool = False
    # The administrator may tell the pair they recommend ending it; the participants decide.
    administrator_may_recommend_termination: bool = False
    coordinator_debriefs_each: bool = False
