"""Each preset encodes its seed handbook: the tests quote the rule they check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar_months import add_months
from app.domain.compatibility_checkpoint import answer_checkpoint, eligible_for_next_cohort
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.eligibility.application import (
    AttendedInformationSession,
    CommitsToEvaluation,
    NeedsAssessmentProvided,
    ParticipationInIdp,
    SelfAssessmentComplete,
    SupervisorApproved,
)
from app.domain.eligibility.decision import evaluate_eligibility
from app.domain.eligibility.employment import (
    ActiveEmployment,
    GraduateOf,
    MinimumLevel,
    MinimumMonthsOfService,
    NoDisciplinaryIssues,
)
from app.domain.eligibility.facts import ApplicantFacts, ApplicantRole
from app.domain.errors import InvalidInput, NotFound, TransitionRefused
from app.domain.evaluation_periods import period_on
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.formation import require_referent_confirmed
from app.domain.matching.rules import HardRule, is_allowed, refusals
from app.domain.policy.model import EvaluationKind, FeePayer, PairFormation, Policy
from app.domain.policy.presets import PRESET_DETAILS, PRESETS, preset
from app.domain.timeline import timeline_for
from tests.domain.pairs import active_pair

START = date(2024, 9, 1)


def _active(policy: Policy) -> MentorshipStatus:
    return active_pair(policy, START)


def test_the_four_presets_are_published_under_their_public_keys() -> None:
    assert set(PRESETS) == {"charlotte-sll", "caltrans", "nc-model", "maine-mms"}
    assert all(PRESET_DETAILS[key].description for key in PRESETS)


def test_an_unknown_preset_is_not_found() -> None:
    with pytest.raises(NotFound, match="charlotte-sll"):
        preset("boston")


# --- City of Charlotte, Shared Leadership Learning ----------------------------------------------
# seeds 000_4e18aab21704e587.txt (the handbook) and 001_5dd4108eec679fcc.txt (its forms)


def test_charlotte_pairs_for_a_period_of_9_months_with_a_check_toward_the_end_of_month_3() -> None:
    charlotte = preset("charlotte-sll")
    timeline = timeline_for(START, charlotte)
    assert timeline.ends_on == date(2025, 6, 1)
    assert (timeline.checkpoint_opens_on, timeline.checkpoint_due_on) == (
        date(2024, 11, 1),
        date(2024, 11, 30),
    )


def test_charlotte_mentee_whose_change_request_finds_no_mentor_is_withdrawn_and_eligible_for_next_session():  # noqa: E501
    """000 "Relationship Compatibility": "If an alternative match cannot be made, the mentee
    will be withdrawn from the experience and eligible for the next session." """
    status = _active(preset("charlotte-sll"))
    after = answer_checkpoint(
        status,
        by=Party.MENTOR,
        decision=CheckpointDecision.CHANGE,
        today=date(2024, 11, 20),
        alternative_available=False,
    )
    assert after.status.state is MentorshipState.WITHDRAWN
    assert eligible_for_next_cohort(after.status)


def test_charlotte_evaluates_at_least_at_mid_point_and_ending() -> None:
    """000 "Expectations": "Evaluate the relationship at various points (at least mid-point
    and ending)"."""
    required = preset("charlotte-sll").evaluations.required_before_completion
    assert required == {EvaluationKind.MIDPOINT, EvaluationKind.FINAL}


def test_charlotte_agreement_sets_frequency_communication_concerns_other_and_both_sign() -> None:
    agreement = preset("charlotte-sll").agreement
    assert agreement.sections == ("frequency", "communication_methods", "concerns", "other")
    assert agreement.signed_by_both_before_active


def test_charlotte_selection_committee_pairs_senior_leaders_one_to_one() -> None:
    charlotte = preset("charlotte-sll")
    assert charlotte.pair_formation == (PairFormation.COMMITTEE,)
    assert charlotte.matching.one_to_one
    assert charlotte.matching.require_higher_level
    assert any(isinstance(rule, MinimumLevel) for rule in charlotte.eligibility.mentor_rules)
    assert NoDisciplinaryIssues() in charlotte.eligibility.mentee_rules


