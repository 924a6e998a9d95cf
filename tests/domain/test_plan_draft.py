"""NC asks for at least a rough draft of the development plan at the initial meeting (seed
003): a pair whose initial meeting was held while its plan is empty is on the coordinator's
worklist, due on that meeting's day, until the plan holds an entry; programs that do not ask
list none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.policy.presets import PRESETS
from app.domain.policy.presets.nc import NC_MODEL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)
SEED = "003_e5d42bff8b56600f.txt"


def _drafts_owed(preset, policy, meetings, today, *, drafted=False):
    status = active_pair(policy, START)
    pair = PairFacts(uuid4(), uuid4(), preset, status, tuple(meetings), plan_drafted=drafted)
    return [i for i in worklist([pair], today, 0) if i.kind is WorkKind.PLAN_DRAFT_MISSING]


def test_at_least_a_rough_draft_of_the_plan_should_be_completed_during_the_initial_meeting():
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals": "At least a rough
    # draft of the plan should be completed during the initial meeting."
    first = START + timedelta(days=5)
    met = [MeetingFact(START + timedelta(days=2), 0.5), MeetingFact(first, 1.0)]
    today = START + timedelta(days=40)
    assert _drafts_owed("nc-model", NC_MODEL, met[:1], START + timedelta(days=3)) == []
    [item] = _drafts_owed("nc-model", NC_MODEL, met, today)
    assert (item.due_on, item.overdue, item.seed) == (first, True, SEED)
    assert item.rule == "at least a rough draft of the plan by the initial meeting"
    assert _drafts_owed("nc-model", NC_MODEL, met, today, drafted=True) == []
    # The other handbooks state no such rule: their presets do not ask.
    for key, preset in PRESETS.items():
        assert preset.goals.plan_drafted_at_initial_meeting == (key == "nc-model"), key
        if key != "nc-model":
            assert _drafts_owed(key, preset, met, today) == [], key


_MEETING = st.tuples(st.integers(0, 30), st.sampled_from([0.5, 1.0, 2.0]), st.booleans())


@given(
    asks=st.booleans(),
    drafted=st.booleans(),
    meetings=st.lists(_MEETING, max_size=4),
    days_in=st.integers(0, 60),
)
def test_a_draft_is_owed_exactly_when_the_initial_meeting_was_held_and_the_plan_is_empty(
    asks, drafted, meetings, days_in
):
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals".
    policy = replace(NC_MODEL, goals=replace(NC_MODEL.goals, plan_drafted_at_initial_meeting=asks))
    today = START + timedelta(days=days_in)
    facts = [
        MeetingFact(START + timedelta(days=d), hours, face_to_face=f2f)
        for d, hours, f2f in meetings
        if d <= days_in
    ]
    due = START + timedelta(days=NC_MODEL.onboarding.initial_meeting_window_days or 0)
    # The initial meeting: face to face, at least an hour, within its window (003 "Initial
    # Meeting"); the first such one.
    initial = sorted(
        m.held_on for m in facts if m.face_to_face and m.hours >= 1 and m.held_on <= due
    )
    owed = _drafts_owed("nc-model", policy, facts, today, drafted=drafted)
    if asks and initial and not drafted:
        [item] = owed
        assert item.due_on == initial[0]
        assert item.overdue == (initial[0] < today)
    else:
        assert owed == []
