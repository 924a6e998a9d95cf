"""Matching a cohort: the best pairs under the hard rules, locked pairs, reasons, rematches."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from app.domain.errors import InvalidInput
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import (
    HardRule,
    is_allowed,
    pair_score,
    refusals,
    remaining_capacity,
)
from app.domain.org_chart import ancestor_sets
from app.domain.policy.model import MatchingPolicy, PreferenceWeights, SupervisoryLine
from app.services.matching import shortlists as shortlists_module
from app.services.matching import solver_graph
from app.services.matching.costs import cohort_matrices
from app.services.matching.engine import (
    MatchingResult,
    Proposal,
    RunnerUp,
    Unmatched,
    rematch,
    solve_matching,
    solver_input,
)

WEIGHTS = PreferenceWeights(
    stated_preference=3.0,
    cross_department=1.0,
    cross_gender=0.5,
    cross_race=0.5,
    competency_overlap=2.0,
    career_path_overlap=1.0,
)
ONE_TO_ONE = MatchingPolicy(weights=WEIGHTS)
SHARED = MatchingPolicy(one_to_one=False, default_mentor_capacity=2, weights=WEIGHTS)


def mentee(name: str, **facts: object) -> MatchCandidate:
    return replace(MatchCandidate(id=name, level=2, department="Transportation"), **facts)  # type: ignore[arg-type]


def mentor(name: str, **facts: object) -> MatchCandidate:
    return replace(MatchCandidate(id=name, level=6, department="Finance"), **facts)  # type: ignore[arg-type]


def wants(*items: str) -> frozenset[str]:
    return frozenset(items)


def pairs_of(result: MatchingResult) -> dict[object, object]:
    return {p.mentee_id: p.mentor_id for p in result.proposals}


# --- random cohorts ------------------------------------------------------------------------

DEPARTMENTS = ["Finance", "Transportation", "Water", None]
COMPETENCIES = ["budgeting", "coaching", "negotiation", "strategy", "writing"]
weights_strategy = st.builds(
    PreferenceWeights, *[st.sampled_from([0.0, 0.5, 1.0, 2.5]) for _ in range(6)]
)
policies = st.builds(
    MatchingPolicy,
    require_higher_level=st.booleans(),
    min_level_gap=st.integers(0, 2),
    forbid_supervisory_chain=st.booleans(),
    supervisory_line=st.sampled_from(list(SupervisoryLine)),
    forbid_same_unit=st.booleans(),
    forbid_same_department=st.booleans(),
    one_to_one=st.just(False),
    default_mentor_capacity=st.integers(1, 3),
    weights=weights_strategy,
) | st.builds(MatchingPolicy, one_to_one=st.just(True), weights=weights_strategy)


@st.composite
def cohorts(
    draw: st.DrawFn, mentees: int = 6, mentors: int = 5
) -> tuple[list[MatchCandidate], list[MatchCandidate]]:
    """An org chart of everyone; the first people are mentees, the rest mentors (one overlap)."""
    size = mentees + mentors - 1
    manager_of = {
        i: None if i == 0 else draw(st.none() | st.integers(0, i - 1)) for i in range(size)
    }
    ancestors = ancestor_sets(manager_of)
    small = st.frozensets(st.sampled_from(COMPETENCIES), max_size=3)
    ids = st.integers(0, size - 1)
    people = [
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
            current_load=draw(st.integers(0, 1)),
            manager=manager_of[i],
            load_elsewhere=i % 3,
            organization_cap=draw(st.none() | st.integers(1, 4)),
        )
        for i in range(size)
    ]
    return people[:mentees], people[mentees - 1 :]


def best_by_brute_force(
    mentees: list[MatchCandidate], mentors: list[MatchCandidate], policy: MatchingPolicy
) -> tuple[int, float]:
    """(most mentees matched, best total score among those), trying every assignment."""
    best = (0, 0.0)
    for choice in itertools.product([None, *mentors], repeat=len(mentees)):
        taken = Counter(m.id for m in choice if m is not None)
        if any(taken[m.id] > max(0, remaining_capacity(m, policy)) for m in mentors):
            continue
        pairs = [(e, r) for e, r in zip(mentees, choice, strict=True) if r is not None]
        if all(is_allowed(e, r, policy) for e, r in pairs):
            total = math.fsum(pair_score(e, r, policy.weights) for e, r in pairs)
            if (len(pairs), total) > (best[0], best[1] + 1e-9):
                best = (len(pairs), total)
    return best


# --- the best assignment -------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(cohorts(mentees=4, mentors=3), policies)
def test_no_assignment_matches_more_mentees_or_scores_higher_than_the_proposal(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]], policy: MatchingPolicy
) -> None:
    mentees, mentors = cohort
    result = solve_matching(mentees=mentees, mentors=mentors, policy=policy)
    matched, total = best_by_brute_force(mentees, mentors, policy)
    assert len(result.proposals) == matched
    assert result.total_score == pytest.approx(total, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(cohorts(), policies)
def test_every_proposal_passes_every_rule_and_no_mentor_gets_more_than_their_capacity(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]], policy: MatchingPolicy
) -> None:
    mentees, mentors = cohort
    result = solve_matching(mentees=mentees, mentors=mentors, policy=policy)
    by_id = {m.id: m for m in [*mentees, *mentors]}
    for proposal in result.proposals:
        assert is_allowed(by_id[proposal.mentee_id], by_id[proposal.mentor_id], policy)
        assert proposal.explanation.allowed
        assert proposal.score == proposal.explanation.score.total
        others = [by_id[r.mentor_id] for r in proposal.runners_up]
        assert proposal.mentor_id not in {m.id for m in others}
        assert all(is_allowed(by_id[proposal.mentee_id], m, policy) for m in others)
        scores = [r.score for r in proposal.runners_up]
        assert scores == sorted(scores, reverse=True)
    load = Counter(p.mentor_id for p in result.proposals)
    assert all(load[m.id] <= max(0, remaining_capacity(m, policy)) for m in mentors)
    named = [p.mentee_id for p in result.proposals] + [u.mentee_id for u in result.unmatched]
    assert Counter(named) == Counter(m.id for m in mentees)  # each mentee exactly once


@settings(max_examples=60, deadline=None)
@given(cohorts(), policies)
def test_a_manager_is_never_proposed_for_anyone_in_their_chain(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]], policy: MatchingPolicy
) -> None:
    # seed 004_5b4c852a2ca2c393.txt: "no supervisory responsibilities, even indirectly".
    mentees, mentors = cohort
    policy = replace(
        policy, forbid_supervisory_chain=True, supervisory_line=SupervisoryLine.WHOLE_CHAIN
    )
    result = solve_matching(mentees=mentees, mentors=mentors, policy=policy)
    chain_of = {m.id: m.ancestors for m in [*mentees, *mentors]}
    for proposal in result.proposals:
        assert proposal.mentor_id not in chain_of[proposal.mentee_id]
        assert proposal.mentee_id not in chain_of[proposal.mentor_id]
        assert all(r.mentor_id not in chain_of[proposal.mentee_id] for r in proposal.runners_up)


@settings(max_examples=40, deadline=None)
@given(cohorts(), policies, st.randoms(use_true_random=False))
def test_the_same_cohort_given_in_any_order_gets_the_same_proposals(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]],
    policy: MatchingPolicy,
    rng: random.Random,
) -> None:
    mentees, mentors = cohort
    first = solve_matching(mentees=mentees, mentors=mentors, policy=policy)
    shuffled_mentees, shuffled_mentors = list(mentees), list(mentors)
    rng.shuffle(shuffled_mentees)
    rng.shuffle(shuffled_mentors)
    again = solve_matching(mentees=shuffled_mentees, mentors=shuffled_mentors, policy=policy)
    assert again == first


@settings(max_examples=80, deadline=None)
@given(cohorts(), policies)
def test_rule_and_score_matrices_agree_with_the_domain_pair_by_pair(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]], policy: MatchingPolicy
) -> None:
    mentees, mentors = cohort
    matrices = cohort_matrices(mentees, mentors, policy)
    for i, e in enumerate(mentees):
        for j, r in enumerate(mentors):
            assert matrices.allowed[i, j] == is_allowed(e, r, policy)
            assert matrices.scores[i, j] == pair_score(e, r, policy.weights)  # exactly
            refused = {rule for rule, mask in matrices.refused.items() if mask[i, j]}
            assert refused == {refusal.rule for refusal in refusals(e, r, policy)}


def test_matching_one_more_mentee_beats_a_higher_total_score() -> None:
    # keen + star alone would score 3; keen + plain (1) and only-star + star (1) match two.
    star = mentor("star", competencies_offered=wants("budgeting"))
    plain = mentor("plain", level=3)
    keen = mentee("keen", competencies_wanted=wants("budgeting"))
    only_star = mentee("only-star", level=4)
    result = solve_matching(mentees=[keen, only_star], mentors=[star, plain], policy=ONE_TO_ONE)
    assert pairs_of(result) == {"keen": "plain", "only-star": "star"}
    assert result.total_score == 2.0


def test_equally_good_mentors_go_by_id_so_reruns_agree() -> None:
    result = solve_matching(
        mentees=[mentee("ana")], mentors=[mentor("zoe"), mentor("bob")], policy=ONE_TO_ONE
    )
    assert pairs_of(result) == {"ana": "bob"}
    assert result.proposals[0].runners_up == (RunnerUp("zoe", 1.0),)


def test_runners_up_are_the_next_best_allowed_mentors_by_score() -> None:
    ana = mentee("ana", competencies_wanted=wants("budgeting", "coaching"))
    mentors = [
        mentor("best", competencies_offered=wants("budgeting", "coaching")),
        mentor("half", competencies_offered=wants("coaching")),
        mentor("none"),
        mentor("boss", competencies_offered=wants("budgeting", "coaching")),
        mentor("peer", level=2, competencies_offered=wants("budgeting", "coaching")),
    ]
    ana = replace(ana, ancestors=frozenset({"boss"}))
    result = solve_matching(mentees=[ana], mentors=mentors, policy=ONE_TO_ONE, runners_up=5)
    proposal = result.proposals[0]
    assert proposal.mentor_id == "best"
    assert proposal.runners_up == (RunnerUp("half", 2.0), RunnerUp("none", 1.0))


# --- locked pairs --------------------------------------------------------------------------


def test_a_locked_pair_is_kept_even_when_another_pair_would_score_higher() -> None:
    ana = mentee("ana", competencies_wanted=wants("budgeting"))
    result = solve_matching(
        mentees=[ana, mentee("ben")],
        mentors=[mentor("best", competencies_offered=wants("budgeting")), mentor("other")],
        policy=ONE_TO_ONE,
        locked=[("ana", "other")],
    )
    assert pairs_of(result) == {"ana": "other", "ben": "best"}
    assert [p.locked for p in result.proposals] == [True, False]
    # The coordinator still sees the better mentor as an alternative for ana.
    assert result.proposals[0].runners_up == (RunnerUp("best", 3.0),)


def test_a_locked_pair_uses_up_the_mentors_capacity() -> None:
    result = solve_matching(
        mentees=[mentee("ana"), mentee("ben")],
        mentors=[mentor("solo")],
        policy=ONE_TO_ONE,
        locked=[("ben", "solo")],
    )
    assert pairs_of(result) == {"ben": "solo"}
    assert result.unmatched == (
        Unmatched(
            "ana", "none of the 1 mentor(s) passes every hard rule", {"mentor_has_capacity": 1}
        ),
    )


def test_locking_a_manager_to_someone_in_their_chain_is_refused_naming_the_rule() -> None:
    ana = mentee("ana", ancestors=frozenset({"boss"}))
    with pytest.raises(InvalidInput) as refused:
        solve_matching(
            mentees=[ana], mentors=[mentor("boss")], policy=ONE_TO_ONE, locked=[("ana", "boss")]
        )
    assert refused.value.rule == HardRule.NOT_IN_SUPERVISORY_CHAIN.value
    assert "supervisory chain" in refused.value.detail


def test_locking_two_mentees_to_a_one_to_one_mentor_is_refused_for_capacity() -> None:
    with pytest.raises(InvalidInput) as refused:
        solve_matching(
            mentees=[mentee("ana"), mentee("ben")],
            mentors=[mentor("solo")],
            policy=ONE_TO_ONE,
            locked=[("ana", "solo"), ("ben", "solo")],
        )
    assert refused.value.rule == HardRule.MENTOR_HAS_CAPACITY.value


def test_locking_someone_who_is_not_in_the_run_is_refused() -> None:
    with pytest.raises(InvalidInput, match="not in this run"):
        solve_matching(
            mentees=[mentee("ana")], mentors=[mentor("m")], policy=ONE_TO_ONE, locked=[("ana", "x")]
        )


def test_a_mentee_listed_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match="listed twice"):
        solve_matching(mentees=[mentee("ana"), mentee("ana")], mentors=[], policy=ONE_TO_ONE)


# --- unmatched mentees ---------------------------------------------------------------------


def test_a_mentee_nobody_may_mentor_is_told_which_rules_refused_how_many_mentors() -> None:
    ana = mentee("ana", level=5, unit="Planning", ancestors=frozenset({"boss"}))
    mentors = [
        mentor("boss", level=9),
        mentor("junior", level=3),
        mentor("junior2", level=4),
        mentor("colleague", department="Transportation", unit="Planning", level=7),
    ]
    result = solve_matching(mentees=[ana], mentors=mentors, policy=ONE_TO_ONE)
    assert result.proposals == ()
    (unmatched,) = result.unmatched
    assert unmatched.reason == "none of the 4 mentor(s) passes every hard rule"
    assert unmatched.refused_by == {
        "not_in_supervisory_chain": 1,
        "mentor_level_above_mentee": 2,
        "not_same_unit": 1,
    }


def test_a_mentee_whose_allowed_mentors_all_went_to_others_is_told_capacity_ran_out() -> None:
    result = solve_matching(
        mentees=[mentee("ana"), mentee("ben")], mentors=[mentor("solo")], policy=ONE_TO_ONE
    )
    assert pairs_of(result) == {"ana": "solo"}
    (unmatched,) = result.unmatched
    assert unmatched.mentee_id == "ben"
    assert "capacity ran out" in unmatched.reason
    assert unmatched.refused_by == {"mentor_has_capacity": 1}


def test_a_mentor_with_capacity_two_takes_two_mentees() -> None:
    result = solve_matching(
        mentees=[mentee("ana"), mentee("ben"), mentee("cy")], mentors=[mentor("m")], policy=SHARED
    )
    assert pairs_of(result) == {"ana": "m", "ben": "m"}
    assert [u.mentee_id for u in result.unmatched] == ["cy"]


def test_a_run_without_mentors_leaves_everyone_unmatched_and_says_so() -> None:
    result = solve_matching(mentees=[mentee("ana")], mentors=[], policy=ONE_TO_ONE)
    assert result.unmatched == (Unmatched("ana", "there are no mentors to choose from", {}),)
    assert result.total_score == 0.0


# --- the three-month checkpoint ------------------------------------------------------------


def test_rematch_proposes_the_best_other_mentor_with_room() -> None:
    ana = mentee("ana", competencies_wanted=wants("coaching"))
    mentors = [
        mentor("previous", competencies_offered=wants("coaching")),
        mentor("full", competencies_offered=wants("coaching"), current_load=1),
        mentor("fresh", competencies_offered=wants("coaching")),
        mentor("other"),
    ]
    proposal = rematch(
        mentee=ana, mentors=mentors, policy=ONE_TO_ONE, previous_mentor_id="previous"
    )
    assert isinstance(proposal, Proposal)
    assert (proposal.mentor_id, proposal.score) == ("fresh", 3.0)
    assert proposal.runners_up == (RunnerUp("other", 1.0),)


def test_rematch_with_no_other_mentor_leaves_the_mentee_unmatched() -> None:
    outcome = rematch(
        mentee=mentee("ana"),
        mentors=[mentor("previous"), mentor("full", current_load=1)],
        policy=ONE_TO_ONE,
        previous_mentor_id="previous",
    )
    assert outcome == Unmatched(
        "ana", "none of the 1 mentor(s) passes every hard rule", {"mentor_has_capacity": 1}
    )


def test_rematch_may_propose_the_previous_mentor_when_not_excluded() -> None:
    outcome = rematch(mentee=mentee("ana"), mentors=[mentor("previous")], policy=ONE_TO_ONE)
    assert isinstance(outcome, Proposal)
    assert outcome.mentor_id == "previous"


def test_the_explanation_shows_what_each_preference_added_to_the_proposal() -> None:
    ana = mentee(
        "ana", competencies_wanted=wants("coaching"), preferred_departments=wants("Finance")
    )
    (proposal,) = solve_matching(mentees=[ana], mentors=[mentor("m")], policy=ONE_TO_ONE).proposals
    added = {t.name.value: t.contribution for t in proposal.explanation.score.terms}
    assert added["stated_preference"] == 3.0
    assert added["cross_department"] == 1.0
    assert proposal.score == sum(added.values()) == 4.0


# --- shortlists: the solver's sparse graph ---------------------------------------------------


def dense_optimum(
    mentees: list[MatchCandidate], mentors: list[MatchCandidate], policy: MatchingPolicy
) -> tuple[int, float]:
    """(mentees matched, total score) of the dense solve over every allowed pair."""
    problem = solver_input(mentees=mentees, mentors=mentors, policy=policy)
    if problem.costs.size == 0:
        return 0, 0.0
    rows, columns = linear_sum_assignment(problem.costs)
    kept = problem.costs[rows, columns] < problem.forbidden
    return int(kept.sum()), math.fsum(-problem.costs[rows, columns][kept])


@settings(max_examples=120, deadline=None)
@given(cohorts(mentees=9, mentors=7), policies, st.integers(1, 3))
def test_shortlists_of_any_length_find_the_optimum_of_every_allowed_pair(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]],
    policy: MatchingPolicy,
    shortlist: int,
) -> None:
    mentees, mentors = cohort
    pruned = replace(policy, candidates_per_mentee=shortlist)
    result = solve_matching(mentees=mentees, mentors=mentors, policy=pruned, runners_up=0)
    matched, total = dense_optimum(mentees, mentors, policy)
    assert len(result.proposals) == matched
    assert result.total_score == pytest.approx(total, abs=1e-9)


def keen_pair_and_two_mentors() -> tuple[list[MatchCandidate], list[MatchCandidate]]:
    """Two mentees whose one-mentor lists both name the same star; a plain mentor beside."""
    star = mentor("star", competencies_offered=wants("budgeting"))
    keen = [mentee(name, competencies_wanted=wants("budgeting")) for name in ("ana", "ben")]
    return keen, [star, mentor("plain")]


def test_a_mentee_whose_shortlist_is_taken_gets_its_list_widened_instead_of_no_mentor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Mentors list no mentees of their own here: only the mentees' lists, which crowd.
    monkeypatch.setattr(shortlists_module, "MENTEES_PER_PLACE", 0)
    keen, mentors = keen_pair_and_two_mentors()
    policy = replace(ONE_TO_ONE, candidates_per_mentee=1)
    result = solve_matching(mentees=keen, mentors=mentors, policy=policy, runners_up=0)
    # Both pairings score the same: which of the two keen mentees gets the star is a tie.
    assert sorted(pairs_of(result).values()) == ["plain", "star"]
    assert result.stats.solve_rounds == 2
    # The widened list's new pair was taken by a move, proven without a second solve.
    assert result.stats.solves == 1


def test_a_mentor_nobody_lists_lists_mentees_itself_so_the_first_solve_is_the_last() -> None:
    keen, mentors = keen_pair_and_two_mentors()
    policy = replace(ONE_TO_ONE, candidates_per_mentee=1)
    result = solve_matching(mentees=keen, mentors=mentors, policy=policy, runners_up=0)
    assert sorted(pairs_of(result).values()) == ["plain", "star"]
    assert (result.stats.solve_rounds, result.stats.solves) == (1, 1)


def test_a_large_solve_runs_in_the_solver_process_and_finds_the_same_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mentees = [mentee(f"e{i}", competencies_wanted=wants(COMPETENCIES[i % 5])) for i in range(12)]
    mentors = [
        mentor(f"r{j}", competencies_offered=wants(*COMPETENCIES[j : j + 2])) for j in range(5)
    ]
    in_thread = solve_matching(mentees=mentees, mentors=mentors, policy=SHARED)
    monkeypatch.setattr(solver_graph, "SOLVE_IN_PROCESS_FROM", 0)
    in_process = solve_matching(mentees=mentees, mentors=mentors, policy=SHARED)
    assert in_process == in_thread
    assert len(in_process.proposals) == 10
