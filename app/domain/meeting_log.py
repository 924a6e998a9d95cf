"""Logging a meeting inside the relationship, and cancelling one.

Cancelling a logged meeting. The record stays, with who cancelled it and when, so the
pair's log and subscribed calendars keep the same entry (marked cancelled); it simply stops
counting towards the cadence, hours and reports."""

from __future__ import annotations

from collections.abc import Collection, Hashable
from datetime import date
from enum import StrEnum

from app.domain.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.timeline import Timeline


class MeetingMode(StrEnum):
    """How the pair met: face to face, "[in-person or virtual]", or an "email and/or phone
    check-in" (003 "Creating a Meeting Schedule"); 002 too has e-mail and phone conversations
    "supplement face-to-face meetings" ("Tips for Successful Mentors")."""

    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    PHONE = "phone"
    EMAIL = "email"


FACE_TO_FACE = frozenset({MeetingMode.IN_PERSON, MeetingMode.VIRTUAL})


def meeting_mode(value: str | None) -> MeetingMode | None:
    """The mode a participant states for a meeting (None: not stated), or a refusal naming
    the modes there are."""
    if value is None:
        return None
    try:
        return MeetingMode(value)
    except ValueError:
        modes = ", ".join(m.value for m in MeetingMode)
        detail = f"a meeting's mode is one of: {modes}"
        raise InvalidInput(detail, field="mode", rule="meeting_mode") from None


def held_face_to_face(mode: MeetingMode | None) -> bool:
    """Whether a meeting counts as face to face: in person or virtual. A meeting logged without
    a mode (every meeting logged before modes were recorded) counts, as it always did."""
    return mode is None or mode in FACE_TO_FACE


def require_cancellable(status: MentorshipStatus, *, by: Party, already_cancelled: bool) -> None:
    """Either participant cancels a meeting of a running pair, once."""
    if by not in PARTICIPANTS:
        raise NotPermitted(
            "only the mentee or the mentor may cancel a meeting", rule="participants_only"
        )
    if status.is_terminal:
        # A closed mentorship's log is its record: nothing in it changes any more.
        raise TransitionRefused(
            f"the mentorship is {status.state}; its meeting log is final", rule="terminal_state"
        )
    if already_cancelled:
        raise Conflict("this meeting is already cancelled", rule="already_cancelled")


def loggable_states(status: MentorshipStatus) -> frozenset[MentorshipState]:
    """When meetings are logged: from confirmation on, since the agreement is made at the first
    meeting (000/001, 003); from the proposal on where the policy says so, as in Maine, whose
    initial meetings run July-September before the pair confirms on September 1 (004)."""
    running = {MentorshipState.CONFIRMED, MentorshipState.ACTIVE}
    if status.policy.onboarding.meetings_from_proposal:
        running.add(MentorshipState.PROPOSED)
    return frozenset(running)


def require_loggable(status: MentorshipStatus, held_on: date) -> None:
    """A meeting belongs to the relationship: logged while it runs, dated inside its term."""
    states = loggable_states(status)
    if status.state not in states:
        rule = "terminal_state" if status.is_terminal else "not_confirmed"
        listed = " or ".join(sorted(states))
        raise TransitionRefused(
            f"meetings are logged while a mentorship is {listed}; this one is {status.state}",
            rule=rule,
        )
    require_within_term(status.timeline, held_on, field="held_on", what="a meeting")


def require_within_term(timeline: Timeline, day: date, *, field: str, what: str) -> None:
    """``day`` falls inside the relationship's term, or a refusal naming the allowed dates."""
    if not timeline.starts_on <= day <= timeline.ends_on:
        raise InvalidInput(
            f"{what} is dated from {timeline.starts_on.isoformat()} to "
            f"{timeline.ends_on.isoformat()}, the relationship's term",
            field=field,
            rule="outside_term",
        )


def require_goal_of_plan(goal_id: Hashable | None, plan: Collection[Hashable]) -> None:
    """The goal a meeting served is an entry of this pair's own plan, or none is named (002
    "Mentoring Meeting Log Worksheet": "Goal that discussion/activity related to"). Another
    pair's goal is refused as one that does not exist: its existence is not theirs to learn."""
    if goal_id is not None and goal_id not in plan:
        raise InvalidInput(
            "a meeting's goal is one of the mentee's goals in this pair's plan",
            field="goal_id",
            rule="goal_not_in_plan",
        )
