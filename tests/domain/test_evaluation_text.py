"""Whose eyes an evaluation's free text meets: its respondent's; the partner's for the kinds a
program shares with the pair (Caltrans' checkup, 002); never staff's (000/001)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.confidentiality.evaluation_text import (
    free_text_answers,
    may_read_free_text,
    shared_with_pair,
)
from app.domain.confidentiality.viewers import Viewer, ViewerRelation
from app.domain.errors import PolicyError
from app.domain.forms import handbooks as forms
from app.domain.forms.kinds import EvaluationKind
from app.domain.policy.model import EvaluationPolicy, Policy
from app.domain.policy.presets import PRESETS

CALTRANS = PRESETS["caltrans"].evaluations
CHARLOTTE = PRESETS["charlotte-sll"].evaluations
PAIR = (ViewerRelation.MENTEE, ViewerRelation.MENTOR)
STAFF = (ViewerRelation.COORDINATOR, ViewerRelation.ADMINISTRATOR, ViewerRelation.ORG_ADMIN)


def test_use_this_worksheet_to_create_a_dialogue_about_your_mentoring_relationship() -> None:
    # seed 002_59333b271e9b4b69.txt "Appendix: Relationship Checkup Worksheet": "Use this
    # worksheet to create a dialogue about your mentoring relationship. ..."
    checkup = EvaluationKind.CHECKUP
    for partner in PAIR:
        assert may_read_free_text(Viewer(partner, "partner"), checkup, CALTRANS).allowed
    for staff in STAFF:
        assert not may_read_free_text(Viewer(staff, "coordinator"), checkup, CALTRANS).allowed
    answers = {"3": 1, "7": "mock interviews", "10": "more notice before we cancel"}
    partner_reads = free_text_answers(forms.CALTRANS_CHECKUP, answers)
    assert partner_reads == {"7": "mock interviews", "10": "more notice before we cancel"}


def test_either_side_may_ask_for_a_change_without_giving_a_reason() -> None:
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": "they may request this
    # without being required to give a reason": the month-3 check is not shown to the partner.
    check = EvaluationKind.COMPATIBILITY_CHECK
    assert not shared_with_pair(CHARLOTTE, check)
    for partner in PAIR:
        assert not may_read_free_text(Viewer(partner, "partner"), check, CHARLOTTE).allowed
        author = Viewer(partner, "author", is_respondent=True)
        assert may_read_free_text(author, check, CHARLOTTE).allowed


def test_only_caltrans_shares_an_evaluation_with_the_pair() -> None:
    shared = {key: preset.evaluations.free_text_shared_with_pair for key, preset in PRESETS.items()}
    assert shared == {
        "charlotte-sll": frozenset(),
        "caltrans": frozenset({EvaluationKind.CHECKUP}),
        "nc-model": frozenset(),
        "maine-mms": frozenset(),
    }


def test_a_program_evaluation_is_never_shared_with_the_pair() -> None:
    with pytest.raises(PolicyError) as refused:
        EvaluationPolicy(
            program_evaluation=True,
            free_text_shared_with_pair=frozenset({EvaluationKind.PROGRAM}),
        )
    assert refused.value.field == "free_text_shared_with_pair"


def test_an_unknown_kind_to_share_is_refused_by_its_path() -> None:
    stored = PRESETS["caltrans"].to_dict()
    stored["evaluations"]["free_text_shared_with_pair"] = ["checkup", "chat"]  # type: ignore[index]
    with pytest.raises(PolicyError) as refused:
        Policy.from_dict(stored)
    assert refused.value.field == "evaluations.free_text_shared_with_pair[1]"
    assert "must be one of" in refused.value.detail


policies = st.builds(
    EvaluationPolicy,
    checkup_every_months=st.none() | st.integers(1, 6),
    free_text_shared_with_pair=st.frozensets(
        st.sampled_from([k for k in EvaluationKind if k is not EvaluationKind.PROGRAM])
    ),
)
viewers = st.builds(
    Viewer,
    relation=st.sampled_from(ViewerRelation),
    person_id=st.none() | st.sampled_from(["mentee-1", "mentor-1", "coordinator-1"]),
    is_respondent=st.booleans(),
)


@given(viewers, st.sampled_from(EvaluationKind), policies)
def test_staff_never_read_free_text_and_a_respondent_always_reads_their_own(
    who: Viewer, kind: EvaluationKind, policy: EvaluationPolicy
) -> None:
    decision = may_read_free_text(who, kind, policy)
    if who.relation not in PAIR:
        assert not decision.allowed
    elif who.is_respondent:
        assert decision.allowed
    else:
        assert decision.allowed == (kind in policy.free_text_shared_with_pair)
