"""Policy values: serialisation, overrides by field path, and refusal of incoherent settings."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.eligibility.employment import MinimumMonthsOfService
from app.domain.errors import PolicyError
from app.domain.policy.model import (
    EvaluationKind,
    FeePayer,
    MatchingPolicy,
    PairFormation,
    Policy,
    PreferenceWeights,
    apply_overrides,
    stored_policy,
)
from app.domain.policy.presets import PRESETS

weights = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)


@st.composite
def overrides(draw: st.DrawFn) -> dict[str, Any]:
    """Coherent overrides of any preset: a term, checkpoint, checkups, cadence, fee, weights."""
    months = draw(st.integers(min_value=1, max_value=48))
    per_pair = draw(st.booleans())
    checkpoint = draw(st.none() | st.integers(min_value=1, max_value=max(1, months - 1)))
    checkup = draw(st.none() | st.integers(min_value=1, max_value=months))
    fee = draw(st.integers(min_value=0, max_value=10**7))
    return {
        "duration_months": months,
        "checkpoint_month": checkpoint if checkpoint is not None and checkpoint < months else None,
        "term": {
            "agreed_per_pair": per_pair,
            "min_months": months if per_pair else None,
            "max_months": draw(st.none() | st.integers(months, 60)) if per_pair else None,
            "recommended_min_months": draw(st.none() | st.integers(1, 60)),
        },
        "evaluations": {"checkup_every_months": checkup, "required_before_completion": []},
        "cadence": {
            "min_meetings_per_month": draw(st.integers(0, 8)),
            "min_hours_per_month": draw(st.floats(0, 40, allow_nan=False)),
        },
        "fee": {"amount_cents": fee, "billed_to": "mentee_department" if fee else "none"},
        "matching": {
            "weights": {"cross_gender": draw(weights), "career_path_overlap": draw(weights)}
        },
        "pair_formation": draw(
            st.lists(st.sampled_from([p.value for p in PairFormation]), min_size=1, unique=True)
        ),
    }


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A random valid policy: a preset with random coherent overrides."""
    base = PRESETS[draw(st.sampled_from(sorted(PRESETS)))]
    return apply_overrides(base, draw(overrides()))


@given(policies())
def test_policy_round_trips_through_json_exactly(policy: Policy) -> None:
    as_json = json.dumps(policy.to_dict(), allow_nan=False)
    assert Policy.from_dict(json.loads(as_json)) == policy


@given(policies())
def test_overriding_a_policy_with_its_own_dict_changes_nothing(policy: Policy) -> None:
    assert apply_overrides(policy, policy.to_dict()) == policy


@given(st.lists(policies(), min_size=1, max_size=6))
def test_a_stored_snapshot_reads_back_as_its_own_policy_whatever_was_read_before(
    seen: list[Policy],
) -> None:
    # Stored snapshots are decoded once and kept: a later read must still get its own
    # policy, never one decoded for another snapshot.
    for policy in seen + seen[::-1]:
        snapshot = json.loads(json.dumps(policy.to_dict()))
        assert stored_policy(snapshot) == policy


def test_a_stored_snapshot_is_still_checked_as_it_is_decoded() -> None:
    snapshot = PRESETS["charlotte-sll"].to_dict() | {"duration_months": "nine"}
    with pytest.raises(PolicyError) as refused:
        stored_policy(snapshot)
    assert refused.value.field == "duration_months"


def test_public_names_duration_and_checkpoint_month_are_top_level_keys() -> None:
    data = PRESETS["charlotte-sll"].to_dict()
    assert (data["duration_months"], data["checkpoint_month"]) == (9, 3)
    assert isinstance(data["cadence"], dict)


def test_nested_partial_overrides_change_only_what_they_name() -> None:
    base = PRESETS["caltrans"]
    changed = apply_overrides(
        base, {"duration_months": 12, "cadence": {"min_meetings_per_month": 4}}
    )
    assert changed.duration_months == 12
    assert changed.cadence.min_meetings_per_month == 4
    assert changed.cadence.min_hours_per_month == base.cadence.min_hours_per_month
    assert changed.agreement == base.agreement
    assert base.duration_months == 6  # the original policy is a value: untouched


