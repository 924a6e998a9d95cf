"""Charlotte's luncheon groups: mentees stay together, eight volunteers each host once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.calendar_months import add_months
from app.domain.errors import InvalidInput
from app.domain.luncheons import (
    LuncheonGroup,
    LuncheonRules,
    check_luncheon_date,
    check_plan,
    plan_luncheons,
    plan_violations,
)

CHARLOTTE = LuncheonRules(luncheons=2, hosts=8, group_min=5, group_max=6)
HOSTS = [f"host-{i}" for i in range(8)]


def _mentees(n: int) -> list[str]:
    return [f"mentee-{i}" for i in range(n)]


def test_four_mentors_host_in_january_and_another_four_in_april() -> None:
    # seed 000_4e18aab21704e587.txt "Group Learning": "in January four mentors will each
    # volunteer to host five (or six) mentees. Then, in April, another four mentors will each
    # volunteer to host five (or six) mentees. Mentees will remain with their group."
    groups = plan_luncheons(_mentees(22), HOSTS, CHARLOTTE)
    assert len(groups) == 4
    assert sorted(len(g.mentees) for g in groups) == [5, 5, 6, 6]
    first = {g.hosts[0] for g in groups}
    second = {g.hosts[1] for g in groups}
    assert len(first) == len(second) == 4
    assert first.isdisjoint(second)
    assert first | second == set(HOSTS)


def test_more_mentees_than_the_programs_eight_hosts_can_seat_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        plan_luncheons(_mentees(45), [f"h{i}" for i in range(20)], CHARLOTTE)
    assert refused.value.rule == "too_many_groups"


def test_too_few_volunteers_is_refused_naming_how_many_are_needed() -> None:
    with pytest.raises(InvalidInput) as refused:
        plan_luncheons(_mentees(22), HOSTS[:7], CHARLOTTE)
    assert refused.value.rule == "not_enough_hosts"
    assert "8 different hosts; 7 mentors have volunteered" in refused.value.detail


@given(st.integers(5, 24), st.integers(1, 4))
def test_every_plan_seats_each_mentee_once_and_each_volunteer_hosts_once(
    n: int, luncheons: int
) -> None:
    rules = LuncheonRules(luncheons=luncheons, hosts=0, group_min=5, group_max=6)
    mentees, volunteers = _mentees(n), [f"v{i}" for i in range(24)]
    try:
        groups = plan_luncheons(mentees, volunteers, rules)
    except InvalidInput:
        assume(False)
    hosts = [h for g in groups for h in g.hosts]
    assert len(hosts) == len(set(hosts)) == len(groups) * luncheons
    assert plan_violations(groups, rules, mentees=mentees, volunteers=volunteers) == []


def test_an_edit_is_refused_with_every_violation_named() -> None:
    groups = [
        LuncheonGroup(1, ("a", "b", "c", "d", "e"), ("h1", "h2")),
        LuncheonGroup(2, ("a", "f", "g", "h", "stranger"), ("h1", "outsider")),
    ]
    cohort = {"a", "b", "c", "d", "e", "f", "g", "h", "i"}
    with pytest.raises(InvalidInput) as refused:
        check_plan(groups, CHARLOTTE, mentees=cohort, volunteers={"h1", "h2", "h3"})
    detail = refused.value.detail
    assert refused.value.field == "groups"
    for named in (
        "mentee a is seated 2 times",
        "stranger is not a mentee of this cohort",
        "mentee i has no group",
        "host h1 is named 2 times; each hosts once",
        "outsider has not volunteered to host",
    ):
        assert named in detail


def test_luncheons_are_held_twice_beginning_after_january_1() -> None:
    # seed 000_4e18aab21704e587.txt: "Luncheons will be held twice during the nine months -
    # beginning after January 1."
    rules = {
        "luncheons": 2,
        "not_before_month": 1,
        "cohort_starts_on": date(2026, 9, 1),
        "term_ends_on": date(2027, 6, 1),
    }
    with pytest.raises(InvalidInput) as early:
        check_luncheon_date(**rules, day=date(2026, 12, 15), already=0)
    assert early.value.rule == "luncheon_too_early"
    check_luncheon_date(**rules, day=date(2027, 1, 20), already=0)
    check_luncheon_date(**rules, day=date(2027, 4, 20), already=1)
    with pytest.raises(InvalidInput) as third:
        check_luncheon_date(**rules, day=date(2027, 5, 20), already=2)
    assert third.value.rule == "luncheons_scheduled"


@given(
    st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_luncheons_will_be_held_twice_during_the_nine_months(start: date, offset: int) -> None:
    # seed 000_4e18aab21704e587.txt "Group Learning": "Luncheons will be held twice during the
    # nine months": a luncheon the coordinator dates past the term (or before it) is refused.
    ends = add_months(start, 9)
    day = start + timedelta(days=offset)
    rules = {"luncheons": 2, "not_before_month": None, "cohort_starts_on": start}
    if day < ends:
        check_luncheon_date(**rules, term_ends_on=ends, day=day, already=0)
        return
    with pytest.raises(InvalidInput) as late:
        check_luncheon_date(**rules, term_ends_on=ends, day=day, already=0)
    assert late.value.rule == "luncheon_outside_term"
    assert (ends - timedelta(days=1)).isoformat() in late.value.detail
