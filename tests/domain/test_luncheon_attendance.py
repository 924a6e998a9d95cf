"""Charlotte's luncheons are group sessions the mentees must attend, and the one engagement
whose host mentor must attend too: both are checked on the coordinator's worklist."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.group_sessions import GroupSession, SessionPair, missed_sessions
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.lifecycle.parties import Party
from app.domain.luncheons import LuncheonGroup, hosts_at, past_hosts, regroupings
from app.domain.policy.model import GroupActivityPolicy
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)
MENTEE, MENTOR, OTHER, HOST = uuid4(), uuid4(), uuid4(), uuid4()
PAIR = SessionPair(MENTEE, MENTOR, START, date(2027, 10, 4))
JANUARY, APRIL = date(2027, 1, 15), date(2027, 4, 15)


def _luncheon(day: date, hosts: set[UUID], *present: UUID) -> GroupSession:
    return GroupSession(uuid4(), day, frozenset(present), hosts=frozenset(hosts), luncheon=True)


def test_luncheons_with_selected_cmo_kbes_are_group_sessions_mentee_participation_is_mandatory():
    # seed 001_5dd4108eec679fcc.txt "Group Learning": "Mentees will attend periodic group
    # sessions ... Sessions ... may include: ... luncheons with selected CMO / KBEs."
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentee participation is mandatory".
    rules = CHARLOTTE_SLL.group_activities
    missed = _luncheon(JANUARY, {HOST}, HOST, OTHER)
    [found] = missed_sessions(PAIR, [missed], rules, date(2027, 2, 1))
    assert (found.event_id, found.absent, found.luncheon) == (
        missed.event_id,
        (Party.MENTEE,),
        True,
    )
    attended = _luncheon(APRIL, {HOST}, HOST, MENTEE)
    assert missed_sessions(PAIR, [attended], rules, date(2027, 5, 1)) == ()


def test_one_exception_is_cmo_kbe_attendance_at_small_group_engagements():
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentor attendance is usually optional
    # ... One exception is CMO / KBE attendance at small group engagements. ... Eight mentors
    # will each host an engagement": the mentor hosting a luncheon owes it, no other mentor.
    rules = CHARLOTTE_SLL.group_activities
    hosted = _luncheon(JANUARY, {MENTOR, HOST}, MENTEE, HOST)
    [found] = missed_sessions(PAIR, [hosted], rules, date(2027, 2, 1))
    assert found.absent == (Party.MENTOR,)
    someone_elses = _luncheon(APRIL, {HOST}, MENTEE, HOST)
    assert missed_sessions(PAIR, [someone_elses], rules, date(2027, 5, 1)) == ()
    excused = GroupSession(
        hosted.event_id, JANUARY, hosted.attendees, frozenset({MENTOR}), hosted.hosts, True
    )
    assert missed_sessions(PAIR, [excused], rules, date(2027, 2, 1)) == ()


def test_in_april_another_four_mentors_host_the_same_groups():
    # seed 000_4e18aab21704e587.txt "Group Learning": "in January four mentors will each
    # volunteer to host ... Then, in April, another four mentors ... Mentees will remain with
    # their group": the luncheon at each place has that place's host of every group.
    a, b, c, d = uuid4(), uuid4(), uuid4(), uuid4()
    plan = [LuncheonGroup(1, (MENTEE,), (a, c)), LuncheonGroup(2, (OTHER,), (b, d))]
    assert hosts_at(plan, 0) == {a, b}
    assert hosts_at(plan, 1) == {c, d}
    assert hosts_at(plan, 2) == frozenset()
    assert hosts_at(plan, -1) == frozenset()


def test_the_worklist_names_a_missed_luncheon_and_the_host_who_missed_it_with_seed_000():
    # seed 000_4e18aab21704e587.txt "Group Learning": mentees attend; the hosting CMO / KBE too.
    status = active_pair(CHARLOTTE_SLL, START)
    lunch = _luncheon(JANUARY, {MENTOR}, OTHER)
    pair = PairFacts(
        uuid4(), uuid4(), "charlotte-sll", status, people=(MENTEE, MENTOR), group_sessions=(lunch,)
    )
    [item] = [
        i for i in worklist([pair], date(2027, 2, 1), 0) if i.kind is WorkKind.LUNCHEON_MISSED
    ]
    assert (item.due_on, item.overdue, item.seed) == (JANUARY, True, "000_4e18aab21704e587.txt")
    assert (
        item.rule == "luncheon participation is mandatory: missed by the mentee and mentor (host)"
    )


@given(
    held=st.lists(
        st.tuples(
            st.integers(-60, 400),
            st.sets(st.sampled_from((MENTEE, MENTOR, OTHER))),
            st.sets(st.sampled_from((MENTOR, HOST))),
            st.booleans(),
        ),
        max_size=8,
    ),
    today_in=st.integers(0, 400),
    mentees=st.booleans(),
    mentors=st.booleans(),
)
def test_a_mentor_is_named_absent_only_where_mandatory_or_hosting_a_luncheon(
    held, today_in, mentees, mentors
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentor attendance is usually optional
    # ... One exception is CMO / KBE attendance at small group engagements."
    rules = GroupActivityPolicy(
        group_sessions_mandatory_for_mentees=mentees, group_sessions_mandatory_for_mentors=mentors
    )
    today = START + timedelta(days=today_in)
    sessions = [
        GroupSession(
            uuid4(),
            START + timedelta(days=d),
            frozenset(present),
            hosts=frozenset(hosts) if luncheon else frozenset(),
            luncheon=luncheon,
        )
        for d, present, hosts, luncheon in held
    ]
    found = {m.event_id: m for m in missed_sessions(PAIR, sessions, rules, today)}
    for s in sessions:
        counts = s.held_by(today) and PAIR.runs_from <= s.held_on <= PAIR.runs_to
        owes = mentors or (s.luncheon and MENTOR in s.hosts)
        absent = found[s.event_id].absent if s.event_id in found else ()
        assert (Party.MENTOR in absent) == (counts and owes and MENTOR not in s.attendees)
        assert (Party.MENTEE in absent) == (counts and mentees and MENTEE not in s.attendees)


def test_mentees_will_remain_with_their_group():
    # seed 000_4e18aab21704e587.txt "Group Learning": "in January four mentors will each
    # volunteer to host five (or six) mentees. Then, in April, another four mentors ...
    # Mentees will remain with their group." Once January's luncheon is held, a new plan keeps
    # each staying mentee's group and January's hosts; a newcomer joins any group.
    a, b, c, d, newcomer = uuid4(), uuid4(), uuid4(), uuid4(), uuid4()
    before = [LuncheonGroup(1, (MENTEE, OTHER), (a, c)), LuncheonGroup(2, (HOST,), (b, d))]
    kept = [LuncheonGroup(1, (MENTEE, newcomer), (a, d)), LuncheonGroup(2, (HOST,), (b, c))]
    assert regroupings(before, kept, 1) == []
    swapped = [LuncheonGroup(1, (HOST,), (a, c)), LuncheonGroup(2, (MENTEE,), (b, d))]
    assert regroupings(before, swapped, 0) == []  # nothing held yet: any seating
    found = regroupings(before, swapped, 1)
    assert f"mentee {HOST} is in group 2 since the first luncheon" in found[0]
    assert f"mentee {MENTEE} is in group 1" in found[1]
    rehosted = [LuncheonGroup(1, (MENTEE,), (c, a)), LuncheonGroup(2, (HOST,), (b, d))]
    assert regroupings(before, rehosted, 1) == [f"group 1 was hosted by {a} at the luncheons held"]
    assert past_hosts(before, 1) == {a, b}
    assert past_hosts(before, 0) == frozenset()


@given(
    seats=st.lists(st.integers(1, 3), min_size=1, max_size=8),
    moves=st.lists(st.tuples(st.integers(0, 7), st.integers(1, 3)), max_size=4),
    held=st.integers(0, 2),
)
def test_a_held_luncheon_fixes_every_staying_mentees_group(seats, moves, held):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentees will remain with their group."
    mentees = [uuid4() for _ in seats]
    hosts = {n: (uuid4(), uuid4()) for n in (1, 2, 3)}

    def plan(seating):
        return [
            LuncheonGroup(n, tuple(m for m, s in zip(mentees, seating, strict=True) if s == n), h)
            for n, h in hosts.items()
        ]

    after = list(seats)
    for index, group in moves:
        if index < len(after):
            after[index] = group
    found = regroupings(plan(seats), plan(after), held)
    moved = sum(1 for x, y in zip(seats, after, strict=True) if x != y)
    assert len(found) == (moved if held else 0)
