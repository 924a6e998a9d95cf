"""Caltrans: the pair writes the term into their contract; once both sign, the dates follow."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.agreed_term import LONGEST_TERM_MONTHS, agreed_term, months_in, term_change
from app.domain.calendar_months import add_months
from app.domain.errors import InvalidInput
from app.domain.lifecycle.status import propose
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


def test_a_caltrans_pair_may_agree_longer_but_not_shorter_than_six_months():
    assert agreed_term(CALTRANS, {"duration": "nine months"}) == 9
    with pytest.raises(InvalidInput) as short:
        agreed_term(CALTRANS, {"duration": "three months"})
    assert short.value.field == "terms.duration"
    with pytest.raises(InvalidInput) as vague:
        agreed_term(CALTRANS, {"duration": "as long as it takes"})
    assert (vague.value.field, vague.value.rule) == ("terms.duration", "term_in_months")


def test_programs_whose_agreement_states_no_term_keep_theirs():
    assert agreed_term(CHARLOTTE_SLL, {"frequency": "weekly"}) is None
    assert agreed_term(NC_MODEL, {"duration": "two years"}) is None  # not an NC section
    assert agreed_term(CALTRANS, {"ground_rules": "be on time"}) is None


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
    status = propose(policy=CALTRANS, starts_on=start)
    if months < 6 or months > LONGEST_TERM_MONTHS:
        with pytest.raises(InvalidInput) as refused:
            agreed_term(CALTRANS, {"duration": f"{months} months"})
        assert refused.value.field == "terms.duration"
        return
    agreed = agreed_term(CALTRANS, {"duration": f"{months} months"})
    assert agreed == months
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
