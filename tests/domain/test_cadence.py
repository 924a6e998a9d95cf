"""The cadence signal: a pair falls behind when a finished month had too few meetings."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact, cadence
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.nc import NC_MODEL
from app.domain.timeline import timeline_for

START = date(2027, 1, 4)
CALTRANS_TIMELINE = timeline_for(START, CALTRANS)

meetings = st.lists(
    st.builds(MeetingFact, st.dates(START, START + timedelta(days=180)), st.floats(0.25, 4.0)),
    max_size=20,
)
days = st.dates(START, START + timedelta(days=200))


def test_caltrans_pair_meeting_twice_for_three_hours_keeps_the_cadence():
    held = [MeetingFact(date(2027, 1, 10), 1.5), MeetingFact(date(2027, 1, 24), 1.5)]
    report = cadence(CALTRANS_TIMELINE, held, date(2027, 2, 10))
    assert not report.at_risk
    assert report.months[0].meetings == 2


def test_the_avoider_who_skips_a_month_is_at_risk():
    held = [MeetingFact(date(2027, 1, 10), 3.0), MeetingFact(date(2027, 1, 24), 1.0)]
    report = cadence(CALTRANS_TIMELINE, held, date(2027, 3, 10))
    assert report.at_risk
    assert "month 2" in report.reason


def test_missing_ncs_initial_meeting_window_is_at_risk():
    timeline = timeline_for(START, NC_MODEL)
    report = cadence(timeline, [], START + timedelta(days=15))
    assert report.initial_meeting_missed
    assert report.at_risk


@given(
    meetings,
    st.lists(
        st.builds(MeetingFact, st.dates(START, START + timedelta(days=180)), st.floats(0.25, 4.0)),
        max_size=5,
    ),
    days,
)
def test_meeting_more_never_puts_a_pair_at_risk(held, more, today):
    before = cadence(CALTRANS_TIMELINE, held, today)
    after = cadence(CALTRANS_TIMELINE, held + more, today)
    assert not (after.at_risk and not before.at_risk)


@given(meetings, days)
def test_a_month_counts_only_once_it_is_over(held, today):
    report = cadence(CALTRANS_TIMELINE, held, today)
    assert all(m.finished == (m.ends_on < today) for m in report.months)
    assert all(m.starts_on <= today for m in report.months)
