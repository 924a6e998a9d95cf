"""Cancelling a logged meeting. The record stays, with who cancelled it and when, so the
pair's log and subscribed calendars keep the same entry (marked cancelled); it simply stops
counting towards the cadence, hours and reports."""

from __future__ import annotations

from app.domain.errors import Conflict, NotPermitted, TransitionRefused
from app.domain.lifecycle import PARTICIPANTS, MentorshipStatus, Party


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
