"""Who takes part and who pairs, as each handbook says (issue 22): employment status, each
preset's supervisory line, the mentors a run leaves idle (capacity: test_load_cap.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.directory import EmploymentStatus
from app.domain.eligibility.application import AttendedInformationSession
from app.domain.eligibility.decision import evaluate_eligibility
from app.domain.eligibility.employment import ActiveEmployment
from app.domain.eligibility.facts import ApplicantFacts, ApplicantRole
from app.domain.errors import InvalidInput, TransitionRefused
from app.domain.lifecycle.activation import confirm
from app.domain.lifecycle.endings import terminate
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import propose
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.committee import CommitteeRecommendation, other_picks
from app.domain.matching.conflicts import RecordedConflict, conflicts_by_person
from app.domain.matching.explanation import build_cost_matrix, is_allowed, refusals
from app.domain.matching.idle import idle_mentors
from app.domain.matching.rules import HardRule, remaining_capacity, unlifted
from app.domain.mentor_register import RegisterEntry, cleaned_expertise
from app.domain.next_session import CarryOverReason, carry_over_reason
from app.domain.policy.model import MatchingPolicy, SupervisoryLine
from app.domain.policy.presets import PRESETS, preset

TODAY = date(2026, 12, 6)

# A realistic chart: City Manager -> ACM -> KBE (Transportation) -> manager -> analyst.
CM = MatchCandidate(id="cm", level=12, department="City Manager's Office")
ACM = MatchCandidate(
    id="acm",
    level=11,
    department="City Manager's Office",
    ancestors=frozenset({"cm"}),
    manager="cm",
)
KBE = MatchCandidate(
    id="kbe",
    level=10,
    department="Transportation",
    ancestors=frozenset({"cm", "acm"}),
    manager="acm",
)
MANAGER = MatchCandidate(
    id="manager",
    level=7,
    department="Transportation",
    unit="Planning",
    ancestors=frozenset({"cm", "acm", "kbe"}),
    manager="kbe",
)
ANALYST = MatchCandidate(
    id="analyst",
    level=4,
    department="Transportation",
    unit="Planning",
    ancestors=frozenset({"cm", "acm", "kbe", "manager"}),
    manager="manager",
)
OTHER_KBE = MatchCandidate(
    id="kbe-water", level=10, department="Water", ancestors=frozenset({"cm", "acm"}), manager="acm"
)


def _matrix_allows(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> bool:
    matrix = build_cost_matrix([mentee], [mentor], policy)
    return bool(matrix.mentor_ids) and not matrix.is_forbidden(0, 0)


# --- employment status (DOMAIN "Eligibility": every program) -------------------------------


@pytest.mark.parametrize("key", sorted(PRESETS))
@pytest.mark.parametrize("status", [EmploymentStatus.LEAVE, EmploymentStatus.INACTIVE])
def test_someone_on_leave_or_no_longer_employed_is_not_eligible_in_any_program(
    key: str, status: EmploymentStatus
) -> None:
    # DOMAIN "Eligibility": "the person is actively employed" (every program, both sides).
    policy = preset(key)
    for role, rules in (
        (ApplicantRole.MENTEE, policy.eligibility.mentee_rules),
        (ApplicantRole.MENTOR, policy.eligibility.mentor_rules),
    ):
        assert ActiveEmployment() in rules
        facts = ApplicantFacts(role=role, employment_status=status)
        decision = evaluate_eligibility(rules, facts, TODAY)
        assert not decision.eligible
        assert "active_employment" in {o.rule for o in decision.unresolved}


def test_caltrans_keeps_a_volunteer_list_with_no_orientation_prerequisite_for_mentors() -> None:
    # seed 002_59333b271e9b4b69.txt: "each district and division solicits and maintains a list of
    # managers and supervisors who have volunteered to become mentors" (no orientation asked).
    rules = preset("caltrans").eligibility.mentor_rules
    assert AttendedInformationSession() not in rules
    facts = ApplicantFacts(role=ApplicantRole.MENTOR, attended_information_session=False)
    assert evaluate_eligibility(rules, facts, TODAY).eligible


# --- each preset's supervisory line -------------------------------------------------------


def test_charlotte_pairs_senior_leaders_with_employees_outside_their_work_area() -> None:
    # seed 000_4e18aab21704e587.txt: "pair Senior Leaders (CM, ACMs, KBEs, and Deputy KBEs) with
    # employees" ... "members of leadership outside their work area".
    policy = preset("charlotte-sll").matching
    assert policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR
    assert policy.forbid_same_department
    for leader in (CM, ACM, OTHER_KBE):
        assert is_allowed(ANALYST, leader, policy), leader.id
        assert _matrix_allows(ANALYST, leader, policy), leader.id
    # The analyst's own KBU (Transportation) is their work area.
    assert not is_allowed(ANALYST, KBE, policy)
    assert {r.rule for r in refusals(ANALYST, KBE, policy)} == {HardRule.NOT_SAME_DEPARTMENT}


def test_charlotte_never_pairs_an_employee_with_their_direct_supervisor() -> None:
    # seed 000_4e18aab21704e587.txt: leaders "outside their work area"; the supervisor is in it.
    policy = preset("charlotte-sll").matching
    report = replace(ANALYST, department="Water", manager="kbe-water")
    refused = {r.rule for r in refusals(report, OTHER_KBE, policy)}
    assert HardRule.NOT_IN_SUPERVISORY_CHAIN in refused
    assert not _matrix_allows(report, OTHER_KBE, policy)


@pytest.mark.parametrize("key", ["caltrans", "nc-model"])
def test_it_is_not_recommended_that_an_employees_direct_report_become_their_formal_mentor(
    key: str,
) -> None:
    # seed 002_59333b271e9b4b69.txt: "it is not recommended that an employee's direct report
    # become their formal mentor"; seed 003_e5d42bff8b56600f.txt: mentees "Not direct reports".
    policy = preset(key).matching
    assert policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR
    assert policy.supervisor_override_allowed
    assert not is_allowed(ANALYST, MANAGER, policy)
    assert not _matrix_allows(ANALYST, MANAGER, policy)
    reasons = [r.reason for r in refusals(ANALYST, MANAGER, policy)]
    assert "the mentor is the mentee's direct supervisor" in reasons
    # Higher up the chain is not the direct supervisor: the grand-manager may mentor.
    other_unit = replace(ANALYST, unit="Operations")
    assert is_allowed(other_unit, KBE, policy)
    assert _matrix_allows(other_unit, KBE, policy)


def test_maine_mentors_may_not_have_any_supervisory_responsibilities_even_indirectly() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Mentors may not have any supervisory responsibilities,
    # even indirectly, over the protégé."
    policy = preset("maine-mms").matching
    assert policy.supervisory_line is SupervisoryLine.WHOLE_CHAIN
    for above in (MANAGER, KBE, ACM, CM):
        assert not is_allowed(ANALYST, above, policy), above.id
        assert not _matrix_allows(ANALYST, above, policy), above.id
    assert is_allowed(ANALYST, OTHER_KBE, policy)


@given(
    line=st.sampled_from(list(SupervisoryLine)),
    mentee_level=st.integers(0, 5),
    depth=st.integers(1, 4),
)
def test_the_one_pair_check_and_the_cohort_matrix_read_the_supervisory_line_alike(
    line: SupervisoryLine, mentee_level: int, depth: int
) -> None:
    # seeds 002_59333b271e9b4b69.txt/003_e5d42bff8b56600f.txt/004_5b4c852a2ca2c393.txt: each reading
    # refuses in the bulk matrix exactly what it refuses per pair.
    chain = [f"boss{i}" for i in range(depth)]
    mentee = MatchCandidate(
        id="me", level=mentee_level, ancestors=frozenset(chain), manager=chain[0], department="A"
    )
    policy = MatchingPolicy(supervisory_line=line, one_to_one=False, default_mentor_capacity=3)
    for i, boss in enumerate(chain):
        mentor = MatchCandidate(
            id=boss,
            level=mentee_level + 1 + i,
            ancestors=frozenset(chain[i + 1 :]),
            manager=chain[i + 1] if i + 1 < depth else None,
            department="B",
        )
        assert is_allowed(mentee, mentor, policy) == _matrix_allows(mentee, mentor, policy)
        assert is_allowed(mentee, mentor, policy) == (
            line is SupervisoryLine.DIRECT_SUPERVISOR and i > 0
        )


# --- a run's idle mentors -------------------------------------------------------------------


def test_a_run_says_why_each_eligible_mentor_got_no_mentee() -> None:
    # DOMAIN "Matching": "A proposed match is explained"; nobody silently disappears.
    policy = preset("maine-mms").matching
    full = replace(OTHER_KBE, id="full", capacity=1, current_load=1)
    idle = {
        m.mentor_id: m
        for m in idle_mentors([ANALYST], [MANAGER, full, OTHER_KBE], policy, {"kbe-water"})
    }
    assert set(idle) == {"manager", "full"}
    assert idle["full"].reason == "the mentor has no capacity left for another mentee"
    assert dict(idle["manager"].refused_by) == {
        HardRule.NOT_IN_SUPERVISORY_CHAIN: 1,
        HardRule.NOT_SAME_UNIT: 1,
    }


# --- a flagged pair -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["charlotte-sll", "caltrans", "nc-model"])
def test_the_coordinator_can_close_a_pair_whose_person_left_in_every_program(key: str) -> None:
    # DOMAIN "Eligibility": "an open pair whose person leaves is flagged for the coordinator,
    # who can close it in every program".
    status = propose(policy=preset(key), starts_on=TODAY)
    for party in (Party.MENTEE, Party.MENTOR):
        status = confirm(status, by=party, today=TODAY).status
    with pytest.raises(TransitionRefused):
        terminate(status, by=Party.ADMINISTRATOR, today=TODAY)
    closed = terminate(status, by=Party.ADMINISTRATOR, today=TODAY, flagged=True).status
    assert closed.state is MentorshipState.ENDED


# --- the next-session list ------------------------------------------------------------------


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "party": st.sampled_from(["mentee", "mentor"]),
                "decision": st.sampled_from(["continue", "change"]),
            }
        ),
        max_size=3,
    )
)
def test_a_withdrawn_mentee_is_eligible_for_the_next_session_with_who_asked_as_reason(
    answers: list[dict[str, str]],
) -> None:
    # seed 000_4e18aab21704e587.txt: "If an alternative match cannot be made, the mentee will be
    # withdrawn from the experience and eligible for the next session."
    asked = {a["party"] for a in answers if a["decision"] == "change"}
    reason = carry_over_reason(answers)
    expected = {
        frozenset(): CarryOverReason.NO_REMATCH,
        frozenset({"mentee"}): CarryOverReason.MENTEE_ASKED_CHANGE,
        frozenset({"mentor"}): CarryOverReason.MENTOR_ASKED_CHANGE,
        frozenset({"mentee", "mentor"}): CarryOverReason.BOTH_ASKED_CHANGE,
    }
    assert reason is expected[frozenset(asked)]


# --- the standing mentor register -----------------------------------------------------------


@given(st.lists(st.text(max_size=12), max_size=8))
def test_each_district_and_division_maintains_a_list_of_volunteers_and_their_expertise(
    items: list[str],
) -> None:
    # seed 002_59333b271e9b4b69.txt: "each district and division solicits and maintains a list
    # of managers and supervisors who have volunteered to become mentors".
    cleaned = cleaned_expertise(items)
    assert all(item and item == item.strip() for item in cleaned)
    assert len({item.casefold() for item in cleaned}) == len(cleaned)
    assert {i.strip().casefold() for i in items if i.strip()} == {c.casefold() for c in cleaned}


def test_a_volunteer_offers_at_least_one_place() -> None:
    with pytest.raises(InvalidInput) as refused:
        RegisterEntry(UUID(int=1), None, ("budgeting",), 0, "")
    assert refused.value.field == "capacity"


@pytest.mark.parametrize(
    ("key", "lifted"),
    [("caltrans", True), ("nc-model", True), ("maine-mms", False), ("charlotte-sll", False)],
)
def test_an_override_lifts_only_the_direct_supervisor_line_and_only_where_allowed(
    key: str, lifted: bool
) -> None:
    # seed 002_59333b271e9b4b69.txt: "it is not recommended"; seed 003_e5d42bff8b56600f.txt:
    # "*Extenuating circumstances"; seed 004_5b4c852a2ca2c393.txt: "may not ... even indirectly".
    policy = preset(key).matching
    report = replace(ANALYST, unit="Bridges", department="Parks", manager="manager")
    boss = replace(MANAGER, department="Parks")
    refused = refusals(report, boss, policy)
    assert HardRule.NOT_IN_SUPERVISORY_CHAIN in {r.rule for r in refused}
    left = {r.rule for r in unlifted(refused, policy)}
    assert (HardRule.NOT_IN_SUPERVISORY_CHAIN not in left) is lifted
    assert left - {HardRule.NOT_IN_SUPERVISORY_CHAIN} == {r.rule for r in refused} - {
        HardRule.NOT_IN_SUPERVISORY_CHAIN
    }


# --- conflicts of interest ------------------------------------------------------------------


@given(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 6)), max_size=8))
def test_there_should_be_no_actual_or_perceived_conflict_of_interest_either_way(
    pairs: list[tuple[int, int]],
) -> None:
    # seed 004_5b4c852a2ca2c393.txt: "avoid actual or perceived conflicts of interest": a
    # recorded conflict binds both people alike.
    recorded = [
        RecordedConflict(UUID(int=n), UUID(int=99), UUID(int=a), UUID(int=b), "audits", "x")
        for n, (a, b) in enumerate(pairs)
        if a != b
    ]
    found = conflicts_by_person(recorded)
    for conflict in recorded:
        assert conflict.other_employee_id in found[conflict.employee_id]
        assert conflict.employee_id in found[conflict.other_employee_id]
        mentee = MatchCandidate(
            id=conflict.employee_id, level=1, conflicts=found[conflict.employee_id]
        )
        mentor = MatchCandidate(id=conflict.other_employee_id, level=5)
        assert HardRule.NO_CONFLICT_OF_INTEREST in {
            r.rule for r in refusals(mentee, mentor, MatchingPolicy())
        }


def test_a_recorded_conflict_says_why() -> None:
    with pytest.raises(InvalidInput) as refused:
        RecordedConflict(UUID(int=1), UUID(int=2), UUID(int=3), UUID(int=4), " ", "x")
    assert refused.value.field == "reason"


# --- the selection committee ----------------------------------------------------------------


@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(6, 8)), max_size=6, unique_by=lambda p: p[0])
)
def test_the_selection_committee_counts_its_own_picks_as_the_mentors_load(
    picks: list[tuple[int, int]],
) -> None:
    # seed 000_4e18aab21704e587.txt: "in a formal one-to-one relationship": a slate that gives a
    # mentor one mentee leaves no room for another.
    slate = [
        CommitteeRecommendation(UUID(int=99), UUID(int=e), UUID(int=r), "", "member")
        for e, r in picks
    ]
    for pick in slate:
        others = other_picks(slate, pick.mentor_id, pick.mentee_id)
        assert others == sum(1 for p in slate if p.mentor_id == pick.mentor_id) - 1
        mentor = MatchCandidate(id=pick.mentor_id, level=9, current_load=others)
        allowed = remaining_capacity(mentor, preset("charlotte-sll").matching) > 0
        assert allowed is (others == 0)