def test_charlotte_luncheons_twice_after_january_for_groups_of_five_or_six_mentees() -> None:
    """001 "Group Learning": eight mentors each host five (or six) mentees; mentees remain with
    their group; luncheons "beginning after January 1"."""
    group = preset("charlotte-sll").group_activities
    assert (group.luncheons, group.luncheon_hosts) == (2, 8)
    assert (group.luncheon_group_min, group.luncheon_group_max) == (5, 6)
    assert group.mentees_stay_hosts_rotate
    assert group.luncheons_not_before_month == 1
    assert group.group_sessions_mandatory_for_mentees


def test_charlotte_mentee_defines_strengths_and_weaknesses_sets_goals_and_has_led_before() -> None:
    """000 "Mentee Criteria": "able to define clearly his/her strengths and weaknesses", "set
    realistic goals", and "has shown a tendency to assume leadership positions at their current
    level": a self-assessment without a leadership history does not meet the criteria."""
    rules = preset("charlotte-sll").eligibility.mentee_rules
    assessment = next(r for r in rules if isinstance(r, SelfAssessmentComplete))
    three = frozenset({"strengths", "weaknesses", "goals"})
    without = ApplicantFacts(ApplicantRole.MENTEE, self_assessment_sections=three)
    with_history = replace(without, self_assessment_sections=three | {"leadership_history"})
    refused = assessment.evaluate(without, START)
    assert not refused.passed
    assert refused.reason == "the self-assessment is missing: leadership_history"
    assert assessment.evaluate(with_history, START).passed


def test_charlotte_mentee_is_willing_to_participate_actively_in_the_evaluation_of_the_experience():
    # seed 000_4e18aab21704e587.txt "Mentee Criteria": "Mentee is willing to participate actively
    # in the evaluation of this experience through their constructive feedback" (001 the same).
    rules = preset("charlotte-sll").eligibility.mentee_rules
    sections = frozenset({"strengths", "weaknesses", "goals", "leadership_history"})
    applicant = ApplicantFacts(ApplicantRole.MENTEE, self_assessment_sections=sections)
    refused = evaluate_eligibility(rules, applicant, START)
    assert [o.rule for o in refused.unresolved] == ["commits_to_evaluation"]
    committed = replace(applicant, commits_to_evaluation=True)
    assert evaluate_eligibility(rules, committed, START).eligible


def test_only_charlotte_asks_mentees_to_commit_to_the_evaluation() -> None:
    # Seeds 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt and 004_5b4c852a2ca2c393.txt list no
    # such entry criterion; each preset keeps its own reading.
    asking = {
        key
        for key, policy in PRESETS.items()
        if any(isinstance(r, CommitsToEvaluation) for r in policy.eligibility.mentee_rules)
        or any(isinstance(r, CommitsToEvaluation) for r in policy.eligibility.mentor_rules)
    }
    assert asking == {"charlotte-sll"}


# --- seed 002_59333b271e9b4b69.txt Caltrans Mentoring Handbook ------------------------------------


def test_caltrans_checkups_fall_every_two_months() -> None:
    """002 "Relationship Checkup Worksheet": "evaluate the relationship every two months"."""
    timeline = timeline_for(START, preset("caltrans"))
    assert timeline.checkups == (date(2024, 11, 1), date(2025, 1, 1), date(2025, 3, 1))
    checkup = preset("caltrans").evaluations.form(EvaluationKind.CHECKUP)
    assert checkup is not None
    assert len(checkup.items) == 10


