"""The Caltrans Mentoring Handbook (seed 002).

Every value that differs from ``Policy()``'s default names the seed and section it encodes.
"""

from __future__ import annotations

from app.domain.calendar.kinds import EventKind
from app.domain.development_plan import PlanForm
from app.domain.eligibility.application import HasCapacity, ParticipationInIdp, SupervisorApproved
from app.domain.eligibility.employment import ActiveEmployment
from app.domain.forms import handbooks as forms
from app.domain.policy.model import (
    AgreementPolicy,
    CadenceMeasure,
    CadencePolicy,
    CalendarEntry,
    EligibilityPolicy,
    EvaluationKind,
    EvaluationPolicy,
    GoalsPolicy,
    MatchingPolicy,
    OnboardingPolicy,
    PairFormation,
    Policy,
    PreferenceWeights,
    SupervisoryLine,
    TermPolicy,
)

CALTRANS = Policy(
    duration_months=6,  # 002 FAQ "How long should the mentoring relationship last?": six months
    term=TermPolicy(
        agreed_per_pair=True,  # 002 FAQ: "agreed upon and documented in the mentoring contract"
        # 002 FAQ: "The recommended duration of the relationship is six-months": a contract
        # stating less is the pair's to agree, and shown a notice; no hard minimum.
        recommended_min_months=6,
    ),
    evaluations=EvaluationPolicy(
        checkup_every_months=2,  # 002 "Relationship Checkup Worksheet": "every two months"
        forms=(forms.CALTRANS_CHECKUP,),  # 002 worksheet items 1-10, 1 = Strongly Agree
        # 002 "Policies & Protocols": "participate in an evaluation of the overall process at
        # the conclusion of the mentoring program period"
        program_evaluation=True,
        program_evaluation_at_end=True,
        # 002 "Appendix: Relationship Checkup Worksheet": "Use this worksheet to create a
        # dialogue about your mentoring relationship": each side reads what the other wrote.
        free_text_shared_with_pair=frozenset({EvaluationKind.CHECKUP}),
    ),
    cadence=CadencePolicy(
        min_meetings_per_month=2,  # 002 FAQ "How often should a mentor and mentee meet?"
        min_hours_per_month=3.0,  # 002 FAQ: "approximately 3 hours total"
        measured=CadenceMeasure.ON_AVERAGE,  # 002 FAQ: "about twice a month", "approximately"
    ),
    agreement=AgreementPolicy(
        required=True,  # 002 "Agree to Terms and Framework"
        title="Caltrans Mentoring Contract",  # 002 appendix "CALTRANS MENTORING CONTRACT"
        # 002 contract: competencies, development-plan elements, ground rules; FAQ: the length
        sections=("duration", "competencies_to_model", "development_plan_elements", "ground_rules"),
        # 002 FAQ: the length is "agreed upon and documented in the mentoring contract"
        required_sections=("duration",),
        # 002 IV "The Mentoring Relationship": "The worksheets and forms contained in this section
        # are designed as examples. They can be modified to meet the participants' needs." The
        # contract is one of those forms, so a pair may add headings; the duration stays required.
        sections_are_a_guide=True,
        signed_by_both_before_active=True,  # 002 contract: mentor and mentee initials and date
    ),
    goals=GoalsPolicy(
        plan=PlanForm.IDP
    ),  # 002 "Establish Goals, Objectives, and Developmental Needs"
    eligibility=EligibilityPolicy(
        # 002 "Minimum Requirements": "Mentee needs supervisor approval to participate";
        # "Participation is part of their professional development plan and included in their
        # IDP" (the FAQ: the "request for participation ... is identified in their IDP").
        mentee_rules=(ActiveEmployment(), SupervisorApproved(), ParticipationInIdp()),
        # 002 states no orientation prerequisite for mentors: volunteers with room.
        mentor_rules=(ActiveEmployment(), HasCapacity()),
    ),
    matching=MatchingPolicy(
        # 002 "Minimum Requirements for Mentor" asks for time, interest and the leadership
        # competencies, never a higher grade (000's "at a higher level in the organization" is
        # Charlotte's), and "the mentee is in charge of the relationship, including choosing a
        # mentor", even one off the list: a mentee may choose a peer, or someone whose grade
        # HR does not record.
        require_higher_level=False,
        # 002 FAQ: "it is not recommended that an employee's direct report become their formal
        # mentor": the direct supervisor, and "not recommended", so an override may allow it.
        supervisory_line=SupervisoryLine.DIRECT_SUPERVISOR,
        supervisor_override_allowed=True,
        # 002 names no unit or department line: the mentee may choose anyone on the district's
        # list, or someone "they have developed a relationship with" off it.
        forbid_same_unit=False,
        # 002 "Shaping Successful Mentoring Programs": "each district and division solicits and
        # maintains a list of managers and supervisors who have volunteered to become mentors"
        volunteers_from_register=True,
        one_to_one=False,  # 002 "Shaping Successful Mentoring Programs": a volunteer list
        weights=PreferenceWeights(
            stated_preference=2.0,  # 002 "Mentoring is Mentee-driven": the mentee chooses
            career_path_overlap=1.0,  # 002 "What to look for in a mentor": career experience
        ),
    ),
    # 002 "Forming the Relationship": chosen from the volunteer list, or an off-list request
    pair_formation=(PairFormation.MENTEE_CHOICE, PairFormation.REFERRAL),
    # 002 "Shaping Successful Mentoring Programs": the volunteer list "should be readily
    # available for all employees to use when seeking out a mentor": an employee seeks one
    # whenever they decide to, so a cohort takes applications until it ends.
    onboarding=OnboardingPolicy(applications_close_at_start=False),
    # 002 "Responsibilities of Mentor and Mentee": both "Attend organized events and
    # activities". The handbook names no event: one orientation is planned, and no rule asks
    # that anyone attended it (002 states no orientation prerequisite).
    calendar=(CalendarEntry(EventKind.ORIENTATION, "Mentoring program orientation"),),
)
