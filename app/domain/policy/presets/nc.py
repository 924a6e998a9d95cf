"""The North Carolina Mentoring Model Guide (seed 003).

Every value that differs from ``Policy()``'s default names the seed and section it encodes.
"""

from __future__ import annotations

from typing import Final

from app.domain.calendar.kinds import EventKind
from app.domain.development_plan import PlanForm
from app.domain.eligibility.application import AttendedInformationSession, HasCapacity
from app.domain.eligibility.employment import (
    ActiveEmployment,
    MinimumMonthsOfService,
    NoDisciplinaryIssues,
)
from app.domain.forms import handbooks as forms
from app.domain.policy.model import (
    AgreementPolicy,
    CadencePolicy,
    CalendarEntry,
    EligibilityPolicy,
    EndingPolicy,
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

NC_MONTHS_OF_SERVICE: Final = 12  # 003 "Expectations": "at least ___ months/years of service"

NC_MODEL = Policy(
    duration_months=12,  # 003 "Duration": "at least a one-year partnership"
    # 003 "Duration": the length "is dependent upon the guidelines stipulated by the governing
    # agency" (the program's own duration_months, or bounds it sets); "however at least a
    # one-year partnership ... [is] recommended": a shorter one is accepted, with a notice.
    term=TermPolicy(agreed_per_pair=True, recommended_min_months=12),
    evaluations=EvaluationPolicy(
        outcome_review=True,  # 003 "Setting Learning and Development Goals": final meeting review
        program_evaluation=True,  # 003 "Evaluation": coordinator discusses with each at the end
        # 003 "Evaluation": "upon conclusion of the mentorship", not in rounds of the year
        program_evaluation_at_end=True,
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
        # 003 "Creating a Meeting Schedule": "At least one face-to-face [in-person or virtual]
        # meeting is recommended per month with periodic email and/or phone check-ins as
        # needed": a check-in is no meeting (its hours are time "in conversations").
        face_to_face_meetings_only=True,
    ),
    agreement=AgreementPolicy(
        required=True,  # 003 "Requirements": sign the agreement at the beginning
        title="Mentor-Mentee Agreement",  # 003 "Mentor-Mentee Agreement"
        # 003 "Initial Meeting": ground rules, the schedule; "Confidentiality": its limits;
        # "Requirements": both "Commit to a reasonable duration for the partnership" (optional:
        # an agreement that states none keeps the program's term).
        sections=("ground_rules", "meeting_schedule", "confidentiality", "duration"),
        # 003 names no template to set aside: the agreement covers these, "shared with the
        # program coordinator" who keeps the file, so only the listed sections are written.
        sections_are_a_guide=False,
        signed_by_both_before_active=True,  # 003 "Initial Meeting": discuss and sign
        coordinator_keeps_file=True,  # 003 "Confidentiality": file of signed agreements
    ),
    goals=GoalsPolicy(
        plan=PlanForm.ACTION_PLAN_OR_IDP,  # 003 "Setting Learning and Development Goals": AP or IDP
        max_objectives=3,  # 003 "Setting Learning and Development Goals": "up to three (3)"
        smart_goals=True,  # 003 "Expectations": "setting SMART goals"
        monthly_progress_reports=True,  # 003 "Expectations": "report monthly progress"
        # 003 "Setting Learning and Development Goals": "At least a rough draft of the plan
        # should be completed during the initial meeting".
        plan_drafted_at_initial_meeting=True,
    ),
    eligibility=EligibilityPolicy(
        mentee_rules=(  # 003 "Expectations" (mentee)
            ActiveEmployment(),
            NoDisciplinaryIssues(),  # good standing, current NC VIP ratings
            MinimumMonthsOfService(NC_MONTHS_OF_SERVICE),
            AttendedInformationSession(),
            # The needs assessment is not an entry rule: it goes "to the Mentor at the start
            # of the partnership" (003 "Expectations"), so onboarding asks it by the first meeting.
        ),
        # 003 "Expectations" (mentor)
        mentor_rules=(ActiveEmployment(), AttendedInformationSession(), HasCapacity()),
        overrides_allowed=True,  # 003 "*Extenuating circumstances ... with appropriate approval"
    ),
    matching=MatchingPolicy(
        # 003 "Expectations": "a mentor is an experienced individual who advises and trains a
        # less experienced employee or colleague": experience, not grade; the coordinator weighs
        # the mentor's "skills and role" ("Selecting a Mentor"). No level line (000's is
        # Charlotte's "at a higher level in the organization").
        require_higher_level=False,
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
        # 003 "Initial Meeting": the mentor reviews "the Needs Assessment Form that will be
        # provided by the mentee during the meeting"; "in advance of the meeting, if desired".
        needs_assessment_by_initial_meeting=True,
        # 003 "Program Manager/Coordinator": "Perform participant screenings. Coordinate
        # information sessions, mentor/mentee matching / assignments", the sessions followed up
        # "annually" ("Summary"): the coordinator matches people as they are screened, all
        # year, so a cohort takes applications until it ends.
        applications_close_at_start=False,
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