def test_caltrans_mentee_evaluates_the_overall_process_at_the_conclusion_of_the_period() -> None:
    """002 "Policies & Protocols": "Be willing to participate in an evaluation of the overall
    process at the conclusion of the mentoring program period": not before the term's last
    month (a Charlotte pair whose cohort calendar holds no evaluation round answers any day)."""
    status = _active(preset("caltrans"))  # six months from 1 September 2024
    with pytest.raises(TransitionRefused) as early:
        record_evaluation(
            status, kind=EvaluationKind.PROGRAM, by=Party.MENTEE, today=date(2025, 1, 31)
        )
    assert early.value.rule == "program_evaluation_not_due"
    assert "2025-02-01" in early.value.detail
    done = record_evaluation(
        status, kind=EvaluationKind.PROGRAM, by=Party.MENTEE, today=date(2025, 2, 1)
    )
    assert done.status.evaluations_done == (EvaluationKind.PROGRAM,)
    charlotte = _active(preset("charlotte-sll"))
    record_evaluation(charlotte, kind=EvaluationKind.PROGRAM, by=Party.MENTOR, today=START)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=6, max_value=36),
)
def test_caltrans_program_evaluation_opens_one_calendar_month_before_any_agreed_term_ends(
    starts_on: date, months: int
) -> None:
    """002: "at the conclusion of the mentoring program period", whatever term the contract
    states: the evaluation opens on the term's end less one calendar month, not a day sooner."""
    timeline = timeline_for(starts_on, preset("caltrans"), duration_months=months)
    opens = timeline.program_evaluation_opens_on
    assert opens is not None
    assert opens == add_months(timeline.ends_on, -1)
    assert starts_on < opens < timeline.ends_on
    assert period_on(timeline, EvaluationKind.PROGRAM, opens - timedelta(days=1)) is None
    assert period_on(timeline, EvaluationKind.PROGRAM, opens) is not None


def test_caltrans_recommends_six_months_and_a_pair_agrees_its_own_term_in_the_contract():
    """002 FAQ: "The recommended duration of the relationship is six-months. The length should
    be agreed upon and documented in the mentoring contract. Some technical or high level jobs
    may consider a longer duration." Recommended, so a shorter contract is the pair's too."""
    caltrans = preset("caltrans")
    assert timeline_for(START, caltrans).ends_on == date(2025, 3, 1)
    assert timeline_for(START, caltrans, duration_months=10).ends_on == date(2025, 7, 1)
    assert timeline_for(START, caltrans, duration_months=3).ends_on == date(2024, 12, 1)
    assert "duration" in caltrans.agreement.sections
    assert caltrans.term.recommended_min_months == 6
    with pytest.raises(InvalidInput):
        timeline_for(START, caltrans, duration_months=0)  # a term still lasts a month


def test_caltrans_pairs_meet_about_twice_a_month_for_about_three_hours() -> None:
    """002 FAQ: "An average of twice a month (approximately 3 hours total)." """
    cadence = preset("caltrans").cadence
    assert (cadence.min_meetings_per_month, cadence.min_hours_per_month) == (2, 3.0)
    assert cadence.recommended


@pytest.mark.parametrize("by", [Party.MENTEE, Party.MENTOR])
def test_if_either_participant_chooses_to_terminate_the_relationship_they_can_and_should(
    by: Party,
) -> None:
    # seed 002_59333b271e9b4b69.txt "Frequently-Asked Questions": "if either participant
    # chooses to terminate the mentor relationship they can and should do so without fear of
    # repercussions": alone, at any time, and nobody asks a reason.
    from app.domain.lifecycle.endings import end_early

    caltrans = preset("caltrans")
    assert caltrans.ending.participant_may_end_without_reason
    for stage in (propose(policy=caltrans, starts_on=START), _active(caltrans)):
        ended = end_early(stage, by=by, today=START + timedelta(days=1))
        assert (ended.status.state, ended.status.closed_by) == (MentorshipState.ENDED, by)


def test_caltrans_mentee_chooses_from_the_volunteer_list_or_asks_off_list_with_supervisor_approval():  # noqa: E501
    caltrans = preset("caltrans")
    assert caltrans.pair_formation == (PairFormation.MENTEE_CHOICE, PairFormation.REFERRAL)
    assert caltrans.eligibility.mentee_rules == (
        ActiveEmployment(),
        SupervisorApproved(),
        ParticipationInIdp(),
    )
    assert caltrans.checkpoint_month is None


