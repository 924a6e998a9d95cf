"""Examples of a pair's meetings and meeting log, a participant's journal, the calendar feed."""

from __future__ import annotations

from typing import Any

MEETING_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "held_on": "2027-03-15",
            "hours": 1.5,
            "topics": ["career goals", "budget presentation"],
            "goal_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            "competency": "public speaking",
            "observations": None,
            "follow_ups": "draft the board presentation outline",
            "notes": None,
            "logged_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "cancelled": False,
            "cancelled_at": None,
            "cancelled_by": None,
            "created_at": "2027-03-15T17:40:00Z",
        }
    ]
}

MEETING_LOG_READ: dict[str, Any] = {
    "examples": [
        {
            "meetings": [
                {
                    "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "held_on": "2027-03-15",
                    "hours": 1.5,
                    "topics": ["career goals", "budget presentation"],
                    "goal_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
                    "competency": "public speaking",
                    "observations": None,
                    "follow_ups": "draft the board presentation outline",
                    "notes": None,
                    "logged_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "cancelled": False,
                    "cancelled_at": None,
                    "cancelled_by": None,
                    "created_at": "2027-03-15T17:40:00Z",
                }
            ],
            "content_withheld": False,
            "cadence": {
                "months": [
                    {
                        "month": 1,
                        "starts_on": "2027-03-01",
                        "ends_on": "2027-03-31",
                        "meetings": 1,
                        "hours": 1.5,
                        "min_meetings": 2,
                        "min_hours": 2.0,
                        "finished": False,
                        "short": False,
                    }
                ],
                "initial_meeting_missed": False,
                "at_risk": False,
                "reason": "on track: 1 of 2 meetings this month",
                "short_months": [],
            },
        }
    ]
}

JOURNAL_ENTRY_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "entry_on": "2027-03-16",
            "entry": {
                "focus": "first budget review with my mentor",
                "learning_points": "lead with the decision the board must take",
            },
            "created_at": "2027-03-16T20:10:00Z",
        }
    ]
}

CALENDAR_FEED_READ: dict[str, Any] = {
    "examples": [
        {
            "url": "https://mentoring.example.org/v1/calendar/0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f/cal_4kP9sQ2vX7mZ.ics",
            "secret": "cal_4kP9sQ2vX7mZ",
        }
    ]
}

CALENDAR_ENTRY_READ: dict[str, Any] = {
    "examples": [
        {
            "uid": "cohort-event-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b@mentoring",
            "title": "Group session (mandatory for mentees, optional for mentors)",
            "starts_on": "2027-02-04",
            "ends_on": None,
            "cancelled": False,
            "attended": True,
            "excused": False,
        }
    ]
}
