"""Maine Management Service, Mentors for Managers (seed 004).

Every value that differs from ``Policy()``'s default names the seed and section it encodes.
"""

from __future__ import annotations

from typing import Final

from app.domain.calendar.kinds import EventKind
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.development_plan import PlanForm
from app.domain.eligibility.application import HasCapacity
from app.domain.eligibility.employment import ActiveEmployment, GraduateOf
from app.domain.forms import handbooks as forms
from app.domain.policy.model import (
    CalendarEntry,
    EligibilityPolicy,
    EndingPolicy,
    EvaluationPolicy,
    FeePayer,
    FeePolicy,
    GoalsPolicy,
    MatchingPolicy,
    OnboardingPolicy,
    PairFormation,
    Policy,
    PreferenceWeights,
    SupervisoryLine,
    TermPolicy,
)

MAINE_LEADERSHIP_INSTITUTE: Final = "Maine Leadership Institute"

MAINE_MMS = Policy(
    duration_months=9,  # 004 "Cost": "the 9-month initiative" (July to the April final event)
    # 004 "Schedule of Events": "Final Celebratory Event ... Formal relationships end"
    term=TermPolicy(ends_at_cohort_end=True),
    evaluations=EvaluationPolicy(  # 004 "Schedule of Events": the program evaluation in March
        program_evaluation=True, forms=(forms.MAINE_PROGRAM,)
    ),
    goals=GoalsPolicy(
        plan=PlanForm.COMPETENCIES
    ),  # 004 match criterion 1: competencies to focus on
    eligibility=EligibilityPolicy(
        # 004 mission: "graduates of the Maine Leadership Institute"
        mentee_rules=(ActiveEmployment(), GraduateOf((MAINE_LEADERSHIP_INSTITUTE,))),
        mentor_rules=(ActiveEmployment(), HasCapacity()),
    ),
    matching=MatchingPolicy(
        # 004 names no level line: its criteria are career path, competencies, qualities,
        # "chemistry", support and demographics, and "Mentors typically have influence" is
        # typical, not required; the supervisory line below is its only rule of rank.
        require_higher_level=False,
        # 004 "Ethics": "no supervisory responsibilities, even indirectly": the whole chain
        supervisory_line=SupervisoryLine.WHOLE_CHAIN,
        # 004 "Ethics": "should not be in the same unit" (hard, the default) and "Preferably,
        # they will not be in the same department": a strong preference, not a prohibition.
        forbid_same_department=False,
        # 004 "four means", 1. Referrals: "MMS will contact the referent to ascertain interest
        # in serving as a mentor and to confirm qualifications" before the match stands.
        referent_qualifications_confirmed=True,
        one_to_one=False,  # 004 names no limit on a mentor's proteges
        weights=PreferenceWeights(
            cross_department=3.0,
            career_path_overlap=2.0,  # 004 criterion 1: career path and competencies
            competency_overlap=1.0,  # 004 criterion 2: complementarity of qualities
        ),
    ),
    pair_formation=(  # 004 "four means": referral, suggested match, interview, social occasion
        PairFormation.REFERRAL,
        PairFormation.COORDINATOR,
        PairFormation.INTERVIEW_SHORTLIST,
        PairFormation.SOCIAL_OCCASION,
    ),
    # 004 "Schedule of Events" (2003-04), placed from the cohort's start on July 1
    calendar=(
        CalendarEntry(EventKind.SOCIAL_EVENT, "Social event for mentors and proteges", days=-18),
        CalendarEntry(EventKind.PRELIMINARY_MATCHES, "Preliminary mentoring matches made"),
        CalendarEntry(EventKind.ORIENTATION, "Orientation for mentors and proteges", days=7),
        CalendarEntry(
            EventKind.INITIAL_MEETING_WINDOW,
            "Initial meetings of mentoring partners",
            lasts_months=2,
        ),
        CalendarEntry(EventKind.MATCH_CONFIRMATION, "Participants confirm mentoring matches", 2),
        CalendarEntry(EventKind.NETWORKING_EVENT, "1st networking event", months=3, days=14),
        CalendarEntry(EventKind.NETWORKING_EVENT, "2nd networking event", months=6, days=20),
        CalendarEntry(
            EventKind.PROGRAM_EVALUATION,
            "Evaluate program inviting feedback from mentoring partners",
            months=8,
            lasts_days=30,
        ),
        CalendarEntry(
            EventKind.FINAL_CELEBRATION,
            "Final celebratory event; formal relationships end",
            months=9,
            days=15,
        ),
    ),
    fee=FeePolicy(amount_cents=15000, billed_to=FeePayer.MENTEE_DEPARTMENT),  # 004 "Cost"
    disclosure_exceptions=frozenset(DisclosureKind),  # 004 confidentiality exceptions 1-4
    # 004 "Schedule of Events": preliminary matches July 1, matches confirmed Sept 1
    onboarding=OnboardingPolicy(
        initial_meeting_window_days=62,
        # 004 "Schedule of Events": initial meetings July-Sept, matches confirmed Sept 1 after
        meetings_from_proposal=True,
        # 004 "Schedule of Events": "Preliminary Mentoring matches made" July 1, the term's
        # first day: the year's pairs form before it, so applications close when it starts.
        applications_close_at_start=True,
    ),
    # 004 confidentiality exception 3: the Administrator "may intervene and may even recommend
    # the mentoring relationship be terminated": a recommendation to the pair, who end it.
    ending=EndingPolicy(administrator_may_recommend_termination=True),
)
