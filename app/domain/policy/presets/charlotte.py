"""City of Charlotte, Shared Leadership Learning (seeds 000 mentor and 001 mentee orientation).

Every value that differs from ``Policy()``'s default names the seed and section it encodes.
"""

from __future__ import annotations

from typing import Final

from app.domain.calendar.kinds import EventKind
from app.domain.development_plan import PlanForm
from app.domain.eligibility.application import (
    CommitsToEvaluation,
    HasCapacity,
    SelfAssessmentComplete,
)
from app.domain.eligibility.employment import ActiveEmployment, MinimumLevel, NoDisciplinaryIssues
from app.domain.forms import handbooks as forms
from app.domain.policy.model import (
    AgreementPolicy,
    CadencePolicy,
    CalendarEntry,
    CheckpointPolicy,
    EligibilityPolicy,
    EvaluationKind,
    EvaluationPolicy,
    GoalsPolicy,
    GroupActivityPolicy,
    LateAnswer,
    MatchingPolicy,
    OnboardingPolicy,
    PairFormation,
    Policy,
    PreferenceWeights,
    SupervisoryLine,
)

# The seeds name no grade numbers: a setting an organisation adjusts to its scale.
SENIOR_LEADER_LEVEL: Final = 8  # 000 "Description": Senior Leaders (CM, ACMs, KBEs, Deputy KBEs)
# 000 "Mentee Criteria": defines strengths and weaknesses, has set goals, and "has shown a
# tendency to assume leadership positions": the self-assessment's four parts.
CHARLOTTE_SELF_ASSESSMENT: Final = ("strengths", "weaknesses", "goals", "leadership_history")