def test_eligibility_rules_can_be_overridden_as_data() -> None:
    rules = [{"rule": "minimum_months_of_service", "months": 24}]
    changed = apply_overrides(PRESETS["nc-model"], {"eligibility": {"mentee_rules": rules}})
    assert changed.eligibility.mentee_rules == (MinimumMonthsOfService(24),)


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"cadence": {"min_meetings_per_mnth": 2}}, "cadence.min_meetings_per_mnth"),
        ({"colour": "blue"}, "colour"),
        ({"cadence": {"min_meetings_per_month": "two"}}, "cadence.min_meetings_per_month"),
        ({"cadence": {"min_meetings_per_month": True}}, "cadence.min_meetings_per_month"),
        ({"duration_months": 9.5}, "duration_months"),
        ({"cadence": 3}, "cadence"),
        ({"pair_formation": ["lottery"]}, "pair_formation[0]"),
        ({"fee": {"billed_to": "the_mentor"}}, "fee.billed_to"),
        ({"matching": {"weights": {"cross_race": "lots"}}}, "matching.weights.cross_race"),
        ({"eligibility": {"mentee_rules": [{"rule": "be_tall"}]}}, "eligibility.mentee_rules[0]"),
    ],
)
def test_unknown_settings_and_wrong_types_are_refused_by_field_path(
    override: dict[str, Any], field: str
) -> None:
    with pytest.raises(PolicyError) as refused:
        apply_overrides(PRESETS["caltrans"], override)
    assert refused.value.field is not None
    assert refused.value.field.startswith(field)


@pytest.mark.parametrize(
    ("override", "field", "reason"),
    [
        ({"checkpoint_month": 9}, "checkpoint_month", "before the term ends"),
        ({"checkpoint_month": 12}, "checkpoint_month", "before the term ends"),
        ({"duration_months": 0, "checkpoint_month": None}, "duration_months", "at least one month"),
        ({"duration_months": -3, "checkpoint_month": None}, "duration_months", "at least one"),
        ({"fee": {"amount_cents": -1}}, "fee.amount_cents", "negative"),
        ({"term": {"recommended_min_months": 0}}, "term.recommended_min_months", "one month"),
        (
            {"evaluations": {"checkup_every_months": 10}},
            "evaluations.checkup_every_months",
            "never",
        ),
        ({"cadence": {"min_hours_per_month": -0.5}}, "cadence.min_hours_per_month", ">= 0"),
        ({"goals": {"max_objectives": 0}}, "goals.max_objectives", "at least 1"),
        ({"fee": {"amount_cents": 500}}, "fee.billed_to", "who is billed"),
        ({"matching": {"weights": {"cross_gender": -1}}}, "matching.weights.cross_gender", ">= 0"),
        ({"matching": {"default_mentor_capacity": 2}}, "matching.default_mentor_capacity", "one"),
        ({"pair_formation": []}, "pair_formation", "at least one"),
        ({"pair_formation": ["committee", "committee"]}, "pair_formation", "twice"),
        ({"evaluations": {"final": False}}, "evaluations.required_before_completion", "final"),
    ],
)
def test_incoherent_overrides_are_refused_with_a_reason(
    override: dict[str, Any], field: str, reason: str
) -> None:
    with pytest.raises(PolicyError, match=reason) as refused:
        apply_overrides(PRESETS["charlotte-sll"], override)
    assert refused.value.field == field


def test_a_per_pair_term_policy_refuses_a_checkpoint_its_shortest_term_would_pass() -> None:
    per_pair = {"term": {"agreed_per_pair": True, "min_months": 2, "max_months": 12}}
    with pytest.raises(PolicyError, match="before the term ends"):
        apply_overrides(PRESETS["charlotte-sll"], per_pair)


def test_missing_setting_is_refused_when_rebuilding_a_stored_policy() -> None:
    data = PRESETS["maine-mms"].to_dict()
    del data["fee"]
    with pytest.raises(PolicyError) as refused:
        Policy.from_dict(data)
    assert refused.value.field == "fee"


@given(st.builds(PreferenceWeights, *[weights] * 6), st.booleans(), st.integers(0, 5))
def test_matching_policy_round_trips(w: PreferenceWeights, same_dept: bool, gap: int) -> None:
    matching = MatchingPolicy(min_level_gap=gap, forbid_same_department=same_dept, weights=w)
    assert MatchingPolicy.from_dict(json.loads(json.dumps(matching.to_dict()))) == matching


def test_non_finite_weights_are_refused() -> None:
    with pytest.raises(PolicyError):
        PreferenceWeights(cross_race=float("inf"))


def test_required_evaluations_serialise_in_a_stable_order() -> None:
    data = PRESETS["charlotte-sll"].to_dict()
    assert data["evaluations"]["required_before_completion"] == ["final", "midpoint"]  # type: ignore[index]
    assert EvaluationKind.FINAL in PRESETS["charlotte-sll"].evaluations.required_before_completion
    assert PRESETS["maine-mms"].fee.billed_to is FeePayer.MENTEE_DEPARTMENT
