"""The mentee's journal (seed 001_5dd4108eec679fcc.txt "Monthly Journaling", "SAMPLE JOURNAL")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.journal import COLUMNS, check_journal_entry
from app.domain.policy.presets import preset
from app.domain.timeline import timeline_for

START = date(2026, 9, 1)
TIMELINE = timeline_for(START, preset("charlotte-sll"))


def test_the_sample_journal_keeps_accomplishments_toward_goal_and_possible_learning_activities():
    # seed 001_5dd4108eec679fcc.txt "SAMPLE JOURNAL": "Accomplishments toward Goal", "Possible
    # Learning Activities or Ideas"; "Monthly Journaling": "It also can serve as a holding place
    # for possible learning activities and ideas to be discussed with your Mentor."
    assert list(COLUMNS.values()) == [
        "Overall Goal",
        "Focus of interaction",
        "Specifics of the issue / situation",
        "Learning Points",
        "Application (how and where it can be used)",
        "Accomplishments toward Goal",
        "Possible Learning Activities or Ideas",
    ]
    entry = {"accomplishments": "ran the budget review", "learning_activities": "shadow a KBE"}
    check_journal_entry(TIMELINE, START, entry)
    with pytest.raises(InvalidInput) as refused:
        check_journal_entry(TIMELINE, START, {"mood": "good"})
    assert refused.value.field == "entry.mood"


@given(st.integers(min_value=-400, max_value=700))
def test_a_journal_tracks_self_development_during_this_experience(offset: int) -> None:
    # seed 001_5dd4108eec679fcc.txt "Monthly Journaling": "Keeping a journal is a good way for
    # you to track your self-development during this experience": dated inside the term.
    day = START + timedelta(days=offset)
    entry = {"focus": "a difficult meeting"}
    if TIMELINE.starts_on <= day <= TIMELINE.ends_on:
        check_journal_entry(TIMELINE, day, entry)
        return
    with pytest.raises(InvalidInput) as refused:
        check_journal_entry(TIMELINE, day, entry)
    assert (refused.value.field, refused.value.rule) == ("entry_on", "outside_term")


def test_an_empty_journal_entry_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        check_journal_entry(TIMELINE, START, {"focus": "  "})
    assert refused.value.field == "entry"
