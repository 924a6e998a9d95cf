"""Where pairs form as people come (Caltrans, NC) a cohort keeps taking applications to its
last day (the day before its `ends_on`, the first day past its term); where they form before
the term (Charlotte, Maine) applications close at its start. A Maine pair matched after the
cohort's confirm-by date gets its own, as long after its start."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.cohort_calendar import (
    applications_close_on,
    cohort_term_end,
    confirm_by,
    pair_confirm_by,
    planned_calendar,
)
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.deadlines import DeadlineKind, due_deadlines
from app.domain.lifecycle.status import propose
from app.domain.policy.presets import PRESETS
from app.domain.policy.presets.maine import MAINE_MMS

START = date(2027, 1, 4)
END = date(2027, 12, 10)
MONTH_FOUR = date(2027, 5, 10)
MAINE_START = date(2027, 7, 1)
SEPT_1 = date(2027, 9, 1)
LATE = date(2027, 10, 10)


def _closes(key: str, ends_on: date | None = END, close_on: date | None = None) -> date | None:
    return applications_close_on(PRESETS[key], START, ends_on, close_on)


def _takes(closes: date | None, day: date) -> bool:
    return closes is None or day <= closes


def test_the_list_should_be_readily_available_for_all_employees_to_use_when_seeking_out_a_mentor():
    # seed 002_59333b271e9b4b69.txt "Shaping Successful Mentoring Programs": "The list should be
    # readily available for all employees to use when seeking out a mentor": an employee who
    # decides in month four to seek one applies to the running cohort.
    assert not PRESETS["caltrans"].onboarding.applications_close_at_start
    assert _closes("caltrans") == END - timedelta(days=1)
    assert _takes(_closes("caltrans"), MONTH_FOUR)
    assert _closes("caltrans", ends_on=None) is None  # a cohort without an end stays open
    # The coordinator's own close date still wins.
    assert not _takes(_closes("caltrans", close_on=date(2027, 3, 1)), MONTH_FOUR)


def test_perform_participant_screenings_coordinate_mentor_mentee_matching_assignments():
    # seed 003_e5d42bff8b56600f.txt "SUMMARY OF RESPONSIBILITIES", Program Manager/Coordinator:
    # "Perform participant screenings. Coordinate information sessions, mentor/mentee matching
    # / assignments"; "Summary": information meetings followed up "annually". The coordinator
    # matches people as they are screened, all year.
    assert not PRESETS["nc-model"].onboarding.applications_close_at_start
    assert _takes(_closes("nc-model"), MONTH_FOUR)
    assert not _takes(_closes("nc-model"), END + timedelta(days=1))


def test_readily_available_for_all_employees_to_use_when_seeking_out_a_mentor_to_the_last_day():
    # seed 002_59333b271e9b4b69.txt "Shaping Successful Mentoring Programs": the list is
    # "readily available for all employees to use when seeking out a mentor", and 003
    # "SUMMARY OF RESPONSIBILITIES": the coordinator matches as participants are screened: to
    # the cohort's last day. Its `ends_on` is the first day past the term (`cohort_term_end`),
    # so that day takes no application.
    for key in ("caltrans", "nc-model"):
        assert cohort_term_end(PRESETS[key], START, END) == END
        assert _takes(_closes(key), END - timedelta(days=1)), key
        assert not _takes(_closes(key), END), key


def test_july_1_preliminary_mentoring_matches_made():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July 1, 2003 Preliminary Mentoring
    # matches made": the year's pairs are matched as it starts, so applications close then.
    assert MAINE_MMS.onboarding.applications_close_at_start
    assert _closes("maine-mms") == START
    assert not _takes(_closes("maine-mms"), MONTH_FOUR)


def test_reviews_participant_application_for_closest_match_with_mentor_profile():
    # seed 000_4e18aab21704e587.txt "Selection Committee": "Reviews participant application for
    # closest match with mentor profile": one review of the year's applications, before the
    # nine months.
    assert PRESETS["charlotte-sll"].onboarding.applications_close_at_start
    assert not _takes(_closes("charlotte-sll", ends_on=None), MONTH_FOUR)


@given(
    key=st.sampled_from(sorted(PRESETS)),
    length=st.none() | st.integers(1, 800),
    close_after=st.none() | st.integers(-60, 800),
    day_after=st.integers(0, 900),
)
def test_a_cohort_takes_applications_on_a_day_as_its_program_forms_pairs(
    key, length, close_after, day_after
):
    # seed 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt: pairs as people come;
    # 004_5b4c852a2ca2c393.txt, 000_4e18aab21704e587.txt: pairs before the term.
    ends_on = None if length is None else START + timedelta(days=length)
    close_on = None if close_after is None else START + timedelta(days=close_after)
    day = START + timedelta(days=day_after)
    taken = _takes(_closes(key, ends_on, close_on), day)
    if close_on is not None:
        assert taken is (day <= close_on)
    elif PRESETS[key].onboarding.applications_close_at_start:
        assert taken is (day == START)
    else:
        assert taken is (ends_on is None or day < ends_on)


@given(
    key=st.sampled_from(sorted(PRESETS)),
    length=st.none() | st.integers(1, 800),
    close_after=st.none() | st.integers(-60, 800),
)
def test_the_last_application_day_is_never_on_or_after_the_first_day_past_the_term(
    key, length, close_after
):
    # seed 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt: applications are taken within the
    # term; a cohort's `ends_on` (or its start plus the policy's months) is the first day past
    # it. Only a coordinator's own close date may say otherwise, and that is theirs to set.
    ends_on = None if length is None else START + timedelta(days=length)
    closes = _closes(key, ends_on, None)
    past = cohort_term_end(PRESETS[key], START, ends_on)
    if closes is not None:
        assert START <= closes < past
    else:
        assert ends_on is None
        assert not PRESETS[key].onboarding.applications_close_at_start
    chosen = None if close_after is None else START + timedelta(days=close_after)
    assert _closes(key, ends_on, chosen) == (closes if chosen is None else chosen)


def test_july_sept_initial_meetings_of_mentoring_partners_sept_1_participants_confirm_matches():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July-Sept 2003 Initial meetings of
    # mentoring partners" / "Sept 1, 2003 Participants confirm mentoring matches": a late pair
    # has the same weeks to meet before it confirms, from its own start.
    cohort = confirm_by(planned_calendar(MAINE_MMS, MAINE_START))
    assert cohort == SEPT_1
    assert pair_confirm_by(cohort, MAINE_START, MAINE_START) == SEPT_1
    assert pair_confirm_by(cohort, MAINE_START, date(2027, 8, 15)) == SEPT_1
    own = pair_confirm_by(cohort, MAINE_START, LATE)
    assert own == LATE + (SEPT_1 - MAINE_START) == date(2027, 12, 11)
    proposed = propose(policy=MAINE_MMS, starts_on=LATE)
    assert due_deadlines(proposed, LATE, confirm_by=own) == ()
    assert due_deadlines(proposed, own - timedelta(days=1), confirm_by=own) == ()
    [due] = due_deadlines(proposed, own, confirm_by=own)
    assert (due.kind, due.due_on) == (DeadlineKind.CONFIRM_BY, own)


def test_a_late_maine_match_is_not_overdue_on_the_worklist_the_day_it_forms():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "Sept 1 Participants confirm
    # mentoring matches", counted from a late pair's own start.
    own = pair_confirm_by(SEPT_1, MAINE_START, LATE)
    pair = PairFacts(
        uuid4(), uuid4(), "maine-mms", propose(policy=MAINE_MMS, starts_on=LATE), confirm_by=own
    )
    assert worklist([pair], LATE, 14) == ()
    [late] = worklist([pair], own + timedelta(days=1), 0)
    assert (late.kind, late.due_on, late.overdue) == (
        WorkKind.UNCONFIRMED_PAST_CONFIRM_BY,
        own,
        True,
    )


@given(
    confirm_after=st.integers(-30, 120),
    start_after=st.integers(0, 400),
)
def test_a_pair_never_owes_its_confirmation_before_it_has_had_the_cohorts_allowance(
    confirm_after, start_after
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": initial meetings, then confirmation.
    cohort = MAINE_START + timedelta(days=confirm_after)
    starts = MAINE_START + timedelta(days=start_after)
    own = pair_confirm_by(cohort, MAINE_START, starts)
    assert own is not None
    if starts <= cohort:
        assert own == cohort
    else:
        assert own - starts == max(cohort - MAINE_START, timedelta(0))
    assert pair_confirm_by(None, MAINE_START, starts) is None