def test_participation_is_part_of_their_professional_development_plan_and_included_in_their_idp():
    # 002_59333b271e9b4b69.txt "Minimum Requirements" (Mentee), and its FAQ: "Their development
    # plan and request for participation in the mentor/mentee program is identified in their IDP".
    rules = preset("caltrans").eligibility.mentee_rules
    approved = ApplicantFacts(ApplicantRole.MENTEE, supervisor_approved=True)
    refused = evaluate_eligibility(rules, approved, START)
    assert not refused.eligible
    assert [o.rule for o in refused.unresolved] == ["participation_in_idp"]
    in_idp = replace(approved, participation_in_idp=True)
    assert evaluate_eligibility(rules, in_idp, START).eligible


def test_only_caltrans_asks_for_participation_in_the_idp() -> None:
    # Seeds 000_4e18aab21704e587.txt/001_5dd4108eec679fcc.txt, 003_e5d42bff8b56600f.txt and
    # 004_5b4c852a2ca2c393.txt state no IDP entry criterion (NC's IDP is a goals form, not a
    # gate).
    asking = {
        key
        for key, policy in PRESETS.items()
        if any(isinstance(r, ParticipationInIdp) for r in policy.eligibility.mentee_rules)
        or any(isinstance(r, ParticipationInIdp) for r in policy.eligibility.mentor_rules)
    }
    assert asking == {"caltrans"}


_ANALYST = MatchCandidate("analyst", level=3, department="Roads", unit="Planning", manager="boss")
_UNIT_SENIOR = MatchCandidate("senior", level=7, department="Roads", unit="Planning")


@pytest.mark.parametrize("key", ["caltrans", "nc-model"])
def test_it_is_not_recommended_that_an_employees_supervisor_become_their_formal_mentor(key: str):
    # seed 002_59333b271e9b4b69.txt FAQ "Can my supervisor or manager be my mentor?" and seed
    # 003_e5d42bff8b56600f.txt "Selecting a Mentor": "Not direct reports". Neither handbook
    # draws a unit or department line: a senior colleague of the same unit may mentor.
    matching = preset(key).matching
    assert is_allowed(_ANALYST, _UNIT_SENIOR, matching)
    boss = replace(_UNIT_SENIOR, id="boss")
    assert [r.rule for r in refusals(_ANALYST, boss, matching)] == [
        HardRule.NOT_IN_SUPERVISORY_CHAIN
    ]


def test_mentors_and_proteges_should_not_be_in_the_same_unit_within_a_department() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Ethics": the unit is Maine's line (Charlotte's is the KBU,
    # seed 000_4e18aab21704e587.txt "outside their work area"); the other handbooks draw none.
    refused = {
        key: [r.rule for r in refusals(_ANALYST, _UNIT_SENIOR, policy.matching)]
        for key, policy in PRESETS.items()
    }
    assert refused == {
        "charlotte-sll": [HardRule.NOT_SAME_UNIT, HardRule.NOT_SAME_DEPARTMENT],
        "caltrans": [],
        "nc-model": [],
        "maine-mms": [HardRule.NOT_SAME_UNIT],
    }


# --- seed 003_e5d42bff8b56600f.txt North Carolina Mentoring Model Guide ---------------------------


def test_nc_allows_at_most_three_objectives() -> None:
    """003: "The mentee should identify up to three (3) objectives"."""
    assert preset("nc-model").goals.max_objectives == 3


def test_nc_recommends_at_least_a_one_year_partnership_with_a_meeting_every_month() -> None:
    """003 "Duration": "dependent upon the guidelines stipulated by the governing agency;
    however at least a one-year partnership ... and at least one meeting per month are
    recommended": a year by default and recommended, not a floor under the agency's choice."""
    nc = preset("nc-model")
    assert timeline_for(START, nc).ends_on == date(2025, 9, 1)
    assert timeline_for(START, nc, duration_months=18).duration_months == 18
    assert timeline_for(START, nc, duration_months=11).duration_months == 11
    assert nc.term.recommended_min_months == 12
    assert nc.cadence.min_meetings_per_month == 1


