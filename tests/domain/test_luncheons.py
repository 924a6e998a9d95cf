"""Charlotte's luncheon groups: mentees stay together, hosts rotate (seed 001)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.luncheons import check_plan, plan_luncheons

HOSTS = [f"host-{i}" for i in range(8)]


def test_forty_five_mentees_sit_in_eight_groups_of_five_or_six_with_rotating_hosts():
    mentees = [f"mentee-{i}" for i in range(45)]
    groups = plan_luncheons(mentees, HOSTS, luncheons=2, group_min=5, group_max=6)
    assert len(groups) == 8
    assert {len(g.mentees) for g in groups} == {5, 6}
    assert all(g.hosts[0] != g.hosts[1] for g in groups)
    check_plan(groups, luncheons=2, group_min=5, group_max=6)


def test_too_many_mentees_for_eight_hosts_is_refused():
    with pytest.raises(InvalidInput) as refused:
        plan_luncheons([f"m{i}" for i in range(60)], HOSTS, luncheons=2, group_min=5, group_max=6)
    assert refused.value.rule == "not_enough_hosts"


@given(st.integers(5, 48), st.integers(1, 8))
def test_every_plan_seats_each_mentee_once_and_books_each_host_once_per_luncheon(n, luncheons):
    mentees = [f"m{i}" for i in range(n)]
    try:
        groups = plan_luncheons(mentees, HOSTS, luncheons=luncheons, group_min=5, group_max=6)
    except InvalidInput:
        assume(False)
    assert sorted(m for g in groups for m in g.mentees) == sorted(mentees)
    check_plan(groups, luncheons=luncheons, group_min=5, group_max=6)
    for g in groups:
        assert len(set(g.hosts)) == len(g.hosts)  # never the same host twice
