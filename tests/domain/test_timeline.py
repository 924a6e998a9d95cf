"""Month arithmetic and the dates of a mentorship's term."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar_months import add_months, month_window, months_between
from app.domain.errors import InvalidInput
from app.domain.policy.model import Policy, apply_overrides
from app.domain.policy.presets import PRESETS
from app.domain.timeline import timeline_for


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2022, 8, 31), 6, date(2023, 2, 28)),
        (date(2023, 8, 31), 1, date(2023, 9, 30)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_adding_months_clamps_to_the_end_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_month_windows_count_from_the_start_so_clamping_never_drifts() -> None:
    start = date(2023, 8, 31)
    assert month_window(start, 6) == (date(2024, 1, 31), date(2024, 2, 28))
    assert month_window(start, 7) == (date(2024, 2, 29), date(2024, 3, 30))
    assert month_window(start, 8) == (date(2024, 3, 31), date(2024, 4, 29))


def test_term_ends_start_plus_n_months_even_from_the_31st() -> None:
    caltrans = PRESETS["caltrans"]
    assert timeline_for(date(2023, 8, 31), caltrans).ends_on == date(2024, 2, 29)


def test_cadence_windows_give_the_last_day_a_meeting_must_happen_each_month() -> None:
    timeline = timeline_for(date(2024, 1, 31), PRESETS["nc-model"])
    first, second = timeline.cadence_windows[:2]
    assert (first.starts_on, first.ends_on) == (date(2024, 1, 31), date(2024, 2, 28))
    assert (second.starts_on, second.ends_on) == (date(2024, 2, 29), date(2024, 3, 30))
    assert first.min_meetings == 1
    assert len(timeline.cadence_windows) == 12


def test_mid_point_falls_halfway_through_the_term() -> None:
    timeline = timeline_for(date(2024, 9, 1), PRESETS["charlotte-sll"])
    assert timeline.midpoint_on == date(2025, 1, 15)  # 273 days / 2 after the start
    assert timeline_for(date(2024, 9, 1), PRESETS["caltrans"]).midpoint_on is None


def test_initial_meeting_window_is_counted_in_days() -> None:
    timeline = timeline_for(date(2024, 7, 1), PRESETS["maine-mms"])
    assert timeline.initial_meeting_due_on == date(2024, 9, 1)


def test_a_fixed_term_program_refuses_a_per_pair_length() -> None:
    with pytest.raises(InvalidInput) as refused:
        timeline_for(date(2024, 9, 1), PRESETS["charlotte-sll"], duration_months=12)
    assert refused.value.field == "duration_months"
    assert timeline_for(date(2024, 9, 1), PRESETS["charlotte-sll"], duration_months=9)


def test_a_per_pair_length_above_the_ceiling_is_refused() -> None:
    capped = apply_overrides(PRESETS["caltrans"], {"term": {"max_months": 12}})
    assert timeline_for(date(2024, 9, 1), capped, duration_months=12).duration_months == 12
    with pytest.raises(InvalidInput, match="outside"):
        timeline_for(date(2024, 9, 1), capped, duration_months=13)


starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)) | st.sampled_from(
    [date(2023, 8, 31), date(2024, 1, 31), date(2024, 2, 29), date(2023, 12, 31)]
)


@st.composite
def timing_policies(draw: st.DrawFn) -> tuple[Policy, int | None]:
    """A preset with random term, checkpoint, checkup and mid-point; maybe a per-pair length."""
    months = draw(st.integers(min_value=1, max_value=36))
    overrides: dict[str, Any] = {
        "duration_months": months,
        "term": {"agreed_per_pair": True, "min_months": months, "max_months": None},
        "checkpoint_month": draw(st.none() | st.integers(1, months - 1)) if months > 1 else None,
        "evaluations": {
            "checkup_every_months": draw(st.none() | st.integers(1, months)),
            "midpoint": draw(st.booleans()),
            "required_before_completion": [],
        },
        "onboarding": {"initial_meeting_window_days": draw(st.none() | st.integers(1, 90))},
    }
    policy = apply_overrides(PRESETS[draw(st.sampled_from(sorted(PRESETS)))], overrides)
    return policy, draw(st.none() | st.integers(months, months + 24))


@given(starts, timing_policies())
def test_timeline_is_ordered_and_inside_the_term(
    start: date, chosen: tuple[Policy, int | None]
) -> None:
    policy, per_pair = chosen
    timeline = timeline_for(start, policy, per_pair)
    months = per_pair or policy.duration_months
    assert timeline.ends_on == add_months(start, months)
    assert all(
        start <= day <= timeline.ends_on
        for day in timeline.all_dates()
        if day != timeline.initial_meeting_due_on
    )
    if timeline.checkpoint_opens_on is not None:
        assert timeline.checkpoint_due_on is not None
        assert start <= timeline.checkpoint_opens_on <= timeline.checkpoint_due_on
        assert timeline.checkpoint_due_on < timeline.ends_on
    assert list(timeline.checkups) == sorted(set(timeline.checkups))
    if timeline.midpoint_on is not None:
        assert start < timeline.midpoint_on < timeline.ends_on
    windows = timeline.cadence_windows
    assert len(windows) == months
    assert windows[0].starts_on == start
    assert windows[-1].ends_on == timeline.ends_on - timedelta(days=1)
    assert all(a.ends_on + timedelta(days=1) == b.starts_on for a, b in itertools.pairwise(windows))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 36))
def test_a_term_of_n_months_reads_back_as_n_months(start: date, months: int) -> None:
    # seed 002_59333b271e9b4b69.txt: "six months is recommended"; a pair's agreed term is read
    # back from its start and end dates, so the two month counts must agree even from the 31st.
    assert months_between(start, add_months(start, months)) == months
