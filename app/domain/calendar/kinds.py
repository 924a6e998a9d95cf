"""The kinds of event on a cohort's calendar, as the rules understand them."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """An event of the seeds' calendars (Maine's schedule, NC's sessions, Charlotte's groups)."""

    SOCIAL_EVENT = "social_event"
    PRELIMINARY_MATCHES = "preliminary_matches"
    ORIENTATION = "orientation"
    INITIAL_MEETING_WINDOW = "initial_meeting_window"
    MATCH_CONFIRMATION = "match_confirmation"  # the confirm-by date: a deadline
    NETWORKING_EVENT = "networking_event"
    PROGRAM_EVALUATION = "program_evaluation"  # opens and closes the program evaluation
    FINAL_CELEBRATION = "final_celebration"  # the formal end where the policy says so
    INFORMATION_SESSION = "information_session"
    GROUP_SESSION = "group_session"
    LUNCHEON = "luncheon"
