"""The four seed programs as ready-made policies a new organisation can start from.

Every value that differs from ``Policy()``'s default names the seed and section it encodes,
so a program officer can hold this file next to their handbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from app.domain.calendar.kinds import EventKind
from app.domain.confidentiality import DisclosureKind
from app.domain.development_plan import PlanForm
from app.domain.eligibility.decision import (
    ActiveEmployment,
    AttendedInformationSession,
    GraduateOf,
    HasCapacity,
    MinimumLevel,
    MinimumMonthsOfService,
    NeedsAssessmentProvided,
    NoDisciplinaryIssues,
    ParticipationInIdp,
    SelfAssessmentComplete,
    SupervisorApproved,
)
from app.domain.errors import NotFound
from app.domain.forms import handbooks as forms
from app.domain.policy.model import (
    AgreementPolicy,
    CadenceMeasure,
    CadencePolicy,
    CalendarEntry,
    CheckpointPolicy,
    EligibilityPolicy,
    EndingPolicy,
    EvaluationKind,
    EvaluationPolicy,
    FeePayer,
    FeePolicy,
    GoalsPolicy,
    GroupActivityPolicy,
    LateAnswer,
    MatchingPolicy,
    OnboardingPolicy,
    PairFormation,
    Policy,
    PreferenceWeights,
    SupervisoryLine,
    TermPolicy,
)

# The seeds name no grade numbers; these are settings an organisation adjusts to its scale.
SENIOR_LEADER_LEVEL: Final = 8  # 000 "Description": Senior Leaders (CM, ACMs, KBEs, Deputy KBEs)
NC_MONTHS_OF_SERVICE: Final = 12  # 003 "Expectations": "at least ___ months/years of service"
MAINE_LEADERSHIP_INSTITUTE: Final = "Maine Leadership Institute"
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
        program_evaluation=True,  # 000 "Program Evaluations": periodic online evaluation
        monthly=True,  # 001 "Mentee Expectations": "Complete monthly evaluations"
        compatibility_check=True,  # 000 "Relationship Compatibility": process, progress, fit
        required_before_completion=frozenset({EvaluationKind.MIDPOINT, EvaluationKind.FINAL}),
        forms=(  # both mentor and mentee answer the mid-point and final ones
            forms.CHARLOTTE_MIDPOINT,
            forms.CHARLOTTE_FINAL,
            forms.CHARLOTTE_MONTHLY,
            forms.CHARLOTTE_COMPATIBILITY,
        ),
    ),
    cadence=CadencePolicy(agreed_in_agreement=True),  # 000 agreement: "weekly, bi-weekly, monthly"
    agreement=AgreementPolicy(
        required=True,  # 001 "Next Steps": the MRA is made at the first one-on-one meeting
        title="Mentoring Relationship Agreement",  # 000 "Mentoring Relationship Agreement"
        sections=("frequency", "communication_methods", "concerns", "other"),  # 000 agreement terms
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
    group_activities=GroupActivityPolicy(
        # 001 "Group Learning": "Mentee participation is mandatory"
        group_sessions_mandatory_for_mentees=True,
        luncheons=2,  # 001 "Group Learning": "twice during the nine months"
        luncheon_hosts=8,  # 001 "Group Learning": "Eight mentors will each host"
        luncheon_group_min=5,  # 001 "Group Learning": "five (or six) mentees"
        luncheon_group_max=6,
        mentees_stay_hosts_rotate=True,  # 001 "Group Learning": mentees remain; mentors rotate
        luncheons_not_before_month=1,  # 001 "Group Learning": "beginning after January 1"
    ),
    # 000 "Group Learning": "periodic group sessions" (a setting: here every third month); the
    # luncheons follow from `group_activities` (January and April).
    calendar=(
        CalendarEntry(EventKind.ORIENTATION, "Mentor and mentee orientation"),
        CalendarEntry(EventKind.GROUP_SESSION, "Group session", months=1),
        CalendarEntry(EventKind.GROUP_SESSION, "Group session", months=4),
        CalendarEntry(EventKind.GROUP_SESSION, "Group session", months=7),
    ),
)

CALTRANS = Policy(
    duration_months=6,  # 002 FAQ "How long should the mentoring relationship last?": six months
    term=TermPolicy(
        agreed_per_pair=True,  # 002 FAQ: "agreed upon and documented in the mentoring contract"
        min_months=6,  # 002 FAQ: jobs "may consider a longer duration" (longer, not shorter)
    ),
    evaluations=EvaluationPolicy(
        checkup_every_months=2,  # 002 "Relationship Checkup Worksheet": "every two months"
        forms=(forms.CALTRANS_CHECKUP,),  # 002 worksheet items 1-10, 1 = Strongly Agree
        # 002 "Policies & Protocols": "participate in an evaluation of the overall process at
        # the conclusion of the mentoring program period"
        program_evaluation=True,
        program_evaluation_at_end=True,
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
    # 002 "Minimum Requirements": mentors "attend organized events" (an orientation)
    calendar=(CalendarEntry(EventKind.ORIENTATION, "Mentoring program orientation"),),
)

NC_MODEL = Policy(
    duration_months=12,  # 003 "Duration": "at least a one-year partnership"
    term=TermPolicy(agreed_per_pair=True, min_months=12),  # 003 "Duration": agency guidelines
    evaluations=EvaluationPolicy(
        outcome_review=True,  # 003 "Setting Learning and Development Goals": final meeting review
        program_evaluation=True,  # 003 "Evaluation": coordinator discusses with each at the end
        required_before_completion=frozenset({EvaluationKind.OUTCOME_REVIEW}),
        forms=(forms.NC_OUTCOME_REVIEW, forms.NC_PROGRAM),
    ),
    cadence=CadencePolicy(
        min_meetings_per_month=1,  # 003 "Duration": "at least one meeting per month"
        min_hours_per_month=1.0,  # 003 "Expectations": "a minimum of ___ hours" (blank: a setting)
        # 003 "Duration" recommends "at least one meeting per month"; "Expectations" makes the
        # monthly meetings an expectation of both sides ("at least ___ times per month"), the
        # number left blank: read as required, with the recommended one as its default.
        recommended=False,
    ),
    agreement=AgreementPolicy(
        required=True,  # 003 "Requirements": sign the agreement at the beginning
        title="Mentor-Mentee Agreement",  # 003 "Mentor-Mentee Agreement"
        sections=("ground_rules", "meeting_schedule", "confidentiality"),  # 003 "Initial Meeting"
        signed_by_both_before_active=True,  # 003 "Initial Meeting": discuss and sign
        coordinator_keeps_file=True,  # 003 "Confidentiality": file of signed agreements
    ),
    goals=GoalsPolicy(
        plan=PlanForm.ACTION_PLAN_OR_IDP,  # 003 "Setting Learning and Development Goals": AP or IDP
        max_objectives=3,  # 003 "Setting Learning and Development Goals": "up to three (3)"
        smart_goals=True,  # 003 "Expectations": "setting SMART goals"
        monthly_progress_reports=True,  # 003 "Expectations": "report monthly progress"
    ),
    eligibility=EligibilityPolicy(
        mentee_rules=(  # 003 "Expectations" (mentee)
            ActiveEmployment(),
            NoDisciplinaryIssues(),  # good standing, current NC VIP ratings
            MinimumMonthsOfService(NC_MONTHS_OF_SERVICE),
            AttendedInformationSession(),
            NeedsAssessmentProvided(),
        ),
        # 003 "Expectations" (mentor)
        mentor_rules=(ActiveEmployment(), AttendedInformationSession(), HasCapacity()),
        overrides_allowed=True,  # 003 "*Extenuating circumstances ... with appropriate approval"
    ),
    matching=MatchingPolicy(
        # 003 "Selecting a Mentor": "It is best to match mentors with mentees who are: Not
        # direct reports": the direct supervisor, and "it is best", so an override on record.
        supervisory_line=SupervisoryLine.DIRECT_SUPERVISOR,
        supervisor_override_allowed=True,
        # 003 names no unit or department line ("diverse" is a preference, not a rule).
        forbid_same_unit=False,
        one_to_one=False,  # 003 "Selecting a Mentor": a pool of available mentors
        weights=PreferenceWeights(
            competency_overlap=2.0,  # 003 "Selecting a Mentor": objectives vs mentor's skills
            career_path_overlap=1.0,  # 003 "Selecting a Mentor": career path or progression
        ),
    ),
    pair_formation=(PairFormation.COORDINATOR,),  # 003 "Selecting a Mentor"
    onboarding=OnboardingPolicy(
        initial_meeting_window_days=14,  # 003 "Initial Meeting": "soon after" (a setting)
        initial_meeting_min_hours=1.0,  # 003 "Initial Meeting": "at least one hour"
        # 003 "Program Coordinator": information meetings "annually": attendance lasts a year
        information_session_valid_months=12,
    ),
    # 003 "Program Coordinator": an information session, followed up "annually"; held a month
    # before the cohort starts, since attending it comes before joining.
    calendar=(
        CalendarEntry(EventKind.INFORMATION_SESSION, "Mentoring program information session", -1),
    ),
    # 003 "Evaluation": the coordinator "will discuss individually with the mentor and mentee,
    # upon conclusion of the mentorship, their experience"
    ending=EndingPolicy(coordinator_debriefs_each=True),
)

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
        # 004 "Ethics": "no supervisory responsibilities, even indirectly": the whole chain
        supervisory_line=SupervisoryLine.WHOLE_CHAIN,
        # 004 "Ethics": "should not be in the same unit" (hard, the default) and "Preferably,
        # they will not be in the same department": a strong preference, not a prohibition.
        forbid_same_department=False,
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
    ),
    ending=EndingPolicy(administrator_may_terminate=True),  # 004 confidentiality exception 3
)


@dataclass(frozen=True, slots=True)
class Preset:
    """A named starting policy and what it is, for the people choosing one."""

    key: str
    title: str
    description: str
    policy: Policy


_ALL = (
    Preset(
        "charlotte-sll",
        "City of Charlotte, Shared Leadership Learning",
        "Nine months, one-to-one with a senior leader; a selection committee matches; a "
        "compatibility check at month 3; mid-point and final evaluations; group luncheons. "
        'Supervisory line: "Senior Leaders (CM, ACMs, KBEs, and Deputy KBEs)" mentor employees '
        '"outside their work area" (000): not the direct supervisor, not the same KBU.',
        CHARLOTTE_SLL,
    ),
    Preset(
        "caltrans",
        "Caltrans Mentoring Program",
        "Six months recommended, longer if the pair agrees in a contract; the mentee chooses "
        "from a volunteer list with supervisor approval, participation written into the IDP; "
        "checkups every two months. "
        "Supervisory line: \"it is not recommended that an employee's direct report become "
        'their formal mentor" (002): not the direct supervisor, unless an override records why.',
        CALTRANS,
    ),
    Preset(
        "nc-model",
        "North Carolina Mentoring Model",
        "At least a year, one meeting a month or more; the coordinator matches objectives to "
        "skills; up to three objectives; eligibility exceptions with a recorded approval. "
        'Supervisory line: mentees who are "not direct reports" (003): not the direct '
        "supervisor, unless an override records why.",
        NC_MODEL,
    ),
    Preset(
        "maine-mms",
        "Maine Management Service, Mentors for Managers",
        "Nine months for Maine Leadership Institute graduates; four means of matching, never "
        "within a unit and preferably not within a department; $150 billed to the protege's "
        "department; recorded disclosures. "
        'Supervisory line: "no supervisory responsibilities, even indirectly" (004): the '
        "whole chain.",
        MAINE_MMS,
    ),
)

PRESET_DETAILS: Final = MappingProxyType({p.key: p for p in _ALL})
PRESETS: Final = MappingProxyType({p.key: p.policy for p in _ALL})


def preset(name: str) -> Policy:
    """The preset policy called ``name``; NotFound names the ones that exist."""
    found = PRESETS.get(name)
    if found is None:
        raise NotFound(f"no preset {name!r}; presets: {', '.join(PRESETS)}", field="preset")
    return found