def test_nc_mentee_in_good_standing_with_service_and_session_overrides_allowed():
    """003 "Expectations": good standing, months of agency service, Information Session;
    "*Extenuating circumstances ... with appropriate approval". The Needs Assessment Form goes
    "to the Mentor at the start of the partnership": not an entry rule."""
    eligibility = preset("nc-model").eligibility
    assert eligibility.mentee_rules == (
        ActiveEmployment(),
        NoDisciplinaryIssues(),
        MinimumMonthsOfService(12),
        AttendedInformationSession(),
    )
    assert not any(isinstance(r, NeedsAssessmentProvided) for r in eligibility.mentor_rules)
    assert eligibility.overrides_allowed
    assert preset("nc-model").pair_formation == (PairFormation.COORDINATOR,)


# --- seed 004_5b4c852a2ca2c393.txt Maine Management Service, Mentors for Managers -----------------


def test_maine_fee_is_150_dollars_billed_to_protege_department() -> None:
    """004 "Cost": "Protégés' departments will be billed $150.00 for the 9-month initiative." """
    fee = preset("maine-mms").fee
    assert (fee.amount_cents, fee.billed_to) == (15000, FeePayer.MENTEE_DEPARTMENT)
    assert preset("maine-mms").duration_months == 9


def test_maine_matches_by_four_means_preferably_across_departments() -> None:
    """004 "Ethics": not the same unit; "Preferably, they will not be in the same department"."""
    maine = preset("maine-mms")
    assert set(maine.pair_formation) == {
        PairFormation.REFERRAL,
        PairFormation.COORDINATOR,
        PairFormation.INTERVIEW_SHORTLIST,
        PairFormation.SOCIAL_OCCASION,
    }
    assert maine.matching.forbid_same_unit
    assert not maine.matching.forbid_same_department
    assert maine.matching.weights.cross_department > maine.matching.weights.competency_overlap
    assert maine.matching.forbid_supervisory_chain


def test_maines_preset_description_says_departments_are_a_preference_and_units_a_rule() -> None:
    """004 "Ethics": "should not be in the same unit within a department. Preferably, they will
    not be in the same department": the text a new organisation reads says so too."""
    description = PRESET_DETAILS["maine-mms"].description
    assert "never within a unit and preferably not within a department" in description
    assert "never within a department" not in description


def test_mms_will_contact_the_referent_to_confirm_qualifications_before_the_match_stands():
    # seed 004_5b4c852a2ca2c393.txt "four means", 1. Referrals: "Protégés may suggest their own
    # mentors; MMS will contact the referent to ascertain interest in serving as a mentor and to
    # confirm qualifications". Caltrans' off-list request (seed 002_59333b271e9b4b69.txt "Forming
    # the Relationship") waits for no one.
    maine = preset("maine-mms").matching
    waiting = {"referral": {"qualifications_confirmed": False}}
    with pytest.raises(TransitionRefused) as refused:
        require_referent_confirmed(maine, "referral", waiting)
    assert refused.value.rule == "referent_not_confirmed"
    with pytest.raises(TransitionRefused):
        require_referent_confirmed(maine, "referral", {})
    require_referent_confirmed(maine, "referral", {"referral": {"qualifications_confirmed": True}})
    require_referent_confirmed(maine, "coordinator", {})
    require_referent_confirmed(preset("caltrans").matching, "referral", waiting)
    asking = {k for k, p in PRESETS.items() if p.matching.referent_qualifications_confirmed}
    assert asking == {"maine-mms"}


def test_maine_protege_is_a_graduate_of_the_maine_leadership_institute() -> None:
    rules = preset("maine-mms").eligibility.mentee_rules
    assert rules == (ActiveEmployment(), GraduateOf(("Maine Leadership Institute",)))


def test_maine_allows_the_four_exceptions_and_the_administrators_recommendation() -> None:
    """004: the Administrator "may intervene and may even recommend the mentoring relationship be
    terminated"."""
    maine = preset("maine-mms")
    assert maine.disclosure_exceptions == frozenset(DisclosureKind)
    assert maine.ending.administrator_may_recommend_termination
    assert not maine.ending.administrator_may_terminate
    assert maine.ending.participant_may_end_without_reason
    for key in ("charlotte-sll", "caltrans", "nc-model"):
        assert not preset(key).ending.administrator_may_recommend_termination, key
        assert not preset(key).ending.administrator_may_terminate, key
    assert not preset("charlotte-sll").disclosure_exceptions
