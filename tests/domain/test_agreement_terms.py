"""The agreement's terms: a guide's listed sections and the pair's own headings (000), or
only the listed sections (003)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.agreement_terms import (
    MAX_HEADING_LENGTH,
    MAX_TERMS,
    check_required_sections,
    check_terms,
)
from app.domain.errors import InvalidInput
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.nc import NC_MODEL

GUIDE = CHARLOTTE_SLL.agreement
STRICT = NC_MODEL.agreement


def _refused(agreement, terms) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        check_terms(agreement, terms)
    return refused.value


def test_the_mra_is_only_a_guide_you_may_use_it_or_create_your_own():
    # 000 "Mentoring Relationship Agreement"
    assert GUIDE.sections_are_a_guide
    check_terms(GUIDE, {"frequency": "weekly"})  # use it
    check_terms(GUIDE, {"How we give feedback": "candidly", "Shadowing": "twice"})  # your own
    assert _refused(STRICT, {"How we give feedback": "x"}).field == "terms.How we give feedback"


def test_caltrans_forms_can_be_modified_and_still_state_the_duration():
    # 002 IV: the forms "can be modified to meet the participants' needs"; FAQ: the duration
    check_terms(CALTRANS.agreement, {"duration": "6 months", "Site visits": "two"})
    with pytest.raises(InvalidInput) as refused:
        check_required_sections(CALTRANS.agreement, {"Site visits": "two"})
    assert refused.value.field == "terms.duration"


@pytest.mark.parametrize("key", ["", "   ", " padded", "tab\there", "x" * (MAX_HEADING_LENGTH + 1)])
def test_a_heading_of_the_pairs_own_is_well_formed(key):
    assert _refused(GUIDE, {key: "x"}).field == f"terms.{key}"


@pytest.mark.parametrize("key", ["Concerns", "CONCERNS", "Frequency"])
def test_a_heading_of_the_pairs_own_never_poses_as_a_listed_section(key):
    # The pair's "concerns" are withheld from staff by their section's name: a look-alike
    # heading would be read as an ordinary term, so it is refused, naming the section to use.
    refused = _refused(GUIDE, {key: "a worry"})
    assert refused.field == f"terms.{key}"
    assert repr(key.lower()) in refused.detail


def test_an_agreement_has_a_bounded_number_of_terms_and_a_bounded_length():
    assert _refused(GUIDE, {f"h{i}": "x" for i in range(MAX_TERMS + 1)}).field == "terms"
    assert _refused(GUIDE, {"Own": "x" * 4001}).field == "terms.Own"
    assert _refused(GUIDE, {}).field == "terms"


_LISTED = {s.casefold() for s in GUIDE.sections + STRICT.sections}
_HEADINGS = st.text(
    st.characters(categories=("L", "N", "P"), include_characters=" "),
    min_size=1,
    max_size=MAX_HEADING_LENGTH,
).filter(lambda k: k == k.strip() and k.casefold() not in _LISTED)


@given(_HEADINGS)
def test_in_a_guide_any_well_formed_heading_is_accepted_in_a_strict_program_only_listed(key):
    check_terms(GUIDE, {key: "agreed"})
    assert _refused(STRICT, {key: "agreed"}).field == f"terms.{key}"
    for section in STRICT.sections:
        check_terms(STRICT, {section: "agreed"})
