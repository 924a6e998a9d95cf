"""Forms as data: the handbooks' items, scales with their printed labels and direction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput, PolicyError
from app.domain.forms.handbooks import (
    CALTRANS_CHECKUP,
    CHARLOTTE_COMPATIBILITY,
    CHARLOTTE_MONTHLY,
    MAINE_PROGRAM,
)
from app.domain.forms.kinds import EvaluationKind, Respondent
from app.domain.forms.model import ItemKind, ScaleEnd, check_answers, confidential_keys
from app.domain.forms.report import GivenAnswers, report_items
from app.domain.policy.model import Policy, apply_overrides
from app.domain.policy.presets import PRESETS

_CHECKUP_OK = {"1": 2, "2": 6.5, "3": 1, "4": 2, "5": 1, "6": 5}


def test_the_checkup_scale_reads_1_strongly_agree_to_5_strongly_disagree() -> None:
    # seed 002_59333b271e9b4b69.txt, Relationship Checkup Worksheet: "Strongly Agree Agree
    # Neither Agree/Disagree Disagree Strongly Disagree / 1 2 3 4 5"
    item = CALTRANS_CHECKUP.item("3")
    assert item is not None
    assert item.scale is not None
    assert item.scale.labels[0] == "Strongly Agree"
    assert item.scale.labels[-1] == "Strongly Disagree"
    assert item.scale.favourable is ScaleEnd.LOW
    assert item.scale.describe().startswith("1 = Strongly Agree")


def test_the_checkup_has_the_worksheets_ten_items() -> None:
    # seed 002_59333b271e9b4b69.txt: "1. I have been meeting with my (mentor) (mentee) for
    # _____ (amount of time). 2. We have met for _____ (number of hours)." ... "10. The one
    # thing I wish I could change about how we interact with each other is:"
    kinds = [item.kind for item in CALTRANS_CHECKUP.items]
    assert [item.key for item in CALTRANS_CHECKUP.items] == [str(n) for n in range(1, 11)]
    assert kinds[:2] == [ItemKind.NUMBER] * 2
    assert kinds[2:6] == [ItemKind.SCALE] * 4
    assert kinds[6:] == [ItemKind.TEXT] * 4
    assert confidential_keys(CALTRANS_CHECKUP) == {"7", "8", "9", "10"}


def test_an_answer_off_the_printed_scale_is_refused_naming_the_item() -> None:
    with pytest.raises(InvalidInput) as refused:
        check_answers(CALTRANS_CHECKUP, {**_CHECKUP_OK, "4": 6})
    assert refused.value.field == "answers.4"
    assert "1 = Strongly Agree" in refused.value.detail


def test_an_unknown_or_missing_item_is_refused() -> None:
    with pytest.raises(InvalidInput) as unknown:
        check_answers(CALTRANS_CHECKUP, {**_CHECKUP_OK, "11": "x"})
    assert unknown.value.field == "answers.11"
    missing = dict(_CHECKUP_OK)
    del missing["2"]
    with pytest.raises(InvalidInput) as refused:
        check_answers(CALTRANS_CHECKUP, missing)
    assert refused.value.field == "answers.2"


@given(point=st.integers(min_value=-10, max_value=10))
def test_a_scale_item_takes_exactly_the_printed_points(point: int) -> None:
    answers = {**_CHECKUP_OK, "3": point}
    if 1 <= point <= 5:
        assert check_answers(CALTRANS_CHECKUP, answers)["3"] == point
    else:
        with pytest.raises(InvalidInput):
            check_answers(CALTRANS_CHECKUP, answers)


@given(points=st.lists(st.integers(min_value=1, max_value=5), min_size=5, max_size=30))
def test_a_cohort_mean_stays_in_the_forms_own_direction(points: list[int]) -> None:
    # seed 002_59333b271e9b4b69.txt: 1 = Strongly Agree; a cohort that agrees averages near 1.
    given_answers = [
        GivenAnswers(n, CALTRANS_CHECKUP.version, {**_CHECKUP_OK, "3": p})
        for n, p in enumerate(points)
    ]
    trust = next(r for r in report_items(CALTRANS_CHECKUP, given_answers) if r.key == "3")
    assert trust.aggregate.mean == round(sum(points) / len(points), 2)
    assert trust.favourable is ScaleEnd.LOW
    assert trust.scale is not None
    assert trust.scale.startswith("1 = Strongly Agree")


def test_reports_never_show_confidential_items_nor_small_groups() -> None:
    few = [GivenAnswers(n, 1, {**_CHECKUP_OK, "7": "private"}) for n in range(4)]
    reported = report_items(CALTRANS_CHECKUP, few)
    assert {r.key for r in reported} == {"1", "2", "3", "4", "5", "6"}
    assert all(r.aggregate.suppressed and r.aggregate.mean is None for r in reported)


def test_answers_to_another_form_version_are_not_mixed_in() -> None:
    others = [GivenAnswers(n, 2, _CHECKUP_OK) for n in range(6)]
    assert all(r.aggregate.count == 0 for r in report_items(CALTRANS_CHECKUP, others))


def test_the_month_3_check_asks_about_process_progress_and_compatibility() -> None:
    # seed 000_4e18aab21704e587.txt: "evaluate the process and progress to this point,
    # including a question assessing mentor/mentee compatibility"
    keys = {item.key for item in CHARLOTTE_COMPATIBILITY.items}
    assert {"process", "progress", "compatibility"} <= keys


def test_mentees_complete_monthly_evaluations() -> None:
    # seed 001_5dd4108eec679fcc.txt: "Complete monthly evaluations."
    assert CHARLOTTE_MONTHLY.respondents == {Respondent.MENTEE}
    policy = PRESETS["charlotte-sll"]
    assert EvaluationKind.MONTHLY in policy.evaluations.kinds()
    assert policy.evaluations.form(EvaluationKind.MONTHLY) == CHARLOTTE_MONTHLY


def test_maines_program_evaluation_asks_the_five_working_well_signals() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "A mentoring relationship is working well when: 1. Mutual
    # learning is occurring ... 5. The protégé grows professionally"
    scales = [item for item in MAINE_PROGRAM.items if item.kind is ItemKind.SCALE]
    assert len(scales) == 5
    assert PRESETS["maine-mms"].evaluations.form(EvaluationKind.PROGRAM) == MAINE_PROGRAM


def test_each_preset_ships_its_handbooks_forms() -> None:
    shipped = {
        key: {form.kind for form in policy.evaluations.forms} for key, policy in PRESETS.items()
    }
    assert shipped["caltrans"] == {EvaluationKind.CHECKUP}
    assert shipped["charlotte-sll"] == {
        EvaluationKind.MIDPOINT,
        EvaluationKind.FINAL,
        EvaluationKind.MONTHLY,
        EvaluationKind.COMPATIBILITY_CHECK,
    }
    assert shipped["nc-model"] == {EvaluationKind.OUTCOME_REVIEW, EvaluationKind.PROGRAM}
    assert shipped["maine-mms"] == {EvaluationKind.PROGRAM}


def test_a_program_adjusts_a_form_as_a_new_version() -> None:
    caltrans = PRESETS["caltrans"]
    form = caltrans.evaluations.forms[0].to_dict()
    form["version"] = 2
    form["items"] = form["items"][:6]  # type: ignore[index]
    adjusted = apply_overrides(caltrans, {"evaluations": {"forms": [form]}})
    checkup = adjusted.evaluations.form(EvaluationKind.CHECKUP)
    assert checkup is not None
    assert checkup.version == 2
    assert len(checkup.items) == 6
    assert Policy.from_dict(adjusted.to_dict()) == adjusted


def test_two_forms_for_one_evaluation_are_refused() -> None:
    form = PRESETS["caltrans"].evaluations.forms[0].to_dict()
    with pytest.raises(PolicyError) as refused:
        apply_overrides(PRESETS["caltrans"], {"evaluations": {"forms": [form, form]}})
    assert refused.value.field == "evaluations.forms"


def test_a_form_is_unused_while_its_evaluation_is_switched_off() -> None:
    off = apply_overrides(PRESETS["caltrans"], {"evaluations": {"checkup_every_months": None}})
    assert off.evaluations.form(EvaluationKind.CHECKUP) is None
    assert off.evaluations.forms == PRESETS["caltrans"].evaluations.forms


def test_a_scale_item_without_a_scale_is_refused() -> None:
    form = PRESETS["caltrans"].evaluations.forms[0].to_dict()
    form["items"][2]["scale"] = None  # type: ignore[index]
    with pytest.raises(PolicyError) as refused:
        apply_overrides(PRESETS["caltrans"], {"evaluations": {"forms": [form]}})
    assert refused.value.field == "evaluations.forms[0].items[2].scale"
