"""Matching: hard rules, weighted preferences, explanations and the bulk cost matrix."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.matching.bulk import build_cost_matrix
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import (
    HardRule,
    ScoreTermName,
    explain,
    is_allowed,
    pair_cost,
    pair_score,
    refusals,
)
from app.domain.org_chart import ancestor_sets
from app.domain.policy.model import MatchingPolicy, PreferenceWeights, SupervisoryLine

POLICY = MatchingPolicy()
WEIGHTS = PreferenceWeights(
    stated_preference=3.0,
    cross_department=1.0,
    cross_gender=0.5,
    cross_race=0.5,
    competency_overlap=2.0,
    career_path_overlap=1.0,
)

MENTEE = MatchCandidate(
    id="mentee",
    level=3,
    department="Transportation",
    unit="Planning",
    ancestors=frozenset({"team_lead", "division_manager", "director"}),
    competencies_wanted=frozenset({"strategic thinking", "budgeting", "coaching"}),
    career_path=frozenset({"operations"}),
)
MENTOR = MatchCandidate(
    id="mentor",
    level=7,
    department="Finance",
    unit="Budget",
    ancestors=frozenset({"cfo"}),
    competencies_offered=frozenset({"budgeting", "coaching", "negotiation"}),
    career_path=frozenset({"operations", "finance"}),
)


def refused_rules(
    mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy
) -> set[HardRule]:
    return {r.rule for r in explain(mentee, mentor, policy).refused_by}


def test_a_senior_mentor_from_another_department_is_allowed_and_passes_every_rule() -> None:
    explanation = explain(MENTEE, MENTOR, POLICY)
    assert explanation.allowed
    assert explanation.refused_by == ()
    assert HardRule.NOT_IN_SUPERVISORY_CHAIN in explanation.passed
    assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE in explanation.passed


def test_charlotte_mentor_at_the_same_level_is_refused_as_not_higher() -> None:
    # seed 000_4e18aab21704e587.txt: "Mentor should be someone who ... is at a higher level in the
    # organization"
    peer = replace(MENTOR, level=3)
    explanation = explain(MENTEE, peer, POLICY)
    assert not explanation.allowed
    assert explanation.refused_by[0].rule is HardRule.MENTOR_LEVEL_ABOVE_MENTEE
    assert "level 3" in explanation.refused_by[0].reason


def test_min_level_gap_of_two_refuses_a_mentor_one_level_above() -> None:
    policy = replace(POLICY, min_level_gap=2)
    assert not is_allowed(MENTEE, replace(MENTOR, level=4), policy)
    assert is_allowed(MENTEE, replace(MENTOR, level=5), policy)


def test_an_unknown_level_cannot_show_seniority() -> None:
    assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE in refused_rules(
        MENTEE, replace(MENTOR, level=None), POLICY
    )


def test_mentor_in_mentees_supervisory_chain_even_indirectly_is_refused() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Mentors may not have any supervisory responsibilities, even
    # indirectly, over the protege." The director is two levels above the mentee's team lead.
    director = replace(MENTOR, id="director", level=9)
    explanation = explain(MENTEE, director, POLICY)
    assert not explanation.allowed
    assert [r.rule for r in explanation.refused_by] == [HardRule.NOT_IN_SUPERVISORY_CHAIN]
    assert "indirectly" in explanation.refused_by[0].reason


def test_mentee_above_the_mentor_in_the_chain_is_refused_too() -> None:
    mentor_reporting_to_mentee = replace(MENTOR, ancestors=frozenset({"mentee", "cfo"}))
    assert HardRule.NOT_IN_SUPERVISORY_CHAIN in refused_rules(
        MENTEE, mentor_reporting_to_mentee, POLICY
    )


def test_maine_same_unit_within_a_department_is_refused() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Mentors and proteges should not be in the same unit within a
    # department."
    colleague = replace(MENTOR, department="Transportation", unit="Planning")
    assert refused_rules(MENTEE, colleague, POLICY) == {HardRule.NOT_SAME_UNIT}


def test_a_unit_of_the_same_name_in_another_department_is_a_different_unit() -> None:
    assert is_allowed(MENTEE, replace(MENTOR, unit="Planning"), POLICY)


def test_same_department_is_allowed_unless_the_policy_makes_it_hard() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Preferably, they will not be in the same department." A soft
    # rule by default.
    same_department = replace(MENTOR, department="Transportation", unit="Signals")
    assert is_allowed(MENTEE, same_department, POLICY)
    strict = replace(POLICY, forbid_same_department=True)
    assert refused_rules(MENTEE, same_department, strict) == {HardRule.NOT_SAME_DEPARTMENT}


def test_maine_conflict_of_interest_declared_by_either_side_is_refused() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "strives to avoid actual or perceived conflicts of interest"
    by_mentee = replace(MENTEE, conflicts=frozenset({"mentor"}))
    by_mentor = replace(MENTOR, conflicts=frozenset({"mentee"}))
    assert refused_rules(by_mentee, MENTOR, POLICY) == {HardRule.NO_CONFLICT_OF_INTEREST}
    assert refused_rules(MENTEE, by_mentor, POLICY) == {HardRule.NO_CONFLICT_OF_INTEREST}


def test_charlotte_one_to_one_mentor_with_a_mentee_has_no_capacity_left() -> None:
    busy = replace(MENTOR, capacity=3, current_load=1)
    assert refused_rules(MENTEE, busy, POLICY) == {HardRule.MENTOR_HAS_CAPACITY}
    shared = replace(POLICY, one_to_one=False)
    assert is_allowed(MENTEE, busy, shared)
    assert not is_allowed(
        MENTEE, replace(MENTOR, current_load=2), replace(shared, default_mentor_capacity=2)
    )


def test_nobody_mentors_themselves() -> None:
    assert HardRule.NOT_THE_SAME_PERSON in refused_rules(
        MENTEE, replace(MENTOR, id="mentee"), POLICY
    )


def test_a_pair_breaking_several_rules_names_each_of_them() -> None:
    bad = replace(
        MENTOR, id="director", level=2, department="Transportation", unit="Planning", current_load=1
    )
    assert refused_rules(MENTEE, bad, POLICY) == {
        HardRule.MENTOR_LEVEL_ABOVE_MENTEE,
        HardRule.NOT_IN_SUPERVISORY_CHAIN,
        HardRule.NOT_SAME_UNIT,
        HardRule.MENTOR_HAS_CAPACITY,
    }


def test_a_policy_that_turns_a_rule_off_neither_refuses_nor_lists_it() -> None:
    lax = replace(POLICY, require_higher_level=False)
    explanation = explain(MENTEE, replace(MENTOR, level=1), lax)
    assert explanation.allowed
    assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE not in explanation.passed


# --- the score -------------------------------------------------------------------------


def terms_of(mentee: MatchCandidate, mentor: MatchCandidate) -> dict[ScoreTermName, float]:
    policy = replace(POLICY, weights=WEIGHTS)
    return {t.name: t.value for t in explain(mentee, mentor, policy).score.terms}


def test_competency_overlap_is_the_share_of_wanted_competencies_the_mentor_offers() -> None:
    # seed 003_e5d42bff8b56600f.txt/004_5b4c852a2ca2c393.txt: correlation between what the protege
    # wants to focus on and the mentor's strengths
    assert terms_of(MENTEE, MENTOR)[ScoreTermName.COMPETENCY_OVERLAP] == pytest.approx(2 / 3)
    assert terms_of(MENTEE, MENTOR)[ScoreTermName.CAREER_PATH_OVERLAP] == 1.0


def test_stated_preference_counts_a_named_mentor_or_a_named_department() -> None:
    # seed 000_4e18aab21704e587.txt: "Consideration will be given to mentees' preferences as
    # indicated in their self-assessments"
    by_name = replace(MENTEE, preferred_mentors=frozenset({"mentor"}))
    by_department = replace(MENTEE, preferred_departments=frozenset({"Finance"}))
    assert terms_of(by_name, MENTOR)[ScoreTermName.STATED_PREFERENCE] == 1.0
    assert terms_of(by_department, MENTOR)[ScoreTermName.STATED_PREFERENCE] == 1.0
    assert terms_of(MENTEE, MENTOR)[ScoreTermName.STATED_PREFERENCE] == 0.0


def test_cross_gender_and_race_count_only_when_both_opted_in() -> None:
    # seed 000_4e18aab21704e587.txt: "Consideration will be given to cross KBU, cross-gender and
    # cross-racial pairing"
    opted_mentee = replace(MENTEE, gender="female", race="black")
    opted_mentor = replace(MENTOR, gender="male", race="white")
    assert terms_of(opted_mentee, opted_mentor)[ScoreTermName.CROSS_GENDER] == 1.0
    assert terms_of(opted_mentee, opted_mentor)[ScoreTermName.CROSS_RACE] == 1.0
    assert terms_of(MENTEE, opted_mentor)[ScoreTermName.CROSS_GENDER] == 0.0
    assert terms_of(opted_mentee, MENTOR)[ScoreTermName.CROSS_RACE] == 0.0
    assert (
        terms_of(opted_mentee, replace(opted_mentor, gender="female"))[ScoreTermName.CROSS_GENDER]
        == 0.0
    )


def test_a_preferred_cross_department_mentor_scores_above_a_same_department_one() -> None:
    policy = replace(POLICY, weights=WEIGHTS)
    same_department = replace(MENTOR, id="m2", department="Transportation", unit="Signals")
    assert pair_score(MENTEE, MENTOR, WEIGHTS) > pair_score(MENTEE, same_department, WEIGHTS)
    assert pair_cost(MENTEE, MENTOR, policy) < pair_cost(MENTEE, same_department, policy)


def test_a_refused_pair_costs_the_forbidden_value() -> None:
    assert pair_cost(MENTEE, replace(MENTOR, level=1), POLICY) == math.inf
    assert pair_cost(MENTEE, replace(MENTOR, level=1), POLICY, forbidden=1e9) == 1e9


def test_explanation_as_dict_shows_rules_and_what_each_preference_added() -> None:
    data = explain(MENTEE, MENTOR, replace(POLICY, weights=WEIGHTS)).to_dict()
    assert data["allowed"] is True
    terms = {t["name"]: t["contribution"] for t in data["score"]["terms"]}  # type: ignore[index]
    assert terms["competency_overlap"] == pytest.approx(2.0 * 2 / 3)
    assert data["score"]["total"] == pytest.approx(sum(terms.values()))  # type: ignore[index]


# --- properties --------------------------------------------------------------------------

DEPARTMENTS = ["Finance", "Transportation", "Water", None]
COMPETENCIES = ["budgeting", "coaching", "negotiation", "strategy", "writing"]
weights_strategy = st.builds(
    PreferenceWeights, *[st.floats(0, 5, allow_nan=False) for _ in range(6)]
)
policies = st.builds(
    MatchingPolicy,
    require_higher_level=st.booleans(),
    min_level_gap=st.integers(0, 3),
    forbid_supervisory_chain=st.booleans(),
    supervisory_line=st.sampled_from(list(SupervisoryLine)),
    forbid_same_unit=st.booleans(),
    forbid_same_department=st.booleans(),
    one_to_one=st.just(False),
    default_mentor_capacity=st.integers(1, 3),
    weights=weights_strategy,
) | st.builds(MatchingPolicy, one_to_one=st.just(True), weights=weights_strategy)


@st.composite
def people(draw: st.DrawFn, size: int = 14) -> list[MatchCandidate]:
    """A random org chart (forest) and a candidate per employee, ancestors from the chart."""
    manager_of = {
        i: (None if i == 0 else draw(st.none() | st.integers(0, i - 1))) for i in range(size)
    }
    ancestors = ancestor_sets(manager_of)
    small = st.frozensets(st.sampled_from(COMPETENCIES), max_size=3)
    ids = st.integers(0, size - 1)
    return [
        MatchCandidate(
            id=i,
            level=draw(st.none() | st.integers(1, 6)),
            department=draw(st.sampled_from(DEPARTMENTS)),
            unit=draw(st.sampled_from(["A", "B", None])),
            ancestors=ancestors[i],
            gender=draw(st.sampled_from(["f", "m", None])),
            race=draw(st.sampled_from(["x", "y", None])),
            competencies_wanted=draw(small),
            competencies_offered=draw(small),
            career_path=draw(small),
            preferred_mentors=draw(st.frozensets(ids, max_size=2)),
            ranked_mentors=tuple(draw(st.lists(ids, max_size=3, unique=True))),
            preferred_departments=draw(st.frozensets(st.sampled_from(DEPARTMENTS[:3]), max_size=1)),
            conflicts=draw(st.frozensets(ids, max_size=1)),
            capacity=draw(st.none() | st.integers(0, 3)),
            current_load=draw(st.integers(0, 2)),
            manager=manager_of[i],
            load_elsewhere=i % 3,
            organization_cap=draw(st.none() | st.integers(1, 4)),
        )
        for i in range(size)
    ]


@given(people(), policies)
def test_a_manager_is_never_an_allowed_mentor_for_anyone_below_them_at_any_depth(
    everyone: list[MatchCandidate], policy: MatchingPolicy
) -> None:
    # seed 004_5b4c852a2ca2c393.txt: "no supervisory responsibilities, even indirectly".
    policy = replace(
        policy, forbid_supervisory_chain=True, supervisory_line=SupervisoryLine.WHOLE_CHAIN
    )
    matrix = build_cost_matrix(everyone, everyone, policy)
    column = {m: j for j, m in enumerate(matrix.mentor_ids)}
    for row, mentee in enumerate(everyone):
        for manager in mentee.ancestors:
            assert not is_allowed(mentee, everyone[manager], policy)  # type: ignore[index]
            assert manager not in column or matrix.is_forbidden(row, column[manager])


@given(people(), policies)
def test_score_is_the_sum_of_its_terms_and_refused_pairs_name_a_rule(
    everyone: list[MatchCandidate], policy: MatchingPolicy
) -> None:
    for mentee in everyone[:5]:
        for mentor in everyone:
            explanation = explain(mentee, mentor, policy)
            terms = explanation.score.terms
            assert explanation.score.total == sum(t.contribution for t in terms)
            assert all(t.contribution == t.weight * t.value for t in terms)
            assert explanation.score.total == pytest.approx(
                pair_score(mentee, mentor, policy.weights)
            )
            assert explanation.allowed == is_allowed(mentee, mentor, policy)
            assert explanation.allowed == (not explanation.refused_by)
            assert explanation.allowed == (refusals(mentee, mentor, policy) == ())


@settings(max_examples=60)
@given(people(), policies)
def test_bulk_cost_matrix_agrees_with_pair_cost_cell_by_cell(
    everyone: list[MatchCandidate], policy: MatchingPolicy
) -> None:
    mentees, mentors = everyone[:8], everyone[4:]
    matrix = build_cost_matrix(mentees, mentors, policy, forbidden=1e12)
    by_id = {m.id: m for m in mentors}
    assert set(matrix.mentor_ids) | set(matrix.full_mentor_ids) == set(by_id)
    for mentor_id in matrix.full_mentor_ids:
        assert all(not is_allowed(mentee, by_id[mentor_id], policy) for mentee in mentees)
    for row, mentee in enumerate(mentees):
        for col, mentor_id in enumerate(matrix.mentor_ids):
            expected = pair_cost(mentee, by_id[mentor_id], policy, forbidden=1e12)
            assert matrix.cost(row, col) == pytest.approx(expected, abs=1e-9)


def test_bulk_columns_put_the_most_senior_first_and_leave_out_full_mentors() -> None:
    juniors = replace(MENTOR, id="junior", level=5)
    full = replace(MENTOR, id="full", level=9, current_load=1)
    matrix = build_cost_matrix([MENTEE], [juniors, full, MENTOR], POLICY)
    assert matrix.mentor_ids == ("mentor", "junior")
    assert matrix.full_mentor_ids == ("full",)
    assert matrix.shape == (1, 2)
    assert matrix.slots == (1, 1)


def test_nc_a_mentor_is_an_experienced_individual_who_advises_a_less_experienced_colleague() -> (
    None
):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "a mentor is an experienced individual who
    # advises and trains a less experienced employee or colleague": experience, not a higher
    # grade, so a colleague at the mentee's level (or with no level on record) may mentor.
    from app.domain.policy.presets.nc import NC_MODEL

    for level in (3, 1, None):
        colleague = replace(MENTOR, level=level)
        assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE not in refused_rules(
            MENTEE, colleague, NC_MODEL.matching
        )


def test_maine_criteria_for_the_best_match_name_no_level() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Criteria that may be considered in making the best match":
    # career path and competencies, qualities, "chemistry", support, demographics; "Mentors
    # typically have influence": typical, not a rule. Only the supervisory line ranks them.
    from app.domain.policy.presets.maine import MAINE_MMS

    peer = replace(MENTOR, level=MENTEE.level)
    assert explain(MENTEE, peer, MAINE_MMS.matching).allowed
    boss = replace(MENTOR, id="director", level=MENTEE.level)
    assert not explain(MENTEE, boss, MAINE_MMS.matching).allowed  # in the chain, whatever the level


@given(st.one_of(st.none(), st.integers(0, 20)), st.one_of(st.none(), st.integers(0, 20)))
def test_only_charlottes_preset_refuses_a_mentor_by_level(
    mentee_level: int | None, mentor_level: int | None
) -> None:
    from app.domain.policy.presets import PRESETS

    mentee = replace(MENTEE, level=mentee_level)
    mentor = replace(MENTOR, level=mentor_level)
    for key in ("caltrans", "nc-model", "maine-mms"):
        refused = refused_rules(mentee, mentor, PRESETS[key].matching)
        assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE not in refused
    higher = mentee_level is not None and mentor_level is not None and mentor_level > mentee_level
    charlotte = refused_rules(mentee, mentor, PRESETS["charlotte-sll"].matching)
    assert (HardRule.MENTOR_LEVEL_ABOVE_MENTEE in charlotte) is not higher
