"""Who missed a mandatory group session: 000 "Group Learning" (001 the same): "Mentees will
attend periodic group sessions to network and share learnings with other Mentees. Although
Mentee participation is mandatory, Mentor attendance is usually optional."

Only a session that was held counts against anyone: its day has passed and somebody recorded
its attendance (a session nobody recorded yet would otherwise accuse everyone). A pair owes
the sessions held while it was running, not one before it formed or after it ended.

A coordinator may excuse someone (illness, a council meeting): an excused absence is not a
missed session, and recording a person present would falsify the record. "Held" still means
somebody was recorded present: a session where everyone recorded was excused did not take
place for the others either. A person is present or excused, never both.

The luncheons are group sessions too: 001 "Group Learning" lists "luncheons with selected
CMO / KBEs" among the sessions mentees attend, so a mentee who missed one missed a mandatory
session; and 000 names them the "one exception" to the mentor's optional attendance: "CMO / KBE
attendance at small group engagements", so the mentor hosting that luncheon owes it as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.lifecycle.parties import Party
from app.domain.policy.model import GroupActivityPolicy


@dataclass(frozen=True, slots=True)
class GroupSession:
    """A group session on a cohort's calendar: its day, who was recorded present and who was
    excused."""

    event_id: UUID
    held_on: date
    attendees: frozenset[UUID]
    excused: frozenset[UUID] = frozenset()
    # A luncheon's hosts (the luncheon plan's host of each group at it); none for a session.
    hosts: frozenset[UUID] = frozenset()
    luncheon: bool = False

    def accounted_for(self, person: UUID) -> bool:
        """Recorded present, or excused: either way the person owes nothing for it."""
        return person in self.attendees or person in self.excused

    def held_by(self, today: date) -> bool:
        """Its day has passed and somebody was recorded present (excusals alone do not make
        a session held: nobody attended it)."""
        return self.held_on < today and bool(self.attendees)


@dataclass(frozen=True, slots=True)
class SessionPair:
    """A pair as the sessions read it: its two people and the days it runs (both included)."""

    mentee_id: UUID
    mentor_id: UUID
    runs_from: date
    runs_to: date

    def person(self, party: Party) -> UUID:
        """The pair's mentee or mentor."""
        return self.mentee_id if party is Party.MENTEE else self.mentor_id


@dataclass(frozen=True, slots=True)
class MissedSession:
    """A held session the pair owed, and which of its people the record does not name."""

    event_id: UUID
    held_on: date
    absent: tuple[Party, ...]
    luncheon: bool = False


def must_attend(rules: GroupActivityPolicy) -> tuple[Party, ...]:
    """Whose participation the policy makes mandatory (Charlotte: the mentee's alone)."""
    owed = []
    if rules.group_sessions_mandatory_for_mentees:
        owed.append(Party.MENTEE)
    if rules.group_sessions_mandatory_for_mentors:
        owed.append(Party.MENTOR)
    return tuple(owed)


def missed_sessions(
    pair: SessionPair, sessions: Iterable[GroupSession], rules: GroupActivityPolicy, today: date
) -> tuple[MissedSession, ...]:
    """Every session held by ``today`` while the pair ran that a mandatory attendee missed,
    in date order."""
    found = []
    for session in sorted(sessions, key=lambda s: (s.held_on, str(s.event_id))):
        if not session.held_by(today) or not pair.runs_from <= session.held_on <= pair.runs_to:
            continue
        owed = owed_at(session, pair, rules)
        absent = tuple(p for p in owed if not session.accounted_for(pair.person(p)))
        if absent:
            found.append(MissedSession(session.event_id, session.held_on, absent, session.luncheon))
    return tuple(found)


def owed_at(
    session: GroupSession, pair: SessionPair, rules: GroupActivityPolicy
) -> tuple[Party, ...]:
    """Who of the pair must attend ``session``: whom the policy obliges, and at a luncheon the
    pair's mentor too where they host it (000 "Group Learning": "One exception is CMO / KBE
    attendance at small group engagements")."""
    owed = must_attend(rules)
    if session.luncheon and pair.mentor_id in session.hosts and Party.MENTOR not in owed:
        owed = (*owed, Party.MENTOR)
    return owed


def own_attendance(person: UUID, attendees: Iterable[UUID]) -> bool | None:
    """Whether ``person`` was recorded present at an event; None while nobody's attendance
    is recorded (the record is not yet kept, so it says nothing of anyone)."""
    recorded = frozenset(attendees)
    return person in recorded if recorded else None


def own_excusal(person: UUID, excused: Iterable[UUID]) -> bool:
    """Whether ``person`` was excused from an event (their own fact, nobody else's)."""
    return person in frozenset(excused)
