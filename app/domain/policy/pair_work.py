"""What a pair does under a policy: the evaluations it gives, the meetings it keeps, the
agreement it signs and the plan it follows. Each section checks itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.development_plan import PlanForm
from app.domain.forms.kinds import EvaluationKind
from app.domain.forms.model import EvaluationForm
from app.domain.policy.choices import CadenceMeasure, refuse, refuse_negative
from app.domain.policy.codec import Section


@dataclass(frozen=True, slots=True)
class EvaluationPolicy(Section):
    """Which evaluations run, when, and which must be done before a mentorship completes."""

    midpoint: bool = False
    final: bool = False
    checkup_every_months: int | None = None
    outcome_review: bool = False
    program_evaluation: bool = False
    # The program evaluation is given once, at the conclusion of the term, in its last month
    # (002 "Policies & Protocols", 003 "Evaluation"). Otherwise it is answered once per round
    # of the cohort's calendar, each program-evaluation event being one round (004's March,
    # 000's "periodically"), or once any day where the calendar has no such event.
    program_evaluation_at_end: bool = False
    monthly: bool = False
    compatibility_check: bool = False
    required_before_completion: frozenset[EvaluationKind] = frozenset()
    forms: tuple[EvaluationForm, ...] = ()
    # The kinds whose free text the respondent's partner reads too, not the respondent alone:
    # Caltrans' checkup is a worksheet "to create a dialogue" (002). Staff never read it.
    free_text_shared_with_pair: frozenset[EvaluationKind] = frozenset()

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
        # A program evaluation judges the program, not the pair: it is no dialogue between them.
        refuse(
            EvaluationKind.PROGRAM in self.free_text_shared_with_pair,
            "a program evaluation's free text is never shared with the pair",
            "free_text_shared_with_pair",
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
    # Only meetings held face to face (in person or virtual) count towards the meetings a
    # month; email and phone check-ins count their hours only (003 "Creating a Meeting
    # Schedule"). Elsewhere every logged meeting counts.
    face_to_face_meetings_only: bool = False

    def __post_init__(self) -> None:
        refuse(
            self.min_meetings_per_month < 0,
            "min_meetings_per_month must be >= 0",
            "min_meetings_per_month",
        )
        refuse_negative(
            self.min_hours_per_month, "min_hours_per_month must be >= 0", "min_hours_per_month"
        )


@dataclass(frozen=True, slots=True)
class AgreementPolicy(Section):
    """The written agreement between mentor and mentee."""

    required: bool = False
    title: str = "Mentoring Agreement"
    sections: tuple[str, ...] = ()
    required_sections: tuple[str, ...] = ()
    # The listed sections are the template's headings and the pair may add its own (000
    # "The MRA is only a guide. You may use it or create your own."); false: only the listed.
    sections_are_a_guide: bool = False
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
    # A plan with no goal once the initial meeting was held is on the coordinator's worklist.
    plan_drafted_at_initial_meeting: bool = False

    def __post_init__(self) -> None:
        refuse(
            self.max_objectives is not None and self.max_objectives < 1,
            "max_objectives must be at least 1",
            "max_objectives",
        )
