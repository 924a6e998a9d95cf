"""A published matching run is formed by one of the program's own ways (issue 22, item 7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import PolicyError
from app.domain.matching.formation import run_formed_by
from app.domain.policy.choices import PairFormation
from app.domain.policy.presets import PRESETS


def test_the_selection_committee_matches_so_a_run_is_never_published_as_its_pairs():
    # seed 000_4e18aab21704e587.txt "Selection Committee": "Reviews participant application for
    # closest match with mentor profile": the committee's slate forms Charlotte's pairs.
    with pytest.raises(PolicyError) as refused:
        run_formed_by(PRESETS["charlotte-sll"].pair_formation)
    assert refused.value.rule == "pair_formation"
    assert "committee" in refused.value.detail


def test_the_program_coordinator_matches_mentees_with_the_best_fit_mentor():
    # seed 003_e5d42bff8b56600f.txt "Selecting a Mentor": "The program coordinator should match
    # mentees with the best-fit mentor"; seed 004_5b4c852a2ca2c393.txt: "Suggested match".
    assert run_formed_by(PRESETS["nc-model"].pair_formation) is PairFormation.COORDINATOR
    assert run_formed_by(PRESETS["maine-mms"].pair_formation) is PairFormation.COORDINATOR


def test_mentoring_is_mentee_driven_so_a_run_does_not_choose_for_the_mentee():
    # seed 002_59333b271e9b4b69.txt "Forming the Relationship": the mentee chooses from the
    # volunteer list, or asks for someone not on it.
    with pytest.raises(PolicyError):
        run_formed_by(PRESETS["caltrans"].pair_formation)


@given(st.sets(st.sampled_from(PairFormation), min_size=1))
def test_a_published_run_is_formed_by_one_of_the_programs_own_ways(ways):
    ordered = tuple(ways)
    try:
        formed = run_formed_by(ordered)
    except PolicyError:
        assert not ways & {PairFormation.ALGORITHM, PairFormation.COORDINATOR}
    else:
        assert formed in ways
        assert formed is not PairFormation.COMMITTEE
        assert formed is PairFormation.ALGORITHM or PairFormation.ALGORITHM not in ways
