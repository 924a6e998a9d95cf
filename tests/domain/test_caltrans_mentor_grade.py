"""Caltrans mentees choose their mentor whatever the two grades: seed 002 names no grade rule.

Seed 002_59333b271e9b4b69.txt "Minimum Requirements for Mentor and Mentee": a mentor needs
the "Ability to commit time", a "Sincere interest in participating" and to "Demonstrate the
State of California's Leadership Competencies"; "Mentoring is Mentee-driven": "the mentee is in
charge of the relationship, including: choosing a mentor". The higher level is Charlotte's
(000: "is at a higher level in the organization"), and only its preset keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import HardRule, explain
from app.domain.policy.presets import preset

CALTRANS = preset("caltrans").matching

MENTEE = MatchCandidate(id="mentee", level=8, department="Maintenance", unit="District 4")
MENTOR = MatchCandidate(id="mentor", level=8, department="Planning", unit="District 7")

levels = st.one_of(st.none(), st.integers(min_value=0, max_value=20))


def test_minimum_requirements_for_mentor_ability_to_commit_time_sincere_interest_no_grade() -> None:
    # seed 002_59333b271e9b4b69.txt "Minimum Requirements for Mentor": time, interest and the
    # leadership competencies; "Mentoring is Mentee-driven": the mentee chooses. A manager
    # choosing a fellow manager of the same grade, or a volunteer whose grade HR left blank, is
    # no breach of any of them.
    assert CALTRANS.require_higher_level is False
    for mentor in (MENTOR, replace(MENTOR, level=None), replace(MENTOR, level=5)):
        explanation = explain(MENTEE, mentor, CALTRANS)
        assert explanation.allowed, explanation.refused_by
        assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE not in explanation.passed


def test_charlotte_keeps_its_mentor_at_a_higher_level_in_the_organization() -> None:
    # seed 000_4e18aab21704e587.txt: the mentor "is at a higher level in the organization";
    # 003 and 004 name no level either (tests/domain/test_matching.py).
    for name in ("charlotte-sll",):
        policy = preset(name).matching
        assert policy.require_higher_level
        refused = {r.rule for r in explain(MENTEE, MENTOR, policy).refused_by}
        assert HardRule.MENTOR_LEVEL_ABOVE_MENTEE in refused, name


@given(mentee_level=levels, mentor_level=levels)
def test_no_caltrans_choice_is_refused_for_its_grades(
    mentee_level: int | None, mentor_level: int | None
) -> None:
    # seed 002_59333b271e9b4b69.txt "Mentoring is Mentee-driven": "choosing a mentor"
    mentee = replace(MENTEE, level=mentee_level)
    mentor = replace(MENTOR, level=mentor_level)
    refused = {r.rule for r in explain(mentee, mentor, CALTRANS).refused_by}
    assert refused == set()
