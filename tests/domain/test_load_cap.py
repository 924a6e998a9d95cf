"""One load cap across programs (issue 22 item 5): capacity is per mentor per program, plus an
optional organisation-wide cap; a mentor's open pairs in other programs count only against
the organisation's cap.

The per-program capacity is the handbooks' (DOMAIN.md "Matching": "Capacity: Charlotte is
one-to-one; a mentor's capacity is a setting"; seed 000: "a one-to-one relationship"). The
organisation's cap is a service feature no handbook states: an organisation running several
programs may cap one mentor's whole load.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import build_cost_matrix, explain, is_allowed, refusals
from app.domain.matching.idle import idle_mentors
from app.domain.matching.rules import (
    HardRule,
    places_in_organization,
    places_in_program,
    remaining_capacity,
)
from app.domain.organization_settings import checked_changes, checked_load_cap
from app.domain.policy.model import MatchingPolicy
from app.domain.policy.presets import preset

MENTEE = MatchCandidate(id="mentee", level=3, department="Water")
SHARED = MatchingPolicy(one_to_one=False, default_mentor_capacity=2)

loads = st.integers(0, 5)
caps = st.none() | st.integers(1, 6)
capacities = st.none() | st.integers(0, 4)


def mentor(capacity: int | None, here: int, elsewhere: int, cap: int | None) -> MatchCandidate:
    return MatchCandidate(
        id="mentor",
        level=9,
        department="Finance",
        capacity=capacity,
        current_load=here,
        load_elsewhere=elsewhere,
        organization_cap=cap,
    )


def rules_of(mentee: MatchCandidate, person: MatchCandidate, policy: MatchingPolicy) -> set[str]:
    return {r.rule.value for r in refusals(mentee, person, policy)}


@given(capacities, loads, loads)
def test_a_mentors_pairs_in_other_programs_do_not_count_against_this_programs_capacity(
    capacity: int | None, here: int, elsewhere: int
) -> None:
    # seed 000_4e18aab21704e587.txt / DOMAIN "Matching": a mentor's capacity is a setting of each
    # program.
    busy = mentor(capacity, here, elsewhere, None)
    idle_elsewhere = mentor(capacity, here, 0, None)
    assert remaining_capacity(busy, SHARED) == remaining_capacity(idle_elsewhere, SHARED)
    assert remaining_capacity(busy, SHARED) == places_in_program(busy, SHARED)
    assert is_allowed(MENTEE, busy, SHARED) == is_allowed(MENTEE, idle_elsewhere, SHARED)


@given(capacities, loads, loads, caps)
def test_pairs_in_other_programs_count_only_against_the_organisation_cap(
    capacity: int | None, here: int, elsewhere: int, cap: int | None
) -> None:
    # A service feature (no handbook states it): the organisation's cap spans its programs.
    person = mentor(capacity, here, elsewhere, cap)
    left = remaining_capacity(person, SHARED)
    assert left <= places_in_program(person, SHARED)
    if cap is None:
        assert places_in_organization(person) is None
    else:
        assert left <= cap - here - elsewhere
        assert left == min(places_in_program(person, SHARED), cap - here - elsewhere)
    assert is_allowed(MENTEE, person, SHARED) == (left > 0)


@given(capacities, loads, loads, caps)
def test_a_refusal_names_which_cap_refused_the_pair(
    capacity: int | None, here: int, elsewhere: int, cap: int | None
) -> None:
    # A refusal says whether the program's capacity or the organisation's cap is full.
    person = mentor(capacity, here, elsewhere, cap)
    refused = rules_of(MENTEE, person, SHARED)
    assert ("mentor_has_capacity" in refused) == (places_in_program(person, SHARED) <= 0)
    over_cap = cap is not None and here + elsewhere >= cap
    assert ("within_organization_cap" in refused) == over_cap


def test_a_busy_mentor_elsewhere_is_refused_by_the_organisation_cap_by_name() -> None:
    # The Caltrans case of issue 22: an off-list mentor who mentors in another program.
    policy = preset("caltrans").matching
    busy_elsewhere = mentor(None, 0, 3, None)
    assert is_allowed(MENTEE, busy_elsewhere, policy)
    capped = mentor(None, 0, 3, 3)
    [refusal] = refusals(MENTEE, capped, policy)
    assert refusal.rule is HardRule.WITHIN_ORGANIZATION_CAP
    assert refusal.reason == (
        "the mentor has 3 open pairs across the organisation's programs; its cap is 3"
    )
    assert [r.rule for r in explain(MENTEE, capped, policy).refused_by] == [
        HardRule.WITHIN_ORGANIZATION_CAP
    ]


def test_a_full_program_is_refused_as_the_mentors_capacity_not_the_organisation_cap() -> None:
    # seed 000_4e18aab21704e587.txt: Charlotte's pairs are one-to-one, whatever the organisation
    # allows.
    policy = preset("charlotte-sll").matching
    [refusal] = [r for r in refusals(MENTEE, mentor(None, 1, 0, 5), policy)]
    assert refusal.rule is HardRule.MENTOR_HAS_CAPACITY


@given(st.lists(st.tuples(capacities, loads, loads, caps), min_size=1, max_size=5))
def test_the_cohort_matrix_and_the_one_pair_check_read_both_caps_alike(
    mentors: list[tuple[int | None, int, int, int | None]],
) -> None:
    people = [
        MatchCandidate(
            id=f"m{i}",
            level=9,
            department="Finance",
            capacity=c,
            current_load=h,
            load_elsewhere=e,
            organization_cap=cap,
        )
        for i, (c, h, e, cap) in enumerate(mentors)
    ]
    matrix = build_cost_matrix([MENTEE], people, SHARED)
    column = {mentor_id: j for j, mentor_id in enumerate(matrix.mentor_ids)}
    for person in people:
        in_matrix = person.id in column and not matrix.is_forbidden(0, column[person.id])
        assert in_matrix == is_allowed(MENTEE, person, SHARED)


@pytest.mark.parametrize("value", [0, -1, True, 2.5, "3"])
def test_an_organisation_cap_allows_at_least_one_open_pair(value: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        checked_load_cap(value)
    assert raised.value.field == "max_open_pairs_per_mentor"


@given(caps)
def test_an_organisation_cap_of_one_or_more_or_none_is_kept(cap: int | None) -> None:
    assert checked_load_cap(cap) == cap


def test_a_change_that_names_no_organisation_setting_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as raised:
        checked_changes({"max_open_pairs_across_programs": 2})
    assert raised.value.field == "max_open_pairs_across_programs"


def test_the_cap_is_no_longer_a_program_policy_setting() -> None:
    with pytest.raises(TypeError):
        MatchingPolicy(**{"max_open_pairs_across_programs": 2})  # type: ignore[arg-type]


def test_a_run_says_a_mentor_at_the_organisation_cap_got_no_mentee_because_of_it() -> None:
    # DOMAIN "Matching": "A proposed match is explained"; nobody silently disappears.
    full_here = mentor(1, 1, 0, None)
    at_cap = replace(mentor(None, 0, 2, 2), id="cap")
    idle = {m.mentor_id: m for m in idle_mentors([MENTEE], [full_here, at_cap], SHARED, set())}
    assert idle["mentor"].reason == "the mentor has no capacity left for another mentee"
    assert idle["cap"].to_dict()["refused_by"] == {"within_organization_cap": 1}
