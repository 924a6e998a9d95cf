"""Caltrans and NC: the pair writes the term into their agreement; once both sign, the dates
follow. The handbooks recommend a length (six months, a year): a shorter term is accepted with
a notice, and only a program's own hard bounds refuse one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.agreed_term import (
    LONGEST_TERM_MONTHS,
    agreed_term,
    below_recommendation,
    months_in,
    term_change,
    term_notice,
)
from app.domain.calendar_months import add_months
from app.domain.errors import InvalidInput
from app.domain.lifecycle.status import propose
from app.domain.policy.model import apply_overrides
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.nc import NC_MODEL

START = date(2027, 1, 4)
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("six months", 6),
        ("9", 9),
        ("nine months", 9),
        ("one year", 12),
        ("Eighteen Months", 18),
        ("twenty-four months", 24),
        ("until the project ends", None),
        ("six months, maybe more", None),
    ],
)
def test_the_contracts_term_is_read_in_months_or_years(text, months):
    assert months_in(text) == months


def test_the_recommended_duration_of_the_relationship_is_six_months_not_a_minimum():
    # seed 002_59333b271e9b4b69.txt FAQ "How long should the mentoring relationship last?":
    # "The recommended duration of the relationship is six-months. The length should be agreed
    # upon and documented in the mentoring contract."
    assert agreed_term(CALTRANS, {"duration": "four months"}) == 4
    assert term_notice(CALTRANS, {"duration": "four months"}) == (
        "a term of at least 6 months is recommended; this agreement states 4 months"
    )
    assert term_notice(CALTRANS, {"duration": "six months"}) is None
    with pytest.raises(InvalidInput) as vague:
        agreed_term(CALTRANS, {"duration": "as long as it takes"})
    assert (vague.value.field, vague.value.rule) == ("terms.duration", "term_in_months")
    with pytest.raises(InvalidInput) as nothing:
        agreed_term(CALTRANS, {"duration": "0 months"})  # a term still lasts a month
    assert (nothing.value.field, nothing.value.rule) == ("terms.duration", "term_within_policy")


def test_some_technical_or_high_level_jobs_may_consider_a_longer_duration():
    # seed 002_59333b271e9b4b69.txt FAQ "How long should the mentoring relationship last?"
    assert agreed_term(CALTRANS, {"duration": "eighteen months"}) == 18
    assert term_notice(CALTRANS, {"duration": "eighteen months"}) is None


def test_a_program_that_sets_a_hard_minimum_still_refuses_a_shorter_term():
    # The recommendation leaves a program free to bound the term itself (002, 003 "Duration").
    bounded = apply_overrides(CALTRANS, {"term": {"min_months": 6}})
    with pytest.raises(InvalidInput) as short:
        agreed_term(bounded, {"duration": "three months"})
    assert (short.value.field, short.value.rule) == ("terms.duration", "term_within_policy")
    assert agreed_term(bounded, {"duration": "six months"}) == 6


def test_at_least_a_one_year_partnership_is_recommended_the_agency_sets_the_duration():
    # seed 003_e5d42bff8b56600f.txt "Duration": "The duration of a mentor's and mentee's
    # involvement in the program is dependent upon the guidelines stipulated by the governing
    # agency; however at least a one-year partnership ... [is] recommended."
    assert agreed_term(NC_MODEL, {"duration": "nine months"}) == 9
    assert term_notice(NC_MODEL, {"duration": "nine months"}) == (
        "a term of at least 12 months is recommended; this agreement states 9 months"
    )
    assert term_notice(NC_MODEL, {"duration": "one year"}) is None
    agency = apply_overrides(NC_MODEL, {"duration_months": 9})  # the agency's guideline
    assert propose(policy=agency, starts_on=START).timeline.ends_on == add_months(START, 9)


def test_commit_to_a_reasonable_duration_for_the_partnership():
    # seed 003_e5d42bff8b56600f.txt "Requirements": mentor and mentee "Commit to a reasonable
    # duration for the partnership": NC's agreement may state it; one that does not keeps the
    # program's term.
    assert "duration" in NC_MODEL.agreement.sections
    assert "duration" not in NC_MODEL.agreement.required_sections
    assert agreed_term(NC_MODEL, {"duration": "two years"}) == 24
    assert agreed_term(NC_MODEL, {"ground_rules": "be on time"}) is None


def test_programs_whose_agreement_states_no_term_keep_theirs():
    assert agreed_term(CHARLOTTE_SLL, {"frequency": "weekly"}) is None
    assert term_notice(CHARLOTTE_SLL, {"duration": "two months"}) is None  # not its section
    assert agreed_term(CALTRANS, {"ground_rules": "be on time"}) is None
    assert term_notice(CALTRANS, {"ground_rules": "be on time"}) is None


def test_a_term_that_would_already_be_over_cannot_be_agreed():
    status = propose(policy=CALTRANS, starts_on=START)
    with pytest.raises(InvalidInput) as over:
        term_change(status, 7, add_months(START, 7) + timedelta(days=1))
    assert over.value.rule == "term_already_over"


@given(st.integers(1, 48), st.booleans())
def test_any_number_of_months_reads_back_as_written(months, in_years):
    if in_years:
        assert months_in(f"{months} years") == months * 12
    else:
        assert months_in(f"{months} months") == months
    if months <= len(_WORDS):
        assert months_in(f"{_WORDS[months - 1]} months") == months


@given(st.integers(0, 2 * LONGEST_TERM_MONTHS), st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_an_agreed_term_is_inside_the_bounds_and_every_date_follows_it(months, start):
    # seed 002_59333b271e9b4b69.txt FAQ: any length the pair documents in the contract, from a
    # month on; under six months it carries the notice.
    status = propose(policy=CALTRANS, starts_on=start)
    if months < 1 or months > LONGEST_TERM_MONTHS:
        with pytest.raises(InvalidInput) as refused:
            agreed_term(CALTRANS, {"duration": f"{months} months"})
        assert refused.value.field == "terms.duration"
        return
    agreed = agreed_term(CALTRANS, {"duration": f"{months} months"})
    assert agreed == months
    notice = term_notice(CALTRANS, {"duration": f"{months} months"})
    assert (notice is not None) == (months < 6)
    timeline = term_change(status, agreed, start)
    if months == status.timeline.duration_months:
        assert timeline is None
        return
    assert timeline is not None
    assert timeline.ends_on == add_months(start, months)
    assert timeline.duration_months == months
    # Checkups every two months, counted from the start, all inside the new term.
    assert len(timeline.checkups) == months // 2
    assert all(start < day <= timeline.ends_on for day in timeline.checkups)


@given(st.integers(0, 2 * LONGEST_TERM_MONTHS), st.none() | st.integers(1, 60))
def test_a_recommended_term_never_refuses_a_term_it_only_adds_a_notice(months, recommended):
    # seed 002_59333b271e9b4b69.txt FAQ "The recommended duration"; seed 003_e5d42bff8b56600f.txt
    # "Duration": "recommended". Whatever the recommendation, the same terms are accepted.
    policy = apply_overrides(CALTRANS, {"term": {"recommended_min_months": recommended}})
    unbounded = apply_overrides(CALTRANS, {"term": {"recommended_min_months": None}})
    terms = {"duration": f"{months} months"}
    try:
        expected = agreed_term(unbounded, terms)
    except InvalidInput:
        with pytest.raises(InvalidInput):
            agreed_term(policy, terms)
        return
    assert agreed_term(policy, terms) == expected
    shorter = recommended is not None and months < recommended
    assert (below_recommendation(policy, months) is not None) == shorter
    assert term_notice(policy, terms) == below_recommendation(policy, months)
    assert term_notice(unbounded, terms) is None