CHARLOTTE_SLL = Policy(
    duration_months=9,  # 000 "Description": "one-to-one relationship for a period of 9 months"
    checkpoint_month=3,  # 000 "Relationship Compatibility": toward the end of the first 3 months
    # 000 "Relationship Compatibility": "at this stage" the change may be asked; two weeks past
    # the end of month 3 the window closes (a setting) and a late answer is refused.
    checkpoint=CheckpointPolicy(closes_days_after_due=14, late_answers=LateAnswer.REFUSED),
    # Checkpoint defaults are Charlotte's: either side asks without a reason; no match -> withdrawn,
    # "eligible for the next session" (000 "Relationship Compatibility").
    evaluations=EvaluationPolicy(
        midpoint=True,  # 000 "Expectations": "at least mid-point and ending"
        final=True,  # 000 "Expectations": "at least mid-point and ending"
        # 000 "Program Evaluations": "You will be asked periodically to complete an online
        # evaluation": in the rounds on the cohort's calendar (below).
        program_evaluation=True,
        monthly=True,  # 001 "Understanding the Mentee Role": "Complete monthly evaluations"
        compatibility_check=True,  # 000 "Relationship Compatibility": process, progress, fit
        required_before_completion=frozenset({EvaluationKind.MIDPOINT, EvaluationKind.FINAL}),
        forms=(  # both mentor and mentee answer the mid-point and final ones
            forms.CHARLOTTE_MIDPOINT,
            forms.CHARLOTTE_FINAL,
            forms.CHARLOTTE_MONTHLY,
            forms.CHARLOTTE_COMPATIBILITY,
        ),
        # Nothing is shared with the partner; above all not the month-3 compatibility check:
        # 000 "Relationship Compatibility" lets either side ask for a change "without being
        # required to give a reason", which reading the other's answers would undo.
        free_text_shared_with_pair=frozenset(),
    ),
    cadence=CadencePolicy(agreed_in_agreement=True),  # 000 agreement: "weekly, bi-weekly, monthly"
    agreement=AgreementPolicy(
        required=True,  # 001 "Next Steps": the MRA is made at the first one-on-one meeting
        title="Mentoring Relationship Agreement",  # 000 "Mentoring Relationship Agreement"
        sections=("frequency", "communication_methods", "concerns", "other"),  # 000 agreement terms
        # 000 "Mentoring Relationship Agreement": "The MRA is only a guide. You may use it or
        # create your own."
        sections_are_a_guide=True,
        signed_by_both_before_active=True,  # 000 agreement: mentor and mentee signature and date
    ),
    # 000 "Mentee Learning Activities": a personal SWOT; 001 "Monthly Journaling"
    goals=GoalsPolicy(plan=PlanForm.GOALS_AND_SWOT, mentee_journal=True),
    eligibility=EligibilityPolicy(
        # 000 "Mentee Criteria": no performance or disciplinary issues; defines strengths/weaknesses
        # Every program: only the actively employed take part (DOMAIN "Eligibility").
        mentee_rules=(
            ActiveEmployment(),
            NoDisciplinaryIssues(),
            SelfAssessmentComplete(CHARLOTTE_SELF_ASSESSMENT),
            # 000 "Mentee Criteria": "willing to participate actively in the evaluation of this
            # experience through their constructive feedback": the applicant's commitment.
            CommitsToEvaluation(),
        ),
        # 000 "Description": mentors are Senior Leaders
        mentor_rules=(ActiveEmployment(), MinimumLevel(SENIOR_LEADER_LEVEL), HasCapacity()),
    ),
    matching=MatchingPolicy(
        # 000 "Description": Senior Leaders "(CM, ACMs, KBEs, and Deputy KBEs)" mentor employees
        # "outside their work area": the City Manager and ACMs sit above everyone, so the line
        # is the direct supervisor and the mentee's own KBU, never the whole chain.
        supervisory_line=SupervisoryLine.DIRECT_SUPERVISOR,
        forbid_same_department=True,
        one_to_one=True,  # 000 "Description": "a formal one-to-one relationship"
        weights=PreferenceWeights(
            cross_department=0.5,  # 000 "Matching Criteria": cross KBU pairing
            cross_gender=0.5,  # 000 "Matching Criteria": cross-gender pairing
            cross_race=0.5,  # 000 "Matching Criteria": cross-racial pairing
        ),
    ),
    pair_formation=(PairFormation.COMMITTEE,),  # 000 "Selection Committee"
    # 000 "Selection Committee": "Reviews participant application for closest match with mentor
    # profile", a committee named for the year: one review of the year's applications pairs
    # everyone for the nine months, so applications close when the cohort starts.
    onboarding=OnboardingPolicy(applications_close_at_start=True),
    group_activities=GroupActivityPolicy(
        # 000 "Group Learning": "Mentee participation is mandatory"
        group_sessions_mandatory_for_mentees=True,
        luncheons=2,  # 000 "Group Learning": "twice during the nine months"
        luncheon_hosts=8,  # 000 "Group Learning": "Eight mentors will each host"
        luncheon_group_min=5,  # 000 "Group Learning": "five (or six) mentees"
        luncheon_group_max=6,
        mentees_stay_hosts_rotate=True,  # 000 "Group Learning": mentees remain; mentors rotate
        luncheons_not_before_month=1,  # 000 "Group Learning": "beginning after January 1"
    ),
    # 000 "Group Learning": "periodic group sessions" (a setting: here every third month); the
    # luncheons follow from `group_activities` (January and April). 000 "Program Evaluations":
    # "You will be asked periodically to complete an online evaluation": a round opens the day
    # after each group session and runs two weeks, so the feedback is on a fresh experience.
    # The cadence is the coordinator's: each cohort's calendar events can be moved or removed.
    calendar=(
        CalendarEntry(EventKind.ORIENTATION, "Mentor and mentee orientation"),
        *(
            entry
            for months in (1, 4, 7)
            for entry in (
                CalendarEntry(EventKind.GROUP_SESSION, "Group session", months=months),
                CalendarEntry(
                    EventKind.PROGRAM_EVALUATION,
                    "Online program evaluation",
                    months=months,
                    days=1,
                    lasts_days=13,
                ),
            )
        ),
    ),
)
